using System.Collections.Concurrent;

namespace Dashboard.Web.Features.Walls;

/// <summary>What an administrator can send to one screen.</summary>
public enum WallCommand { Reload = 0, NextBoard = 1, Identify = 2 }

/// <summary>One open wall page (circuit) of a screen, as it last reported itself.</summary>
public sealed class WallConnection : IDisposable
{
    private readonly WallPresence _owner;
    private readonly Func<WallCommand, Task> _handler;

    internal WallConnection(WallPresence owner, int screenId, DateTimeOffset now, Func<WallCommand, Task> handler)
    {
        _owner = owner;
        _handler = handler;
        ScreenId = screenId;
        ConnectedAt = now;
        LastBeatAt = now;
    }

    public Guid Id { get; } = Guid.NewGuid();
    public int ScreenId { get; }
    public DateTimeOffset ConnectedAt { get; }
    public DateTimeOffset LastBeatAt { get; private set; }
    public string? Resolution { get; private set; }
    public string? Board { get; private set; }

    public void Beat(DateTimeOffset now, string? resolution, string? board)
    {
        LastBeatAt = now;
        Resolution = resolution ?? Resolution;
        Board = board;
    }

    internal Task SendAsync(WallCommand command) => _handler(command);

    public void Dispose() => _owner.Remove(this);
}

/// <summary>
/// The wall pages open on this node, by screen: heartbeats for the admin page and the way its commands reach exactly
/// the screen chosen. In memory (a circuit lives on one node); what must survive a restart (last seen, resolution,
/// version) is written to the screen's row by the page.
/// </summary>
public sealed class WallPresence(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, WallConnection> _connections = new();

    public WallConnection Register(int screenId, Func<WallCommand, Task> handler)
    {
        var connection = new WallConnection(this, screenId, time.GetUtcNow(), handler);
        _connections[connection.Id] = connection;
        return connection;
    }

    internal void Remove(WallConnection connection) => _connections.TryRemove(connection.Id, out _);

    public int Count => _connections.Count;

    public IReadOnlyList<WallConnection> All => [.. _connections.Values];

    public IReadOnlyList<WallConnection> Of(int screenId) =>
        [.. _connections.Values.Where(c => c.ScreenId == screenId).OrderByDescending(c => c.LastBeatAt)];

    /// <summary>Sends <paramref name="command"/> to every open page of that screen (normally one); returns how many.</summary>
    public async Task<int> SendAsync(int screenId, WallCommand command)
    {
        var targets = Of(screenId);
        foreach (var c in targets)
        {
            await c.SendAsync(command);
        }
        return targets.Count;
    }
}
