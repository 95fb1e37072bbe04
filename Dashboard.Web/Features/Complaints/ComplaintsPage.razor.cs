using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Ingest.Reporting;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Scope;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Complaints;

/// <summary>
/// Complaints (SP4N-LAPOR! / SAMBAT) for the city or one region: tiles, 30-day charts, the OPD league table,
/// the kecamatan → kelurahan breakdown (the region is in the URL, <c>?wilayah=35.73.02</c>, so a link shows
/// the same view), and a refresh request with a reason. Live like the overview.
/// </summary>
public sealed partial class ComplaintsPage
{
    protected override string Source => ComplaintsIndicators.Source;

    private IReadOnlyList<string> _dayLabels = [];
    private IReadOnlyList<ChartSeries> _dailySeries = [];

    /// <summary>The selected region's Kemendagri code (<c>?wilayah=35.73.02</c>); empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    [Inject]
    private ComplaintsQueries Queries { get; set; } = default!;

    private RegionLevel ChildLevel =>
        View?.RegionsParent.Level == RegionLevel.Kota ? RegionLevel.Kecamatan : RegionLevel.Kelurahan;

    private int AgencyChartHeight => Math.Max(220, 40 + (24 * (View?.ByAgency.Count ?? 0)));

    protected override DomainExport<string, ComplaintsView> Exports => ComplaintsExports.Page;

    protected override string CurrentScope() => RegionScope.Resolve(Wilayah).Code;

    protected override Task<ComplaintsView> LoadAsync(string scope, CancellationToken ct) => Queries.GetAsync(scope, ct);

    protected override void Shape(ComplaintsView view)
    {
        _dayLabels = [.. view.Days.Select(Format.ShortDate)];
        _dailySeries = [new ChartSeries(L["complaints.series.received"].Value, view.ReceivedPerDay)];
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<NamedCount> counts) => [.. counts.Select(c => c.Name)];

    private IReadOnlyList<ChartSeries> Series(IReadOnlyList<NamedCount> counts) =>
        [new ChartSeries(L["complaints.series.complaints"].Value, [.. counts.Select(c => (double?)c.Count)])];

    private static string ScopeHref(string code) => ComplaintsDomain.Descriptor.Href(code);

    private string RegionsTitle() => View!.RegionsParent.Level == RegionLevel.Kota
        ? L["complaints.regions.title.kota"].Value
        : L["complaints.regions.title.kecamatan", View.RegionsParent.Name].Value;
}
