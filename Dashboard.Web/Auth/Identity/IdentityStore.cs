using Dashboard.Ingest.Reporting;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Web.Auth.Identity;

/// <summary>
/// ASP.NET Core Identity's tables, in the reporting database (same connection and provider) but with their own
/// model and migration history (<c>__IdentityMigrationsHistory</c>), so that sign-in never depends on the
/// reporting model's migrations and vice versa. One subclass per provider, as for the reporting context.
/// It also keeps ASP.NET Core's data-protection keys, so that every web node reads the sign-in cookies and
/// antiforgery tokens any other node issued.
/// </summary>
public abstract class IdentityStoreDbContext(DbContextOptions options) : IdentityDbContext<DashboardUser>(options), IDataProtectionKeyContext
{
    public const string HistoryTable = "__IdentityMigrationsHistory";

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<DashboardUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(128);
        });
        builder.Entity<ApiClient>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.KeyPrefix).HasMaxLength(16);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.Scopes).HasMaxLength(128);
            e.Property(x => x.CreatedBy).HasMaxLength(128);
            e.Property(x => x.RevokedBy).HasMaxLength(128);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.KeyHash).IsUnique();
        });
    }
}

public sealed class SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options) : IdentityStoreDbContext(options);

public sealed class SqlServerIdentityDbContext(DbContextOptions<SqlServerIdentityDbContext> options) : IdentityStoreDbContext(options);

public sealed class PostgreSqlIdentityDbContext(DbContextOptions<PostgreSqlIdentityDbContext> options) : IdentityStoreDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // timestamptz accepts only UTC offsets from Npgsql (as in PostgreSqlReportingDbContext).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

public static class IdentityStoreExtensions
{
    /// <summary>
    /// Registers <see cref="IdentityStoreDbContext"/> (scoped) on the reporting database's provider and connection,
    /// read from a reporting context so that a relative SQLite path resolves to the same file.
    /// </summary>
    public static IServiceCollection AddIdentityStore(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = Dashboard.Ingest.Shared.ConfigurationModes.Read(configuration, $"{DatabaseOptions.Section}:Provider", DatabaseProvider.Sqlite);
        if (provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContext<SqlServerIdentityDbContext>((sp, o) => ConfigureSqlServer(o, ReportingConnection(sp)));
            services.AddScoped<IdentityStoreDbContext>(sp => sp.GetRequiredService<SqlServerIdentityDbContext>());
        }
        else if (provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<PostgreSqlIdentityDbContext>((sp, o) => ConfigurePostgreSql(o, ReportingConnection(sp)));
            services.AddScoped<IdentityStoreDbContext>(sp => sp.GetRequiredService<PostgreSqlIdentityDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteIdentityDbContext>((sp, o) => ConfigureSqlite(o, ReportingConnection(sp)));
            services.AddScoped<IdentityStoreDbContext>(sp => sp.GetRequiredService<SqliteIdentityDbContext>());
        }
        return services;
    }

    private static string ReportingConnection(IServiceProvider sp)
    {
        using var reporting = sp.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContext();
        return reporting.Database.GetConnectionString() ?? "";
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, x => x.MigrationsHistoryTable(IdentityStoreDbContext.HistoryTable));

    internal static void ConfigureSqlServer(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlServer(connectionString, x => x.MigrationsHistoryTable(IdentityStoreDbContext.HistoryTable));

    internal static void ConfigurePostgreSql(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, x => x.MigrationsHistoryTable(IdentityStoreDbContext.HistoryTable));
}

/// <summary>Design-time factories for <c>dotnet ef migrations add</c>, one per provider.</summary>
internal sealed class SqliteIdentityDesignFactory : IDesignTimeDbContextFactory<SqliteIdentityDbContext>
{
    public SqliteIdentityDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteIdentityDbContext>();
        IdentityStoreExtensions.ConfigureSqlite(b, "Data Source=design.db");
        return new SqliteIdentityDbContext(b.Options);
    }
}

internal sealed class SqlServerIdentityDesignFactory : IDesignTimeDbContextFactory<SqlServerIdentityDbContext>
{
    public SqlServerIdentityDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqlServerIdentityDbContext>();
        IdentityStoreExtensions.ConfigureSqlServer(b, "Server=localhost;Database=Dashboard;Integrated Security=true;TrustServerCertificate=true");
        return new SqlServerIdentityDbContext(b.Options);
    }
}

internal sealed class PostgreSqlIdentityDesignFactory : IDesignTimeDbContextFactory<PostgreSqlIdentityDbContext>
{
    public PostgreSqlIdentityDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgreSqlIdentityDbContext>();
        IdentityStoreExtensions.ConfigurePostgreSql(b, "Host=localhost;Database=dasbor;Username=dasbor");
        return new PostgreSqlIdentityDbContext(b.Options);
    }
}
