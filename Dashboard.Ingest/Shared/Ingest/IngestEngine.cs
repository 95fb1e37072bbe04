using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Runs one source: takes the source's lease (no overlap, also across nodes), pages every feed from its
/// watermark, commits rows, quarantine, counters and the new watermark in one transaction a commit group of pages, then
/// recomputes the indicators and tells the screens. Every run, skipped ones included, lands in the ledger. A run is an
/// <c>ingest.run</c> span with <c>ingest.page</c>, <c>ingest.commit</c> and <c>ingest.recompute</c> children, and is
/// counted in the <c>Dasbor</c> meter (<see cref="IngestTelemetry"/>).
/// </summary>
public sealed class IngestEngine(
    IDbContextFactory<ReportingDbContext> dbFactory,
    KpiBroadcaster broadcaster,
    TimeProvider time,
    IOptions<IngestOptions> options,
    ILogger<IngestEngine> logger,
    IRefreshRequests? retries = null,
    IngestTelemetry? telemetry = null)
{
    /// <summary>This process: host name and process id, so a restarted process recognises its own dead runs.</summary>
    public static string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    private readonly IngestTelemetry _telemetry = telemetry ?? new IngestTelemetry();

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public async Task<IngestRun> RunAsync(IIngestSource source, ISourcePageClient client, RunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        using var activity = DasborTelemetry.ActivitySource.StartActivity("ingest.run");
        activity?.SetTag("dasbor.source", source.Name);
        activity?.SetTag("dasbor.trigger", request.Trigger.ToString());
        var started = Stopwatch.GetTimestamp();
        var run = await StartAsync(source.Name, request, ct);
        activity?.SetTag("dasbor.run.id", run.Id);
        if (run.Status == IngestRunStatus.Skipped)
        {
            Log.RunSkipped(logger, source.Name, run.Id, run.Error);
            activity?.SetTag("dasbor.run.status", run.Status.ToString());
            broadcaster.Publish(new IngestProgress(source.Name, time.GetUtcNow(), run.Id, run.Status, 0, 0));
            return run;
        }
        Log.RunStarted(logger, source.Name, run.Id, request.Trigger);
        broadcaster.Publish(new IngestProgress(source.Name, time.GetUtcNow(), run.Id, run.Status, 0, 0));
        var settings = options.Value;
        // The run's own token: cancelled when the host stops (ct) or when the heartbeat finds the lease taken over.
        using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Ingest:MaxRunMinutes: only the fetching stops; what was read is committed and the next run goes on from there.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(settings.MaxRunMinutes), time);
        using var stopBeating = new CancellationTokenSource();
        var lease = new LeaseHolder();
        var heartbeat = HeartbeatAsync(source.Name, run, lease, running, stopBeating.Token);
        try
        {
            foreach (var feed in source.Feeds)
            {
                await PullFeedAsync(source, client, feed, run, running.Token, deadline.Token);
            }
            var codes = await RecomputeKpisAsync(source, run.Id, running.Token);
            await StopHeartbeatAsync(stopBeating, heartbeat);
            await FinishAsync(run, IngestRunStatus.Succeeded, null);
            Log.RunFinished(logger, source.Name, run.Id, run.ItemsRead, run.Inserted, run.Updated, run.Deleted, run.Rejected);
            broadcaster.Publish(new IngestProgress(source.Name, time.GetUtcNow(), run.Id, run.Status, run.Pages, run.ItemsRead));
            broadcaster.Publish(new IndicatorsChanged(source.Name, time.GetUtcNow(), run.Id, codes));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await StopHeartbeatAsync(stopBeating, heartbeat);
            await FinishAsync(run, IngestRunStatus.Cancelled, "Dibatalkan (aplikasi berhenti atau pekerjaan dihentikan).");
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            broadcaster.Publish(new IngestProgress(source.Name, time.GetUtcNow(), run.Id, run.Status, run.Pages, run.ItemsRead));
            throw;
        }
        catch (Exception caught)
        {
            await StopHeartbeatAsync(stopBeating, heartbeat);
            var ex = caught;
            if (lease.LostTo is { } holder && caught is OperationCanceledException or LeaseLostException)
            {
                ex = new LeaseLostException(holder.Describe(run.Id));
            }
            else if (deadline.IsCancellationRequested && caught is OperationCanceledException)
            {
                ex = new RunTimeLimitException(
                    $"Berhenti: batas waktu run {IngestOptions.Section}:MaxRunMinutes ({settings.MaxRunMinutes} menit) tercapai; " +
                    $"{run.Pages} halaman ({run.ItemsRead} item) tersimpan, run berikutnya melanjutkan dari sana.", caught);
            }
            Log.RunFailed(logger, source.Name, run.Id, ex);
            await FinishAsync(run, IngestRunStatus.Failed, Describe(ex));
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            broadcaster.Publish(new IngestProgress(source.Name, time.GetUtcNow(), run.Id, run.Status, run.Pages, run.ItemsRead));
            if (!IsSourceFault(ex))
            {
                // A defect of ours rather than the source's: recorded in the ledger, and surfaced to Hangfire too
                // (which does not retry it: a retry does not fix a defect).
                if (ReferenceEquals(ex, caught))
                {
                    throw;
                }
                throw ex;
            }
            await ScheduleRetryAsync(source, run);
        }
        finally
        {
            _telemetry.RunEnded(source.Name, run.Status, Stopwatch.GetElapsedTime(started));
            activity?.SetTag("dasbor.run.status", run.Status.ToString());
            activity?.SetTag("dasbor.run.items_read", run.ItemsRead);
            activity?.SetTag("dasbor.run.pages", run.Pages);
        }
        return run;
    }

    /// <summary>Who holds the lease a run lost (set by the heartbeat or a commit that found it gone).</summary>
    private sealed class LeaseHolder
    {
        public LostLease? LostTo { get; set; }
    }

    private sealed record LostLease(long? Holder)
    {
        public string Describe(long runId) => Holder is { } h
            ? $"Run #{runId} lost its lease to run #{h}; pages not yet committed were dropped."
            : $"Run #{runId} lost its lease (it expired and was released); pages not yet committed were dropped.";
    }

    /// <summary>
    /// Keeps the run's lease while the run is alive (every third of <c>Ingest:LeaseSeconds</c>), so that a slow but living run
    /// is never taken over, however long a page or a commit takes. It beats at most until <c>Ingest:MaxRunMinutes</c> plus one
    /// lease: a run stuck past its own limit loses the lease like a dead one. Finding the lease gone cancels the run.
    /// </summary>
    private async Task HeartbeatAsync(string source, IngestRun run, LeaseHolder lease, CancellationTokenSource running, CancellationToken stop)
    {
        var interval = Lease / 3;
        var lastBeat = run.StartedAt + TimeSpan.FromMinutes(options.Value.MaxRunMinutes) + Lease;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = time.GetUtcNow();
            if (now > lastBeat)
            {
                return;
            }
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stop);
                var held = await db.SourceStates
                    .Where(s => s.Source == source && s.RunningRunId == run.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseExpiresAt, now + Lease), stop);
                if (held == 0)
                {
                    var holder = await db.SourceStates.AsNoTracking().Where(s => s.Source == source).Select(s => s.RunningRunId).SingleAsync(stop);
                    lease.LostTo = new LostLease(holder ?? await TakenOverByAsync(db, source, run.Id, stop));
                    Log.LeaseLost(logger, source, run.Id);
                    await running.CancelAsync();
                    return;
                }
                await db.IngestRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, now), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                // A busy database: the next beat tries again (a third of the lease is left).
                Log.HeartbeatFailed(logger, source, run.Id, ex);
            }
        }
    }

    private static async Task StopHeartbeatAsync(CancellationTokenSource stop, Task heartbeat)
    {
        await stop.CancelAsync();
        await heartbeat;
    }

    /// <summary>The run that took the source over after <paramref name="runId"/> (null when the lease only expired).</summary>
    private static Task<long?> TakenOverByAsync(ReportingDbContext db, string source, long runId, CancellationToken ct) =>
        db.IngestRuns.AsNoTracking()
            .Where(r => r.Source == source && r.Id > runId && r.Status != IngestRunStatus.Skipped)
            .OrderBy(r => r.Id)
            .Select(r => (long?)r.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Recomputes the source's indicators from the day the last commits marked dirty, as part of run
    /// <paramref name="runId"/>, which must hold the source's lease.
    /// </summary>
    public async Task<IReadOnlyList<string>> RecomputeKpisAsync(IIngestSource source, long runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var activity = DasborTelemetry.ActivitySource.StartActivity("ingest.recompute");
        activity?.SetTag("dasbor.source", source.Name);
        var started = Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Contexts are pooled and the pool does not reset our own properties: a context that once wrote a whole history
        // would otherwise report it again in every recomputation it serves later (dasbor.indicators.recompute.rows).
        db.IndicatorRowsWritten = 0;
        var state = await db.SourceStates.SingleAsync(s => s.Source == source.Name, ct);
        var now = time.GetUtcNow();
        var today = Wib.DateOf(now);
        var hasSnapshots = await db.IndicatorSnapshots.AnyAsync(s => source.Kpis.IndicatorCodes.Contains(s.IndicatorCode), ct);
        // Time-based indicators (backlog, overdue) move every day even without new rows: always redo today.
        var from = state.KpiDirtyFrom is { } dirty && dirty < today ? dirty : today;
        if (!hasSnapshots)
        {
            from = DateOnly.MinValue;
        }
        var dirtyBefore = state.KpiDirtyFrom;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The recomputation is part of the run: it must still hold the lease, and it renews it for its own time.
            var held = await db.SourceStates
                .Where(s => s.Source == source.Name && s.RunningRunId == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseExpiresAt, now + Lease), ct);
            if (held == 0)
            {
                throw new LeaseLostException($"Run #{runId} lost its lease before recomputing indicators; nothing recomputed.");
            }
            await source.Kpis.RecomputeAsync(db, from, today, runId, now, ct);
            // Only clear what this recomputation covered: a concurrent commit may have marked an earlier day.
            await db.SourceStates
                .Where(s => s.Source == source.Name && s.KpiDirtyFrom == dirtyBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.KpiDirtyFrom, (DateOnly?)null), ct);
            await db.SourceStates
                .Where(s => s.Source == source.Name)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SnapshotVersion, runId), ct);
            await tx.CommitAsync(ct);
        }
        _telemetry.RecomputeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("source", source.Name));
        _telemetry.RecomputeRows.Add(db.IndicatorRowsWritten, new KeyValuePair<string, object?>("source", source.Name));
        activity?.SetTag("dasbor.indicators.from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("dasbor.indicators.dirty", dirtyBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("dasbor.indicators.rows", db.IndicatorRowsWritten);
        return source.Kpis.IndicatorCodes;
    }

    private sealed record Fetched(SourcePage Page, IMappedPage Mapped, TimeSpan MapTime)
    {
        public long Bytes => Page.Bytes;
    }

    private async Task PullFeedAsync(
        IIngestSource source, ISourcePageClient client, IFeed feed, IngestRun run, CancellationToken ct, CancellationToken deadline)
    {
        DateTimeOffset? watermark;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            watermark = await db.SourceWatermarks
                .Where(w => w.Source == source.Name && w.Resource == feed.Resource)
                .Select(w => w.Value)
                .SingleOrDefaultAsync(ct);
        }
        run.WatermarkBefore ??= watermark;
        var limit = source.Options.PageSize;
        // The writer keeps one context for the whole feed; on SQLite also one open connection, so its page cache (64 MiB a
        // connection) stays warm from one commit group to the next. A server database's connection is not held while the
        // source is awaited (an idle connection may be dropped by the server or a firewall between two groups).
        await using var writer = await dbFactory.CreateDbContextAsync(ct);
        if (writer.Database.IsSqlite())
        {
            await writer.Database.OpenConnectionAsync(ct);
        }
        // Where a group's pages are applied one by one anyway (not PostgreSQL, which writes a group as one batch), a group
        // whose first eight pages' worth has come is opened and then written page by page as pages come, as long as the
        // next page is there: the writer then holds a few pages, not a whole group, and writes rows the producer has just
        // made. When the source has no page ready, the open group is committed before waiting.
        var streams = !writer.Database.IsNpgsql();
        // Pipelined: a producer fetches, parses and validates pages ahead (AheadPages) while the writer commits. Pages are
        // committed in groups of Ingest:CommitItems items (per-page commits rewrite the same index pages again and again); a
        // transaction is open only while fetched pages are written, never while a page is awaited from the source. Only a commit makes pages count; pages read ahead and abandoned are disposed
        // and change nothing.
        var commitItems = options.Value.CommitItems;
        var pages = Channel.CreateBounded<Fetched>(new BoundedChannelOptions(AheadPages(commitItems, limit, streams))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        // Memory is bounded in bytes too (Ingest:MaxBufferedMegabytes): a group is committed early when one more page might
        // not fit, so the producer, waiting for room, never waits on a writer that waits for it.
        var budget = new PageBudget(options.Value.MaxBufferedMegabytes * 1024L * 1024L);
        var commitBytes = budget.Limit - source.Options.MaxPageBytes;
        // Pages fetched and not yet written.
        var buffered = new List<Fetched>();
        var memory = new FeedMemory();
        // A feed's first group is eight full pages' worth of items (8 × PageSize) and each next one twice the last, up to
        // Ingest:CommitItems: the writer starts soon instead of idling until a whole group is fetched, and a small feed
        // commits early; eight, not one, because each group has its fixed cost (on PostgreSQL a COPY and its staging
        // statements).
        var firstGroup = (int)Math.Min(8L * limit, commitItems);
        var groupTarget = firstGroup;
        var groupItems = 0;
        var bufferedBytes = 0L;
        OpenGroup? open = null;
        void NextGroup()
        {
            groupItems = 0;
            bufferedBytes = 0;
            groupTarget = (int)Math.Min(commitItems, 2L * groupTarget);
        }
        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline);
        var producer = ProduceAsync(client, feed, watermark, limit, pages.Writer, budget, prefetch.Token);
        try
        {
            while (true)
            {
                // Waiting for the source: no transaction is open here.
                var waited = Stopwatch.GetTimestamp();
                bool more;
                try
                {
                    more = await pages.Reader.WaitToReadAsync(ct);
                }
                catch (Exception) when (buffered.Count > 0 && !ct.IsCancellationRequested)
                {
                    // What was read before the source failed is committed, so the next run starts after it.
                    await CommitGroupAsync(writer, source, feed, run, null, buffered, budget, memory, ct);
                    throw;
                }
                _telemetry.Phase(source.Name, IngestTelemetry.Phases.Waiting, Stopwatch.GetElapsedTime(waited));
                if (!more)
                {
                    break;
                }
                while (pages.Reader.TryRead(out var fetched))
                {
                    buffered.Add(fetched);
                    groupItems += fetched.Mapped.Count;
                    bufferedBytes += fetched.Bytes;
                    _telemetry.Phase(source.Name, IngestTelemetry.Phases.Http, fetched.Page.HttpTime);
                    _telemetry.Phase(source.Name, IngestTelemetry.Phases.Json, fetched.Page.JsonTime);
                    _telemetry.Phase(source.Name, IngestTelemetry.Phases.Validation, fetched.MapTime);
                    if (streams && (open is not null || groupItems >= firstGroup))
                    {
                        open ??= await BeginGroupAsync(writer, source, feed, ct);
                        await ApplyAsync(writer, source, feed, run, open, buffered, budget, memory, ct);
                        bufferedBytes = 0;
                    }
                    if (groupItems >= groupTarget || bufferedBytes > commitBytes)
                    {
                        await CommitGroupAsync(writer, source, feed, run, Take(ref open), buffered, budget, memory, ct);
                        NextGroup();
                    }
                }
                if (open is not null)
                {
                    // The source has no page ready: commit before waiting for it.
                    await CommitGroupAsync(writer, source, feed, run, Take(ref open), buffered, budget, memory, ct);
                    NextGroup();
                }
            }
            if (buffered.Count > 0)
            {
                await CommitGroupAsync(writer, source, feed, run, null, buffered, budget, memory, ct);
            }
        }
        finally
        {
            try
            {
                if (open is not null)
                {
                    // A group left open by a failure: rolled back, nothing of it counts.
                    await open.DisposeAsync();
                }
            }
            finally
            {
                // Even when the rollback itself fails: the producer is stopped and every page disposed.
                Release(buffered, budget);
                await prefetch.CancelAsync();
                await producer;
                while (pages.Reader.TryRead(out var abandoned))
                {
                    abandoned.Page.Dispose();
                    budget.Release(abandoned.Bytes);
                }
            }
        }
    }

    private static OpenGroup? Take(ref OpenGroup? open)
    {
        var taken = open;
        open = null;
        return taken;
    }

    /// <summary>
    /// Pages read ahead of the writer. Where pages are written as they come, 16: enough to ride out a slow page, and no more,
    /// because every page read ahead stays alive through garbage collections until it is written. Where a group is written
    /// at once (PostgreSQL), two commit groups (at most 64 pages), so that the next group is ready when a commit ends.
    /// </summary>
    internal static int AheadPages(int commitItems, int pageSize, bool streams) =>
        Math.Clamp(2 * (int)Math.Ceiling(commitItems / (double)Math.Max(1, pageSize)), 2, streams ? 16 : 64);

    /// <summary>
    /// Follows the feed's cursors from <paramref name="since"/>, fetching and mapping each page into
    /// <paramref name="pages"/>; completes it at the end, or with the error that stopped it (never throws). A cursor the
    /// source already gave in this run stops the feed: following it would loop for ever.
    /// </summary>
    private async Task ProduceAsync(
        ISourcePageClient client, IFeed feed, DateTimeOffset? since, int limit, ChannelWriter<Fetched> pages, PageBudget budget,
        CancellationToken ct)
    {
        Exception? error = null;
        try
        {
            // Hashes, not the cursors: a source's cursors may be long, and a run may follow many.
            var seen = new HashSet<UInt128>();
            string? cursor = null;
            var fetchedPages = 0;
            do
            {
                var fetched = await FetchMappedAsync(client, feed, since, cursor, limit, ct);
                fetchedPages++;
                cursor = fetched.Page.NextCursor;
                try
                {
                    if (cursor is not null && !seen.Add(CursorHash(cursor)))
                    {
                        throw new SourcePageException(
                            $"Sumber mengulang cursor '{Shorten(cursor)}' di {feed.Resource} setelah {fetchedPages} halaman; run dihentikan (halaman yang sudah dibaca tersimpan).")
                        {
                            Retryable = false,
                        };
                    }
                    await budget.AcquireAsync(fetched.Bytes, ct);
                }
                catch
                {
                    fetched.Page.Dispose();
                    throw;
                }
                try
                {
                    await pages.WriteAsync(fetched, ct);
                }
                catch
                {
                    fetched.Page.Dispose();
                    budget.Release(fetched.Bytes);
                    throw;
                }
            }
            while (cursor is not null);
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            pages.TryComplete(error);
        }
    }

    private static UInt128 CursorHash(string cursor)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(cursor), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>A cursor as the ledger shows it: opaque, not personal, but of any length.</summary>
    private static string Shorten(string cursor)
    {
        var printable = new string([.. cursor.Take(32).Select(c => char.IsControl(c) ? '?' : c)]);
        return cursor.Length <= 32 ? printable : printable + "…";
    }

    /// <summary>
    /// A commit group being written: its transaction and <c>ingest.commit</c> span, the time it began (the pages' "now"),
    /// and each page's counts so far.
    /// </summary>
    private sealed class OpenGroup(IDbContextTransaction transaction, Activity? activity, DateTimeOffset now, long started) : IAsyncDisposable
    {
        public IDbContextTransaction Transaction => transaction;
        public DateTimeOffset Now => now;
        public long Started => started;
        public List<FeedCounters> Counters { get; } = [];

        /// <summary>
        /// Makes the group's <c>ingest.commit</c> span current for the caller's async flow, so that the database commands
        /// of its pages and of its commit are its children (the span was started in another async method, whose
        /// <see cref="Activity.Current"/> did not flow back).
        /// </summary>
        public void Enter()
        {
            if (activity is not null)
            {
                Activity.Current = activity;
            }
        }

        public async ValueTask DisposeAsync()
        {
            activity?.SetTag("dasbor.pages", Counters.Count);
            activity?.Dispose();
            await transaction.DisposeAsync();
        }
    }

    private async Task<OpenGroup> BeginGroupAsync(ReportingDbContext db, IIngestSource source, IFeed feed, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var activity = DasborTelemetry.ActivitySource.StartActivity("ingest.commit");
        activity?.SetTag("dasbor.source", source.Name);
        activity?.SetTag("dasbor.resource", feed.Resource);
        try
        {
            // The feed's writer context: nothing tracked from an earlier group (a failed one included) is written again.
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            var transaction = await db.Database.BeginTransactionAsync(ct);
            return new OpenGroup(transaction, activity, time.GetUtcNow(), started);
        }
        catch
        {
            activity?.Dispose();
            throw;
        }
    }

    /// <summary>Applies <paramref name="pages"/> to the open group, then disposes them (their rows are in the transaction).</summary>
    private static async Task ApplyAsync(
        ReportingDbContext db, IIngestSource source, IFeed feed, IngestRun run, OpenGroup group, List<Fetched> pages, PageBudget budget,
        FeedMemory memory, CancellationToken ct)
    {
        try
        {
            group.Enter();
            group.Counters.AddRange(await feed.ApplyGroupAsync(db, source.Name, run.Id, [.. pages.Select(f => f.Mapped)], group.Now, memory, ct));
        }
        finally
        {
            Release(pages, budget);
        }
    }

    private static void Release(List<Fetched> pages, PageBudget budget)
    {
        foreach (var f in pages)
        {
            f.Page.Dispose();
            budget.Release(f.Bytes);
        }
        pages.Clear();
    }

    /// <summary>
    /// Commits a group: <paramref name="pages"/> applied to it (to a new group when <paramref name="open"/> is null), then the
    /// run's counters, the watermark and the lease, in its transaction. The group is disposed in every case.
    /// </summary>
    private async Task CommitGroupAsync(
        ReportingDbContext db, IIngestSource source, IFeed feed, IngestRun run, OpenGroup? open, List<Fetched> pages, PageBudget budget,
        FeedMemory memory, CancellationToken ct)
    {
        var group = open;
        try
        {
            group ??= await BeginGroupAsync(db, source, feed, ct);
            if (pages.Count > 0)
            {
                await ApplyAsync(db, source, feed, run, group, pages, budget, memory, ct);
            }
            await EndGroupAsync(db, source, feed, run, group, ct);
        }
        finally
        {
            Release(pages, budget);
            if (group is not null)
            {
                try
                {
                    await group.DisposeAsync();
                }
                finally
                {
                    _telemetry.Phase(source.Name, IngestTelemetry.Phases.Database, Stopwatch.GetElapsedTime(group.Started));
                }
            }
        }
    }

    private async Task<Fetched> FetchMappedAsync(
        ISourcePageClient client, IFeed feed, DateTimeOffset? since, string? cursor, int limit, CancellationToken ct)
    {
        using var activity = DasborTelemetry.ActivitySource.StartActivity("ingest.page");
        activity?.SetTag("dasbor.resource", feed.Resource);
        var page = await FetchAsync(client, feed.Resource, since, cursor, limit, ct);
        activity?.SetTag("dasbor.items", page.Items.Count);
        try
        {
            var mapping = Stopwatch.GetTimestamp();
            var mapped = feed.Map(page.Items);
            return new Fetched(page, mapped, Stopwatch.GetElapsedTime(mapping));
        }
        catch
        {
            page.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Ends a group whose pages are applied: the run's counters, the watermark and the lease, then the commit of its
    /// transaction (rows, quarantine and all).
    /// </summary>
    private async Task EndGroupAsync(ReportingDbContext db, IIngestSource source, IFeed feed, IngestRun run, OpenGroup group, CancellationToken ct)
    {
        group.Enter();
        var now = group.Now;
        var counters = group.Counters;
        var max = counters.Max(c => c.MaxUpdatedAt);
        var affectedSince = counters.Min(c => c.AffectedSince);

        var mark = await db.SourceWatermarks.SingleOrDefaultAsync(w => w.Source == source.Name && w.Resource == feed.Resource, ct);
        if (mark is null)
        {
            mark = new SourceWatermark { Source = source.Name, Resource = feed.Resource };
            db.SourceWatermarks.Add(mark);
        }
        if (max is { } newest && (mark.Value is null || newest > mark.Value))
        {
            mark.Value = newest;
        }

        var state = await db.SourceStates.SingleAsync(s => s.Source == source.Name, ct);
        if (state.RunningRunId != run.Id)
        {
            // Our lease was taken over (no heartbeat past Ingest:LeaseSeconds): stop without committing.
            var lost = new LostLease(state.RunningRunId ?? await TakenOverByAsync(db, source.Name, run.Id, ct));
            throw new LeaseLostException(lost.Describe(run.Id));
        }
        if (affectedSince is { } affected)
        {
            var day = Wib.DateOf(affected);
            if (state.KpiDirtyFrom is null || day < state.KpiDirtyFrom)
            {
                state.KpiDirtyFrom = day;
            }
        }
        state.LeaseExpiresAt = now + Lease;

        db.Update(run);
        foreach (var c in counters)
        {
            c.AddTo(run);
        }
        run.WatermarkAfter = mark.Value;
        run.HeartbeatAt = now;
        await db.SaveChangesAsync(ct);
        var committing = Stopwatch.GetTimestamp();
        await group.Transaction.CommitAsync(ct);
        _telemetry.Phase(source.Name, IngestTelemetry.Phases.Commit, Stopwatch.GetElapsedTime(committing));
        foreach (var c in counters)
        {
            _telemetry.Committed(source.Name, 1, c.Read, c.Inserted, c.Updated, c.Unchanged, c.Deleted, c.Rejected, c.Flagged);
        }

        broadcaster.Publish(new IngestProgress(source.Name, now, run.Id, run.Status, run.Pages, run.ItemsRead));
    }

    /// <summary>
    /// The run-level part of the retry budget (docs/OPERATIONS.md): after a source fault, up to <c>Ingest:RunRetries</c> more
    /// attempts, 1×, 5×, 25× <c>Ingest:RunRetryDelaySeconds</c> later, linked to the first failed run; none when the schedule
    /// comes sooner anyway.
    /// </summary>
    private async Task ScheduleRetryAsync(IIngestSource source, IngestRun run)
    {
        var settings = options.Value;
        if (retries is null || run.Attempt > settings.RunRetries)
        {
            return;
        }
        var delay = TimeSpan.FromSeconds(settings.RunRetryDelaySeconds * Math.Pow(5, run.Attempt - 1));
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var state = await db.SourceStates.SingleAsync(s => s.Source == source.Name);
        var schedule = state.ScheduleOverride ?? source.Options.Schedule;
        if (source.Options.Enabled && state.PausedAt is null && CronSchedule.TryParse(schedule, out var cron)
            && cron!.GetNextOccurrence(now, Wib.Zone) is { } next && next <= now + delay)
        {
            return;
        }
        state.PendingRetryOfRunId = run.RetryOfRunId ?? run.Id;
        state.PendingRetryAttempt = run.Attempt + 1;
        await db.SaveChangesAsync(CancellationToken.None);
        var reason = $"Percobaan ulang {run.Attempt}/{settings.RunRetries} setelah run #{run.Id} gagal";
        await retries.RequestAsync(source.Name, new RunRequest(IngestTrigger.Retry, run.RequestedBy, reason), delay, CancellationToken.None);
    }

    private async Task<SourcePage> FetchAsync(
        ISourcePageClient client, string resource, DateTimeOffset? since, string? cursor, int limit, CancellationToken ct)
    {
        // HTTP faults are retried by the client's resilience pipeline; a 200 that is not the contract's JSON is
        // retried here, because a proxy error page or a truncated body is usually transient too.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.GetPageAsync(resource, since, cursor, limit, ct);
            }
            catch (SourcePageException ex) when (ex.Retryable && attempt < options.Value.InvalidPageAttempts)
            {
                Log.InvalidPage(logger, resource, attempt, ex.Message);
            }
        }
    }

    private async Task<IngestRun> StartAsync(string source, RunRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var state = await db.SourceStates.SingleOrDefaultAsync(s => s.Source == source, ct);
        if (state is null)
        {
            db.SourceStates.Add(new SourceState { Source = source });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node created it first.
                db.ChangeTracker.Clear();
            }
            state = await db.SourceStates.AsNoTracking().SingleAsync(s => s.Source == source, ct);
        }

        long? retryOf = null;
        var attempt = 1;
        if (request.Trigger == IngestTrigger.Retry)
        {
            var tracked = await db.SourceStates.SingleAsync(s => s.Source == source, ct);
            retryOf = tracked.PendingRetryOfRunId;
            attempt = Math.Max(tracked.PendingRetryAttempt, 2);
            tracked.PendingRetryOfRunId = null;
            tracked.PendingRetryAttempt = 0;
            if (tracked.LastStatus == IngestRunStatus.Succeeded || retryOf is null)
            {
                // Another run succeeded since (or the chain is gone): nothing left to retry.
                var moot = new IngestRun
                {
                    Source = source, Trigger = request.Trigger, Node = Node, StartedAt = now, HeartbeatAt = now, FinishedAt = now,
                    Status = IngestRunStatus.Skipped, RetryOfRunId = retryOf, Attempt = attempt, Reason = request.Reason,
                    Error = "Dilewati: tidak perlu diulang, run sesudahnya sudah berhasil.",
                };
                db.IngestRuns.Add(moot);
                await db.SaveChangesAsync(ct);
                _telemetry.Skipped(source, "moot");
                return moot;
            }
        }
        if (request.Trigger is IngestTrigger.Schedule or IngestTrigger.Retry)
        {
            var tracked = await db.SourceStates.SingleAsync(s => s.Source == source, ct);
            var paused = SourceControl.IsPaused(db, tracked, now);
            if (paused)
            {
                var skipped = new IngestRun
                {
                    Source = source, Trigger = request.Trigger, Node = Node, StartedAt = now, HeartbeatAt = now, FinishedAt = now,
                    Status = IngestRunStatus.Skipped, Error = "Dilewati: jadwal " + SourceControl.Describe(tracked),
                    RetryOfRunId = retryOf, Attempt = attempt, Reason = request.Reason,
                };
                db.IngestRuns.Add(skipped);
                await db.SaveChangesAsync(ct);
                _telemetry.Skipped(source, "paused");
                return skipped;
            }
            // An expired pause was cleared (and audited) just now.
            await db.SaveChangesAsync(ct);
        }

        var run = new IngestRun
        {
            Source = source,
            Trigger = request.Trigger,
            RequestedBy = request.RequestedBy,
            Reason = request.Reason,
            Node = Node,
            StartedAt = now,
            HeartbeatAt = now,
            Status = IngestRunStatus.Running,
            RetryOfRunId = retryOf,
            Attempt = attempt,
        };
        db.IngestRuns.Add(run);
        await db.SaveChangesAsync(ct);

        var lease = now + Lease;
        var taken = await db.SourceStates
            .Where(s => s.Source == source && (s.RunningRunId == null || s.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.RunningRunId, run.Id)
                .SetProperty(x => x.LeaseExpiresAt, lease)
                .SetProperty(x => x.LastAttemptAt, now), ct);
        if (taken == 0)
        {
            var holder = await db.SourceStates.AsNoTracking().Where(s => s.Source == source).Select(s => s.RunningRunId).SingleAsync(ct);
            run.Status = IngestRunStatus.Skipped;
            run.FinishedAt = now;
            run.Error = $"Dilewati: run #{holder} untuk sumber ini masih berjalan.";
            await db.SaveChangesAsync(ct);
            _telemetry.Skipped(source, "running");
            return run;
        }
        if (state.RunningRunId is { } previous && previous != run.Id)
        {
            // The lease was taken over from a run that stopped heart-beating: it died without finishing.
            await db.IngestRuns
                .Where(r => r.Id == previous && r.Status == IngestRunStatus.Running)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, IngestRunStatus.Interrupted)
                    .SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Error, "Terputus: tidak ada tanda hidup sampai masa sewa habis."), ct);
        }
        return run;
    }

    private async Task FinishAsync(IngestRun run, IngestRunStatus status, string? error)
    {
        // Recording the outcome must not be cancelled with the run itself.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = time.GetUtcNow();
        db.Update(run);
        run.Status = status;
        run.FinishedAt = now;
        run.HeartbeatAt = now;
        run.Error = error is { Length: > 4000 } ? error[..4000] : error;
        var state = await db.SourceStates.SingleAsync(s => s.Source == run.Source);
        if (state.RunningRunId == run.Id)
        {
            state.RunningRunId = null;
            state.LeaseExpiresAt = null;
        }
        state.LastRunId = run.Id;
        state.LastStatus = status;
        if (status == IngestRunStatus.Succeeded)
        {
            state.LastSuccessAt = now;
            state.ConsecutiveFailures = 0;
        }
        else if (status == IngestRunStatus.Failed)
        {
            state.ConsecutiveFailures++;
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await AnnotateOutageAsync(run.Source, status, now);
    }

    /// <summary>Opens the source's outage annotation on a failure, closes it on a success; never fails the run.</summary>
    private async Task AnnotateOutageAsync(string source, IngestRunStatus status, DateTimeOffset now)
    {
        try
        {
            if (status == IngestRunStatus.Failed && await SourceOutages.OpenAfterFailureAsync(dbFactory, source, now, CancellationToken.None))
            {
                Log.OutageOpened(logger, source);
            }
            else if (status == IngestRunStatus.Succeeded && await SourceOutages.CloseAsync(dbFactory, source, now, CancellationToken.None))
            {
                Log.OutageClosed(logger, source);
            }
        }
        catch (Exception ex) when (SourceOutages.IsWriteFailure(ex))
        {
            Log.OutageFailed(logger, source, ex);
        }
    }

    private static bool IsSourceFault(Exception ex) =>
        ex is HttpRequestException or SourcePageException or TimeoutException or OperationCanceledException or RunTimeLimitException
            or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException;

    private static string Describe(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: { } code } => $"HTTP {(int)code} {code}: {ex.Message}",
        Polly.CircuitBreaker.BrokenCircuitException => $"Sirkuit terbuka (sumber gagal berulang): {ex.Message}",
        OperationCanceledException or TimeoutException => $"Waktu habis: {ex.Message}",
        SourcePageException or RunTimeLimitException or LeaseLostException => ex.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}

/// <summary>A run that reached <c>Ingest:MaxRunMinutes</c>: what it read is committed, the next run goes on.</summary>
public sealed class RunTimeLimitException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Another run holds the source's lease: this run stops without committing more.</summary>
public sealed class LeaseLostException(string message) : Exception(message);
