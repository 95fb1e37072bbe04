using System.Globalization;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Overview;

/// <summary>
/// The city at a glance: each domain's headline indicators, grouped by source, linking to the domain page. Live: re-queries (throttled)
/// when <see cref="KpiBroadcaster"/> reports a committed run or run progress of any source it shows.
/// </summary>
public sealed partial class Overview : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<OverviewGroup>? _groups;
    private DateTimeOffset _now;
    private LiveSubscription? _live;

    /// <summary>The wall theme: the alert ticker runs along the foot of the screen.</summary>
    [CascadingParameter(Name = "IsDarkMode")]
    public bool IsWall { get; set; }

    [Inject]
    private IndicatorQueries Queries { get; set; } = default!;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private ILogger<Overview> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        _now = Time.GetUtcNow();
        _live = LiveSubscription.Start(RendererInfo.IsInteractive, Broadcaster, Time, Concerns, ReloadAsync, ex => Log.RefreshFailed(Logger, ex));
    }

    protected override async Task OnInitializedAsync()
    {
        _reader = await Dashboard.Web.Auth.ReaderScope.OfAsync(AuthState);
        _groups = await Queries.GetOverviewAsync(_cts.Token);
    }

    private bool Concerns(KpiEvent e) =>
        e is IndicatorsChanged or IngestProgress && (_groups is null || _groups.Any(g => g.Source == e.Source));

    private async Task ReloadAsync(CancellationToken ct)
    {
        var groups = await Queries.GetOverviewAsync(ct);
        await InvokeAsync(() =>
        {
            _groups = groups;
            _now = Time.GetUtcNow();
            StateHasChanged();
        });
    }

    private void OnMinute(DateTimeOffset now) => _now = now;

    /// <summary>
    /// Columns of domains on a wide screen: four domains to a column (eight domains: two columns), from the registry, not
    /// from today's data, so the layout does not jump while a source has no tiles yet. Tiles per row: the tiles a domain
    /// has, at most four: a domain with fewer widens its tiles to the column's width.
    /// </summary>
    internal static int ColumnsFor(int domains) => Math.Max(1, (domains + 3) / 4);

    private static string GridStyle => string.Create(CultureInfo.InvariantCulture, $"--overview-columns:{ColumnsFor(DomainRegistry.All.Count)}");

    private static string TilesStyle(OverviewGroup group) =>
        string.Create(CultureInfo.InvariantCulture, $"--overview-tiles:{Math.Clamp(group.Tiles.Count, 1, 4)}");

    // The feature page that explains each source's indicators; sources without one link nowhere yet.
    [CascadingParameter]
    private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthState { get; set; }

    private Dashboard.Web.Auth.ReaderScope _reader = Dashboard.Web.Auth.ReaderScope.Everything;

    /// <summary>The domain page of a group, as far as the reader may open it (an agency head: their agency's view).</summary>
    private string? PageOf(string source) => DomainRegistry.FindBySource(source) is { } d ? _reader.PageHref(d) : null;

    private string SourceName(string source) => L.SourceName(source);

    private string? SourceSystems(string source)
    {
        var systems = L["source." + source + ".systems"];
        return systems.ResourceNotFound ? null : systems.Value;
    }

    private string Freshness(OverviewGroup group) =>
        group.LastSuccessAt is { } at
            ? L["source.updated", Format.Age(_now - at)].Value + " · " + Format.WibTime(at)
            : L["source.never"].Value;

    public void Dispose()
    {
        _live?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
