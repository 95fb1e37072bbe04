using System.Text.Json.Serialization;
using System.Threading.Channels;
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
/// relay subscribe. Each subscriber has its own queue and one reader, so it sees events in publish order, while a
/// slow screen never slows a job or another screen. A subscriber that falls <see cref="QueueLength"/> events behind
/// loses the oldest ones: every event only says "re-read", so the newest is what matters.
/// </summary>
public sealed class KpiBroadcaster
{
    public const int QueueLength = 256;

    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    /// <summary>Subscribes a handler; dispose the result to unsubscribe (components do so in Dispose).</summary>
    public IDisposable Subscribe(Func<KpiEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, handler);
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
            subscription.Queue.Writer.TryWrite(e);
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    private sealed class Subscription : IDisposable
    {
        private readonly KpiBroadcaster _owner;
        private readonly Func<KpiEvent, Task> _handler;
        private int _disposed;

        public Subscription(KpiBroadcaster owner, Func<KpiEvent, Task> handler)
        {
            _owner = owner;
            _handler = handler;
            _ = Task.Run(DeliverAsync);
        }

        public Channel<KpiEvent> Queue { get; } = Channel.CreateBounded<KpiEvent>(
            new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        private async Task DeliverAsync()
        {
            await foreach (var e in Queue.Reader.ReadAllAsync())
            {
                try
                {
                    await _handler(e);
                }
                catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException or InvalidOperationException)
                {
                    // A circuit that went away between publish and delivery: nothing to deliver to.
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _owner.Unsubscribe(this);
                Queue.Writer.TryComplete();
            }
        }
    }
}
