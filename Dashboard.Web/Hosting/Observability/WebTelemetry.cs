using System.Diagnostics.Metrics;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Telemetry;
using Dashboard.Web.Features.Walls;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting.Observability;

/// <summary>
/// The web node's instruments in the <c>Dasbor</c> meter: circuits, the hub, wall screens, the Redis bus, and the
/// per-source gauges (lag, data age) and open alerts read from the database by <see cref="StatusSnapshot"/>.
/// </summary>
public sealed class WebTelemetry
{
    public WebTelemetry(IMeterFactory factory, IServiceProvider services, StatusSnapshot status, TimeProvider time)
    {
        Meter = DasborTelemetry.CreateMeter(factory);
        Circuits = Meter.CreateUpDownCounter<long>("dasbor.circuits.active", "{circuit}", "Live Blazor circuits on this node.");
        HubMessages = Meter.CreateCounter<long>("dasbor.hub.messages", "{message}", "Messages sent to /hubs/kpi clients, by method.");
        Meter.CreateObservableGauge("dasbor.hub.connections", () => services.GetService<LocalHubConnections>()?.Count ?? 0,
            "{connection}", "Open /hubs/kpi connections on this node.");
        Meter.CreateObservableGauge("dasbor.walls.connected", () => services.GetService<WallPresence>()?.Count ?? 0,
            "{screen}", "Wall screen pages open on this node.");
        Meter.CreateObservableGauge("dasbor.walls.heartbeat.age", () => WallHeartbeatAges(services, time),
            "s", "Seconds since each open wall screen last reported itself, by screen id.");
        Meter.CreateObservableGauge("dasbor.bus.connected", () => BusState(services),
            "{state}", "The Redis notification bus between nodes: 1 connected, 0 down (only on nodes with ConnectionStrings:Redis).");
        Meter.CreateObservableGauge("dasbor.source.lag", () => status.Lag(time.GetUtcNow()),
            "s", "Now minus the source's watermark: the newest change already read from it (over its resources).");
        Meter.CreateObservableGauge("dasbor.source.data_age", () => status.DataAge(time.GetUtcNow()),
            "s", "Now minus the source's last successful run.");
        Meter.CreateObservableGauge("dasbor.source.freshness_limit", () => status.FreshnessLimits(),
            "s", "The strictest freshness limit of the source's indicators (for alerting on data age).");
        Meter.CreateObservableGauge("dasbor.alerts.open", () => status.OpenAlerts(),
            "{alert}", "Open (firing or acknowledged) alerts, by kind.");
    }

    public Meter Meter { get; }
    public UpDownCounter<long> Circuits { get; }
    public Counter<long> HubMessages { get; }

    private static IEnumerable<Measurement<double>> WallHeartbeatAges(IServiceProvider services, TimeProvider time)
    {
        if (services.GetService<WallPresence>() is not { } presence)
        {
            return [];
        }
        var now = time.GetUtcNow();
        return presence.All
            .GroupBy(c => c.ScreenId)
            .Select(g => new Measurement<double>((now - g.Max(c => c.LastBeatAt)).TotalSeconds, new KeyValuePair<string, object?>("screen", g.Key)));
    }

    private static IEnumerable<Measurement<int>> BusState(IServiceProvider services) =>
        services.GetService<RedisKpiBus>() is { } bus ? [new Measurement<int>(bus.Connected ? 1 : 0)] : [];
}

/// <summary>Counts live circuits for <see cref="WebTelemetry.Circuits"/>.</summary>
internal sealed class TelemetryCircuitHandler(WebTelemetry telemetry) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        telemetry.Circuits.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        telemetry.Circuits.Add(-1);
        return Task.CompletedTask;
    }
}

/// <summary>
/// What the source and alert gauges report, re-read every <c>Observability:StatusRefreshSeconds</c> (an observable
/// gauge's callback must not query a database). Ages are computed at observation time from the stored instants.
/// </summary>
public sealed class StatusSnapshot(
    IDbContextFactory<ReportingDbContext> dbFactory, SourceCatalog catalog, TimeProvider time, IOptions<ObservabilityOptions> options,
    ILogger<StatusSnapshot> logger) : BackgroundService
{
    private sealed record SourceRow(string Source, DateTimeOffset? Watermark, DateTimeOffset? LastSuccessAt, int FreshnessMinutes);

    private volatile IReadOnlyList<SourceRow> _sources = [];
    private volatile IReadOnlyList<(AlertKind Kind, int Count)> _alerts = [];

    /// <summary>Re-reads now (tests, and the first read at start).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var states = await db.SourceStates.AsNoTracking().ToDictionaryAsync(s => s.Source, s => s.LastSuccessAt, ct);
        var marks = (await db.SourceWatermarks.AsNoTracking().Where(w => w.Value != null).Select(w => new { w.Source, w.Value }).ToListAsync(ct))
            .GroupBy(w => w.Source).ToDictionary(g => g.Key, g => g.Max(w => w.Value));
        var freshness = (await db.Indicators.AsNoTracking().Where(d => d.FreshnessMinutes > 0).Select(d => new { d.Source, d.FreshnessMinutes }).ToListAsync(ct))
            .GroupBy(d => d.Source).ToDictionary(g => g.Key, g => g.Min(d => d.FreshnessMinutes));
        _sources =
        [
            .. catalog.All.Where(s => s.Options.Enabled).OrderBy(s => s.Name).Select(s => new SourceRow(
                s.Name, marks.GetValueOrDefault(s.Name), states.GetValueOrDefault(s.Name), freshness.GetValueOrDefault(s.Name))),
        ];
        var open = await db.Set<Alert>().AsNoTracking().Where(a => a.OpenKey != null).GroupBy(a => a.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        _alerts = [.. Enum.GetValues<AlertKind>().Select(k => (k, open.FirstOrDefault(o => o.Key == k)?.Count ?? 0))];
    }

    internal IEnumerable<Measurement<double>> Lag(DateTimeOffset now) =>
        _sources.Where(s => s.Watermark is not null)
            .Select(s => new Measurement<double>((now - s.Watermark!.Value).TotalSeconds, Tag(s.Source)));

    internal IEnumerable<Measurement<double>> DataAge(DateTimeOffset now) =>
        _sources.Where(s => s.LastSuccessAt is not null)
            .Select(s => new Measurement<double>((now - s.LastSuccessAt!.Value).TotalSeconds, Tag(s.Source)));

    internal IEnumerable<Measurement<double>> FreshnessLimits() =>
        _sources.Where(s => s.FreshnessMinutes > 0).Select(s => new Measurement<double>(s.FreshnessMinutes * 60.0, Tag(s.Source)));

    internal IEnumerable<Measurement<int>> OpenAlerts() =>
        _alerts.Select(a => new Measurement<int>(a.Count, new KeyValuePair<string, object?>("kind", a.Kind.ToString())));

    /// <summary>Sources whose data is older than their strictest indicator's freshness limit (health: Degraded).</summary>
    internal IReadOnlyList<string> Late(DateTimeOffset now) =>
        [.. _sources.Where(s => s.FreshnessMinutes > 0 && s.LastSuccessAt is { } at && now - at > TimeSpan.FromMinutes(s.FreshnessMinutes)).Select(s => s.Source)];

    private static KeyValuePair<string, object?> Tag(string source) => new("source", source);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.StatusRefreshSeconds), time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.StatusRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
