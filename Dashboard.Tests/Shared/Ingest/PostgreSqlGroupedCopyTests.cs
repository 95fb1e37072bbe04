using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>
/// On PostgreSQL a commit group is written as one batch (<see cref="FeedBatch.ApplyGroupAsync{T}"/>: one <c>COPY</c> a
/// table for the group's new rows, one staged upsert for its replacements). What crosses a page boundary inside a group must
/// end as writing page by page ends (SQLite, which applies the pages one by one, is the reference): no row lost or written
/// twice, a later version applied, an older one quarantined and never written over the newer, a tombstone deleting a row an
/// earlier page brought, a row deleted and brought back, quarantined items superseded only by a valid version on a later
/// page. A group that fails part-way leaves nothing of any of its pages. Needs a server (<see cref="TemporaryPostgreSqlDatabase"/>).
/// </summary>
public sealed class PostgreSqlGroupedCopyTests
{
    private const string Source = "Complaints";
    private const int PageSize = 100;
    private static readonly DateTimeOffset T1 = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Now = T1.AddDays(1);

    [Fact]
    public async Task GroupedCopy_AcrossPageBoundaries_EndsAsWritingPageByPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await TemporaryPostgreSqlDatabase.CreateAsync();
        var pg = await MigratedAsync(postgres.ConnectionString, ct);
        await using var sqlite = await TestDatabase.CreateAsync();

        var onPostgres = await FeedAsync(pg, ct);
        var onSqlite = await FeedAsync(sqlite, ct);

        Assert.Equal(onSqlite.Counts, onPostgres.Counts);
        Assert.Equal(onSqlite.Rows, onPostgres.Rows);
        Assert.Equal(onSqlite.Quarantine, onPostgres.Quarantine);

        var rows = onPostgres.Rows.ToDictionary(r => r.Id);
        // Every id once: the 350 plain items of group A, the 150 of group B, and the cases below that end stored.
        Assert.Equal(onPostgres.Rows.Count, rows.Count);
        var expected = Enumerable.Range(0, 350).Concat(Enumerable.Range(1000, 150)).Where(i => !Broken(i)).Select(Id)
            .Concat([Id(9001), Id(9002), Id(9004), Id(9005), Id(9006), Id(9007)]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows.Keys.Order(StringComparer.Ordinal));
        // A later page's newer version applied over an earlier page's insert; an older one kept out.
        Assert.Equal(("Jalan dan Drainase", T1.AddHours(1).UtcTicks), (rows[Id(9001)].Category, rows[Id(9001)].UpdatedAtTicks));
        Assert.Equal(("Perhubungan", T1.AddHours(1).UtcTicks), (rows[Id(9002)].Category, rows[Id(9002)].UpdatedAtTicks));
        Assert.Equal(("Perhubungan", T1.AddHours(1).UtcTicks), (rows[Id(9007)].Category, rows[Id(9007)].UpdatedAtTicks));
        // Deleted and brought back in group B with a version older than the deleted one: the new row, not the old one kept.
        Assert.Equal(("Jalan dan Drainase", T1.AddHours(-1).UtcTicks), (rows[Id(9006)].Category, rows[Id(9006)].UpdatedAtTicks));
        var quarantine = onPostgres.Quarantine;
        Assert.Contains((Id(9002), StaleMark, false), quarantine.Select(Mark));
        Assert.Contains((Id(9007), StaleMark, false), quarantine.Select(Mark));
        // Quarantined on page 1, valid on page 2: superseded. Valid on page 1, quarantined on page 2: left open.
        Assert.Equal([true], quarantine.Where(q => q.Id == Id(9004)).Select(q => q.Superseded));
        Assert.Equal([false], quarantine.Where(q => q.Id == Id(9005)).Select(q => q.Superseded));
        Assert.DoesNotContain(quarantine, q => q.Reason.Contains(ComplaintJson.ReporterName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupFailingPartWay_LeavesNothingOfItsPages_AndTheCommittedGroupWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await TemporaryPostgreSqlDatabase.CreateAsync();
        var pg = await MigratedAsync(postgres.ConnectionString, ct);
        var runId = await RunAsync(pg, ct);
        var memory = new FeedMemory();
        var groupA = Enumerable.Range(0, 350).Select(i => Plain(i)).ToList();
        await CommitGroupAsync(pg, runId, memory, groupA, ct);

        // Another writer stores an id of group B's last page after the run's first-load memory decided that nothing but its
        // own rows can exist: the group's COPY fails on the key, and the group's transaction rolls back as a killed run's does.
        await using (var other = pg.CreateDbContext())
        {
            var row = await other.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == Id(0), ct);
            row.Id = Id(1290);
            other.Add(row);
            await other.SaveChangesAsync(ct);
        }
        var groupB = Enumerable.Range(1000, 300).Select(i => Plain(i)).ToList();
        await Assert.ThrowsAsync<PostgresException>(() => CommitGroupAsync(pg, runId, memory, groupB, ct));

        await using var db = pg.CreateDbContext();
        var ids = await db.Set<Complaint>().AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        Assert.Equal(
            Enumerable.Range(0, 350).Where(i => !Broken(i)).Select(Id).Append(Id(1290)).Order(StringComparer.Ordinal),
            ids.Order(StringComparer.Ordinal));
        // Group B's broken items (pages 1 to 3) were never saved either.
        Assert.Equal(Enumerable.Range(0, 350).Where(Broken).Select(Id).Order(StringComparer.Ordinal),
            (await db.QuarantinedItems.AsNoTracking().Select(q => q.SourceItemId!).ToListAsync(ct)).Order(StringComparer.Ordinal));
    }

