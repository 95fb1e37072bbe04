using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Scope;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.SocialAid;

/// <summary>
/// Bansos for Dinsos-P3AP2KB: the city or one region (<c>?wilayah=35.73.03</c>, so a link shows the same view). Tiles of
/// #31–#38, beneficiary families per programme per region, the current tahap's disbursement progress per programme with
/// its failures and their reasons, the latest tahap, desil 1–10 with their coverage, verval progress and the last
/// 12 months' graduations against the yearly target. Live on the source's events, throttled like the other pages.
/// </summary>
public sealed partial class SocialAidPage
{
    protected override string Source => SocialAidIndicators.Source;

    private static readonly IReadOnlyList<string> Desils = [.. Enumerable.Range(1, 10).Select(d => d.ToString(CultureInfo.InvariantCulture))];
    private static readonly object Stacked = new { chart = new { stacked = true }, legend = new { position = "top" } };
    private static readonly object StackedProgress = new
    {
        chart = new { stacked = true },
        legend = new { position = "top" },
        colors = new[] { "#2e7d32", "#90a4ae", "#c62828" },
    };

    private IReadOnlyList<ChartSeries> _programSeries = [];
    private IReadOnlyList<ChartSeries> _progressSeries = [];
    private IReadOnlyList<ChartSeries> _desilSeries = [];

    /// <summary>The selected region's Kemendagri code (<c>?wilayah=35.73.03</c>); empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    [Inject]
    private SocialAidQueries Queries { get; set; } = default!;

    protected override DomainExport<string, AidView> Exports => SocialAidExports.Page;

    protected override string CurrentScope() => RegionScope.Resolve(Wilayah).Code;

    protected override Task<AidView> LoadAsync(string scope, CancellationToken ct) => Queries.GetAsync(scope, ct);

    protected override void Shape(AidView view)
    {
        // Programmes nobody in scope receives stay out of the legend.
        _programSeries = [.. view.Programs.Select((program, i) => (program, i))
            .Where(p => view.Regions.Any(r => r.PerProgram[p.i] > 0))
            .Select(p => new ChartSeries(ProgramName(p.program), [.. view.Regions.Select(r => (double?)r.PerProgram[p.i])]))];
        _progressSeries =
        [
            new ChartSeries(L["socialaid.status.tersalur"].Value, [.. view.Progress.Select(p => (double?)p.Disbursed)]),
            new ChartSeries(L["socialaid.status.dijadwalkan"].Value, [.. view.Progress.Select(p => (double?)p.Scheduled)]),
            new ChartSeries(L["socialaid.status.gagal"].Value, [.. view.Progress.Select(p => (double?)p.Failed)]),
        ];
        _desilSeries = view.DesilRecipients.Sum() + view.DesilOthers.Sum() == 0
            ? []
            :
            [
                new ChartSeries(L["socialaid.series.recipients"].Value, [.. view.DesilRecipients.Select(v => (double?)v)]),
                new ChartSeries(L["socialaid.series.others"].Value, [.. view.DesilOthers.Select(v => (double?)v)]),
            ];
    }

    private bool IsSelected(string code) => View is { } v && (v.Scope.Code == code || v.Scope.ParentCode == code);

    private static string ScopeHref(string code) => SocialAidDomain.Descriptor.Href(code);

    /// <summary>A programme's display name; one outside the contract shows as the source sent it.</summary>
    private string ProgramName(string program) =>
        L["socialaid.program." + program] is { ResourceNotFound: false } name ? name.Value : program;

    private string ReasonName(string reason) => reason.Length == 0 ? L["socialaid.failures.unknown"].Value : reason;

    private string ProgressTitle() => View?.Stage is { } stage
        ? L["socialaid.chart.progress", stage].Value
        : L["socialaid.chart.progress.none"].Value;

    private string Pct(double? value) => value is { } v ? Format.Percent(v) : "—";

    private static string MonthLabel(string yearMonth) =>
        DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yy", CultureInfo.CurrentCulture);
}
