using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Counts of one page applied to the database.</summary>
public sealed class FeedCounters
{
    public int Read { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Deleted { get; set; }
    public int Rejected { get; set; }
    public int Flagged { get; set; }
    public DateTimeOffset? MaxUpdatedAt { get; set; }
    public DateTimeOffset? AffectedSince { get; set; }

    /// <summary>Adds this page's counts to the run's ledger row.</summary>
    public void AddTo(IngestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Pages++;
        run.ItemsRead += Read;
        run.Inserted += Inserted;
        run.Updated += Updated;
        run.Unchanged += Unchanged;
        run.Deleted += Deleted;
        run.Rejected += Rejected;
        run.Flagged += Flagged;
    }

    public void Touch(DateTimeOffset? updatedAt)
    {
        if (updatedAt is { } u && (MaxUpdatedAt is null || u > MaxUpdatedAt))
        {
            MaxUpdatedAt = u;
        }
    }

    public void Affect(DateTimeOffset at)
    {
        if (AffectedSince is null || at < AffectedSince)
        {
            AffectedSince = at;
        }
    }
}

/// <summary>A page of one resource, validated and mapped (no database needed), ready to be applied.</summary>
public interface IMappedPage
{
    int Count { get; }

    /// <summary>The valid items' entities, in page order.</summary>
    IEnumerable<ISourceEntity> Entities { get; }
}

/// <summary>
/// Applies one page of a resource inside the caller's transaction: upsert keyed by the source's id, tombstones,
/// quarantine with reasons, and stale versions (an <c>updated_at</c> older than the stored one) kept out. Mapping
/// is separate from applying, so that the engine can validate the next page while the current one is written.
/// </summary>
public static class FeedBatch
{
    public sealed class MappedPage<T>(IReadOnlyList<JsonElement> items, ItemResult<T>[] results) : IMappedPage where T : class, ISourceEntity
    {
        public IReadOnlyList<JsonElement> Items { get; } = items;
        public ItemResult<T>[] Results { get; } = results;
        public int Count => Results.Length;
        public IEnumerable<ISourceEntity> Entities => Results.Where(r => r.Kind == ItemKind.Valid).Select(r => (ISourceEntity)r.Entity!);
    }

