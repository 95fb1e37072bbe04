using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.Indicators;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Live;
using Dashboard.Web.Shared.Tiles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.AgencyHome;

/// <summary>
/// "OPD saya" (<c>/opd/{opd}</c>), where an agency head lands after signing in: every number about the agency from every
/// source that declares one (status, its value and the city's, target, 30-day trend, data age, each linked to its
/// indicator page scoped to the agency), the sources' lists about it (overdue complaints, revenue streams…), its open
/// alerts and its printable brief. Open to the agency's head and to readers without limit (<see cref="ReaderScope"/>).
/// Live: any source's new indicators reload it.
/// </summary>
public sealed partial class AgencyHomePage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private AgencyHomeView? _view;
    private bool _loaded;
    private bool _refused;
    private string? _loadedOpd;
    private DateTimeOffset _now;
    private LiveSubscription? _live;

    /// <summary>The agency's code (<c>DISHUB</c>).</summary>
    [Parameter]
    public string Opd { get; set; } = "";

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    [Inject]
    private AgencyHomeQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<AgencyHomePage> Logger { get; set; } = default!;

    private static bool English => !DashboardCultures.IsIndonesian(CultureInfo.CurrentUICulture);

    private string BriefHref => "ringkasan-opd/" + Uri.EscapeDataString(_view?.Agency.Code ?? Opd);

    protected override void OnInitialized()
    {
        _now = Time.GetUtcNow();
        _live = LiveSubscription.Start(RendererInfo.IsInteractive, Broadcaster, Time, e => e is IndicatorsChanged, ReloadAsync,
            ex => Log.RefreshFailed(Logger, ex));
    }

    protected override async Task OnParametersSetAsync()
    {
        var code = Opd.ToUpperInvariant();
        if (_loaded && code == _loadedOpd)
        {
            return;
        }
        // The home is the agency's own: its head, or a reader without limit (docs/ARCHITECTURE.md "Access and scope").
        _reader = await ReaderScope.OfAsync(AuthState);
        _refused = !_reader.OwnsDetailOf(code);
        _view = _refused ? null : await Queries.GetAsync(code, _cts.Token);
        _now = Time.GetUtcNow();
        _loaded = true;
        _loadedOpd = code;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        if (_refused || _loadedOpd is not { } code)
        {
            return;
        }
        var view = await Queries.GetAsync(code, ct);
        await InvokeAsync(() =>
        {
            if (code == _loadedOpd)
            {
                _view = view;
                _now = Time.GetUtcNow();
                StateHasChanged();
            }
        });
    }

    private void OnMinute(DateTimeOffset now) => _now = now;

    private ReaderScope _reader = ReaderScope.Everything;

    private string? PageOf(string source) => DomainRegistry.FindBySource(source) is { } d ? _reader.PageHref(d) : null;

    private string SourceName(string source) => L.SourceName(source);

    /// <summary>The indicator page at the agency's scope (<c>?opd=</c>), or city-wide for an indicator the agency owns.</summary>
    private static string IndicatorHref(KpiTileModel t) =>
        t.ScopeCode == ReferenceData.KotaCode ? IndicatorLinks.Href(t.Code) : IndicatorLinks.Href(t.Code, t.ScopeCode);

    private string AsOfText(HomeSource source) =>
        source.AsOf is { } day ? L["home.asOf", Format.Date(day)].Value : L["source.never"].Value;

    private string ValueText(double? value, string? label, KpiTileModel t) =>
        value is { } v ? Format.Value(v, t.Unit) : label ?? "—";

    /// <summary>The 30-day trend as polyline points in a 100×24 box (null with fewer than two values).</summary>
    internal static string? Spark(KpiTileModel t)
    {
        var points = t.Sparkline.Select((p, i) => (i, p.Value)).Where(p => p.Value.HasValue).Select(p => (p.i, V: p.Value!.Value)).ToList();
        if (points.Count < 2)
        {
            return null;
        }
        var min = points.Min(p => p.V);
        var max = points.Max(p => p.V);
        var span = max - min;
        var last = Math.Max(1, t.Sparkline.Count - 1);
        return string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.i * 100.0 / last:0.#},{(span == 0 ? 12 : 22 - ((p.V - min) / span * 20)):0.#}")));
    }

    public void Dispose()
    {
        _live?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
