using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Letters;
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

namespace Dashboard.Web.Features.Letters;

/// <summary>
/// Kelurahan letter services for the city or one region (<c>?wilayah=35.73.02</c>): tiles, requests per day by type,
/// the share completed within the service standard, the kelurahan ranking and the backlog of open requests past the
/// standard, with a refresh request. Live: re-queried on the letters source's events, throttled.
/// </summary>
public sealed partial class LettersPage : IDisposable
{
    internal const string Source = LettersIndicators.Source;

    // Six distinguishable colours in the contract's type order (ApexCharts' default palette repeats after five).
    private static readonly string[] Palette = ["#1565c0", "#2e7d32", "#f9a825", "#c62828", "#6a1b9a", "#78909c", "#00838f", "#8d6e63"];

    private object Stacked => new { chart = new { stacked = true }, legend = new { position = "top" }, colors = _dailyColors };
    private object TypeColors => new { colors = _typeColors };
    private static readonly object PercentAxis = new { yaxis = new { min = 0, max = 100 }, stroke = new { width = 3 } };

    private readonly CancellationTokenSource _cts = new();
    private LettersView? _view;
    private string? _loadedScope;
    private DateTimeOffset _now;
    private IReadOnlyList<string> _dayLabels = [];
    private IReadOnlyList<ChartSeries> _dailySeries = [];
    private IReadOnlyList<ChartSeries> _standardSeries = [];
    private IReadOnlyList<string> _typeLabels = [];
    private IReadOnlyList<ChartSeries> _typeSeries = [];
    private string[] _dailyColors = [];
    private string[] _typeColors = [];
    private IDisposable? _subscription;
    private RefreshThrottle? _throttle;

    /// <summary>The selected region's Kemendagri code (<c>?wilayah=35.73.02</c>); empty or unknown is the city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    [Inject]
    private LettersQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<LettersPage> Logger { get; set; } = default!;

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
        var scope = LettersQueries.ResolveScope(Wilayah).Code;
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
        var scope = _loadedScope ?? LettersQueries.ResolveScope(Wilayah).Code;
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

    private void Show(LettersView view, string scope)
    {
        _view = view;
        _loadedScope = scope;
        _now = Time.GetUtcNow();
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

    private void OnMinute(DateTimeOffset now) => _now = now;

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
        _view is not null && (_view.Scope.Code == kecamatan || _view.Scope.ParentCode == kecamatan);

    private static string ScopeHref(string code) =>
        code == ReferenceData.KotaCode ? "layanan-surat" : $"layanan-surat?wilayah={Uri.EscapeDataString(code)}";

    private string RankingTitle() => _view!.RankingParent.Level == RegionLevel.Kota
        ? L["letters.ranking.title.kota"].Value
        : L["letters.ranking.title.kecamatan", _view.RankingParent.Name].Value;

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
