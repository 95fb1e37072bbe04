using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Scope;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Licensing;

/// <summary>
/// The one-stop licensing service for the city or one region (<c>?wilayah=</c>): tiles, the open files by stage and
/// age, permits issued per day by channel, the on-time share, NIB by scale and risk, investment against the year's
/// target, the files closest to their SLA at a city stage (fiktif-positif risk) and PBG files approved but unpaid.
/// Live: re-queried on the licensing source's events, throttled.
/// </summary>
public sealed partial class LicensingPage
{
    protected override string Source => LicensingIndicators.Source;

    private static readonly string[] Palette = ["#1565c0", "#2e7d32", "#f9a825", "#c62828", "#6a1b9a"];

    private static readonly object Stacked = new { chart = new { stacked = true }, legend = new { position = "top" }, colors = Palette };
    private static readonly object PercentAxis = new { yaxis = new { min = 0, max = 100 }, stroke = new { width = 3 } };

    private IReadOnlyList<string> _dayLabels = [];
    private IReadOnlyList<ChartSeries> _issuedSeries = [];
    private IReadOnlyList<ChartSeries> _onTimeSeries = [];
    private IReadOnlyList<string> _stageLabels = [];
    private IReadOnlyList<ChartSeries> _backlogSeries = [];
    private IReadOnlyList<string> _scaleLabels = [];
    private IReadOnlyList<ChartSeries> _nibSeries = [];
    private IReadOnlyList<string> _quarterLabels = [];
    private IReadOnlyList<ChartSeries> _investmentSeries = [];

    /// <summary>The selected region's Kemendagri code (<c>?wilayah=35.73.02</c>); empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    [Inject]
    private LicensingQueries Queries { get; set; } = default!;

    private static IReadOnlyList<Region> Kecamatan { get; } = ReferenceData.Kecamatan;

    protected override DomainExport<string, LicensingView> Exports => LicensingExports.Page;

    protected override string CurrentScope() => RegionScope.Resolve(Wilayah).Code;

    protected override Task<LicensingView> LoadAsync(string scope, CancellationToken ct) => Queries.GetAsync(scope, ct);

    protected override void Shape(LicensingView view)
    {
        _dayLabels = [.. view.Days.Select(Format.ShortDate)];
        _issuedSeries = [.. LicensingPayload.ChannelOrder.Select((c, i) => new ChartSeries(LicensingPayload.ChannelName(c), view.IssuedPerDayByChannel[i]))];
        _onTimeSeries = [new ChartSeries(L["licensing.series.onTime"].Value, view.OnTimePerDay)];
        _stageLabels = [.. view.Backlog.Select(b => StageName(b.Stage))];
        _backlogSeries = [.. LicensingQueries.AgeBuckets.Select((_, i) =>
            new ChartSeries(L["licensing.age." + i.ToString(System.Globalization.CultureInfo.InvariantCulture)].Value,
                [.. view.Backlog.Select(b => (double?)b.ByAge[i])]))];
        _scaleLabels = [.. view.Nib.Select(n => ScaleName(n.Scale))];
        _nibSeries = [.. view.RiskLevels.Select((r, i) => new ChartSeries(RiskName(r), [.. view.Nib.Select(n => (double?)n.ByRisk[i])]))];
        _quarterLabels = [.. view.Investment.Select(q => q.Quarter)];
        _investmentSeries = view.Investment.Count == 0 ? [] :
        [
            new ChartSeries(L["licensing.series.realised"].Value, [.. view.Investment.Select(q => (double?)q.CumulativeTotal)]),
            new ChartSeries(L["licensing.series.target"].Value, [.. view.Investment.Select(q => (double?)q.Target)]),
        ];
    }

    private string StageName(string stage) => Named("licensing.stage." + stage, stage);

    private string ScaleName(string scale) => Named("licensing.scale." + scale, scale);

    private string RiskName(string risk) => Named("licensing.risk." + risk, risk);

    /// <summary>A code's display name; a code outside the contract shows as the source sent it.</summary>
    private string Named(string key, string code)
    {
        var name = L[key];
        return name.ResourceNotFound ? code : name.Value;
    }

    private bool IsSelected(string kecamatan) =>
        View is not null && (View.Scope.Code == kecamatan || View.Scope.ParentCode == kecamatan);

    private static string ScopeHref(string code) => LicensingDomain.Descriptor.Href(code);
}
