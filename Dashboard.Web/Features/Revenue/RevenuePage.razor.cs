using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Scope;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Revenue;

/// <summary>
/// Pendapatan daerah for Bapenda's head and the mayor, for the city or one region (<c>?wilayah=35.73.02</c>): tiles
/// of #21–#30, the year's cumulative tax receipts against the time-proportional target, realisation per revenue
/// type against target and the time-proportional line (rupiah the Indonesian way), daily receipts beside the same
/// dates a year earlier, PBB-P2 realisation per kelurahan (the lurah ranking), BPHTB of the month and new
/// taxpayers. Reversals subtract. Live on the source's events, throttled like the other pages.
/// </summary>
public sealed partial class RevenuePage
{
    protected override string Source => RevenueIndicators.Source;

    private static readonly object LineOptions = new { stroke = new { width = new[] { 3, 2 }, dashArray = new[] { 0, 6 } }, legend = new { position = "top" } };
    private static readonly object PercentAxis = new { xaxis = new { min = 0, max = 100 } };

    private IReadOnlyList<string> _yearLabels = [];
    private IReadOnlyList<ChartSeries> _cumulativeSeries = [];
    private IReadOnlyList<string> _typeLabels = [];
    private IReadOnlyList<ChartSeries> _typeSeries = [];
    private IReadOnlyList<string> _recentLabels = [];
    private IReadOnlyList<ChartSeries> _dailySeries = [];
    private IReadOnlyList<string> _pbbLabels = [];
    private IReadOnlyList<ChartSeries> _pbbSeries = [];

    /// <summary>The selected region's Kemendagri code (<c>?wilayah=35.73.02</c>); empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    [Inject]
    private RevenueQueries Queries { get; set; } = default!;

    private static IReadOnlyList<Region> Kecamatan { get; } = ReferenceData.Kecamatan;

    private int TypesChartHeight => Math.Max(260, 40 + (22 * _typeLabels.Count));

    private int PbbChartHeight => Math.Max(260, 40 + (16 * _pbbLabels.Count));

    protected override DomainExport<string, RevenueView> Exports => RevenueExports.Page;

    protected override string CurrentScope() => RegionScope.Resolve(Wilayah).Code;

    protected override Task<RevenueView> LoadAsync(string scope, CancellationToken ct) => Queries.GetAsync(scope, ct);

    protected override void Shape(RevenueView view)
    {
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
        yield return (View!.TaxTotal, "revenue.types.totalTax");
        yield return (View.RetributionTotal, "revenue.types.totalRetribution");
        yield return (View.PadTotal, "revenue.types.totalPad");
    }

    /// <summary>Percentage points with their sign: <c>+3,2 pp</c>, <c>−1,5 pp</c>.</summary>
    private string Gap(double? pp) => pp is { } v
        ? L["revenue.unit.pp", (v > 0 ? "+" : v < 0 ? "−" : "") + Format.Compact(Math.Abs(v))].Value
        : "—";

    private bool IsSelected(string kecamatan) =>
        View is not null && (View.Scope.Code == kecamatan || View.Scope.ParentCode == kecamatan);

    private static string ScopeHref(string code) => RevenueDomain.Descriptor.Href(code);

    private string PbbTitle() => View!.RankingParent.Level == RegionLevel.Kota
        ? L["revenue.pbb.title.kota", View.Today.Year].Value
        : L["revenue.pbb.title.kecamatan", View.Today.Year, View.RankingParent.Name].Value;
}
