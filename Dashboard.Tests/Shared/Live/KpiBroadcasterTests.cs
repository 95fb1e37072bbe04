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