    private const string StaleMark = "updated_at mundur";

    private static (string? Id, string Reason, bool Superseded) Mark((string? Id, string Reason, bool Superseded) q) =>
        (q.Id, q.Reason.Contains(StaleMark, StringComparison.Ordinal) ? StaleMark : q.Reason, q.Superseded);

    private static string Id(int i) => $"LPR-{i:D5}";

    private static bool Broken(int i) => i % 40 == 39;

    private static JsonObject Plain(int i, DateTimeOffset? at = null, string category = "Perhubungan")
    {
        var item = ComplaintJson.Item(Id(i), at ?? T1, category: category);
        if (Broken(i))
        {
            item.Remove("category");
        }
        return item;
    }

    private static JsonObject BrokenItem(int i, DateTimeOffset at)
    {
        var item = ComplaintJson.Item(Id(i), at);
        item.Remove("category");
        return item;
    }

    internal sealed record Outcome(
        IReadOnlyList<(int Read, int Inserted, int Updated, int Unchanged, int Deleted, int Rejected)> Counts,
        IReadOnlyList<(string Id, string Category, long UpdatedAtTicks)> Rows,
        IReadOnlyList<(string? Id, string Reason, bool Superseded)> Quarantine);

    /// <summary>
    /// One run of two commit groups (pages of 100), the cases placed on both sides of page boundaries: group A a first load,
    /// group B over A's rows. Without <paramref name="remember"/> no <see cref="FeedMemory"/>: every page asks the database.
    /// </summary>
    internal static async Task<Outcome> FeedAsync(IDbContextFactory<ReportingDbContext> factory, CancellationToken ct, bool remember = true)
    {
        var runId = await RunAsync(factory, ct);
        var memory = remember ? new FeedMemory() : null;
        var groupA = Enumerable.Range(0, 350).Select(i => Plain(i)).ToList();
        // Page 1 (items 0-99) and later pages of A.
        groupA.Insert(10, ComplaintJson.Item(Id(9001), T1));
        groupA.Insert(150, ComplaintJson.Item(Id(9001), T1.AddHours(1), category: "Jalan dan Drainase")); // newer, page 2
        groupA.Insert(11, ComplaintJson.Item(Id(9002), T1.AddHours(1)));
        groupA.Insert(260, ComplaintJson.Item(Id(9002), T1, category: "Jalan dan Drainase")); // older, page 3
        groupA.Insert(12, ComplaintJson.Item(Id(9003), T1));
        groupA.Insert(160, ComplaintJson.Tombstone(Id(9003), T1.AddHours(1))); // deleted on page 2
        groupA.Insert(13, BrokenItem(9004, T1));
        groupA.Insert(170, ComplaintJson.Item(Id(9004), T1.AddHours(1))); // quarantined, then valid
        groupA.Insert(14, ComplaintJson.Item(Id(9005), T1));
        groupA.Insert(180, BrokenItem(9005, T1.AddHours(1))); // valid, then quarantined
        groupA.Insert(15, ComplaintJson.Item(Id(9006), T1));
        groupA.Insert(16, ComplaintJson.Item(Id(9007), T1));

        var groupB = Enumerable.Range(1000, 150).Select(i => Plain(i)).ToList();
        groupB.Insert(5, ComplaintJson.Tombstone(Id(9006), T1.AddHours(2)));
        groupB.Insert(120, ComplaintJson.Item(Id(9006), T1.AddHours(-1), category: "Jalan dan Drainase")); // back, older
        groupB.Insert(6, ComplaintJson.Item(Id(9007), T1.AddHours(1)));
        groupB.Insert(130, ComplaintJson.Item(Id(9007), T1.AddMinutes(30), category: "Jalan dan Drainase")); // stale, page 2
        groupB.Insert(7, ComplaintJson.Item(Id(5), T1.AddHours(1), category: "Jalan dan Drainase"));
        groupB.Insert(140, ComplaintJson.Item(Id(5), T1.AddHours(2))); // updated twice

        var counts = new List<(int, int, int, int, int, int)>();
        counts.AddRange(await CommitGroupAsync(factory, runId, memory, groupA, ct));
        counts.AddRange(await CommitGroupAsync(factory, runId, memory, groupB, ct));

        await using var read = await factory.CreateDbContextAsync(ct);
        var rows = (await read.Set<Complaint>().AsNoTracking().Select(c => new { c.Id, c.Category, c.UpdatedAt }).ToListAsync(ct))
            .Select(r => (r.Id, r.Category, r.UpdatedAt.UtcTicks)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var quarantine = (await read.QuarantinedItems.AsNoTracking().Select(q => new { q.SourceItemId, q.Reason, q.SupersededAt }).ToListAsync(ct))
            .Select(q => (q.SourceItemId, q.Reason, q.SupersededAt is not null))
            .OrderBy(q => q.SourceItemId, StringComparer.Ordinal).ThenBy(q => q.Reason, StringComparer.Ordinal).ThenBy(q => q.Item3).ToList();
        return new Outcome(counts, rows, quarantine);
    }

    /// <summary>One commit group as the engine commits it: its pages applied as a group, then committed.</summary>
    private static async Task<List<(int, int, int, int, int, int)>> CommitGroupAsync(
        IDbContextFactory<ReportingDbContext> factory, long runId, FeedMemory? memory, List<JsonObject> items, CancellationToken ct)
    {
        var mapper = new ComplaintsMapper();
        var documents = items.Chunk(PageSize)
            .Select(page => JsonDocument.Parse(new JsonArray([.. page.Select(i => (JsonNode)i.DeepClone())]).ToJsonString()))
            .ToList();
        try
        {
            var pages = documents.Select(d => FeedBatch.Map(mapper, [.. d.RootElement.EnumerateArray()])).ToList();
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var counters = await FeedBatch.ApplyGroupAsync(db, mapper, Source, runId, pages, Now, memory, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return [.. counters.Select(c => (c.Read, c.Inserted, c.Updated, c.Unchanged, c.Deleted, c.Rejected))];
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    private static async Task<long> RunAsync(IDbContextFactory<ReportingDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = new IngestRun { Source = Source, Trigger = IngestTrigger.Manual, Node = "test", StartedAt = T1, HeartbeatAt = T1, Status = IngestRunStatus.Running };
        db.IngestRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    private static async Task<PostgreSqlFactory> MigratedAsync(string connectionString, CancellationToken ct)
    {
        var pg = new PostgreSqlFactory(connectionString);
        await using var db = pg.CreateDbContext();
        await db.Database.MigrateAsync(ct);
        return pg;
    }

    private sealed class PostgreSqlFactory(string connectionString) : IDbContextFactory<ReportingDbContext>
    {
        public ReportingDbContext CreateDbContext() => new PostgreSqlReportingDbContext(
            new DbContextOptionsBuilder<PostgreSqlReportingDbContext>().UseNpgsql(connectionString).UseReportingSeed().Options);
    }
}