    public static MappedPage<T> Map<T>(ISourceMapper<T> mapper, IReadOnlyList<JsonElement> items)
        where T : class, ISourceEntity
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(items);
        var results = new ItemResult<T>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                results[i] = mapper.Map(items[i]);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException or JsonException)
            {
                // One item the mapper cannot read (invalid UTF-8 where nobody expected it…) goes to quarantine; the page goes on.
                results[i] = ItemResult.Rejected<T>(null, null, $"item tidak dapat dibaca ({ex.GetType().Name})");
            }
        }
        return new MappedPage<T>(items, results);
    }

    public static Task<FeedCounters> ApplyAsync<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, IReadOnlyList<JsonElement> items,
        DateTimeOffset now, CancellationToken ct)
        where T : class, ISourceEntity =>
        ApplyAsync(db, mapper, source, runId, Map(mapper, items), now, ct);

    public static Task<FeedCounters> ApplyAsync<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, MappedPage<T> page,
        DateTimeOffset now, CancellationToken ct)
        where T : class, ISourceEntity =>
        ApplyAsync(db, mapper, source, runId, page, now, null, ct);

    /// <param name="memory">What the run knows of the feed from its earlier pages (<see cref="FeedMemory"/>); null asks the database every page.</param>
    public static async Task<FeedCounters> ApplyAsync<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, MappedPage<T> page,
        DateTimeOffset now, FeedMemory? memory, CancellationToken ct)
        where T : class, ISourceEntity
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(page);
        var results = page.Results;
        var counters = new FeedCounters { Read = results.Length };

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keyed = 0;
        foreach (var r in results)
        {
            if (r.Kind != ItemKind.Rejected)
            {
                ids.Add(r.Id!);
                keyed++;
            }
        }
        // Only rows that exist are loaded as entities (untracked: they are compared in ChangesAsync and written by
        // SourceRowWriter, not by change tracking): a first load loads none.
        HashSet<string> storedIds;
        if (memory is not null && await memory.StartedEmptyAsync<T>(db, ct))
        {
            // A first load: only rows this run wrote can exist.
            var candidates = memory.MaybeWritten(ids);
            storedIds = candidates.Count == 0 ? [] : await SourceRowWriter.StoredIdsAsync<T>(db, candidates, ct) ?? [.. candidates];
        }
        else
        {
            storedIds = await SourceRowWriter.StoredIdsAsync<T>(db, ids, ct) ?? ids;
        }
        var validIds = new List<string>();
        IReadOnlyCollection<RowChange<T>> written;
        if (storedIds.Count == 0 && ids.Count == keyed)
        {
            written = Inserts(db, mapper, source, runId, page, now, counters, validIds);
        }
        else
        {
            written = await ChangesAsync(db, mapper, source, runId, page, now, storedIds, counters, validIds, ct);
        }
        await SourceRowWriter.WriteAsync(db, written, ct);
        memory?.Remember(ids);

        // A valid version of an item supersedes its earlier quarantined versions (rarely any: look before updating, once a
        // run unless it quarantined one since).
        var quarantineOpen = memory?.QuarantineOpen;
        if (validIds.Count > 0 && quarantineOpen is null)
        {
            quarantineOpen = await db.QuarantinedItems.AnyAsync(
                q => q.Source == source && q.Resource == mapper.Resource && q.SupersededAt == null && q.SourceItemId != null, ct);
        }
        if (memory is not null)
        {
            // This page's quarantined items are seen by the next page's check.
            memory.QuarantineOpen = quarantineOpen is true
                || db.ChangeTracker.Entries<QuarantinedItem>().Any(e => e.State == EntityState.Added && e.Entity.SourceItemId != null)
                ? true : quarantineOpen;
        }
        if (validIds.Count > 0 && quarantineOpen is true)
        {
            foreach (var chunk in validIds.Distinct().Chunk(500))
            {
                await db.QuarantinedItems
                    .Where(q => q.Source == source && q.Resource == mapper.Resource && q.SupersededAt == null &&
                                q.SourceItemId != null && chunk.Contains(q.SourceItemId))
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.SupersededAt, now), ct);
            }
        }
        // Quarantine rows (and, on SQL Server, the tracked rows) are saved now: the next page of the same transaction
        // looks rows up and supersedes quarantined items through queries, which only see what was saved.
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return counters;
    }

    /// <summary>
    /// A page of which nothing is stored and no id repeats (a first load, page after page): every valid item is an insert,
    /// every tombstone deletes nothing; what <see cref="ChangesAsync"/> concludes for such a page, without its dictionaries.
    /// </summary>
    private static List<RowChange<T>> Inserts<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, MappedPage<T> page, DateTimeOffset now,
        FeedCounters counters, List<string> validIds)
        where T : class, ISourceEntity
    {
        var results = page.Results;
        var inserts = new List<RowChange<T>>(results.Length);
        for (var i = 0; i < results.Length; i++)
        {
            var r = results[i];
            if (r.Kind != ItemKind.Rejected && r.UpdatedAt <= now)
            {
                counters.Touch(r.UpdatedAt);
            }
            switch (r.Kind)
            {
                case ItemKind.Rejected:
                    Quarantine(db, mapper, source, runId, r.Id, r.Reason!, page.Items[i], now);
                    counters.Rejected++;
                    break;
                case ItemKind.Tombstone:
                    counters.Unchanged++;
                    break;
                default:
                    var incoming = r.Entity!;
                    if (r.Flagged)
                    {
                        counters.Flagged++;
                    }
                    validIds.Add(r.Id!);
                    inserts.Add(new RowChange<T>(incoming, null, false));
                    counters.Affect(SourceHistory.ForInsert(mapper.AffectedSince(null, incoming), incoming.UpdatedAt, now));
                    counters.Inserted++;
                    break;
            }
        }
        return inserts;
    }

    /// <summary>
    /// What each id of the page becomes, given the rows of <paramref name="storedIds"/> (loaded here): inserts, updates,
    /// deletes, unchanged rows, and stale versions quarantined; a duplicate or a tombstone later in the page wins.
    /// </summary>
    private static async Task<IReadOnlyCollection<RowChange<T>>> ChangesAsync<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, MappedPage<T> page, DateTimeOffset now,
        HashSet<string> storedIds, FeedCounters counters, List<string> validIds, CancellationToken ct)
        where T : class, ISourceEntity
    {
        var items = page.Items;
        var results = page.Results;
        var set = db.Set<T>();
        var existing = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var chunk in storedIds.Chunk(500))
        {
            var found = await set.AsNoTracking().Where(e => chunk.Contains(EF.Property<string>(e, "Id"))).ToListAsync(ct);
            foreach (var e in found)
            {
                existing[e.Id] = e;
            }
        }
        // What each id becomes at the end of the page (a duplicate or a tombstone later in the page wins).
        var changes = new Dictionary<string, RowChange<T>>(StringComparer.Ordinal);
        var stored0 = new Dictionary<string, T>(existing, StringComparer.Ordinal);

        for (var i = 0; i < results.Length; i++)
        {
            var r = results[i];
            // A rejected item's updated_at is not trusted, and none may come from the future: either would
            // push the watermark past changes not yet read.
            if (r.Kind != ItemKind.Rejected && r.UpdatedAt <= now)
            {
                counters.Touch(r.UpdatedAt);
            }
            switch (r.Kind)
            {
                case ItemKind.Rejected:
                    Quarantine(db, mapper, source, runId, r.Id, r.Reason!, items[i], now);
                    counters.Rejected++;
                    break;
                case ItemKind.Tombstone:
                    if (existing.TryGetValue(r.Id!, out var gone))
                    {
                        if (r.UpdatedAt < gone.UpdatedAt)
                        {
                            Quarantine(db, mapper, source, runId, r.Id, StaleReason, items[i], now);
                            counters.Rejected++;
                            break;
                        }
                        existing.Remove(r.Id!);
                        changes[r.Id!] = new RowChange<T>(null, stored0.GetValueOrDefault(r.Id!), stored0.ContainsKey(r.Id!));
                        counters.Affect(mapper.AffectedSince(gone, null));
                        counters.Deleted++;
                    }
                    else
                    {
                        counters.Unchanged++;
                    }
                    break;
                default:
                    var incoming = r.Entity!;
                    if (r.Flagged)
                    {
                        counters.Flagged++;
                    }
                    validIds.Add(r.Id!);
                    if (!existing.TryGetValue(r.Id!, out var stored))
                    {
                        existing[r.Id!] = incoming;
                        changes[r.Id!] = new RowChange<T>(incoming, stored0.GetValueOrDefault(r.Id!), stored0.ContainsKey(r.Id!));
                        counters.Affect(stored0.TryGetValue(r.Id!, out var deleted)
                            ? mapper.AffectedSince(deleted, incoming)
                            : SourceHistory.ForInsert(mapper.AffectedSince(null, incoming), incoming.UpdatedAt, now));
                        counters.Inserted++;
                    }
                    else if (incoming.UpdatedAt < stored.UpdatedAt)
                    {
                        Quarantine(db, mapper, source, runId, r.Id, StaleReason, items[i], now);
                        counters.Rejected++;
                    }
                    else if (mapper.SameContent(stored, incoming))
                    {
                        counters.Unchanged++;
                    }
                    else
                    {
                        counters.Affect(mapper.AffectedSince(stored, incoming));
                        mapper.Apply(stored, incoming);
                        changes[r.Id!] = new RowChange<T>(stored, stored0.GetValueOrDefault(r.Id!), stored0.ContainsKey(r.Id!));
                        counters.Updated++;
                    }
                    break;
            }
        }
        return changes.Values;
    }

    /// <summary>Reasons name the rule, never the values.</summary>
    private const string StaleReason = "updated_at mundur: lebih lama dari versi tersimpan; versi tersimpan dipertahankan";

    private static void Quarantine<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, string? id, string reason, JsonElement item, DateTimeOffset now)
        where T : class, ISourceEntity =>
        db.QuarantinedItems.Add(new QuarantinedItem
        {
            Source = source,
            Resource = mapper.Resource,
            // Kept as it is: a later valid version supersedes the item by it. Ids kept raw passed ItemReader.RequiredId (no NIK,
            // NIP or phone-like run); personal ones (an NIP) are the mapper's keyed hash.
            SourceItemId = id is null ? null : Cap(id, 128),
            RunId = runId,
            Reason = Cap(reason, 1000),
            Payload = PersonalData.Redact(item, mapper.StoredFields),
            ReceivedAt = now,
        });

    private static string Cap(string value, int length) => value.Length <= length ? value : value[..length];
}
