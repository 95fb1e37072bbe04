using System.Globalization;
using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Refresh;
using Dashboard.Web.Shared.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Features.Staffing;

/// <summary>
/// Kepegawaian for BKPSDM: the city or one OPD (<c>?opd=DISDIKBUD</c>, so a link shows the same view). Tiles of
/// #11–#20, attendance of the day by OPD and the morning's arrivals (they move as check-ins come in), late and
/// unexcused absences, headcount by ASN type and rank group, the latest quarter's ratings, retirements over the
/// next 12 months and vacant structural posts. Live on the source's events, like the other pages.
/// </summary>
public sealed partial class StaffingPage : IDisposable
{
    internal const string Source = StaffingIndicators.Source;

    private readonly CancellationTokenSource _cts = new();
    private StaffingView? _view;
    private string? _loadedScope;
    private DateTimeOffset _now;
    private IDisposable? _subscription;
    private RefreshThrottle? _throttle;

    /// <summary>The selected OPD's code (<c>?opd=DISDIKBUD</c>); empty or unknown is the whole city.</summary>
    [SupplyParameterFromQuery(Name = "opd")]
    public string? Opd { get; set; }

    [Inject]
    private StaffingQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<StaffingPage> Logger { get; set; } = default!;

    private int AgencyChartHeight => Math.Max(220, 40 + (24 * (_view?.Attendance.Count ?? 0)));

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
        var scope = StaffingQueries.ResolveScope(Opd);
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
        var scope = _loadedScope ?? StaffingQueries.ResolveScope(Opd);
        var view = await Queries.GetAsync(scope, ct);
        await InvokeAsync(() =>
        {
            // A navigation to another OPD may have landed meanwhile; its own load wins.
            if (scope == _loadedScope)
            {
                Show(view, scope);
                StateHasChanged();
            }
        });
    }

    private void Show(StaffingView view, string scope)
    {
        _view = view;
        _loadedScope = scope;
        _now = Time.GetUtcNow();
    }

    private void OnMinute(DateTimeOffset now) => _now = now;

    private void OnScopeChanged(string scope) => Navigation.NavigateTo(ScopeHref(scope));

    private static string ScopeHref(string code) =>
        code == ReferenceData.KotaCode ? "kepegawaian" : $"kepegawaian?opd={Uri.EscapeDataString(code)}";

    private static string AgencyName(string code) => ReferenceData.Agencies.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    private string AttendanceTitle() => _view!.AttendanceIsToday
        ? L["staffing.chart.attendance.today"].Value
        : L["staffing.chart.attendance.lastDay", Format.Date(_view.AttendanceDay)].Value;

    private static string MonthLabel(string yearMonth) =>
        DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yy", CultureInfo.CurrentCulture);

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
