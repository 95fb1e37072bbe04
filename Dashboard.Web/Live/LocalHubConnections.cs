using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Live;

/// <summary>
/// The <see cref="KpiHub"/> connections of this process. With the Redis backplane, <c>Clients.All</c> reaches every
/// node's clients through Redis; a send to one of these ids stays on this node (and works while Redis is down). The
/// contexts let <see cref="HubAccessRevalidator"/> close a connection whose access was revoked.
/// </summary>
public sealed class LocalHubConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public IReadOnlyList<string> Ids => [.. _connections.Keys];

    public IReadOnlyList<HubCallerContext> Contexts => [.. _connections.Values];

    public void Add(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _connections[context.ConnectionId] = context;
    }

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);
}
