using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.Tests.Reporting;

public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteReportingDbContext(new DbContextOptionsBuilder<SqliteReportingDbContext>()
            .UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteReportingDbContext (see docs/DATABASE.md)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        // No server is needed to compare the model with the migrations' snapshot.
        using var db = new SqlServerReportingDbContext(new DbContextOptionsBuilder<SqlServerReportingDbContext>()
            .UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=true").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerReportingDbContext (see docs/DATABASE.md)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgreSqlMigrations_MatchTheModel()
    {
        using var db = new PostgreSqlReportingDbContext(new DbContextOptionsBuilder<PostgreSqlReportingDbContext>()
            .UseNpgsql("Host=unused;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgreSqlReportingDbContext (see docs/DATABASE.md)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void IdentityMigrations_MatchTheModel_OnEveryProvider()
    {
        // Sign-in's own context has its own migration set per provider (Dashboard.Web/Auth/Identity/Migrations).
        using var sqlite = new Dashboard.Web.Auth.Identity.SqliteIdentityDbContext(
            new DbContextOptionsBuilder<Dashboard.Web.Auth.Identity.SqliteIdentityDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new Dashboard.Web.Auth.Identity.SqlServerIdentityDbContext(
            new DbContextOptionsBuilder<Dashboard.Web.Auth.Identity.SqlServerIdentityDbContext>().UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=true").Options);
        using var postgres = new Dashboard.Web.Auth.Identity.PostgreSqlIdentityDbContext(
            new DbContextOptionsBuilder<Dashboard.Web.Auth.Identity.PostgreSqlIdentityDbContext>().UseNpgsql("Host=unused;Database=unused").Options);

        foreach (var db in new Microsoft.EntityFrameworkCore.DbContext[] { sqlite, sqlServer, postgres })
        {
            Assert.False(db.Database.HasPendingModelChanges(), $"Run: dotnet ef migrations add <Name> --project Dashboard.Web --context {db.GetType().Name} (see docs/DATABASE.md)");
            Assert.NotEmpty(db.Database.GetMigrations());
        }
    }

    [Fact]
    public void SqlServerMigrations_GenerateAScript()
    {
        using var db = new SqlServerReportingDbContext(new DbContextOptionsBuilder<SqlServerReportingDbContext>()
            .UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=true").Options);

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE [Complaints]", script, StringComparison.Ordinal);
        Assert.Contains("datetimeoffset", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_SeedsReferenceDataAndCatalogue()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        Assert.Equal(5, await db.Regions.CountAsync(r => r.Level == RegionLevel.Kecamatan));
        Assert.Equal(57, await db.Regions.CountAsync(r => r.Level == RegionLevel.Kelurahan));
        Assert.Equal(847_182, (await db.Regions.SingleAsync(r => r.Code == "35.73")).Population);
        Assert.Equal("Lowokwaru", (await db.Regions.SingleAsync(r => r.Code == "35.73.05")).Name);
        Assert.Equal("Tasik Madu", (await db.Regions.SingleAsync(r => r.Code == "35.73.05.1012")).Name);
        Assert.True(await db.Agencies.AnyAsync(a => a.Code == "DISHUB"));
        Assert.Equal(10, await db.Indicators.CountAsync(i => i.Source == ComplaintsIndicators.Source));
        Assert.True(await db.IndicatorTargets.AnyAsync(t => t.IndicatorCode == ComplaintsIndicators.Codes.WithinSlaPct && t.PeriodStart == new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public async Task Seed_runs_at_every_migrate_and_puts_the_release_back_without_duplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        (int, int, int, int) counts;
        await using (var db = database.CreateDbContext())
        {
            counts = (await db.Regions.CountAsync(ct), await db.Agencies.CountAsync(ct), await db.Indicators.CountAsync(ct), await db.IndicatorTargets.CountAsync(ct));
            Assert.Equal((ReferenceData.Regions.Count, ReferenceData.Agencies.Count, IndicatorCatalog.Definitions.Count, IndicatorCatalog.Targets.Count), counts);
            (await db.Regions.SingleAsync(r => r.Code == "35.73.05", ct)).Name = "Lowokwaru Lama";
            db.Agencies.Remove(await db.Agencies.SingleAsync(a => a.Code == "DISHUB", ct));
            (await db.Indicators.SingleAsync(i => i.Code == ComplaintsIndicators.Codes.WithinSlaPct, ct)).Unit = IndicatorUnit.Count;
            (await db.IndicatorTargets.FirstAsync(t => t.IndicatorCode == ComplaintsIndicators.Codes.WithinSlaPct, ct)).Value = -1;
            await db.SaveChangesAsync(ct);

            // No migration is pending: the seed runs all the same.
            await db.Database.MigrateAsync(ct);
        }

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(counts, (await db.Regions.CountAsync(ct), await db.Agencies.CountAsync(ct), await db.Indicators.CountAsync(ct), await db.IndicatorTargets.CountAsync(ct)));
            Assert.Equal("Lowokwaru", (await db.Regions.SingleAsync(r => r.Code == "35.73.05", ct)).Name);
            Assert.True(await db.Agencies.AnyAsync(a => a.Code == "DISHUB", ct));
            Assert.Equal(IndicatorCatalog.Find(ComplaintsIndicators.Codes.WithinSlaPct).Unit,
                (await db.Indicators.SingleAsync(i => i.Code == ComplaintsIndicators.Codes.WithinSlaPct, ct)).Unit);
            Assert.DoesNotContain(-1, await db.IndicatorTargets.Select(t => t.Value).ToListAsync(ct));
        }
    }
}
