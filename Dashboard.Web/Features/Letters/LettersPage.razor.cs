using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Scope;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Letters;

/// <summary>
/// Kelurahan letter services for the city or one region (<c>?wilayah=35.73.02</c>): tiles, requests per day by type,
/// the share completed within the service standard, the kelurahan ranking and the backlog of open requests past the
/// standard, with a refresh request. Live: re-queried on the letters source's events, throttled.
/// </summary>
public sealed partial class LettersPage
{
    protected override string Source => LettersIndicators.Source;

    // Six distinguishable colours in the contract's type order (ApexCharts' default palette repeats after five).
    private static readonly string[] Palette = ["#1565c0", "#2e7d32", "#f9a825", "#c62828", "#6a1b9a", "#78909c", "#00838f", "#8d6e63"];

    private object Stacked => new { chart = new { stacked = true }, legend = new { position = "top" }, colors = _dailyColors };
    private object TypeColors => new { colors = _typeColors };
    private static readonly object PercentAxis = new { yaxis = new { min = 0, max = 100 }, stroke = new { width = 3 } };

    private IReadOnlyList<string> _dayLabels = [];
    private IReadOnlyList<ChartSeries> _dailySeries = [];
    private IReadOnlyList<ChartSeries> _standardSeries = [];
    private IReadOnlyList<string> _typeLabels = [];
    private IReadOnlyList<ChartSeries> _typeSeries = [];
    private string[] _dailyColors = [];
    private string[] _typeColors = [];

    /// <summary>The selected region's Kemendagri code (<c>?wilayah=35.73.02</c>); empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    [Inject]
    private LettersQueries Queries { get; set; } = default!;

    private static IReadOnlyList<Region> Kecamatan { get; } = ReferenceData.Kecamatan;

    protected override DomainExport<string, LettersView> Exports => LettersExports.Page;

    protected override string CurrentScope() => RegionScope.Resolve(Wilayah).Code;

    protected override Task<LettersView> LoadAsync(string scope, CancellationToken ct) => Queries.GetAsync(scope, ct);

    protected override void Shape(LettersView view)
    {
        _dayLabels = [.. view.Days.Select(Format.ShortDate)];
        // Types without a request in the window stay out of the legend.
        var shown = view.Types.Select((type, i) => (Type: type, Index: i))
            .Where(t => view.RequestsPerDayByType[t.Index].Any(v => v > 0)).ToList();
        _dailySeries = [.. shown.Select(t => new ChartSeries(TypeName(t.Type), view.RequestsPerDayByType[t.Index]))];
        _dailyColors = [.. shown.Select(t => Colour(view.Types, t.Type))];
        _typeColors = [.. view.ByType.Select(t => Colour(view.Types, t.Type))];
        _standardSeries = [new ChartSeries(L["letters.series.withinStandard"].Value, view.WithinStandardPerDay)];
        _typeLabels = [.. view.ByType.Select(t => TypeName(t.Type))];
        _typeSeries = [new ChartSeries(L["letters.series.requests"].Value, [.. view.ByType.Select(t => (double?)t.Count)])];
    }

    /// <summary>A type keeps its colour in both charts whichever types have requests.</summary>
    private static string Colour(IReadOnlyList<string> types, string type) =>
        Palette[Math.Max(0, types.ToList().IndexOf(type)) % Palette.Length];

    /// <summary>The type's display name; a type outside the contract shows as the source sent it.</summary>
    private string TypeName(string type)
    {
        var name = L["letters.type." + type];
        return name.ResourceNotFound ? type : name.Value;
    }

    private bool IsSelected(string kecamatan) =>
        View is not null && (View.Scope.Code == kecamatan || View.Scope.ParentCode == kecamatan);

    private static string ScopeHref(string code) => LettersDomain.Descriptor.Href(code);

    private string RankingTitle() => View!.RankingParent.Level == RegionLevel.Kota
        ? L["letters.ranking.title.kota"].Value
        : L["letters.ranking.title.kecamatan", View.RankingParent.Name].Value;
}
