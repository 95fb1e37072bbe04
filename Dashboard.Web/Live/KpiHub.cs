using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Live;

/// <summary>
/// Live indicator updates for systems that are not Blazor pages (the smart-city portal, Satu Data). Clients
/// receive <c>indicatorsChanged</c> (city-wide values: every reader) and <c>ingestProgress</c>; an agency head's
/// connection also receives <c>agencyIndicatorsChanged</c> with their own agency's values (the group
/// <see cref="AgencyGroup"/> of each agency <see cref="ReaderScope"/> gives them). The server sends, clients only listen.
/// </summary>
[Authorize(Policy = Policies.ReadIndicators)]
public sealed class KpiHub(LocalHubConnections local) : Hub
{
    public const string Path = "/hubs/kpi";

    /// <summary>The group of the connections that receive <paramref name="opd"/>'s own values.</summary>
    public static string AgencyGroup(string opd) => "opd:" + opd;

    public override async Task OnConnectedAsync()
    {
        // The scope rule is applied here, once: the groups (and this node's registry) decide who receives what.
        var agencies = ReaderScope.Of(Context.User).Agencies;
        local.Add(Context, agencies);
        foreach (var opd in agencies)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AgencyGroup(opd));
        }
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        local.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
