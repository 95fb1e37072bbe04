using System.Collections.Concurrent;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Live;

/// <summary>
/// On a web node of a multi-node deployment: every <see cref="LiveOptions.SnapshotCheckSeconds"/> reads each source's
/// <see cref="SourceState.SnapshotVersion"/> (the run whose indicators committed last) and, where it is newer than the
/// last <see cref="IndicatorsChanged"/> this node saw (also at the next check), tells this node's screens to re-read. So a commit of another node
/// reaches every screen even while Redis is unreachable (or not configured), only later.
/// </summary>
public sealed class SnapshotVersionWatch : BackgroundService
{
    /// <summary>The <see cref="KpiEvent.FromNode"/> of what this check recovered: delivered on this node only.</summary>
    public const string Origin = "snapshot-check";

    private readonly IDbContextFactory<ReportingDbContext> _dbFactory;
    private readonly SourceCatalog _catalog;
    private readonly KpiBroadcaster _broadcaster;
    private readonly TimeProvider _time;
    private readonly IOptions<LiveOptions> _options;
    private readonly ILogger<SnapshotVersionWatch> _logger;

    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);

    /// <summary>Versions found newer than seen at the last check (touched by the check loop only).</summary>
    private readonly Dictionary<string, long> _pending = new(StringComparer.Ordinal);

    private readonly IDisposable _subscription;
    private int _recovered;

    public SnapshotVersionWatch(
        IDbContextFactory<ReportingDbContext> dbFactory,
        SourceCatalog catalog,
        KpiBroadcaster broadcaster,
        TimeProvider time,
        IOptions<LiveOptions> options,
        ILogger<SnapshotVersionWatch> logger)
    {
        _dbFactory = dbFactory;
        _catalog = catalog;
        _broadcaster = broadcaster;
        _time = time;
        _options = options;
        _logger = logger;
        // Every notification that reaches this node, from any origin, counts as seen.
        _subscription = broadcaster.Subscribe(e =>
        {
            if (e is IndicatorsChanged { RunId: { } run })
            {
                Seen(e.Source, run);
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>Updates this check announced.</summary>
    public int Recovered => _recovered;

    /// <summary>The newest version of <paramref name="source"/> this node has been told about or has announced.</summary>
    public long? SeenVersion(string source) => _seen.TryGetValue(source, out var v) ? v : null;

    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.Value.SnapshotCheckSeconds), _time);
        do
        {
            try
            {
                await CheckAsync(announce: !first, stoppingToken);
                first = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is briefly unreachable: the next tick tries again.
                Log.CheckFailed(_logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Reads the versions. One newer than any notification seen is announced when it is still unseen at the next check:
    /// a notification in flight (the version commits a moment before the run's notification is sent) is not doubled.
    /// Nothing is announced on the first read: the screens just loaded.
    /// </summary>
    public async Task CheckAsync(bool announce, CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var versions = await db.SourceStates.AsNoTracking()
            .Where(s => s.SnapshotVersion != null)
            .Select(s => new { s.Source, Version = s.SnapshotVersion!.Value })
            .ToListAsync(ct);
        foreach (var v in versions)
        {
            if (_seen.TryGetValue(v.Source, out var known) && known >= v.Version)
            {
                _pending.Remove(v.Source);
                continue;
            }
            if (announce && (!_pending.TryGetValue(v.Source, out var pending) || pending != v.Version))
            {
                _pending[v.Source] = v.Version;
                continue;
            }
            _pending.Remove(v.Source);
            if (!Seen(v.Source, v.Version) || !announce || _catalog.All.FirstOrDefault(s => s.Name == v.Source) is not { } source)
            {
                continue;
            }
            Interlocked.Increment(ref _recovered);
            Log.MissedUpdate(_logger, v.Source, v.Version);
            _broadcaster.Publish(new IndicatorsChanged(v.Source, _time.GetUtcNow(), v.Version, source.Kpis.IndicatorCodes) { FromNode = Origin });
        }
    }

    /// <summary>Records a version; true when it is newer than any seen for the source.</summary>
    private bool Seen(string source, long version)
    {
        while (true)
        {
            if (_seen.TryGetValue(source, out var known))
            {
                if (known >= version)
                {
                    return false;
                }
                if (_seen.TryUpdate(source, version, known))
                {
                    return true;
                }
            }
            else if (_seen.TryAdd(source, version))
            {
                return true;
            }
        }
    }
}
