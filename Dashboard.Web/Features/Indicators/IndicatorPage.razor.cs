using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Indicators;

/// <summary>
/// One indicator in depth (<c>/indikator/{code}?wilayah=…&amp;periode=…</c>): its tile (current value, status,
/// freshness), the targets of the APBD year, the trend over a chosen window with the target line and the same days
/// a year earlier, the regions (and agencies) beside it to drill into, its Satu Data metadata and its lineage.
/// Region and window are in the URL, so links and reloads round-trip. Live like the domain pages.
/// </summary>
public sealed partial class IndicatorPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private IndicatorDetailView? _view;
    private bool _loaded;
    private (string Code, string? Scope, TrendPeriod Period)? _loadedKey;
    private DateTimeOffset _now;
    private DateOnly _today;
    private TrendPeriod _period;
    private string _name = "";
    private IReadOnlyList<string> _labels = [];
    private IReadOnlyList<ChartSeries> _series = [];
    private object? _chartOptions;
    private LiveSubscription? _live;

    /// <summary>The indicator's catalogue code.</summary>
    [Parameter]
    public string Code { get; set; } = "";

    /// <summary>The region (or agency) code; empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    /// <summary>An agency's code (<c>?opd=DISHUB</c>): the same as <c>?wilayah=DISHUB</c>, the link an agency's home gives.</summary>
    [SupplyParameterFromQuery(Name = "opd")]
    public string? OpdScope { get; set; }

    /// <summary>The trend window: <c>30h</c>, <c>90h</c>, <c>12b</c> or <c>apbd</c>.</summary>
    [SupplyParameterFromQuery(Name = "periode")]
    public string? Periode { get; set; }

    [CascadingParameter]
    private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthState { get; set; }

    private Dashboard.Web.Auth.ReaderScope? _reader;
    private bool _refused;
    private bool _detail;
    private bool _mayDownload;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IndicatorDetailQueries Queries { get; set; } = default!;

    [Inject]
    private Microsoft.Extensions.Options.IOptions<MapOptions> MapSettings { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<IndicatorPage> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        _now = Time.GetUtcNow();
        _live = LiveSubscription.Start(RendererInfo.IsInteractive, Broadcaster, Time, Concerns, ReloadAsync, ex => Log.RefreshFailed(Logger, ex));
    }

    protected override async Task OnParametersSetAsync()
    {
        _reader ??= await Dashboard.Web.Auth.ReaderScope.OfAsync(AuthState);
        var key = Key();
        if (!_loaded || key != _loadedKey)
        {
            Show(await Queries.GetAsync(key.Code, key.Scope, key.Period, _cts.Token), key);
        }
    }

    private (string Code, string? Scope, TrendPeriod Period) Key() =>
        (Code, IndicatorDetailQueries.ResolveScope(string.IsNullOrEmpty(OpdScope) ? Wilayah : OpdScope).Code, IndicatorLinks.ParsePeriod(Periode));

    private bool Concerns(KpiEvent e) =>
        _view is not null && e.Source == _view.Definition.Source && e is IndicatorsChanged or IngestProgress;

    private async Task ReloadAsync(CancellationToken ct)
    {
        if (_loadedKey is not { } key)
        {
            return;
        }
        var view = await Queries.GetAsync(key.Code, key.Scope, key.Period, ct);
        await InvokeAsync(() =>
        {
            // A navigation may have landed meanwhile; its own load wins.
            if (key == _loadedKey)
            {
                Show(view, key);
                StateHasChanged();
            }
        });
    }

    private async Task AdminChangedAsync()
    {
        if (_loadedKey is { } key)
        {
            Show(await Queries.GetAsync(key.Code, key.Scope, key.Period, _cts.Token), key);
        }
    }

    private void Show(IndicatorDetailView? view, (string Code, string? Scope, TrendPeriod Period) key)
    {
        _view = view;
        _loaded = true;
        _loadedKey = key;
        _period = key.Period;
        _now = Time.GetUtcNow();
        _today = Wib.DateOf(_now);
        if (view is null)
        {
            return;
        }
        // The scope rule (docs/ARCHITECTURE.md "Access and scope"): the city and every agency for everyone; a region's
        // value, the region table and the map for the indicator's owner; downloads of the owner's or the reader's agency.
        var reader = _reader ?? Dashboard.Web.Auth.ReaderScope.Everything;
        var kind = IndicatorDetailQueries.ResolveScope(key.Scope).Kind;
        if (!reader.MayReadValue(kind, view.Definition.OwnerOpd))
        {
            _view = null;
            _refused = true;
            Navigation.NavigateTo(Link(ReferenceData.KotaCode, key.Period), replace: true);
            return;
        }
        _refused = false;
        _detail = reader.OwnsDetailOf(view.Definition.OwnerOpd);
        _mayDownload = reader.MayDownloadIndicator(view.Definition.OwnerOpd, kind, view.ScopeCode);
        _name = view.Tile.NameIn(CultureInfo.CurrentUICulture);
        var trend = view.Trend;
        var scale = view.Definition.Unit == IndicatorUnit.Rupiah ? 1e9 : 1;
        var suffix = scale > 1 ? " (" + L["indicator.trend.billions"].Value + ")" : "";
        _labels = [.. trend.Days.Select(Format.ShortDate)];
        // The value solid, last year (only where it is comparable) and the target dashed.
        var series = new List<ChartSeries> { new(L["indicator.series.value"].Value + suffix, Scale(trend.Values, scale)) };
        var dashes = new List<int> { 0 };
        var widths = new List<int> { 3 };
        var colors = new List<string> { "#0b5394" };
        if (trend.LastYear.Any(v => v.HasValue))
        {
            series.Add(new(L["indicator.series.lastYear"].Value + suffix, Scale(trend.LastYear, scale)));
            dashes.Add(4);
            widths.Add(2);
            colors.Add("#9e9e9e");
        }
        if (trend.Targets.Any(t => t.HasValue))
        {
            series.Add(new(L["indicator.series.target"].Value + suffix, Scale(trend.Targets, scale)));
            dashes.Add(8);
            widths.Add(2);
            colors.Add("#e53935");
        }
        _series = series;
        // Long windows show about a label a month; the y-axis names the unit.
        _chartOptions = new
        {
            stroke = new { dashArray = dashes.ToArray(), width = widths.ToArray() },
            colors = colors.ToArray(),
            yaxis = new { title = new { text = UnitTitle(view.Definition.Unit, scale > 1) } },
            xaxis = new { tickAmount = Math.Min(trend.Days.Count, 12) },
            markers = new { size = trend.Days.Count <= 31 ? 3 : 0 },
            annotations = new
            {
                xaxis = view.Annotations.Select(a => new
                {
                    x = Format.ShortDate(a.Date),
                    borderColor = AnnotationColor(a.Kind),
                    strokeDashArray = 0,
                    label = new
                    {
                        text = Shorten(AnnotationText(a), 40),
                        orientation = "horizontal",
                        borderColor = AnnotationColor(a.Kind),
                        style = new { color = "#fff", background = AnnotationColor(a.Kind) },
                    },
                }).ToArray(),
            },
        };
    }

    private static string AnnotationColor(TrendAnnotationKind kind) => AnnotationWording.Colour(kind);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private string AnnotationText(TrendAnnotation a) =>
        (a.IsAutomatic && a.Kind == TrendAnnotationKind.SourceOutage ? L["indicator.annotation.automatic"].Value + ": " : "")
        + AnnotationWording.Text(a, _view!.Definition.Source, L, Format);

    private static double?[] Scale(IReadOnlyList<double?> values, double scale) =>
        [.. values.Select(v => v is { } x ? Math.Round(x / scale, 2) : (double?)null)];

    private void OnMinute(DateTimeOffset now) => _now = now;

    private string Link(string scope, TrendPeriod period) => IndicatorLinks.Href(Code, scope, period);

    private string ValueText(IndicatorScopeRow row) =>
        row.Value is { } v ? Format.Value(v, _view!.Definition.Unit) : row.Label ?? "—";

    private string PeriodName(IndicatorTarget t) => t.Period switch
    {
        TargetPeriod.Month => L["indicator.targets.month", t.PeriodStart.ToString("MMMM yyyy", CultureInfo.CurrentCulture)].Value,
        TargetPeriod.Quarter => L["indicator.targets.quarter", ((t.PeriodStart.Month - 1) / 3) + 1, t.PeriodStart.Year].Value,
        _ => L["indicator.targets.year", t.PeriodStart.Year].Value,
    };

    private string TrendSummary()
    {
        var trend = _view!.Trend;
        var withData = trend.Values.Count(v => v.HasValue);
        return L["indicator.trend.summary", Format.Count(withData), Format.Count(trend.Days.Count)].Value;
    }

    /// <summary>Why the last-year line is missing (or shorter): its period's data is incomplete. Null when nothing was left out.</summary>
    private string? LastYearNote()
    {
        var trend = _view!.Trend;
        if (trend.LastYearLeftOut == 0)
        {
            return null;
        }
        var from = trend.DataFrom is { } first ? Format.Date(first) : "—";
        return _view.Definition.Cumulative
            ? L["indicator.trend.lastYearIncompleteCumulative", from].Value
            : L["indicator.trend.lastYearIncomplete", from].Value;
    }

    /// <summary>The y-axis title: the unit the values are in.</summary>
    private string UnitTitle(IndicatorUnit unit, bool billions) => billions
        ? L["indicator.trend.billions"].Value
        : L["indicator.unit." + unit].Value;

    private string SourceText(string source)
    {
        var systems = L["source." + source + ".systems"];
        return L.SourceName(source) + (systems.ResourceNotFound ? "" : " (" + systems.Value + ")");
    }

    private string Duration(int minutes) =>
        minutes % 1440 == 0 && minutes >= 1440 ? L["indicator.duration.days", Format.Count(minutes / 1440)].Value
        : minutes % 60 == 0 && minutes >= 60 ? L["duration.hours", Format.Count(minutes / 60)].Value
        : L["duration.minutes", Format.Count(minutes)].Value;

    private string RunText(IndicatorLineage lineage)
    {
        if (lineage.LastRunId is not { } id)
        {
            return "—";
        }
        var text = L["indicator.lineage.runId", id].Value;
        if (lineage.LastStatus is { } status)
        {
            text += " · " + L["indicator.run." + status].Value;
        }
        if (lineage.LastRunFinishedAt is { } finished)
        {
            text += " · " + Format.WibDateTime(finished);
        }
        if (lineage.LastRunRead is { } read)
        {
            text += " · " + L["indicator.lineage.rows", Format.Count(read), Format.Count(lineage.LastRunRejected ?? 0)].Value;
        }
        return text;
    }

    private string AgeText()
    {
        var tile = _view!.Tile;
        if (tile.AgeAt(_now) is not { } age)
        {
            return L["tile.age.never"].Value;
        }
        var limit = Duration(tile.FreshnessMinutes);
        return tile.IsStaleAt(_now)
            ? L["indicator.lineage.ageStale", Format.Age(age), limit].Value
            : L["indicator.lineage.ageFresh", Format.Age(age), limit].Value;
    }

    private string Freshness() => _view?.Lineage.LastSuccessAt is { } at
        ? L["source.updated", Format.Age(_now - at)].Value + " · " + Format.WibTime(at)
        : L["source.never"].Value;

    public void Dispose()
    {
        _live?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
