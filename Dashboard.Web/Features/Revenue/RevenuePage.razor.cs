using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Throttling;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Revenue;

/// <summary>
/// Pendapatan daerah for Bapenda's head and the mayor, for the city or one region (<c>?wilayah=35.73.02</c>): tiles
/// of #21–#30, the year's cumulative tax receipts against the time-proportional target, realisation per revenue
/// type against target and the time-proportional line (rupiah the Indonesian way), daily receipts beside the same
/// dates a year earlier, PBB-P2 realisation per kelurahan (the lurah ranking), BPHTB of the month and new
/// taxpayers. Reversals subtract. Live on the source's events, throttled like the other pages.
/// </summary>
public sealed partial class RevenuePage : IDisposable
{
    internal const string Source = RevenueIndicators.Source;

    private static readonly object LineOptions = new { stroke = new { width = new[] { 3, 2 }, dashArray = new[] { 0, 6 } }, legend = new { position = "top" } };
    private static readonly object PercentAxis = new { xaxis = new { min = 0, max = 100 } };

    private readonly CancellationTokenSource _cts = new();
    private RevenueView? _view;
    private string? _loadedScope;
    private DateTimeOffset _now;
    private IReadOnlyList<string> _yearLabels = [];
    private IReadOnlyList<ChartSeries> _cumulativeSeries = [];
    private IReadOnlyList<string> _typeLabels = [];
    private IReadOnlyList<ChartSeries> _typeSeries = [];
    private IReadOnlyList<string> _recentLabels = [];
    private IReadOnlyList<ChartSeries> _dailySeries = [];
    private IReadOnlyList<string> _pbbLabels = [];
    private IReadOnlyList<ChartSeries> _pbbSeries = [];
    private IDisposable? _subscription;
    private RefreshThrottle? _throttle;

    /// <summary>The selected region's Kemendagri code (<c>?wilayah=35.73.02</c>); empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    [Inject]
    private RevenueQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<RevenuePage> Logger { get; set; } = default!;

    private static IReadOnlyList<Region> Kecamatan { get; } = ReferenceData.Kecamatan;

    private int TypesChartHeight => Math.Max(260, 40 + (22 * _typeLabels.Count));

    private int PbbChartHeight => Math.Max(260, 40 + (16 * _pbbLabels.Count));

    protected override void OnInitialized()
    {
        _now = Time.GetUtcNow();
        if (RendererInfo.IsInteractive)
        {
            _throttle = new RefreshThrottle(ReloadAsync, TimeSpan.FromMilliseconds(250), Time, ex => Log.RefreshFailed(Logger, ex));
            _subscription = Broadcaster.Subscribe(OnKpiEvent);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var scope = RevenueQueries.ResolveScope(Wilayah).Code;
        if (_view is null || scope != _loadedScope)
        {
            Show(await Queries.GetAsync(scope, _cts.Token), scope);
        }
    }

    private Task OnKpiEvent(KpiEvent e)
    {
        if (e.Source == Source && e is IndicatorsChanged or IngestProgress)
        {
            _throttle?.Request();
        }
        return Task.CompletedTask;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var scope = _loadedScope ?? RevenueQueries.ResolveScope(Wilayah).Code;
        var view = await Queries.GetAsync(scope, ct);
        await InvokeAsync(() =>
        {
            // A navigation to another region may have landed meanwhile; its own load wins.
            if (scope == _loadedScope)
            {
                Show(view, scope);
                StateHasChanged();
            }
        });
    }

    private void Show(RevenueView view, string scope)
    {
        _view = view;
        _loadedScope = scope;
        _now = Time.GetUtcNow();
        // Charts take plain numbers: rupiah in miliar (the curve) and juta (a day), named in the series.
        _yearLabels = [.. view.YearDays.Select(Format.ShortDate)];
        _cumulativeSeries =
        [
            new ChartSeries(L["revenue.series.cumulative"].Value, [.. view.CumulativeTax.Select(v => Scale(v, 1e9))]),
            new ChartSeries(L["revenue.series.proportional"].Value, [.. view.ProportionalTax.Select(v => Scale(v, 1e9))]),
        ];
        var withTarget = view.Types.Where(t => t.Pct is not null).ToList();
        _typeLabels = [.. withTarget.Select(t => ShortName(t))];
        _typeSeries = [new ChartSeries(L["revenue.series.pct"].Value, [.. withTarget.Select(t => t.Pct)])];
        _recentLabels = [.. view.RecentDays.Select(Format.ShortDate)];
        _dailySeries =
        [
            new ChartSeries(L["revenue.series.thisYear"].Value, [.. view.DailyReceipts.Select(v => Scale(v, 1e6))]),
            new ChartSeries(L["revenue.series.lastYear"].Value, [.. view.DailyReceiptsLastYear.Select(v => Scale(v, 1e6))]),
        ];
        var ranked = view.Pbb.Where(p => p.Pct is not null).ToList();
        _pbbLabels = [.. ranked.Select(p => p.Name)];
        _pbbSeries = [new ChartSeries(L["revenue.series.pbbPct"].Value, [.. ranked.Select(p => p.Pct)])];
    }

    private static double? Scale(double? value, double unit) => value is { } v ? Math.Round(v / unit, 2) : null;

    /// <summary>The contract's code without its family prefix, readable on an axis (<c>MAKAN MINUM</c>, <c>PASAR</c>).</summary>
    private static string ShortName(RevenueTypeRow row)
    {
        var code = row.Code.StartsWith(RevenuePayload.RetributionPrefix, StringComparison.Ordinal) ? "R. " + row.Code[RevenuePayload.RetributionPrefix.Length..] : row.Code;
        return code.Replace("PBJT_", "PBJT ", StringComparison.Ordinal).Replace('_', ' ');
    }

    private IEnumerable<(RevenueTypeRow Row, string Key)> Totals()
    {
        yield return (_view!.TaxTotal, "revenue.types.totalTax");
        yield return (_view.RetributionTotal, "revenue.types.totalRetribution");
        yield return (_view.PadTotal, "revenue.types.totalPad");
    }

    /// <summary>Percentage points with their sign: <c>+3,2 pp</c>, <c>−1,5 pp</c>.</summary>
    private string Gap(double? pp) => pp is { } v
        ? L["revenue.unit.pp", (v > 0 ? "+" : v < 0 ? "−" : "") + Format.Compact(Math.Abs(v))].Value
        : "—";

    private void OnMinute(DateTimeOffset now) => _now = now;

    private bool IsSelected(string kecamatan) =>
        _view is not null && (_view.Scope.Code == kecamatan || _view.Scope.ParentCode == kecamatan);

    private static string ScopeHref(string code) =>
        code == ReferenceData.KotaCode ? "pendapatan" : $"pendapatan?wilayah={Uri.EscapeDataString(code)}";

    private string PbbTitle() => _view!.RankingParent.Level == RegionLevel.Kota
        ? L["revenue.pbb.title.kota", _view.Today.Year].Value
        : L["revenue.pbb.title.kecamatan", _view.Today.Year, _view.RankingParent.Name].Value;

    private string Freshness() => _view?.LastSuccessAt is { } at
        ? L["source.updated", Format.Age(_now - at)].Value + " · " + Format.WibTime(at)
        : L["source.never"].Value;

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttle?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
