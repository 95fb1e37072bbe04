using System.Collections.Concurrent;

namespace Dashboard.Web.Live;

/// <summary>
/// The <see cref="KpiHub"/> connections of this process. With the Redis backplane, <c>Clients.All</c> reaches every
/// node's clients through Redis; a send to these ids stays on this node (and works while Redis is down).
/// </summary>
public sealed class LocalHubConnections
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    public IReadOnlyList<string> Ids => [.. _ids.Keys];

    public void Add(string connectionId) => _ids.TryAdd(connectionId, 0);

    public void Remove(string connectionId) => _ids.TryRemove(connectionId, out _);
}
