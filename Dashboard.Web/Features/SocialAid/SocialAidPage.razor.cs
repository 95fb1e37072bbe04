using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Throttling;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.SocialAid;

/// <summary>
/// Bansos for Dinsos-P3AP2KB: the city or one region (<c>?wilayah=35.73.03</c>, so a link shows the same view). Tiles of
/// #31–#38, beneficiary families per programme per region, the current tahap's disbursement progress per programme with
/// its failures and their reasons, the latest tahap, desil 1–10 with their coverage, verval progress and the last
/// 12 months' graduations against the yearly target. Live on the source's events, throttled like the other pages.
/// </summary>
public sealed partial class SocialAidPage : IDisposable
{
    internal const string Source = SocialAidIndicators.Source;

    private static readonly IReadOnlyList<string> Desils = [.. Enumerable.Range(1, 10).Select(d => d.ToString(CultureInfo.InvariantCulture))];
    private static readonly object Stacked = new { chart = new { stacked = true }, legend = new { position = "top" } };
    private static readonly object StackedProgress = new
    {
        chart = new { stacked = true },
        legend = new { position = "top" },
        colors = new[] { "#2e7d32", "#90a4ae", "#c62828" },
    };

    private readonly CancellationTokenSource _cts = new();
    private AidView? _view;
    private string? _loadedScope;
    private DateTimeOffset _now;
    private IReadOnlyList<ChartSeries> _programSeries = [];
    private IReadOnlyList<ChartSeries> _progressSeries = [];
    private IReadOnlyList<ChartSeries> _desilSeries = [];
    private IDisposable? _subscription;
    private RefreshThrottle? _throttle;

    /// <summary>The selected region's Kemendagri code (<c>?wilayah=35.73.03</c>); empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    [Inject]
    private SocialAidQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<SocialAidPage> Logger { get; set; } = default!;

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
        var scope = SocialAidQueries.ResolveScope(Wilayah).Code;
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
        var scope = _loadedScope ?? SocialAidQueries.ResolveScope(Wilayah).Code;
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

    private void Show(AidView view, string scope)
    {
        _view = view;
        _loadedScope = scope;
        _now = Time.GetUtcNow();
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

    private void OnMinute(DateTimeOffset now) => _now = now;

    private bool IsSelected(string code) => _view is { } v && (v.Scope.Code == code || v.Scope.ParentCode == code);

    private static string ScopeHref(string code) =>
        code == ReferenceData.KotaCode ? "bansos" : $"bansos?wilayah={Uri.EscapeDataString(code)}";

    /// <summary>A programme's display name; one outside the contract shows as the source sent it.</summary>
    private string ProgramName(string program) =>
        L["socialaid.program." + program] is { ResourceNotFound: false } name ? name.Value : program;

    private string ReasonName(string reason) => reason.Length == 0 ? L["socialaid.failures.unknown"].Value : reason;

    private string ProgressTitle() => _view?.Stage is { } stage
        ? L["socialaid.chart.progress", stage].Value
        : L["socialaid.chart.progress.none"].Value;

    private string Pct(double? value) => value is { } v ? Format.Percent(v) : "—";

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
