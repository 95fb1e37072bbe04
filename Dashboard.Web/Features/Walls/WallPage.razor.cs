using System.Globalization;
using System.Reflection;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Dashboard.Web.Features.Walls;

/// <summary>
/// The kiosk wall of one registered screen (<c>/dinding?token=…</c>): its board or playlist, rotated on the server's
/// clock so that screens with the same playlist stay in step; live through <see cref="KpiBroadcaster"/> (throttled);
/// a heartbeat that re-checks the token (a revoked or rotated token stops the screen within one beat), reports to the
/// admin page and feeds the page's watchdog (js/wall.js); administrator commands; night dimming and pixel shift.
/// </summary>
public sealed partial class WallPage : IAsyncDisposable
{
    public const string Route = "/dinding";

    /// <summary>Least time between two re-queries caused by live events.</summary>
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long "identify" shows the screen's name.</summary>
    internal static readonly TimeSpan IdentifyFor = TimeSpan.FromSeconds(10);

    // The last-seen row is written once every few beats, not on every beat.
    private const int BeatsPerSeenWrite = 4;

    /// <summary>The most overview groups that stand in one row of columns; more take two rows.</summary>
    private const int SingleRowGroups = 6;

    /// <summary>The headlines each group shows when the groups take two rows.</summary>
    private const int TwoRowHeadlines = 2;

    private static readonly string AppVersion =
        typeof(WallPage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? typeof(WallPage).Assembly.GetName().Version?.ToString() ?? "?";

    private static readonly (int X, int Y)[] ShiftOrbit = [(0, 0), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1)];

    private readonly CancellationTokenSource _cts = new();
    private WallScreenSettings? _settings;
    private string _tokenHash = "";
    private IReadOnlyList<WallStep> _steps = [];
    private int _index;
    private int _offset;
    private WallBoardData? _data;
    private DateTimeOffset _now;
    private bool _revoked;
    private bool _identifying;
    private bool _night;
    private LiveSubscription? _live;
    private ITimer? _rotationTimer;
    private ITimer? _heartbeatTimer;
    private ITimer? _identifyTimer;
    private WallConnection? _connection;
    private IJSObjectReference? _module;
    private string? _resolution;
    private int _viewportHeight;
    private int _viewportWidth;
    private int _beats;
    private bool _disposed;

    [SupplyParameterFromQuery(Name = WallScreenAuthenticationHandler.QueryName)]
    public string? Token { get; set; }

    /// <summary><c>?nama=1</c> keeps the screen's name in the corner (for installing); "identify" flashes it on demand.</summary>
    [SupplyParameterFromQuery(Name = "nama")]
    public string? NameQuery { get; set; }

