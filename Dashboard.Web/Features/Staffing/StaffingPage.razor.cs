using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Scope;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Staffing;

/// <summary>
/// Kepegawaian for BKPSDM: the city or one OPD (<c>?opd=DISDIKBUD</c>, so a link shows the same view). Tiles of
/// #11–#20, attendance of the day by OPD and the morning's arrivals (they move as check-ins come in), late and
/// unexcused absences, headcount by ASN type and rank group, the latest quarter's ratings, retirements over the
/// next 12 months and vacant structural posts. Live on the source's events, like the other pages.
/// </summary>
public sealed partial class StaffingPage
{
    protected override string Source => StaffingIndicators.Source;

    /// <summary>The selected OPD's code (<c>?opd=DISDIKBUD</c>); empty or unknown is the whole city.</summary>
    [SupplyParameterFromQuery(Name = "opd")]
    public string? Opd { get; set; }

    [Inject]
    private StaffingQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    // Each agency's attendance is held to the city's attendance target (the catalogue's, or an administrator's).
    private double? AttendanceTarget => View?.Tiles.FirstOrDefault(t => t.Code == Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Codes.AttendancePct)?.Target;

    private int AgencyChartHeight => Math.Max(220, 40 + (24 * (View?.Attendance.Count ?? 0)));

    protected override DomainExport<string, StaffingView> Exports => StaffingExports.Page;

    protected override string CurrentScope() => StaffingQueries.ResolveScope(Opd);

    protected override Task<StaffingView> LoadAsync(string scope, CancellationToken ct) => Queries.GetAsync(scope, ct);

    private void OnScopeChanged(string scope) => Navigation.NavigateTo(ScopeHref(scope));

    private static string ScopeHref(string code) => StaffingDomain.Descriptor.Href(code);

    // The whole workforce, then the OPD on screen (its code, its full name on hover).
    private IReadOnlyList<ScopeStep>? Trail() => View is null
        ? null
        : View.Scope == ReferenceData.KotaCode
            ? [new ScopeStep(ReferenceData.KotaCode, L["staffing.scope.all"].Value)]
            : [new ScopeStep(ReferenceData.KotaCode, L["staffing.scope.all"].Value), new ScopeStep(View.Scope, View.Scope, AgencyName(View.Scope))];

    private static string AgencyName(string code) => ReferenceData.Agencies.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    private string AttendanceTitle() => View!.AttendanceIsToday
        ? L["staffing.chart.attendance.today"].Value
        : L["staffing.chart.attendance.lastDay", Format.Date(View.AttendanceDay)].Value;

    private static string MonthLabel(string yearMonth) =>
        DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yy", CultureInfo.CurrentCulture);
}
