using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Reporting;

public static class ReportingExtensions
{
    public const string ConnectionName = "Reporting";

    /// <summary>
    /// Registers <see cref="IDbContextFactory{ReportingDbContext}"/> on the configured provider. Each provider
    /// has its own migration set (its own context subclass), so the model always matches the migrations.
    /// </summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration, string? contentRoot = null)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(_ => !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionName)),
                $"ConnectionStrings:{ConnectionName} is required.")
            .ValidateOnStart();

        var provider = configuration[$"{DatabaseOptions.Section}:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString(ConnectionName) ?? "";
        if (provider == "Sqlite" && contentRoot is not null)
        {
            connectionString = RootSqlitePath(connectionString, contentRoot);
        }
        switch (provider)
        {
            case "SqlServer":
                services.AddPooledDbContextFactory<SqlServerReportingDbContext>(o => ConfigureSqlServer(o, connectionString));
                services.AddSingleton<IDbContextFactory<ReportingDbContext>>(sp =>
                    new Factory<SqlServerReportingDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerReportingDbContext>>()));
                break;
            case "PostgreSql":
                services.AddPooledDbContextFactory<PostgreSqlReportingDbContext>(o => ConfigurePostgreSql(o, connectionString));
                services.AddSingleton<IDbContextFactory<ReportingDbContext>>(sp =>
                    new Factory<PostgreSqlReportingDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlReportingDbContext>>()));
                break;
            default:
                // An unknown provider is reported by DatabaseOptions validation at start; register SQLite meanwhile.
                services.AddPooledDbContextFactory<SqliteReportingDbContext>(o => ConfigureSqlite(o, connectionString));
                services.AddSingleton<IDbContextFactory<ReportingDbContext>>(sp =>
                    new Factory<SqliteReportingDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteReportingDbContext>>()));
                break;
        }
        services.AddSingleton<ReportingMigrator>();
        return services;
    }

    /// <summary>A relative SQLite file is placed under the content root, whatever the working directory.</summary>
    private static string RootSqlitePath(string connectionString, string contentRoot)
    {
        var b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(b.DataSource) && b.DataSource != ":memory:" && !Path.IsPathRooted(b.DataSource))
        {
            b.DataSource = Path.Combine(contentRoot, b.DataSource);
        }
        return b.ToString();
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, x => x.CommandTimeout(120)).AddInterceptors(SqlitePragmas.Instance);

    internal static void ConfigureSqlServer(DbContextOptionsBuilder o, string connectionString) =>
        // No retrying execution strategy: the engine opens its own transactions, which such a strategy refuses.
        o.UseSqlServer(connectionString, x => x.CommandTimeout(120));

    internal static void ConfigurePostgreSql(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, x => x.CommandTimeout(120));

    private sealed class Factory<T>(IDbContextFactory<T> inner) : IDbContextFactory<ReportingDbContext>
        where T : ReportingDbContext
    {
        public ReportingDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>
/// Pragmas on every SQLite connection. <c>synchronous=NORMAL</c>: in WAL mode a commit then appends to the log without
/// waiting for the disk (the checkpoint still syncs). SQLite's documentation calls this combination safe from
/// corruption; what a power cut (not a crash of the process) can lose is the last commits, and since each ingest
/// commit carries its own watermark, the next run reads those pages again. <c>cache_size=-65536</c>: up to 64 MiB of
/// page cache a connection (the default is 2 MiB), so a commit group's dirty index pages stay in memory until the
/// commit instead of spilling to the log mid-transaction; a connection that reads little holds little.
/// </summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Applies the provider's migrations; SQLite also gets WAL mode for concurrent readers.</summary>
/// <summary>
/// Then applies the indicator catalogue field by field (<see cref="Shared.Indicators.IndicatorCatalogueSync"/>): what an
/// administrator changed is kept even when a migration's seed update wrote the release's value over it.
/// </summary>
public sealed partial class ReportingMigrator(
    IDbContextFactory<ReportingDbContext> factory, IOptions<DatabaseOptions> options, TimeProvider time, ILogger<ReportingMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await MigrateSchemaAsync(ct);
        IReadOnlyList<Shared.Indicators.CatalogueValueKept> kept;
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            kept = await Shared.Indicators.IndicatorCatalogueSync.SyncAsync(db, IndicatorCatalog.Definitions, time.GetUtcNow(), ct);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment applied the catalogue first: once more sees its work and finds nothing to do.
            await using var db = await factory.CreateDbContextAsync(ct);
            kept = await Shared.Indicators.IndicatorCatalogueSync.SyncAsync(db, IndicatorCatalog.Definitions, time.GetUtcNow(), ct);
        }
        foreach (var k in kept)
        {
            LogCatalogueValueKept(logger, k.IndicatorCode, k.Field);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Catalogue value of {IndicatorCode}.{Field} not applied: an administrator changed it (audited as indicator.catalogue.kept)")]
    private static partial void LogCatalogueValueKept(ILogger logger, string indicatorCode, string field);

    private async Task MigrateSchemaAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    public string Provider => options.Value.Provider;
}

/// <summary>Design-time factories for <c>dotnet ef migrations add</c>, one per provider.</summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteReportingDbContext>
{
    public SqliteReportingDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteReportingDbContext>();
        ReportingExtensions.ConfigureSqlite(b, "Data Source=design.db");
        return new SqliteReportingDbContext(b.Options);
    }
}

internal sealed class SqlServerDesignFactory : IDesignTimeDbContextFactory<SqlServerReportingDbContext>
{
    public SqlServerReportingDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqlServerReportingDbContext>();
        ReportingExtensions.ConfigureSqlServer(b, "Server=localhost;Database=Dashboard;Integrated Security=true;TrustServerCertificate=true");
        return new SqlServerReportingDbContext(b.Options);
    }
}

internal sealed class PostgreSqlDesignFactory : IDesignTimeDbContextFactory<PostgreSqlReportingDbContext>
{
    public PostgreSqlReportingDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgreSqlReportingDbContext>();
        ReportingExtensions.ConfigurePostgreSql(b, "Host=localhost;Database=dasbor;Username=dasbor");
        return new PostgreSqlReportingDbContext(b.Options);
    }
}