    [Inject] private WallScreenService Screens { get; set; } = default!;
    [Inject] private WallQueries Queries { get; set; } = default!;
    [Inject] private WallPresence Presence { get; set; } = default!;
    [Inject] private KpiBroadcaster Broadcaster { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IOptions<WallOptions> Options { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IStringLocalizer<UiStrings> L { get; set; } = default!;
    [Inject] private ILogger<WallPage> Logger { get; set; } = default!;
    [Inject] private IServiceProvider Services { get; set; } = default!;

    // The browser's connection (a circuit handler, absent outside a real circuit): while it is down the page does not call
    // into the browser, and the loss is logged once, not as a failed heartbeat every beat until the circuit closes.
    private CircuitConnection? _circuit;

    private bool IsDark => _settings?.Theme != WallTheme.Light;

    private bool ShowName => NameQuery is "1" or "ya" or "true";

    private TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(WallScreenService.MinRotationSeconds, _settings?.RotationSeconds ?? 60));

    // The page's rem (its <style>): 1 % of the width, bounded by the height for other aspect ratios.
    private double Rem => _viewportHeight > 0 ? Math.Min(_viewportWidth / 100.0, _viewportHeight * 1.7778 / 100.0) : 19.2;

    // The trend fills its column: the screen's height less the bar, the ticker and the tile's own header and footer.
    private int ChartHeight => _viewportHeight > 0 ? Math.Max(200, (int)(_viewportHeight - 11.5 * Rem)) : 560;

    // Axis labels at 0.9 rem: 17 px at 1920×1080, 35 px at 3840×2160.
    private int ChartFontSize => (int)Math.Round(0.9 * Rem);

    private string RootClass => "wall" + (IsDark ? " wall--dark" : " wall--light") + (_night ? " wall--night" : "");

    private string RootStyle
    {
        get
        {
            var o = Options.Value;
            var style = _night ? $"filter:brightness({o.NightBrightnessPercent.ToString(CultureInfo.InvariantCulture)}%);" : "";
            if (o.PixelShiftMinutes > 0 && o.PixelShiftPixels > 0)
            {
                var (x, y) = ShiftOrbit[(int)(_now.ToUnixTimeSeconds() / 60 / o.PixelShiftMinutes % ShiftOrbit.Length)];
                style += FormattableString.Invariant($"transform:translate({x * o.PixelShiftPixels}px,{y * o.PixelShiftPixels}px);");
            }
            return style;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _now = Time.GetUtcNow();
        if (RendererInfo.IsInteractive && Services.GetService<CircuitConnection>() is { } circuit)
        {
            _circuit = circuit;
            _circuit.Lost += OnConnectionLost;
        }
        var screen = await Screens.FindByTokenAsync(Token, _cts.Token);
        if (screen is null)
        {
            _revoked = true;
            return;
        }
        _tokenHash = WallTokens.Hash(Token!);
        Apply(WallScreenSettings.From(screen));
        _index = WallSchedule.IndexAt(_now, _steps.Count, Interval);
        _data = await Queries.LoadAsync(_steps[_index], _cts.Token);

        if (RendererInfo.IsInteractive)
        {
            _live = LiveSubscription.Start(true, Broadcaster, Time, Concerns, ReloadAsync, ex => Log.RefreshFailed(Logger, screen.Id, ex), RefreshInterval);
            _connection = Presence.Register(screen.Id, OnCommandAsync);
            _connection.Beat(_now, null, _data.Step.Key);
            ScheduleRotation();
            var beat = TimeSpan.FromSeconds(Options.Value.HeartbeatSeconds);
            _heartbeatTimer = Time.CreateTimer(static s => ((WallPage)s!).OnHeartbeat(), this, beat, beat);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _revoked || _settings is null || !RendererInfo.IsInteractive)
        {
            return;
        }
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/wall.js");
            var info = await _module.InvokeAsync<ScreenInfo?>("start", new { watchdogSeconds = Options.Value.WatchdogSeconds });
            if (info is not null)
            {
                _resolution = $"{info.Width}×{info.Height}";
                _viewportHeight = info.ViewportHeight;
                _viewportWidth = info.ViewportWidth;
                _connection?.Beat(Time.GetUtcNow(), _resolution, _data?.Step.Key);
                await Screens.RecordSeenAsync(_settings.Id, _resolution, AppVersion, _data?.Step.Key, _cts.Token);
                StateHasChanged();
            }
        }
        catch (JSDisconnectedException)
        {
            // The screen went away during start-up; its next load starts again.
        }
    }

    private void Apply(WallScreenSettings settings)
    {
        _settings = settings;
        _steps = WallSchedule.Steps(settings.Boards, settings.RotateRegions);
        _night = settings.IsNight(TimeOnly.FromDateTime(Wib.ToWib(_now).DateTime));
    }

    private static string Signature(WallScreenSettings s) =>
        $"{WallBoards.Format(s.Boards)}|{s.RotateRegions}|{s.RotationSeconds}";

    private bool Concerns(KpiEvent e) =>
        e is IndicatorsChanged or IngestProgress && _data is not null && _data.Sources.Contains(e.Source);

    private async Task ReloadAsync(CancellationToken ct)
    {
        if (_steps.Count == 0)
        {
            return;
        }
        var step = _steps[Math.Min(_index, _steps.Count - 1)];
        var data = await Queries.LoadAsync(step, ct);
        await InvokeAsync(async () =>
        {
            if (_disposed || _revoked || data.Step != _steps.ElementAtOrDefault(_index))
            {
                return;
            }
            _data = data;
            _now = Time.GetUtcNow();
            StateHasChanged();
            await FeedWatchdogAsync();
        });
    }

    private void ScheduleRotation()
    {
        if (_steps.Count <= 1 || _disposed)
        {
            return;
        }
        var now = Time.GetUtcNow();
        var due = WallSchedule.NextChangeAfter(now, Interval) - now;
        _rotationTimer ??= Time.CreateTimer(static s => ((WallPage)s!).OnRotate(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _rotationTimer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void OnRotate()
    {
        ScheduleRotation();
        _ = InvokeAsync(() => ShowCurrentStepAsync(force: false));
    }

    // Runs on the renderer's context. The timer may fire a hair before the boundary: look a quarter second ahead.
    private async Task ShowCurrentStepAsync(bool force)
    {
        if (_disposed || _revoked || _steps.Count == 0)
        {
            return;
        }
        var index = WallSchedule.IndexAt(Time.GetUtcNow().AddMilliseconds(250), _steps.Count, Interval, _offset);
        if (index == _index && !force)
        {
            return;
        }
        try
        {
            var data = await Queries.LoadAsync(_steps[index], _cts.Token);
            _index = index;
            _data = data;
            _now = Time.GetUtcNow();
            _connection?.Beat(_now, _resolution, data.Step.Key);
            StateHasChanged();
            await FeedWatchdogAsync();
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed step keeps the last board on screen; the next step or beat tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.RefreshFailed(Logger, _settings?.Id ?? 0, ex);
        }
    }

    private void OnHeartbeat() => _ = InvokeAsync(HeartbeatAsync);

    private async Task HeartbeatAsync()
    {
        if (_disposed || _revoked || _settings is null)
        {
            return;
        }
        try
        {
            var current = await Screens.CurrentAsync(_settings.Id, _tokenHash, _cts.Token);
            if (current is null)
            {
                await StopAsRevokedAsync();
                return;
            }
            _now = Time.GetUtcNow();
            var changedPlaylist = Signature(current) != Signature(_settings);
            Apply(current);
            if (changedPlaylist)
            {
                _index = -1;
                ScheduleRotation();
                await ShowCurrentStepAsync(force: true);
            }
            _connection?.Beat(_now, _resolution, _data?.Step.Key);
            if (++_beats % BeatsPerSeenWrite == 0)
            {
                await Screens.RecordSeenAsync(_settings.Id, _resolution, AppVersion, _data?.Step.Key, _cts.Token);
            }
            StateHasChanged();
            await FeedWatchdogAsync();
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (IsDisconnection(ex))
        {
            // Logged once when the connection dropped (OnConnectionLost).
        }
#pragma warning disable CA1031 // A failed beat (database busy) must not stop the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HeartbeatFailed(Logger, _settings.Id, ex);
        }
    }

    private async Task StopAsRevokedAsync()
    {
        Log.ScreenRevoked(Logger, _settings?.Id ?? 0);
        _revoked = true;
        StopLive();
        StateHasChanged();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("stop");
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    private async Task FeedWatchdogAsync()
    {
        if (_module is null || _circuit is { IsUp: false })
        {
            return;
        }
        try
        {
            await _module.InvokeVoidAsync("beat");
        }
        catch (Exception ex) when (IsDisconnection(ex))
        {
            // Disconnected: the page's own reconnection takes over; the watchdog reloads if that fails.
        }
    }

    // A call into a browser that went away: closed at once, or left waiting until the interop timeout.
    private bool IsDisconnection(Exception ex) =>
        ex is JSDisconnectedException || (ex is OperationCanceledException && _circuit is { IsUp: false });

    private void OnConnectionLost() => Log.ConnectionLost(Logger, _settings?.Id ?? 0);

    private Task OnCommandAsync(WallCommand command) => InvokeAsync(async () =>
    {
        if (_disposed || _revoked)
        {
            return;
        }
        switch (command)
        {
            case WallCommand.Reload when _module is not null:
                try
                {
                    await _module.InvokeVoidAsync("reload");
                }
                catch (JSDisconnectedException)
                {
                }
                break;
            case WallCommand.NextBoard:
                _offset++;
                await ShowCurrentStepAsync(force: false);
                break;
            case WallCommand.Identify:
                _identifying = true;
                _identifyTimer ??= Time.CreateTimer(static s => ((WallPage)s!).EndIdentify(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _identifyTimer.Change(IdentifyFor, Timeout.InfiniteTimeSpan);
                StateHasChanged();
                break;
        }
    });

    private void EndIdentify() => _ = InvokeAsync(() =>
    {
        _identifying = false;
        StateHasChanged();
    });

    private void OnMinute(DateTimeOffset now)
    {
        _now = now;
        if (_settings is not null)
        {
            _night = _settings.IsNight(TimeOnly.FromDateTime(Wib.ToWib(now).DateTime));
        }
    }

    private void StopLive()
    {
        if (_circuit is not null)
        {
            _circuit.Lost -= OnConnectionLost;
            _circuit = null;
        }
        _live?.Dispose();
        _live = null;
        _rotationTimer?.Dispose();
        _rotationTimer = null;
        _heartbeatTimer?.Dispose();
        _heartbeatTimer = null;
        _identifyTimer?.Dispose();
        _identifyTimer = null;
        _connection?.Dispose();
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        StopLive();
        await _cts.CancelAsync();
        _cts.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("stop");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    private sealed record ScreenInfo(int Width, int Height, int ViewportWidth, int ViewportHeight);
}
