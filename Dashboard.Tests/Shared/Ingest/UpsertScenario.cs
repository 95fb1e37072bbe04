using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>
/// The upsert rules of <see cref="FeedBatch"/> through the provider's write path (<see cref="SourceRowWriter"/>), page by
/// page as the engine commits them: inserts, a re-run without duplicates, a stale version kept out, a newer one applied,
/// tombstones (a stale one refused), duplicates inside one page, quarantine with reasons and its supersession.
/// </summary>
public static class UpsertScenario
{
    private const string Source = "Complaints";
    private static readonly DateTimeOffset T1 = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));

    public static async Task RunAsync(IDbContextFactory<ReportingDbContext> factory, CancellationToken ct)
    {
        var mapper = new ComplaintsMapper();
        long runId;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var run = new IngestRun { Source = Source, Trigger = IngestTrigger.Manual, Node = "test", StartedAt = T1, HeartbeatAt = T1, Status = IngestRunStatus.Running };
            db.IngestRuns.Add(run);
            await db.SaveChangesAsync(ct);
            runId = run.Id;
        }

        async Task<FeedCounters> Apply(params JsonObject[] items)
        {
            using var document = JsonDocument.Parse(new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]).ToJsonString());
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var counters = await FeedBatch.ApplyAsync(db, mapper, Source, runId, [.. document.RootElement.EnumerateArray()], T1.AddDays(1), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return counters;
        }

        var broken = ComplaintJson.Item("LPR-D", T1);
        broken.Remove("category");
        var first = await Apply(ComplaintJson.Item("LPR-A", T1), ComplaintJson.Item("LPR-B", T1), ComplaintJson.Item("LPR-C", T1), broken);
        Assert.Equal((3, 1, 0), (first.Inserted, first.Rejected, first.Updated));

        // The same page again: nothing inserted twice, nothing changed.
        var again = await Apply(ComplaintJson.Item("LPR-A", T1), ComplaintJson.Item("LPR-B", T1), ComplaintJson.Item("LPR-C", T1));
        Assert.Equal((0, 3, 0), (again.Inserted, again.Unchanged, again.Updated));

        var changes = await Apply(
            ComplaintJson.Item("LPR-A", T1.AddHours(-1), category: "Perizinan"),             // stale: kept out
            ComplaintJson.Item("LPR-B", T1.AddHours(1), category: "Jalan dan Drainase"),         // newer: applied
            ComplaintJson.Item("LPR-B", T1.AddHours(1), category: "Jalan dan Drainase"),         // duplicate in the page
            ComplaintJson.Tombstone("LPR-C", T1.AddHours(1)),                             // deleted
            ComplaintJson.Tombstone("LPR-A", T1.AddHours(-2)),                            // stale tombstone: refused
            ComplaintJson.Item("LPR-D", T1.AddHours(1)),                                  // valid now: supersedes its quarantine
            ComplaintJson.Item("LPR-E", T1.AddHours(1), category: "Jembatan"),                // inserted, then changed in the same page
            ComplaintJson.Item("LPR-E", T1.AddHours(2), category: "Perumahan"));
        Assert.Equal(2, changes.Inserted);
        Assert.Equal(2, changes.Updated);
        Assert.Equal(1, changes.Deleted);
        Assert.Equal(2, changes.Rejected);
        Assert.Equal(1, changes.Unchanged);

        // A tombstone then a newer version of the same id in one page: the row is back.
        var revived = await Apply(ComplaintJson.Tombstone("LPR-D", T1.AddHours(2)), ComplaintJson.Item("LPR-D", T1.AddHours(3), category: "Kesehatan"));
        Assert.Equal((1, 1), (revived.Deleted, revived.Inserted));

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var rows = await db.Set<Complaint>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
            Assert.Equal(["LPR-A", "LPR-B", "LPR-D", "LPR-E"], rows.Select(r => r.Id));
            Assert.Equal(("Perhubungan", T1), (rows[0].Category, rows[0].UpdatedAt));
            Assert.Equal(("Jalan dan Drainase", T1.AddHours(1)), (rows[1].Category, rows[1].UpdatedAt));
            Assert.Equal(("Kesehatan", T1.AddHours(3)), (rows[2].Category, rows[2].UpdatedAt));
            Assert.Equal(("Perumahan", T1.AddHours(2)), (rows[3].Category, rows[3].UpdatedAt));
            Assert.Equal(TimeSpan.Zero, rows[1].UpdatedAt.Offset);

            var quarantine = await db.QuarantinedItems.AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct);
            Assert.Equal(3, quarantine.Count);
            Assert.Equal("LPR-D", quarantine[0].SourceItemId);
            Assert.Contains("category", quarantine[0].Reason, StringComparison.Ordinal);
            Assert.NotNull(quarantine[0].SupersededAt);
            Assert.All(quarantine.Skip(1), q => Assert.Equal("LPR-A", q.SourceItemId));
            Assert.All(quarantine.Skip(1), q => Assert.Contains("updated_at mundur", q.Reason, StringComparison.Ordinal));
            Assert.All(quarantine.Skip(1), q => Assert.Null(q.SupersededAt));
            Assert.All(quarantine, q => Assert.DoesNotContain(ComplaintJson.ReporterName, q.Payload, StringComparison.Ordinal));
        }
    }
}
