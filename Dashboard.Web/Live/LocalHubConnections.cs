using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Live;

/// <summary>
/// The <see cref="KpiHub"/> connections of this process. With the Redis backplane, <c>Clients.All</c> reaches every
/// node's clients through Redis; a send to one of these ids stays on this node (and works while Redis is down). The
/// contexts let <see cref="HubAccessRevalidator"/> close a connection whose access was revoked. Each connection's
/// agencies (the scope rule's <c>opd:</c> groups) are decided once, when it connects: a send never re-evaluates the
/// scope rule per connection.
/// </summary>
public sealed class LocalHubConnections
{
    private readonly ConcurrentDictionary<string, Entry> _connections = new(StringComparer.Ordinal);

    private sealed record Entry(HubCallerContext Context, IReadOnlyList<string> Agencies);

    public int Count => _connections.Count;

    public IReadOnlyList<string> Ids => [.. _connections.Keys];

    public IReadOnlyList<HubCallerContext> Contexts => [.. _connections.Values.Select(e => e.Context)];

    /// <summary>Registers a connection with the agencies whose own values it receives (none for most readers).</summary>
    public void Add(HubCallerContext context, IReadOnlyList<string>? agencies = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        _connections[context.ConnectionId] = new Entry(context, agencies ?? []);
    }

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>The connections that receive <paramref name="opd"/>'s own values (its <c>opd:</c> group on this node).</summary>
    public IReadOnlyList<string> IdsOf(string opd) =>
        [.. _connections.Where(c => c.Value.Agencies.Contains(opd, StringComparer.Ordinal)).Select(c => c.Key)];
}
