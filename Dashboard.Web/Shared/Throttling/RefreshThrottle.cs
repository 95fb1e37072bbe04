namespace Dashboard.Web.Shared.Throttling;

/// <summary>
/// Coalesces bursts of "something changed" into re-queries: at most one refresh starts per
/// <c>interval</c>, refreshes never overlap, and the last request is never dropped (a request that arrives
/// during a refresh or inside the interval causes one trailing refresh). The first request after a quiet
/// period runs at once, so a single committed run reaches the screen without waiting for the interval.
/// Time comes from <see cref="TimeProvider"/> so tests drive it with a fake clock.
/// </summary>
public sealed class RefreshThrottle : IDisposable
{
    private readonly Func<CancellationToken, Task> _refresh;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Action<Exception> _onError;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private ITimer? _timer;
    private long? _lastStart;
    private bool _running;
    private bool _scheduled;
    private bool _pending;
    private bool _disposed;

    /// <param name="refresh">The re-query (and re-render); receives a token cancelled on disposal.</param>
    /// <param name="interval">The least time between the starts of two refreshes.</param>
    /// <param name="time">The clock.</param>
    /// <param name="onError">Called with a refresh's exception; the throttle keeps working afterwards.</param>
    public RefreshThrottle(Func<CancellationToken, Task> refresh, TimeSpan interval, TimeProvider time, Action<Exception> onError)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(onError);
        _refresh = refresh;
        _interval = interval;
        _time = time;
        _onError = onError;
        _stoppingToken = _stopping.Token;
    }

    /// <summary>Number of refreshes started so far (for tests and diagnostics).</summary>
    public int Started { get; private set; }

    /// <summary>Asks for a refresh; returns at once.</summary>
    public void Request()
    {
        bool start;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            if (_running || _scheduled)
            {
                _pending = true;
                return;
            }
            start = StartOrScheduleLocked();
        }
        if (start)
        {
            _ = RunAsync();
        }
    }

    // Decides under the lock; the caller starts the refresh outside it so that no user code runs locked.
    private bool StartOrScheduleLocked()
    {
        var wait = _lastStart is { } last ? _interval - _time.GetElapsedTime(last) : TimeSpan.Zero;
        if (wait <= TimeSpan.Zero)
        {
            _running = true;
            _pending = false;
            _lastStart = _time.GetTimestamp();
            Started++;
            return true;
        }
        _scheduled = true;
        _timer ??= _time.CreateTimer(static state => ((RefreshThrottle)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(wait, Timeout.InfiniteTimeSpan);
        return false;
    }

    private void OnTimer()
    {
        bool start;
        lock (_gate)
        {
            _scheduled = false;
            if (_disposed || _running)
            {
                return;
            }
            start = StartOrScheduleLocked();
        }
        if (start)
        {
            _ = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            // No context needed here: components marshal their own updates with InvokeAsync.
            await _refresh(_stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stoppingToken.IsCancellationRequested)
        {
            // Disposed while refreshing: the component is gone.
        }
#pragma warning disable CA1031 // A failed refresh must not end the subscription; the error is reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _onError(ex);
        }

        bool again;
        lock (_gate)
        {
            _running = false;
            again = _pending && !_disposed && StartOrScheduleLocked();
        }
        if (again)
        {
            _ = RunAsync();
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
            _timer?.Dispose();
        }
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
