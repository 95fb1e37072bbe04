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

        // Only rows that exist are loaded as entities (untracked: they are compared in Changes and written by
        // SourceRowWriter, not by change tracking): a first load loads none.
        var (storedIds, allNew) = await LookUpAsync<T>(db, [page], memory, ct);
        var validIds = new List<string>();
        IReadOnlyCollection<RowChange<T>> written;
        if (allNew)
        {
            var inserts = new List<RowChange<T>>(results.Length);
            Inserts(db, mapper, source, runId, page, now, counters, validIds, inserts, null);
            written = inserts;
        }
        else
        {
            var overlay = new Overlay<T>(await LoadAsync<T>(db, storedIds, 500, ct));
            Changes(db, mapper, source, runId, page, now, overlay, counters, validIds, null);
            written = overlay.Changes.Values;
        }
        await SourceRowWriter.WriteAsync(db, written, ct);

        // A valid version of an item supersedes its earlier quarantined versions (rarely any: look before updating, once a
        // run unless it quarantined one since).
        var quarantineOpen = await QuarantineOpenAsync(db, source, mapper.Resource, memory, validIds.Count > 0, ct);
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

    /// <summary>The distinct ids of the pages' items that are not rejected, and how many such items there are (more than the ids when an id repeats).</summary>
    private static (HashSet<string> Ids, int Keyed) KeyedIds<T>(IEnumerable<MappedPage<T>> pages) where T : class, ISourceEntity
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keyed = 0;
        foreach (var page in pages)
        {
            foreach (var r in page.Results)
            {
                if (r.Kind != ItemKind.Rejected)
                {
                    ids.Add(r.Id!);
                    keyed++;
                }
            }
        }
        return (ids, keyed);
    }

    /// <summary>
    /// Whether the source may hold quarantined items a valid one would supersede: what the run remembers (<see cref="FeedMemory"/>),
    /// else asked once when the batch has valid items; null when it has none and nothing is known.
    /// </summary>
    private static async Task<bool?> QuarantineOpenAsync(
        ReportingDbContext db, string source, string resource, FeedMemory? memory, bool anyValid, CancellationToken ct)
    {
        var open = memory?.QuarantineOpen;
        if (anyValid && open is null)
        {
            open = await db.QuarantinedItems.AnyAsync(
                q => q.Source == source && q.Resource == resource && q.SupersededAt == null && q.SourceItemId != null, ct);
        }
        return open;
    }

    /// <summary>
    /// Applies a commit group's pages, in order, inside the caller's transaction, and returns each page's counts. On PostgreSQL
    /// the group is one batch: one existence query, its new rows in one binary <c>COPY</c> a table and its replacements in one
    /// staged upsert (<see cref="PostgreSqlRowWriter"/>), its quarantine saved at once. Each page still sees what the pages
    /// before it in the group left (a newer version, a stale one, a tombstone, a quarantined item a valid one supersedes),
    /// exactly as if every page had been written before the next was applied. Elsewhere the pages are applied one by one.
    /// </summary>
    public static async Task<IReadOnlyList<FeedCounters>> ApplyGroupAsync<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, IReadOnlyList<MappedPage<T>> pages,
        DateTimeOffset now, FeedMemory? memory, CancellationToken ct)
        where T : class, ISourceEntity
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(pages);
        var counters = new List<FeedCounters>(pages.Count);
        if (!db.Database.IsNpgsql())
        {
            foreach (var page in pages)
            {
                counters.Add(await ApplyAsync(db, mapper, source, runId, page, now, memory, ct));
            }
            return counters;
        }

        var (storedIds, allNew) = await LookUpAsync(db, pages, memory, ct);
        // No row stored and no id twice in the group (a first load, group after group): every valid item is an insert.
        var inserts = allNew ? new List<RowChange<T>>(pages.Sum(p => p.Count)) : null;
        var overlay = inserts is null ? new Overlay<T>(await LoadAsync<T>(db, storedIds, 10_000, ct)) : null;
        var validIds = new List<string>();
        var quarantined = new List<QuarantinedItem>();
        // Items quarantined by earlier pages of the group, by id: a valid version on a later page supersedes them, as the
        // update below supersedes those of earlier groups and runs (a page's own quarantined items are never superseded by it).
        var earlier = new Dictionary<string, List<QuarantinedItem>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var c = new FeedCounters { Read = page.Results.Length };
            var firstValid = validIds.Count;
            var firstQuarantined = quarantined.Count;
            if (inserts is not null)
            {
                Inserts(db, mapper, source, runId, page, now, c, validIds, inserts, quarantined);
            }
            else
            {
                Changes(db, mapper, source, runId, page, now, overlay!, c, validIds, quarantined);
            }
            for (var i = firstValid; earlier.Count > 0 && i < validIds.Count; i++)
            {
                if (earlier.Remove(validIds[i], out var superseded))
                {
                    foreach (var q in superseded)
                    {
                        q.SupersededAt ??= now;
                    }
                }
            }
            for (var i = firstQuarantined; i < quarantined.Count; i++)
            {
                if (quarantined[i].SourceItemId is { } id)
                {
                    if (!earlier.TryGetValue(id, out var list))
                    {
                        earlier[id] = list = [];
                    }
                    list.Add(quarantined[i]);
                }
            }
            counters.Add(c);
        }

        // Quarantined items of earlier groups and runs that a valid item of this group supersedes: one statement (an array
        // parameter), run before this group's own quarantined items are saved.
        var quarantineOpen = await QuarantineOpenAsync(db, source, mapper.Resource, memory, validIds.Count > 0, ct);
        if (validIds.Count > 0 && quarantineOpen is true)
        {
            var valid = validIds.Distinct(StringComparer.Ordinal).ToArray();
            await db.QuarantinedItems
                .Where(q => q.Source == source && q.Resource == mapper.Resource && q.SupersededAt == null &&
                            q.SourceItemId != null && valid.Contains(q.SourceItemId))
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.SupersededAt, now), ct);
        }
        if (memory is not null)
        {
            memory.QuarantineOpen = quarantineOpen is true || quarantined.Exists(q => q.SourceItemId != null) ? true : quarantineOpen;
        }

        await SourceRowWriter.WriteAsync<T>(db, inserts ?? Written(overlay!), ct);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return counters;
    }

    /// <summary>
    /// The group's row changes for the writer: a stored row that a tombstone deleted and a later item brought back is deleted,
    /// then inserted anew (what writing page by page would have done), not upserted over the stored version.
    /// </summary>
    private static List<RowChange<T>> Written<T>(Overlay<T> overlay) where T : class, ISourceEntity
    {
        var written = new List<RowChange<T>>(overlay.Changes.Count + overlay.Deleted.Count);
        foreach (var (id, change) in overlay.Changes)
        {
            if (change.Entity is not null && change.Existed && overlay.Deleted.Contains(id))
            {
                written.Add(new RowChange<T>(null, change.Stored, true));
                written.Add(new RowChange<T>(change.Entity, null, false));
            }
            else
            {
                written.Add(change);
            }
        }
        return written;
    }

    /// <summary>
    /// A page of which nothing is stored and no id repeats (a first load, page after page): every valid item is an insert,
    /// every tombstone deletes nothing; what <see cref="Changes"/> concludes for such a page, without its dictionaries.
    /// </summary>
    private static void Inserts<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, MappedPage<T> page, DateTimeOffset now,
        FeedCounters counters, List<string> validIds, List<RowChange<T>> inserts, List<QuarantinedItem>? quarantined)
        where T : class, ISourceEntity
    {
        var results = page.Results;
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
                    Keep(quarantined, Quarantine(db, mapper, source, runId, r.Id, r.Reason!, page.Items[i], now));
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
    }

    /// <summary>The rows of <paramref name="storedIds"/>, untracked, by id (<paramref name="chunk"/> ids a query).</summary>
    private static async Task<Dictionary<string, T>> LoadAsync<T>(ReportingDbContext db, HashSet<string> storedIds, int chunk, CancellationToken ct)
        where T : class, ISourceEntity
    {
        var set = db.Set<T>();
        var existing = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var ids in storedIds.Chunk(chunk))
        {
            var found = await set.AsNoTracking().Where(e => ids.Contains(EF.Property<string>(e, "Id"))).ToListAsync(ct);
            foreach (var e in found)
            {
                existing[e.Id] = e;
            }
        }
        return existing;
    }

    /// <summary>
    /// Which of the pages' ids are stored in the table, and whether every item is new (nothing stored, no id twice: then
    /// every valid item is an insert). On a first load (<see cref="FeedMemory"/>) only the ids this run may have met before
    /// are asked for; when there are none, nothing is asked and no set of the pages' ids is built.
    /// </summary>
    private static async Task<(HashSet<string> Stored, bool AllNew)> LookUpAsync<T>(
        ReportingDbContext db, IReadOnlyList<MappedPage<T>> pages, FeedMemory? memory, CancellationToken ct)
        where T : class, ISourceEntity
    {
        HashSet<string>? candidates = null;
        if (memory is not null && await memory.StartedEmptyAsync<T>(db, ct))
        {
            // A first load: only rows this run wrote can exist.
            var maybe = new List<string>();
            foreach (var page in pages)
            {
                memory.Admit(page.Results, maybe);
            }
            if (maybe.Count == 0)
            {
                return ([], true);
            }
            candidates = new HashSet<string>(maybe, StringComparer.Ordinal);
        }
        var (ids, keyed) = KeyedIds(pages);
        var asked = candidates ?? ids;
        var stored = await SourceRowWriter.StoredIdsAsync<T>(db, asked, ct) ?? asked;
        return (stored, stored.Count == 0 && ids.Count == keyed);
    }

    /// <summary>
    /// The rows a batch works on, as its pages so far leave them: one batch a page, or one a commit group on PostgreSQL
    /// (<see cref="ApplyGroupAsync{T}"/>), where a page sees what the pages before it in the group did as if they had been
    /// written.
    /// </summary>
    private sealed class Overlay<T>(Dictionary<string, T> existing) where T : class, ISourceEntity
    {
        /// <summary>Each id's row as the pages so far leave it (absent: none, or deleted).</summary>
        public Dictionary<string, T> Existing { get; } = existing;

        /// <summary>The rows stored before the batch.</summary>
        public Dictionary<string, T> Stored { get; } = new(existing, StringComparer.Ordinal);

        /// <summary>What each id becomes at the end of the batch (a duplicate or a tombstone later wins).</summary>
        public Dictionary<string, RowChange<T>> Changes { get; } = new(StringComparer.Ordinal);

        /// <summary>Stored rows a tombstone of the batch deleted (an item later bringing the id back is a new row).</summary>
        public HashSet<string> Deleted { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// What each id of the page becomes, given the rows as <paramref name="overlay"/> holds them: inserts, updates,
    /// deletes, unchanged rows, and stale versions quarantined; a duplicate or a tombstone later in the page wins.
    /// </summary>
    private static void Changes<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, MappedPage<T> page, DateTimeOffset now,
        Overlay<T> overlay, FeedCounters counters, List<string> validIds, List<QuarantinedItem>? quarantined)
        where T : class, ISourceEntity
    {
        var items = page.Items;
        var results = page.Results;
        var existing = overlay.Existing;
        var changes = overlay.Changes;
        var stored0 = overlay.Stored;

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
                    Keep(quarantined, Quarantine(db, mapper, source, runId, r.Id, r.Reason!, items[i], now));
                    counters.Rejected++;
                    break;
                case ItemKind.Tombstone:
                    if (existing.TryGetValue(r.Id!, out var gone))
                    {
                        if (r.UpdatedAt < gone.UpdatedAt)
                        {
                            Keep(quarantined, Quarantine(db, mapper, source, runId, r.Id, StaleReason, items[i], now));
                            counters.Rejected++;
                            break;
                        }
                        existing.Remove(r.Id!);
                        if (stored0.ContainsKey(r.Id!))
                        {
                            overlay.Deleted.Add(r.Id!);
                        }
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
                        Keep(quarantined, Quarantine(db, mapper, source, runId, r.Id, StaleReason, items[i], now));
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
    }

    /// <summary>Notes a quarantined item for a caller that follows them (a group's later pages supersede them).</summary>
    private static void Keep(List<QuarantinedItem>? quarantined, QuarantinedItem item) => quarantined?.Add(item);

    /// <summary>Reasons name the rule, never the values.</summary>
    private const string StaleReason = "updated_at mundur: lebih lama dari versi tersimpan; versi tersimpan dipertahankan";

    private static QuarantinedItem Quarantine<T>(
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
        }).Entity;

    private static string Cap(string value, int length) => value.Length <= length ? value : value[..length];
}
