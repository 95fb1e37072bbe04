using Dashboard.Ingest.Sources.Complaints;
using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Refresh;
using Dashboard.Web.Shared.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Features.Complaints;

/// <summary>
/// Complaints (SP4N-LAPOR! / SAMBAT) for the city or one region: tiles, 30-day charts, the OPD league table,
/// the kecamatan → kelurahan breakdown (the region is in the URL, <c>?wilayah=35.73.02</c>, so a link shows
/// the same view), and a refresh request with a reason. Live like the overview.
/// </summary>
public sealed partial class ComplaintsPage : IDisposable
{
    internal const string Source = ComplaintsIndicators.Source;

    private readonly CancellationTokenSource _cts = new();
    private ComplaintsView? _view;
    private string? _loadedScope;
    private DateTimeOffset _now;
    private IReadOnlyList<string> _dayLabels = [];
    private IReadOnlyList<ChartSeries> _dailySeries = [];
    private IDisposable? _subscription;
    private RefreshThrottle? _throttle;

    /// <summary>The selected region's Kemendagri code (<c>?wilayah=35.73.02</c>); empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    [Inject]
    private ComplaintsQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<ComplaintsPage> Logger { get; set; } = default!;

    private RegionLevel ChildLevel =>
        _view?.RegionsParent.Level == RegionLevel.Kota ? RegionLevel.Kecamatan : RegionLevel.Kelurahan;

    private int AgencyChartHeight => Math.Max(220, 40 + (24 * (_view?.ByAgency.Count ?? 0)));

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
        var scope = ComplaintsQueries.ResolveScope(Wilayah).Code;
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
        var scope = _loadedScope ?? ComplaintsQueries.ResolveScope(Wilayah).Code;
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

    private void Show(ComplaintsView view, string scope)
    {
        _view = view;
        _loadedScope = scope;
        _now = Time.GetUtcNow();
        _dayLabels = [.. view.Days.Select(Format.ShortDate)];
        _dailySeries = [new ChartSeries(L["complaints.series.received"].Value, view.ReceivedPerDay)];
    }

    private void OnMinute(DateTimeOffset now) => _now = now;

    private static IReadOnlyList<string> Names(IReadOnlyList<NamedCount> counts) => [.. counts.Select(c => c.Name)];

    private IReadOnlyList<ChartSeries> Series(IReadOnlyList<NamedCount> counts) =>
        [new ChartSeries(L["complaints.series.complaints"].Value, [.. counts.Select(c => (double?)c.Count)])];

    private static string ScopeHref(string code) =>
        code == ReferenceData.KotaCode ? "aduan" : $"aduan?wilayah={Uri.EscapeDataString(code)}";

    private string RegionsTitle() => _view!.RegionsParent.Level == RegionLevel.Kota
        ? L["complaints.regions.title.kota"].Value
        : L["complaints.regions.title.kecamatan", _view.RegionsParent.Name].Value;

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
