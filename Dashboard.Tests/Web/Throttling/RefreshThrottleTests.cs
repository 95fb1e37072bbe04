using Dashboard.Web.Shared.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Web.Throttling;

public sealed class RefreshThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly FakeTimeProvider _time = new(WebTestContext.Start);
    private readonly List<Exception> _errors = [];
    private int _refreshes;

    private RefreshThrottle NewThrottle(Func<CancellationToken, Task>? refresh = null) =>
        new(refresh ?? (_ => { Interlocked.Increment(ref _refreshes); return Task.CompletedTask; }), Interval, _time, _errors.Add);

    [Fact]
    public void First_request_after_a_quiet_period_runs_at_once()
    {
        using var throttle = NewThrottle();

        throttle.Request();

        Assert.Equal(1, _refreshes);
    }

    [Fact]
    public void A_burst_inside_the_interval_causes_one_trailing_refresh()
    {
        using var throttle = NewThrottle();

        throttle.Request();
        throttle.Request();
        throttle.Request();
        throttle.Request();
        Assert.Equal(1, _refreshes);

        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _refreshes);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _refreshes);

        // Nothing more was asked for: no further refresh.
        _time.Advance(Interval * 4);
        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public void A_request_during_a_running_refresh_is_not_dropped()
    {
        var release = new TaskCompletionSource();
        var started = 0;
        using var throttle = NewThrottle(async _ =>
        {
            if (Interlocked.Increment(ref started) == 1)
            {
                await release.Task.ConfigureAwait(false);
            }
        });

        throttle.Request();
        throttle.Request(); // while the first is still running
        Assert.Equal(1, started);

        _time.Advance(Interval);
        release.SetResult();

        Assert.Equal(2, started);
    }

    [Fact]
    public void A_failing_refresh_is_reported_and_the_throttle_keeps_working()
    {
        var calls = 0;
        using var throttle = NewThrottle(_ => ++calls == 1 ? throw new InvalidOperationException("db down") : Task.CompletedTask);

        throttle.Request();
        _time.Advance(Interval);
        throttle.Request();

        Assert.Equal(2, calls);
        Assert.Equal("db down", Assert.Single(_errors).Message);
    }

    [Fact]
    public void Nothing_runs_after_dispose()
    {
        var throttle = NewThrottle();
        throttle.Request();
        throttle.Request();
        throttle.Dispose();

        _time.Advance(Interval * 2);
        throttle.Request();

        Assert.Equal(1, _refreshes);
    }
}
