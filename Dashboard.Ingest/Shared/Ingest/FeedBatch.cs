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

/// <summary>
/// Applies one page of a resource inside the caller's transaction: upsert keyed by the source's id, tombstones,
/// quarantine with reasons, and stale versions (an <c>updated_at</c> older than the stored one) kept out.
/// </summary>
public static class FeedBatch
{
    public static async Task<FeedCounters> ApplyAsync<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, IReadOnlyList<JsonElement> items,
        DateTimeOffset now, CancellationToken ct)
        where T : class, ISourceEntity
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(items);
        var counters = new FeedCounters { Read = items.Count };
        var results = new ItemResult<T>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            results[i] = mapper.Map(items[i]);
        }

        var ids = results.Where(r => r.Kind != ItemKind.Rejected).Select(r => r.Id!).Distinct().ToList();
        var set = db.Set<T>();
        var existing = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await set.Where(e => chunk.Contains(EF.Property<string>(e, "Id"))).ToListAsync(ct);
            foreach (var e in found)
            {
                existing[e.Id] = e;
            }
        }

        var validIds = new List<string>();
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
                            Quarantine(db, mapper, source, runId, r.Id, Stale(r.UpdatedAt, gone.UpdatedAt), items[i], now);
                            counters.Rejected++;
                            break;
                        }
                        set.Remove(gone);
                        existing.Remove(r.Id!);
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
                        set.Add(incoming);
                        existing[r.Id!] = incoming;
                        counters.Affect(mapper.AffectedSince(null, incoming));
                        counters.Inserted++;
                    }
                    else if (incoming.UpdatedAt < stored.UpdatedAt)
                    {
                        Quarantine(db, mapper, source, runId, r.Id, Stale(incoming.UpdatedAt, stored.UpdatedAt), items[i], now);
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
                        counters.Updated++;
                    }
                    break;
            }
        }

        // A valid version of an item supersedes its earlier quarantined versions.
        foreach (var chunk in validIds.Distinct().Chunk(500))
        {
            await db.QuarantinedItems
                .Where(q => q.Source == source && q.Resource == mapper.Resource && q.SupersededAt == null &&
                            q.SourceItemId != null && chunk.Contains(q.SourceItemId))
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.SupersededAt, now), ct);
        }
        return counters;
    }

    private static string Stale(DateTimeOffset? incoming, DateTimeOffset stored) =>
        $"updated_at mundur: {incoming:O} lebih lama dari versi tersimpan {stored:O}; versi tersimpan dipertahankan";

    private static void Quarantine<T>(
        ReportingDbContext db, ISourceMapper<T> mapper, string source, long runId, string? id, string reason, JsonElement item, DateTimeOffset now)
        where T : class, ISourceEntity =>
        db.QuarantinedItems.Add(new QuarantinedItem
        {
            Source = source,
            Resource = mapper.Resource,
            SourceItemId = id is { Length: <= 128 } ? id : id?[..128],
            RunId = runId,
            Reason = reason.Length <= 1000 ? reason : reason[..1000],
            Payload = PersonalData.Redact(item, mapper.StoredFields),
            ReceivedAt = now,
        });
}
