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

        var provider = Shared.ConfigurationModes.Read(configuration, $"{DatabaseOptions.Section}:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionName) ?? "";
        if (provider == DatabaseProvider.Sqlite && contentRoot is not null)
        {
            connectionString = RootSqlitePath(connectionString, contentRoot);
        }
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddPooledDbContextFactory<SqlServerReportingDbContext>((sp, o) => ConfigureSqlServer(o, connectionString, sp));
                services.AddSingleton<IDbContextFactory<ReportingDbContext>>(sp =>
                    new Factory<SqlServerReportingDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerReportingDbContext>>()));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddPooledDbContextFactory<PostgreSqlReportingDbContext>((sp, o) => ConfigurePostgreSql(o, connectionString, sp));
                services.AddSingleton<IDbContextFactory<ReportingDbContext>>(sp =>
                    new Factory<PostgreSqlReportingDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlReportingDbContext>>()));
                break;
            default:
                services.AddPooledDbContextFactory<SqliteReportingDbContext>((sp, o) => ConfigureSqlite(o, connectionString, sp));
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

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString, IServiceProvider? services = null) =>
        Seed(o.UseSqlite(connectionString, x => x.CommandTimeout(120)).AddInterceptors(SqlitePragmas.Instance), services);

    internal static void ConfigureSqlServer(DbContextOptionsBuilder o, string connectionString, IServiceProvider? services = null) =>
        // No retrying execution strategy: the engine opens its own transactions, which such a strategy refuses.
        Seed(o.UseSqlServer(connectionString, x => x.CommandTimeout(120)), services);

    internal static void ConfigurePostgreSql(DbContextOptionsBuilder o, string connectionString, IServiceProvider? services = null) =>
        Seed(o.UseNpgsql(connectionString, x => x.CommandTimeout(120)), services);

    private static void Seed(DbContextOptionsBuilder o, IServiceProvider? services) =>
        o.UseReportingSeed(
            services?.GetService<TimeProvider>(),
            services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ReportingSeed).FullName!));

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

/// <summary>
/// Applies the provider's migrations and, in the same transaction, the release's reference data and indicator catalogue
/// (<see cref="ReportingSeed"/>, registered on the context's options); SQLite also gets WAL mode for concurrent readers.
/// </summary>
public sealed class ReportingMigrator(IDbContextFactory<ReportingDbContext> factory, IOptions<DatabaseOptions> options)
{
    public async Task MigrateAsync(CancellationToken ct)
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

    public DatabaseProvider Provider => options.Value.Provider;
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
