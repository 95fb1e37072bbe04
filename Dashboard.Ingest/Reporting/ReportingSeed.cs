using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Shared.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Ingest.Reporting;

/// <summary>
/// Writes the release's reference data (<see cref="ReferenceData"/>: regions, agencies) and indicator catalogue
/// (<see cref="IndicatorCatalog"/>: definitions and yearly targets) into the reporting database. The data lives in code,
/// not in migrations: a text edit needs no migration.
/// <para>
/// EF Core runs it (<see cref="UseReportingSeed"/>) after <c>Migrate</c>, the <c>migrate</c> command and
/// <c>EnsureCreated</c>, inside the migration's transaction and under its database lock, so nodes starting at once
/// seed one after the other and the second finds nothing to do. Idempotent, keyed by code: a missing row is inserted, a
/// changed one updated; a row the release no longer has stays (removing one is a migration's job, docs/DATABASE.md).
/// Indicator metadata administrators may change is applied field by field by <see cref="IndicatorCatalogueSync"/>.
/// </para>
/// </summary>
public static partial class ReportingSeed
{
    /// <summary>Registers the seed on a reporting context's options (every provider, every place a database is created).</summary>
    public static DbContextOptionsBuilder UseReportingSeed(this DbContextOptionsBuilder options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = time ?? TimeProvider.System;
        var log = logger ?? NullLogger.Instance;
        // EnsureCreated calls the synchronous seeder; its only callers are tests on SQLite, where this blocks on nothing.
        return options
            .UseSeeding((db, _) => SeedAsync((ReportingDbContext)db, clock.GetUtcNow(), log, CancellationToken.None).GetAwaiter().GetResult())
            .UseAsyncSeeding((db, _, ct) => SeedAsync((ReportingDbContext)db, clock.GetUtcNow(), log, ct));
    }

    /// <inheritdoc cref="UseReportingSeed(DbContextOptionsBuilder, TimeProvider?, ILogger?)"/>
    public static DbContextOptionsBuilder<T> UseReportingSeed<T>(this DbContextOptionsBuilder<T> options, TimeProvider? time = null, ILogger? logger = null)
        where T : ReportingDbContext
    {
        ((DbContextOptionsBuilder)options).UseReportingSeed(time, logger);
        return options;
    }

    /// <summary>Seeds <paramref name="db"/>; returns the catalogue values not applied because an administrator changed the field.</summary>
    public static async Task<IReadOnlyList<CatalogueValueKept>> SeedAsync(
        ReportingDbContext db, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(logger);
        var inserted = await UpsertAsync(db, ReferenceData.Regions, r => r.Code, updatable: null, ct);
        inserted += await UpsertAsync(db, ReferenceData.Agencies, a => a.Code, updatable: null, ct);
        // Existing definitions take only the fields administrators never edit; the others follow the three-way rule below.
        inserted += await UpsertAsync(db, IndicatorCatalog.Definitions, d => d.Code, ReleaseOwnedIndicatorFields, ct);
        inserted += await SeedTargetsAsync(db, ct);
        inserted += await SeedHolidaysAsync(db, ct);
        await db.SaveChangesAsync(ct);
        if (inserted > 0)
        {
            LogSeeded(logger, inserted);
        }

        var kept = await IndicatorCatalogueSync.SyncAsync(db, IndicatorCatalog.Definitions, now, ct);
        foreach (var k in kept)
        {
            LogCatalogueValueKept(logger, k.IndicatorCode, k.Field);
        }
        return kept;
    }

    /// <summary>The indicator fields only a release sets: all but the key, the administrators' fields and who edited them.</summary>
    private static readonly HashSet<string> AdministeredIndicatorFields =
        [.. IndicatorCatalogueSync.Fields.Select(f => f.Name), nameof(IndicatorDefinition.EditedBy), nameof(IndicatorDefinition.EditedAt)];

    private static bool ReleaseOwnedIndicatorFields(string property) => !AdministeredIndicatorFields.Contains(property);

    /// <summary>
    /// Adds the rows of <paramref name="release"/> the table lacks (copies: the release's objects stay untracked) and sets the
    /// changed values of the others (all properties, or those <paramref name="updatable"/> accepts). Returns the rows added.
    /// </summary>
    private static async Task<int> UpsertAsync<T>(
        ReportingDbContext db, IReadOnlyList<T> release, Func<T, string> key, Func<string, bool>? updatable, CancellationToken ct)
        where T : class
    {
        var stored = await db.Set<T>().ToDictionaryAsync(key, StringComparer.Ordinal, ct);
        var added = 0;
        foreach (var item in release)
        {
            if (stored.TryGetValue(key(item), out var row))
            {
                var entry = db.Entry(row);
                foreach (var property in entry.Metadata.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null))
                {
                    if (updatable is null || updatable(property.Name))
                    {
                        entry.Property(property.Name).CurrentValue = property.PropertyInfo!.GetValue(item);
                    }
                }
                continue;
            }
            Add(db, item);
            added++;
        }
        return added;
    }

    /// <summary>
    /// The catalogue's yearly targets, keyed by indicator, period and start (catalogue rows have no <c>SetBy</c>): a missing
    /// one is added, an existing one takes the release's value. Administrators' targets are separate rows and stay.
    /// </summary>
    /// <summary>
    /// Adds the official days off (<see cref="HolidayCatalog"/>) whose date the table has no row for, withdrawn rows
    /// included: a day an administrator withdrew or changed stays as they left it.
    /// </summary>
    private static async Task<int> SeedHolidaysAsync(ReportingDbContext db, CancellationToken ct)
    {
        var stored = (await db.Set<Holiday>().Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var h in HolidayCatalog.Official.Where(h => !stored.Contains(h.Date)))
        {
            db.Add(new Holiday { Date = h.Date, Kind = h.Kind, NameId = h.NameId, NameEn = h.NameEn });
            added++;
        }
        return added;
    }

    private static async Task<int> SeedTargetsAsync(ReportingDbContext db, CancellationToken ct)
    {
        var stored = (await db.IndicatorTargets.Where(t => t.SetBy == null).ToListAsync(ct))
            .GroupBy(t => (t.IndicatorCode, t.Period, t.PeriodStart))
            .ToDictionary(g => g.Key, g => g.First());
        var added = 0;
        foreach (var target in IndicatorCatalog.Targets)
        {
            if (stored.TryGetValue((target.IndicatorCode, target.Period, target.PeriodStart), out var row))
            {
                row.PeriodEnd = target.PeriodEnd;
                row.Value = target.Value;
                continue;
            }
            Add(db, target);
            added++;
        }
        return added;
    }

    /// <summary>Adds a copy of <paramref name="item"/> (every mapped property; a generated key is left to the database).</summary>
    private static void Add<T>(ReportingDbContext db, T item)
        where T : class
    {
        var copy = Activator.CreateInstance<T>();
        EntityEntry<T> entry = db.Entry(copy);
        entry.CurrentValues.SetValues(item);
        entry.State = EntityState.Added;
    }

    [LoggerMessage(201, LogLevel.Information, "Reporting seed: {Count} reference and catalogue rows added")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(202, LogLevel.Warning, "Catalogue value of {IndicatorCode}.{Field} not applied: an administrator changed it (audited as indicator.catalogue.kept)")]
    private static partial void LogCatalogueValueKept(ILogger logger, string indicatorCode, string field);
}
