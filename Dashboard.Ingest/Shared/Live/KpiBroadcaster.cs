using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.Live;

/// <summary>Something that screens showing indicators or source status should react to.</summary>
public abstract record KpiEvent(string Source, DateTimeOffset At);

/// <summary>A run committed and the named indicators were recomputed.</summary>
public sealed record IndicatorsChanged(string Source, DateTimeOffset At, long? RunId, IReadOnlyList<string> IndicatorCodes)
    : KpiEvent(Source, At);

/// <summary>A run started, progressed (a page committed) or ended.</summary>
public sealed record IngestProgress(string Source, DateTimeOffset At, long RunId, IngestRunStatus Status, int Pages, int ItemsRead)
    : KpiEvent(Source, At);

/// <summary>
/// The one in-process fan-out of <see cref="KpiEvent"/>s: jobs publish, Blazor components and the SignalR
/// relay subscribe. Handlers run outside the publisher's call path so that a slow screen never slows a job.
/// </summary>
public sealed class KpiBroadcaster
{
    private readonly Lock _gate = new();
    private Func<KpiEvent, Task>[] _handlers = [];

    public int SubscriberCount => Volatile.Read(ref _handlers).Length;

    /// <summary>Subscribes a handler; dispose the result to unsubscribe (components do so in Dispose).</summary>
    public IDisposable Subscribe(Func<KpiEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }
        return new Subscription(this, handler);
    }

    public void Publish(KpiEvent e)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await handler(e);
                }
                catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException or InvalidOperationException)
                {
                    // A circuit that went away between publish and delivery: nothing to deliver to.
                }
            });
        }
    }

    private void Unsubscribe(Func<KpiEvent, Task> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers.Where(h => h != handler)];
        }
    }

    private sealed class Subscription(KpiBroadcaster owner, Func<KpiEvent, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(handler);
            }
        }
    }
}
