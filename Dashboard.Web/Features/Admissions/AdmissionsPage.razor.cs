using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Throttling;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Admissions;

/// <summary>
/// SPMB for the head of Disdikbud: the city, a kecamatan or kelurahan (<c>?wilayah=35.73.02</c>) or one school
/// (<c>?sekolah=NPSN</c>), so a link shows the same view. Tiles of #39–#43, applicants against seats per level, the
/// quota filled per route, the status of every application (verification progress), registrations per day with the
/// busiest day, the schools in most demand and the children not placed in a public school by home kelurahan. Live on
/// the source's events, like the other pages: on the busiest registration day it moves with every pull.
/// </summary>
public sealed partial class AdmissionsPage : IDisposable
{
    internal const string Source = AdmissionsIndicators.Source;

    private readonly CancellationTokenSource _cts = new();
    private AdmissionsView? _view;
    private (string? Region, string? School)? _loaded;
    private DateTimeOffset _now;
    private IDisposable? _subscription;
    private RefreshThrottle? _throttle;

    /// <summary>A kecamatan or kelurahan code; empty or unknown is the whole city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    /// <summary>A school's NPSN; it wins over <see cref="Wilayah"/>.</summary>
    [SupplyParameterFromQuery(Name = "sekolah")]
    public string? Sekolah { get; set; }

    [Inject]
    private AdmissionsQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<AdmissionsPage> Logger { get; set; } = default!;

    private static IReadOnlyList<Region> Kecamatan { get; } = ReferenceData.Kecamatan;

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
        var wanted = (Wilayah, Sekolah);
        if (_view is null || wanted != _loaded)
        {
            Show(await Queries.GetAsync(Wilayah, Sekolah, _cts.Token), wanted);
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
        var wanted = _loaded ?? (Wilayah, Sekolah);
        var view = await Queries.GetAsync(wanted.Region, wanted.School, ct);
        await InvokeAsync(() =>
        {
            // A navigation to another scope may have landed meanwhile; its own load wins.
            if (wanted == _loaded)
            {
                Show(view, wanted);
                StateHasChanged();
            }
        });
    }

    private void Show(AdmissionsView view, (string? Region, string? School) wanted)
    {
        _view = view;
        _loaded = wanted;
        _now = Time.GetUtcNow();
    }

    private void OnMinute(DateTimeOffset now) => _now = now;

    private bool IsSelected(string kecamatan) =>
        _view is not null && _view.Trail.Count > 1 && _view.Trail[1].Code == kecamatan;

    private static string RegionHref(string code) =>
        code == ReferenceData.KotaCode ? "spmb" : $"spmb?wilayah={Uri.EscapeDataString(code)}";

    private static string SchoolHref(string npsn) => $"spmb?sekolah={Uri.EscapeDataString(npsn)}";

    /// <summary>A route's display name; one outside the contract shows as the source sent it.</summary>
    private string RouteName(string route)
    {
        var name = L["admissions.route." + route];
        return name.ResourceNotFound ? route : name.Value;
    }

    private string StatusName(string status)
    {
        var name = L["admissions.status." + status];
        return name.ResourceNotFound ? status : name.Value;
    }

    private string Season() => _view!.BusiestDay is { } busiest
        ? L["admissions.season", Format.Date(busiest.Day), Format.Count(busiest.Count), Format.Count(_view.Today)].Value
        : L["admissions.season.none"].Value;

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
