using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Live;

/// <summary>
/// Live indicator updates for systems that are not Blazor pages (the smart-city portal, Satu Data). Clients
/// receive <c>indicatorsChanged</c> and <c>ingestProgress</c>; the server sends, clients only listen.
/// </summary>
[Authorize(Policy = Policies.ReadIndicators)]
public sealed class KpiHub(LocalHubConnections local) : Hub
{
    public const string Path = "/hubs/kpi";

    public override Task OnConnectedAsync()
    {
        local.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        local.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
