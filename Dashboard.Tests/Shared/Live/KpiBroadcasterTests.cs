using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;

namespace Dashboard.Tests.Shared.Live;

public sealed class KpiBroadcasterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_subscriber_sees_events_in_publish_order()
    {
        var broadcaster = new KpiBroadcaster();
        var seen = new List<int>();
        var done = new TaskCompletionSource();
        using var _ = broadcaster.Subscribe(async e =>
        {
            // Uneven handler times would reorder deliveries if each event ran on its own task.
            await Task.Delay(Random.Shared.Next(0, 3));
            var page = ((IngestProgress)e).Pages;
            seen.Add(page);
            if (page == 100)
            {
                done.SetResult();
            }
        });

        for (var page = 1; page <= 100; page++)
        {
            broadcaster.Publish(new IngestProgress("Complaints", At, 1, IngestRunStatus.Running, page, page * 1000));
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(1, 100), seen);
    }

    [Fact]
    public async Task A_stuck_subscriber_blocks_neither_the_publisher_nor_other_subscribers()
    {
        var broadcaster = new KpiBroadcaster();
        var release = new TaskCompletionSource();
        using var stuck = broadcaster.Subscribe(_ => release.Task);
        const int last = KpiBroadcaster.QueueLength * 4 - 1;
        var received = new TaskCompletionSource();
        using var other = broadcaster.Subscribe(e =>
        {
            if (((IndicatorsChanged)e).RunId == last)
            {
                received.TrySetResult();
            }
            return Task.CompletedTask;
        });

        for (var i = 0; i <= last; i++)
        {
            broadcaster.Publish(new IndicatorsChanged("Complaints", At, i, []));
        }

        // The other screen gets the newest event even though one subscriber never returns.
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
    }

    [Fact]
    public void An_inline_event_runs_on_the_publishers_thread_when_the_subscriber_is_idle()
    {
        var broadcaster = new KpiBroadcaster();
        int? handledOn = null;
        using var _ = broadcaster.Subscribe(e =>
        {
            handledOn = Environment.CurrentManagedThreadId;
            return Task.CompletedTask;
        }, e => e is IndicatorsChanged);

        broadcaster.Publish(new IndicatorsChanged("Complaints", At, 1, []));

        // Handled before Publish returned, on this thread: no hand-off to wait for.
        Assert.Equal(Environment.CurrentManagedThreadId, handledOn);
    }

    [Fact]
    public async Task Inline_and_queued_events_keep_publish_order_and_never_overlap()
    {
        var broadcaster = new KpiBroadcaster();
        var seen = new List<long>();
        var inFlight = 0;
        var overlapped = false;
        var done = new TaskCompletionSource();
        using var _ = broadcaster.Subscribe(async e =>
        {
            overlapped |= Interlocked.Increment(ref inFlight) > 1;
            // Some calls finish at once, some after a wait, so later events meet a busy subscriber.
            if (Random.Shared.Next(3) == 0)
            {
                await Task.Delay(Random.Shared.Next(0, 3));
            }
            var id = e is IndicatorsChanged c ? c.RunId!.Value : ((IngestProgress)e).Pages;
            seen.Add(id);
            Interlocked.Decrement(ref inFlight);
            if (id == 200)
            {
                done.SetResult();
            }
        }, e => e is IndicatorsChanged);

        for (var i = 1; i <= 200; i++)
        {
            broadcaster.Publish(i % 2 == 0
                ? new IndicatorsChanged("Complaints", At, i, [])
                : new IngestProgress("Complaints", At, 1, IngestRunStatus.Running, i, i));
            if (i % 20 == 0)
            {
                // Let the subscriber go idle now and then, so inline calls happen too.
                await Task.Delay(5);
            }
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), seen);
        Assert.False(overlapped);
    }

    [Fact]
    public async Task Disposing_a_subscription_stops_delivery()
    {
        var broadcaster = new KpiBroadcaster();
        var count = 0;
        var subscription = broadcaster.Subscribe(_ =>
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        });
        subscription.Dispose();

        broadcaster.Publish(new IndicatorsChanged("Complaints", At, 1, []));
        // A negative check, so a bounded wait: a delivery that must not happen has no event to wait for; 100 ms is
        // far longer than a delivery to a live subscriber takes.
        await Task.Delay(100);

        Assert.Equal(0, broadcaster.SubscriberCount);
        Assert.Equal(0, count);
    }
}
