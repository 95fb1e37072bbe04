using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>
/// PostgreSQL's binary <c>COPY</c> write path (<see cref="PostgreSqlRowWriter"/>: staging table, then one upsert) keeps the
/// guarantees of the SQLite path: the same feed, in several pages a transaction and several transactions, gives the same
/// counts, rows and quarantine on both; a second run duplicates nothing; quarantined items are not stored; and a stale
/// version that reaches the upsert does not overwrite a newer stored row. Needs a server (<see cref="TemporaryPostgreSqlDatabase"/>).
/// </summary>
public sealed class PostgreSqlRowWriterTests
{
    private const string Source = "Complaints";
    private const int Items = 600;
    private const int PageSize = 200;
    private static readonly DateTimeOffset T1 = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task CopyPath_GivesTheSameCountsRowsAndQuarantine_AsSqlite_AndASecondRunDuplicatesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await TemporaryPostgreSqlDatabase.CreateAsync();
        var pg = new PostgreSqlFactory(postgres.ConnectionString);
        await using (var db = pg.CreateDbContext())
        {
            await db.Database.MigrateAsync(ct);
        }
        await using var sqlite = await TestDatabase.CreateAsync();

        var onPostgres = await FeedAsync(pg, ct);
        var onSqlite = await FeedAsync(sqlite, ct);

        Assert.Equal(onSqlite.Counts, onPostgres.Counts);
        Assert.Equal(onSqlite.Rows, onPostgres.Rows);
        Assert.Equal(onSqlite.Quarantine, onPostgres.Quarantine);

