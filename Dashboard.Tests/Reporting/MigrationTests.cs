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
    public async Task StaffingRecordKeys_removes_rows_under_the_old_keys_and_resets_their_watermarks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dasbor-keys-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new SqliteReportingDbContext(new DbContextOptionsBuilder<SqliteReportingDbContext>()
                .UseSqlite($"Data Source={path};Pooling=false").Options))
            {
                var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
                var all = db.Database.GetMigrations().ToList();
                var index = all.FindIndex(m => m.EndsWith("_StaffingRecordKeys", StringComparison.Ordinal));
                Assert.True(index > 0, "migration StaffingRecordKeys");
                await migrator.MigrateAsync(all[index - 1]);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "StaffingAttendance" ("Id", "NipKey", "Date", "Status", "UpdatedAt") VALUES ('p_0123456789abcdef01234567', 'p_aaaaaaaaaaaaaaaaaaaaaaaa', '2026-10-06', 'hadir', 0);
                    INSERT INTO "StaffingPerformance" ("Id", "NipKey", "Period", "Rating", "SubmittedAt", "UpdatedAt") VALUES ('p_0123456789abcdef01234567', 'p_aaaaaaaaaaaaaaaaaaaaaaaa', '2026-Q3', 'baik', 0, 0);
                    INSERT INTO "StaffingEmployees" ("Id", "AgencyCode", "AsnType", "RankGroup", "PositionType", "Status", "RetirementMonth", "UpdatedAt") VALUES ('p_aaaaaaaaaaaaaaaaaaaaaaaa', 'DISHUB', 'PNS', 'III/a', 'fungsional', 'aktif', '2031-06-01', 0);
                    INSERT INTO "SourceWatermarks" ("Source", "Resource", "Value") VALUES ('Staffing', 'attendance', 1), ('Staffing', 'performance', 1), ('Staffing', 'employees', 1), ('Letters', 'letters', 1);
                    """);

                await migrator.MigrateAsync();

                Assert.Equal(0, await db.Set<Dashboard.Ingest.Sources.Staffing.StaffingAttendance>().CountAsync());
                Assert.Equal(0, await db.Set<Dashboard.Ingest.Sources.Staffing.StaffingEvaluation>().CountAsync());
                Assert.Equal(1, await db.Set<Dashboard.Ingest.Sources.Staffing.StaffingEmployee>().CountAsync());
                var marks = await db.SourceWatermarks.AsNoTracking().ToDictionaryAsync(w => w.Source + "/" + w.Resource, w => w.Value);
                Assert.Null(marks["Staffing/attendance"]);
                Assert.Null(marks["Staffing/performance"]);
                Assert.NotNull(marks["Staffing/employees"]);
                Assert.NotNull(marks["Letters/letters"]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
