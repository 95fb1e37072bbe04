using System.Text.Json.Serialization;
using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.Live;

/// <summary>Something that screens showing indicators or source status should react to (in JSON between nodes, by <c>kind</c>).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(IndicatorsChanged), "indicators")]
[JsonDerivedType(typeof(IngestProgress), "progress")]
[JsonDerivedType(typeof(AlertsChanged), "alerts")]
[JsonDerivedType(typeof(Dashboard.Ingest.Shared.FollowUps.FollowUpsChanged), "followups")]
[JsonDerivedType(typeof(Dashboard.Ingest.Shared.FollowUps.MeetingChanged), "meeting")]
public abstract record KpiEvent(string Source, DateTimeOffset At)
{
    /// <summary>
    /// Null for an event of this process; the sending node's id for one received from another node (the Redis
    /// notification channel), which is delivered here but never forwarded again.
    /// </summary>
    [JsonIgnore]
    public string? FromNode { get; init; }
}

/// <summary>A run committed and the named indicators were recomputed.</summary>
public sealed record IndicatorsChanged(string Source, DateTimeOffset At, long? RunId, IReadOnlyList<string> IndicatorCodes)
    : KpiEvent(Source, At);

/// <summary>A run started, progressed (a page committed) or ended.</summary>
public sealed record IngestProgress(string Source, DateTimeOffset At, long RunId, IngestRunStatus Status, int Pages, int ItemsRead)
    : KpiEvent(Source, At);

/// <summary>Alerts of a source fired, were acknowledged or resolved.</summary>
public sealed record AlertsChanged(string Source, DateTimeOffset At) : KpiEvent(Source, At);

/// <summary>
/// The one in-process fan-out of <see cref="KpiEvent"/>s: jobs publish, Blazor components and the SignalR
/// relay subscribe. Each subscriber has its own queue and one reader at a time, so it sees events in publish order, while a
/// slow screen never slows a job or another screen. A subscriber that falls <see cref="QueueLength"/> events behind
/// loses the oldest ones: every event only says "re-read", so the newest is what matters.
/// </summary>
/// <remarks>
/// A subscriber may name events it takes on the publisher's thread (<c>inline</c>): when it is idle with nothing queued,
/// such an event runs its handler right there, up to the handler's first wait that does not complete at once; the rest runs
/// on the thread pool, and events published meanwhile queue behind it. That spares the hand-off to a thread-pool thread,
/// which on a loaded machine can wait tens of milliseconds for a core (the hub relay uses it for the once-a-run events).
/// </remarks>
public sealed class KpiBroadcaster
{
    public const int QueueLength = 256;

    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    /// <summary>Subscribes a handler; dispose the result to unsubscribe (components do so in Dispose).</summary>
    /// <param name="handler">Called once per event, one call at a time, in publish order.</param>
    /// <param name="inline">The events to start on the publisher's thread when the subscriber is idle (see remarks); none if null.</param>
    public IDisposable Subscribe(Func<KpiEvent, Task> handler, Func<KpiEvent, bool>? inline = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, handler, inline);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    public void Publish(KpiEvent e)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Post(e);
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    private sealed class Subscription(KpiBroadcaster owner, Func<KpiEvent, Task> handler, Func<KpiEvent, bool>? inline) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Queue<KpiEvent> _queue = new();
        // True while a handler call is in flight or a drain is scheduled: then new events queue behind it.
        private bool _running;
        private bool _disposed;

        public void Post(KpiEvent e)
        {
            var runHere = false;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
                if (_running)
                {
                    if (_queue.Count == QueueLength)
                    {
                        _queue.Dequeue();
                    }
                    _queue.Enqueue(e);
                    return;
                }
                _running = true;
                if (inline?.Invoke(e) != true)
                {
                    _queue.Enqueue(e);
                }
                else
                {
                    runHere = true;
                }
            }
            if (!runHere)
            {
                _ = Task.Run(DrainAsync);
                return;
            }
            var call = Call(e);
            if (call.IsCompleted)
            {
                Release();
            }
            else
            {
                _ = call.ContinueWith(_ => DrainAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }

        /// <summary>After an inline call that completed at once: idle again, or hand what queued meanwhile to the thread pool.</summary>
        private void Release()
        {
            lock (_gate)
            {
                if (_queue.Count == 0 || _disposed)
                {
                    _running = false;
                    return;
                }
            }
            _ = Task.Run(DrainAsync);
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                KpiEvent e;
                lock (_gate)
                {
                    if (_disposed || !_queue.TryDequeue(out e!))
                    {
                        _running = false;
                        return;
                    }
                }
                await Call(e);
            }
        }

        private Task Call(KpiEvent e)
        {
            try
            {
                return Swallow(handler(e));
            }
            catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // A circuit that went away between publish and delivery: nothing to deliver to.
                return Task.CompletedTask;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Never thrown into the publisher (a job): the failed call ends as its task does on the thread pool.
                return Task.FromException(ex);
            }
        }

        private static async Task Swallow(Task call)
        {
            try
            {
                await call;
            }
            catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // As above, when the handler failed after its first wait.
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
                _disposed = true;
                _queue.Clear();
            }
            owner.Unsubscribe(this);
        }
    }
}
