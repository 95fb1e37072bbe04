using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Scope;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Budget;

/// <summary>
/// APBD execution for BKAD and every agency head: the city or one agency (<c>?opd=DPUPRPKP</c>). Tiles of #47–#56, the
/// S-curve (realised against the cash plan and the monthly band), the agency league (the same for every scope: every
/// head sees where they stand), realisation per funding source, the projected SiLPA at the current pace, and the
/// sub-kegiatan whose physical progress is more than 15 points from the financial one. Live on the source's events.
/// </summary>
public sealed partial class BudgetPage
{
    /// <summary>Gap rows shown on the page (the download has them all).</summary>
    private const int GapRows = 15;

    private static readonly object CurveOptions = new
    {
        legend = new { position = "top" },
        stroke = new { width = new[] { 4, 2, 1, 1 }, dashArray = new[] { 0, 6, 3, 3 } },
        colors = new[] { "#1565c0", "#6d4c41", "#c62828", "#2e7d32" },
        yaxis = new { min = 0, max = 100 },
    };

    protected override string Source => BudgetIndicators.Source;

    /// <summary>The selected OPD's code (<c>?opd=DPUPRPKP</c>); empty or unknown is the whole city.</summary>
    [SupplyParameterFromQuery(Name = "opd")]
    public string? Opd { get; set; }

    [Inject]
    private BudgetQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private int LeagueHeight => Math.Max(260, 60 + (26 * (View?.League.Count ?? 0)));

    protected override DomainExport<string, BudgetView> Exports => BudgetExports.Page;

    protected override string CurrentScope() => BudgetQueries.ResolveScope(Opd);

    protected override Task<BudgetView> LoadAsync(string scope, CancellationToken ct) => Queries.GetAsync(scope, ct);

    private void OnScopeChanged(string scope) => Navigation.NavigateTo(ScopeHref(scope));

    private static string ScopeHref(string code) => BudgetDomain.Descriptor.Href(code);

    private IReadOnlyList<ScopeStep>? Trail() => View is null
        ? null
        : View.Scope == ReferenceData.KotaCode
            ? [new ScopeStep(ReferenceData.KotaCode, L["budget.scope.all"].Value)]
            : [new ScopeStep(ReferenceData.KotaCode, L["budget.scope.all"].Value), new ScopeStep(View.Scope, View.Scope, AgencyName(View.Scope))];

    private string ScopeName(string scope) => scope == ReferenceData.KotaCode ? L["budget.scope.city"].Value : scope;

    private static string AgencyName(string code) => ReferenceData.Agencies.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    private static string MonthLabel(int month) => new DateOnly(2000, month, 1).ToString("MMM", CultureInfo.CurrentCulture);

    private IReadOnlyList<ChartSeries> CurveSeries() =>
    [
        new(L["budget.series.realised"].Value, [.. View!.Curve.Select(c => c.RealisedPct)]),
        new(L["budget.series.planned"].Value, [.. View.Curve.Select(c => c.PlannedPct)]),
        new(L["budget.series.lower"].Value, [.. View.Curve.Select(c => (double?)c.Lower)]),
        new(L["budget.series.upper"].Value, [.. View.Curve.Select(c => (double?)c.Upper)]),
    ];

    private string BandNote()
    {
        var today = View!.Curve.Count == 0 ? default : View.Today;
        return L["budget.league.note", Format.Date(today)].Value;
    }

    private static Color StatusColor(IndicatorStatus status) => status switch
    {
        IndicatorStatus.OnTrack => Color.Success,
        IndicatorStatus.AtRisk => Color.Warning,
        IndicatorStatus.OffTrack => Color.Error,
        _ => Color.Default,
    };
}
