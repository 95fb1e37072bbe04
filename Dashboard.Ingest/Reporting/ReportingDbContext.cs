using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Ingest.Reporting;

/// <summary>
/// The reporting database. Provider-specific subclasses exist only so that each provider has its own
/// migration set; code everywhere else uses this type.
/// </summary>
public abstract class ReportingDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>
    /// Indicator series rows this context wrote (<c>IndicatorWriter</c>): what a recomputation cost, for its telemetry. Contexts
    /// come from a pool that does not reset this: whoever reads it sets it to 0 first.
    /// </summary>
    public long IndicatorRowsWritten { get; internal set; }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<IndicatorDefinition> Indicators => Set<IndicatorDefinition>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorSnapshot> IndicatorSnapshots => Set<IndicatorSnapshot>();
    public DbSet<IngestRun> IngestRuns => Set<IngestRun>();
    public DbSet<SourceState> SourceStates => Set<SourceState>();
    public DbSet<SourceWatermark> SourceWatermarks => Set<SourceWatermark>();
    public DbSet<QuarantinedItem> QuarantinedItems => Set<QuarantinedItem>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Region>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.ParentCode).HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(64);
            e.HasIndex(x => x.ParentCode);
        });
        modelBuilder.Entity<Agency>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(24);
            e.Property(x => x.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<IndicatorDefinition>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(48);
            e.Property(x => x.OwnerOpd).HasMaxLength(24);
            e.Property(x => x.Source).HasMaxLength(32);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.Property(x => x.EditedBy).HasMaxLength(128);
        });
        modelBuilder.Entity<IndicatorTarget>(e =>
        {
            e.Property(x => x.IndicatorCode).HasMaxLength(48);
            e.Property(x => x.SetBy).HasMaxLength(128);
            e.Property(x => x.RetiredBy).HasMaxLength(128);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.HasIndex(x => new { x.IndicatorCode, x.PeriodStart });
        });
        modelBuilder.Entity<IndicatorValue>(e =>
        {
            e.Property(x => x.IndicatorCode).HasMaxLength(48);
            e.Property(x => x.ScopeCode).HasMaxLength(24);
            e.Property(x => x.Label).HasMaxLength(120);
            e.HasIndex(x => new { x.IndicatorCode, x.ScopeCode, x.Date }).IsUnique();
            // A recomputation replaces a code's days from one on in every scope (IndicatorWriter).
            e.HasIndex(x => new { x.IndicatorCode, x.Date });
        });
        modelBuilder.Entity<IndicatorSnapshot>(e =>
        {
            e.HasKey(x => new { x.IndicatorCode, x.ScopeCode });
            e.Property(x => x.IndicatorCode).HasMaxLength(48);
            e.Property(x => x.ScopeCode).HasMaxLength(24);
            e.Property(x => x.Label).HasMaxLength(120);
        });
        modelBuilder.Entity<IngestRun>(e =>
        {
            e.Property(x => x.Source).HasMaxLength(32);
            e.Property(x => x.Node).HasMaxLength(128);
            e.Property(x => x.RequestedBy).HasMaxLength(128);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.Error).HasMaxLength(4000);
            e.HasIndex(x => new { x.Source, x.StartedAt });
            e.HasIndex(x => x.Status);
        });
        modelBuilder.Entity<SourceState>(e =>
        {
            e.HasKey(x => x.Source);
            e.Property(x => x.Source).HasMaxLength(32);
            e.Property(x => x.PausedBy).HasMaxLength(128);
            e.Property(x => x.PauseReason).HasMaxLength(500);
            e.Property(x => x.ScheduleOverride).HasMaxLength(64);
            e.Property(x => x.ScheduleChangedBy).HasMaxLength(128);
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.User).HasMaxLength(128);
            e.Property(x => x.Action).HasMaxLength(48);
            e.Property(x => x.Target).HasMaxLength(128);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.Before).HasMaxLength(2000);
            e.Property(x => x.After).HasMaxLength(2000);
            e.HasIndex(x => x.At);
        });
        modelBuilder.Entity<SourceWatermark>(e =>
        {
            e.HasKey(x => new { x.Source, x.Resource });
            e.Property(x => x.Source).HasMaxLength(32);
            e.Property(x => x.Resource).HasMaxLength(48);
        });
        modelBuilder.Entity<QuarantinedItem>(e =>
        {
            e.Property(x => x.ReviewedBy).HasMaxLength(128);
            e.Property(x => x.Source).HasMaxLength(32);
            e.Property(x => x.Resource).HasMaxLength(48);
            e.Property(x => x.SourceItemId).HasMaxLength(128);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.HasIndex(x => new { x.Source, x.SourceItemId });
            e.HasIndex(x => x.RunId);
        });

        // Each source folder brings its own fact tables (one folder a source).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
    }
}

public sealed class SqliteReportingDbContext(DbContextOptions<SqliteReportingDbContext> options)
    : ReportingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no datetimeoffset: store UTC ticks so that ordering and range filters run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}

public sealed class SqlServerReportingDbContext(DbContextOptions<SqlServerReportingDbContext> options)
    : ReportingDbContext(options);

public sealed class PostgreSqlReportingDbContext(DbContextOptions<PostgreSqlReportingDbContext> options)
    : ReportingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // timestamptz accepts only UTC offsets from Npgsql: a WIB value (+07:00) is stored as the same instant in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

/// <summary>Stores every instant in UTC (PostgreSQL's timestamptz through Npgsql accepts no other offset).</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