        // The first load stored every valid item once; the broken ones only in quarantine.
        var broken = Enumerable.Range(0, Items).Count(Broken);
        Assert.Equal((Items - broken, broken), (onPostgres.Counts[0].Inserted, onPostgres.Counts[0].Rejected));
        // The second run of the same pages: nothing inserted, nothing updated, no row twice.
        Assert.Equal((0, 0, Items - broken), (onPostgres.Counts[1].Inserted, onPostgres.Counts[1].Updated, onPostgres.Counts[1].Unchanged));
        Assert.Equal(onPostgres.Rows.Count, onPostgres.Rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Items - broken, onPostgres.Rows.Count); // one deleted, one new in the last run
        // Quarantined ids never reach the table.
        var quarantined = onPostgres.Quarantine.Where(q => !q.Reason.Contains("mundur", StringComparison.Ordinal)).Select(q => q.Id).ToHashSet();
        Assert.Equal(broken, quarantined.Count);
        Assert.DoesNotContain(onPostgres.Rows, r => quarantined.Contains(r.Id));
        // Stale versions kept out, newer ones applied, tombstones applied.
        var stale = onPostgres.Rows.Single(r => r.Id == Id(1));
        Assert.Equal(("Perhubungan", T1.UtcTicks), (stale.Category, stale.UpdatedAtTicks));
        var newer = onPostgres.Rows.Single(r => r.Id == Id(2));
        Assert.Equal(("Jalan dan Drainase", T1.AddHours(1).UtcTicks), (newer.Category, newer.UpdatedAtTicks));
        Assert.DoesNotContain(onPostgres.Rows, r => r.Id == Id(3));
        Assert.Equal((1, 1, 1, 1), (onPostgres.Counts[2].Inserted, onPostgres.Counts[2].Updated, onPostgres.Counts[2].Deleted, onPostgres.Counts[2].Rejected));
    }

    [Fact]
    public async Task StaleVersion_ReachingTheUpsert_DoesNotOverwriteANewerStoredRow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await TemporaryPostgreSqlDatabase.CreateAsync();
        var pg = new PostgreSqlFactory(postgres.ConnectionString);
        await using (var db = pg.CreateDbContext())
        {
            await db.Database.MigrateAsync(ct);
        }
        await FeedAsync(pg, ct);

        // The writer is handed rows as if the batch had not compared them (another writer committed a newer version since):
        // the upsert's own rule keeps the newer stored row and applies the newer incoming one.
        await using (var db = pg.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var stored = await db.Set<Complaint>().AsNoTracking().Where(c => c.Id == Id(10) || c.Id == Id(11)).OrderBy(c => c.Id).ToListAsync(ct);
            var older = await db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == Id(10), ct);
            older.Category = "Perizinan";
            older.UpdatedAt = stored[0].UpdatedAt.AddMinutes(-1);
            var later = await db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == Id(11), ct);
            later.Category = "Perizinan";
            later.UpdatedAt = stored[1].UpdatedAt.AddMinutes(1);
            await PostgreSqlRowWriter.WriteAsync(db, [new RowChange<Complaint>(older, stored[0], true), new RowChange<Complaint>(later, stored[1], true)], ct);
            await tx.CommitAsync(ct);
        }
        await using (var db = pg.CreateDbContext())
        {
            var rows = await db.Set<Complaint>().AsNoTracking().Where(c => c.Id == Id(10) || c.Id == Id(11)).OrderBy(c => c.Id).ToListAsync(ct);
            Assert.Equal(("Perhubungan", T1), (rows[0].Category, rows[0].UpdatedAt));
            Assert.Equal(("Perizinan", T1.AddMinutes(1)), (rows[1].Category, rows[1].UpdatedAt));
            Assert.Equal(Items - Enumerable.Range(0, Items).Count(Broken), await db.Set<Complaint>().CountAsync(ct));
        }
    }

    private static string Id(int i) => $"LPR-{i:D5}";

    private static bool Broken(int i) => i % 50 == 49;

    private sealed record Outcome(
        IReadOnlyList<(int Inserted, int Updated, int Unchanged, int Deleted, int Rejected)> Counts,
        IReadOnlyList<(string Id, string Category, long UpdatedAtTicks)> Rows,
        IReadOnlyList<(string? Id, string Reason)> Quarantine);

    /// <summary>
    /// Three runs through <see cref="FeedBatch"/> as the engine commits them (pages of 200, all pages of a run in one
    /// transaction): a first load with broken items, the same pages again, then a stale version, a newer one, a tombstone
    /// and a new item.
    /// </summary>
    private static async Task<Outcome> FeedAsync(IDbContextFactory<ReportingDbContext> factory, CancellationToken ct)
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
        var first = Enumerable.Range(0, Items).Select(i =>
        {
            var item = ComplaintJson.Item(Id(i), T1);
            if (Broken(i))
            {
                item.Remove("category");
            }
            return item;
        }).ToList();
        JsonObject[] changes =
        [
            ComplaintJson.Item(Id(1), T1.AddHours(-1), category: "Perizinan"),
            ComplaintJson.Item(Id(2), T1.AddHours(1), category: "Jalan dan Drainase"),
            ComplaintJson.Tombstone(Id(3), T1.AddHours(1)),
            ComplaintJson.Item(Id(Items), T1.AddHours(1)),
        ];

        var counts = new List<(int, int, int, int, int)>();
        foreach (var pages in new[] { first.Chunk(PageSize).ToList(), first.Chunk(PageSize).ToList(), [changes] })
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var memory = new FeedMemory();
            var sum = (Inserted: 0, Updated: 0, Unchanged: 0, Deleted: 0, Rejected: 0);
            foreach (var page in pages)
            {
                using var document = JsonDocument.Parse(new JsonArray([.. page.Select(i => (JsonNode)i.DeepClone())]).ToJsonString());
                var mapped = FeedBatch.Map(mapper, [.. document.RootElement.EnumerateArray()]);
                var c = await FeedBatch.ApplyAsync(db, mapper, Source, runId, mapped, T1.AddDays(1), memory, ct);
                sum = (sum.Inserted + c.Inserted, sum.Updated + c.Updated, sum.Unchanged + c.Unchanged, sum.Deleted + c.Deleted, sum.Rejected + c.Rejected);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            counts.Add(sum);
        }

        await using var read = await factory.CreateDbContextAsync(ct);
        var rows = (await read.Set<Complaint>().AsNoTracking().Select(c => new { c.Id, c.Category, c.UpdatedAt }).ToListAsync(ct))
            .Select(r => (r.Id, r.Category, r.UpdatedAt.UtcTicks)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var quarantine = (await read.QuarantinedItems.AsNoTracking().Select(q => new { q.SourceItemId, q.Reason }).ToListAsync(ct))
            .Select(q => (q.SourceItemId, q.Reason)).OrderBy(q => q.SourceItemId, StringComparer.Ordinal).ThenBy(q => q.Reason, StringComparer.Ordinal).ToList();
        return new Outcome(counts, rows, quarantine);
    }

    private sealed class PostgreSqlFactory(string connectionString) : IDbContextFactory<ReportingDbContext>
    {
        public ReportingDbContext CreateDbContext() => new PostgreSqlReportingDbContext(
            new DbContextOptionsBuilder<PostgreSqlReportingDbContext>().UseNpgsql(connectionString).UseReportingSeed().Options);
    }
}
