using Dashboard.Ingest.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A migrated and seeded SQLite reporting database in a temporary file, deleted on dispose.</summary>
public sealed class TestDatabase : IDbContextFactory<ReportingDbContext>, IAsyncDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dasbor-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    private TestDatabase()
    {
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase();
        await using var context = db.CreateDbContext();
        await context.Database.MigrateAsync();
        return db;
    }

    public ReportingDbContext CreateDbContext() =>
        new SqliteReportingDbContext(new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite(ConnectionString).UseReportingSeed().Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
        return ValueTask.CompletedTask;
    }
}
