using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Shared.Throttling;

namespace Dashboard.Web.Shared.Live;

/// <summary>
/// A live component's link to <see cref="KpiBroadcaster"/>, written once for every live component (domain pages, the
/// overview, the indicator page, the walls, the alerts, the operations console): the events it <c>accepts</c> request a
/// reload, throttled to one start per interval (reloads never overlap and the last request is never dropped, see
/// <see cref="RefreshThrottle"/>); disposing it unsubscribes, so a circuit that ends leaks no handler on the
/// broadcaster. The reload re-renders through the component's own <c>InvokeAsync(StateHasChanged)</c>.
/// </summary>
public sealed class LiveSubscription : IDisposable
{
    /// <summary>The least time between two reloads of a page: a burst of progress events costs one query a quarter second.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private readonly RefreshThrottle _throttle;
    private readonly IDisposable _subscription;

    private LiveSubscription(
        KpiBroadcaster broadcaster, TimeProvider time, Func<KpiEvent, bool> accepts, Func<CancellationToken, Task> reload,
        Action<Exception> onError, TimeSpan interval)
    {
        _throttle = new RefreshThrottle(reload, interval, time, onError);
        _subscription = broadcaster.Subscribe(e =>
        {
            if (accepts(e))
            {
                _throttle.Request();
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Subscribes an interactive component; null when it is not interactive (prerendering or static rendering has no
    /// circuit to push to). Call from <c>OnInitialized</c>; dispose from the component's <c>Dispose</c>.
    /// </summary>
    /// <param name="interactive">The component's <c>RendererInfo.IsInteractive</c>.</param>
    /// <param name="broadcaster">The events.</param>
    /// <param name="time">The throttle's clock.</param>
    /// <param name="accepts">Whether an event concerns what the component shows.</param>
    /// <param name="reload">The re-query and re-render; its token is cancelled on disposal.</param>
    /// <param name="onError">Logs a failed reload; the subscription keeps working.</param>
    /// <param name="interval">The least time between two reloads; <see cref="DefaultInterval"/> unless given.</param>
    public static LiveSubscription? Start(
        bool interactive, KpiBroadcaster broadcaster, TimeProvider time, Func<KpiEvent, bool> accepts,
        Func<CancellationToken, Task> reload, Action<Exception> onError, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(broadcaster);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(accepts);
        return interactive ? new LiveSubscription(broadcaster, time, accepts, reload, onError, interval ?? DefaultInterval) : null;
    }

    /// <summary>Asks for a reload without an event (a minute passed, a filter changed); throttled like the events.</summary>
    public void Request() => _throttle.Request();

    public void Dispose()
    {
        _subscription.Dispose();
        _throttle.Dispose();
    }
}
