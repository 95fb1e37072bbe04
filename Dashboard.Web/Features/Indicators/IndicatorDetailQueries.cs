using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Web.Shared.Scope;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Indicators;

/// <summary>One region or agency beside the selected one: its current value and status, linked for drill-down.</summary>
public sealed record IndicatorScopeRow(string Code, string Name, double? Value, string? Label, IndicatorStatus Status);

/// <summary>The trend of one indicator at one scope: a point a day, the same day a year earlier, and the target in force.</summary>
/// <param name="LastYear">The same day a year earlier, only where that day's period has complete data (<see cref="ComparableLastYear"/>).</param>
/// <param name="LastYearLeftOut">Days whose last-year value exists but was left out because its period's data is incomplete.</param>
/// <param name="DataFrom">The first day the series has a value at this scope (where the source's history begins), if any.</param>
public sealed record IndicatorTrend(
    TrendPeriod Period, DateOnly From, DateOnly To,
    IReadOnlyList<DateOnly> Days, IReadOnlyList<double?> Values, IReadOnlyList<double?> LastYear, IReadOnlyList<double?> Targets,
    int LastYearLeftOut = 0, DateOnly? DataFrom = null)
{
    /// <summary>
    /// Whether the value of <paramref name="day"/> (a day last year) can stand beside this year's: its history must cover
    /// the whole period the value sums. A running total since 1 January (<paramref name="cumulative"/>) needs data from
    /// that 1 January on: a history that began in November gives a "realisation" of a few percent, not last year's. A
    /// daily value needs its own day.
    /// </summary>
    public static bool ComparableLastYear(DateOnly day, DateOnly? dataFrom, bool cumulative) =>
        dataFrom is { } first && (cumulative ? first <= new DateOnly(day.Year, 1, 1) : first <= day);
}

/// <summary>Who put an annotation on the trend.</summary>
public enum TrendAnnotationKind
{
    /// <summary>Entered by an administrator.</summary>
    Manual = 0,

    /// <summary>Runs of the source failed or were interrupted that day (from the run ledger).</summary>
    SourceFailure = 1,

    /// <summary>The system's annotation of an outage of the source (<see cref="AnnotationKind.SourceOutage"/>), open or closed.</summary>
    SourceOutage = 2,
}

/// <summary>An event on the trend: an administrator's note, the system's note of an outage, or the source's failed runs of a day.</summary>
/// <param name="Text">The administrator's text; null for the system's kinds (the page words them in the reader's language).</param>
/// <param name="FailedRuns">Runs that failed that day (source failures).</param>
/// <param name="Error">The first failure's error, shortened.</param>
/// <param name="StartedAt">An outage's start.</param>
/// <param name="EndedAt">An outage's end; null while it lasts.</param>
public sealed record TrendAnnotation(
    DateOnly Date, TrendAnnotationKind Kind, string? Text, string? By, long? Id, bool WholeSource, int FailedRuns = 0, string? Error = null,
    DateTimeOffset? StartedAt = null, DateTimeOffset? EndedAt = null)
{
    /// <summary>Written by the system (outages, failed runs), not by a person: marked as automatic where shown.</summary>
    public bool IsAutomatic => Kind != TrendAnnotationKind.Manual;
}

/// <summary>Data-quality facts about the shown value.</summary>
/// <param name="KelurahanWithData">Kelurahan (of the city, or of the selected kecamatan) with a current value; null when the indicator is not computed per kelurahan.</param>
/// <param name="KelurahanTotal">Kelurahan counted.</param>
/// <param name="LastRunRejected">Rows the source's last run rejected (quarantined).</param>
/// <param name="OutlierScore">The robust z-score of the latest value against the 90 days before it, when computable.</param>
public sealed record DataQuality(int? KelurahanWithData, int KelurahanTotal, int? LastRunRejected, double? OutlierScore, DateOnly? LatestDate, double? LatestValue)
{
    public bool IsOutlier => OutlierScore > OutlierCheck.Threshold;
}

/// <summary>Where the shown numbers come from: the source, its last run and how old the data is.</summary>
public sealed record IndicatorLineage
{
    public required string Source { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public IngestRunStatus? LastStatus { get; init; }
    public long? LastRunId { get; init; }
    public DateTimeOffset? LastRunFinishedAt { get; init; }
    public int? LastRunRead { get; init; }
    public int? LastRunRejected { get; init; }
    public DateTimeOffset? SnapshotComputedAt { get; init; }
    public long? SnapshotRunId { get; init; }
}

/// <summary>Everything the indicator page shows for one indicator, scope and trend window.</summary>
public sealed record IndicatorDetailView
{
    public required IndicatorDefinition Definition { get; init; }
    public string? OwnerName { get; init; }
    public required KpiTileModel Tile { get; init; }
    public required string ScopeCode { get; init; }
    public required string ScopeName { get; init; }
    public required ScopeKind ScopeKind { get; init; }
    public required IReadOnlyList<ScopeStep> Trail { get; init; }
    public required IndicatorTrend Trend { get; init; }

    /// <summary>The level of <see cref="Regions"/>: kecamatan under the city, kelurahan under (or beside) a kecamatan's.</summary>
    public RegionLevel RegionsLevel { get; init; }

    /// <summary>The region whose children <see cref="Regions"/> lists.</summary>
    public required string RegionsParentName { get; init; }
    public required IReadOnlyList<IndicatorScopeRow> Regions { get; init; }

    /// <summary>The indicator per agency (OPD), when it is computed per agency.</summary>
    public required IReadOnlyList<IndicatorScopeRow> Agencies { get; init; }

    /// <summary>The targets in force in the current APBD year (every period type), ordered by period.</summary>
    public required IReadOnlyList<IndicatorTarget> YearTargets { get; init; }

    /// <summary>Every target administrators have set (in force or retired), newest first: the history of targets.</summary>
    public required IReadOnlyList<IndicatorTarget> TargetHistory { get; init; }
    public required IndicatorLineage Lineage { get; init; }

    /// <summary>Annotations within the trend's window, oldest first.</summary>
    public required IReadOnlyList<TrendAnnotation> Annotations { get; init; }
    public required DataQuality Quality { get; init; }

    /// <summary>Every kelurahan's current value and status (for the tile map), in catalogue order of the regions.</summary>
    public required IReadOnlyList<IndicatorScopeRow> Kelurahan { get; init; }
}

/// <summary>
/// Read side of the indicator page: the indicator's metadata from the reporting database (as administrators keep
/// it), its tile at the selected scope, the trend with last year and the target line, the regions (and agencies)
/// to drill into, and its lineage. One short-lived DbContext per call, read-only projections.
/// </summary>
public sealed class IndicatorDetailQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    /// <summary>The scope of a <c>?wilayah=</c> value: a kecamatan, kelurahan or agency code, else the city.</summary>
    public static (string Code, string Name, ScopeKind Kind) ResolveScope(string? code)
    {
        if (ReferenceData.Regions.FirstOrDefault(r => r.Code == code) is { } region)
        {
            return (region.Code, region.Name, (ScopeKind)(int)region.Level);
        }
        if (ReferenceData.Agencies.FirstOrDefault(a => a.Code == code) is { } agency)
        {
            return (agency.Code, agency.Code, ScopeKind.Opd);
        }
        return (RegionScope.Kota.Code, RegionScope.Kota.Name, ScopeKind.Kota);
    }

    /// <summary>The first and last day of a trend window ending <paramref name="today"/>.</summary>
    public static (DateOnly From, DateOnly To) Window(TrendPeriod period, DateOnly today) => period switch
    {
        TrendPeriod.Days90 => (today.AddDays(-89), today),
        TrendPeriod.Months12 => (today.AddYears(-1).AddDays(1), today),
        TrendPeriod.ApbdYear => (new DateOnly(today.Year, 1, 1), today),
        _ => (today.AddDays(-29), today),
    };

    /// <summary>The page's view, or null when the catalogue has no indicator <paramref name="code"/>.</summary>
    public async Task<IndicatorDetailView?> GetAsync(string code, string? scopeCode, TrendPeriod period, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = Wib.DateOf(now);
        var scope = ResolveScope(scopeCode);

        await using var db = await factory.CreateDbContextAsync(ct);
        var definition = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
        if (definition is null)
        {
            return null;
        }
        var tile = (await KpiTileLoader.LoadAsync(db, scope.Code, [code], now, ct)).Single();
        var trend = await TrendAsync(db, code, scope.Code, period, today, definition.Cumulative, ct);

        // Every scope's current value of this indicator: small (at most 57 kelurahan, 5 kecamatan and the agencies).
        var snapshots = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.IndicatorCode == code)
            .Select(s => new { s.ScopeCode, s.ScopeKind, s.Value, s.Label, s.ComputedAt, s.RunId })
            .ToListAsync(ct);
        var byScope = snapshots.ToDictionary(s => s.ScopeCode);
        IndicatorScopeRow Row(string rowCode, string name)
        {
            byScope.TryGetValue(rowCode, out var s);
            return new IndicatorScopeRow(rowCode, name, s?.Value, s?.Label,
                IndicatorStatusEvaluator.Evaluate(s?.Value, tile.Target, definition.Direction, definition.Tolerance, tile.TargetFloor));
        }

        var region = ReferenceData.Regions.FirstOrDefault(r => r.Code == scope.Code);
        var parent = region switch
        {
            null => ReferenceData.Regions.First(r => r.Level == RegionLevel.Kota),
            { Level: RegionLevel.Kelurahan } => ReferenceData.Regions.First(r => r.Code == region.ParentCode),
            _ => region,
        };
        var regions = ReferenceData.Regions.Where(r => r.ParentCode == parent.Code).Select(r => Row(r.Code, r.Name)).ToList();
        // Agencies are the city's: listed beside the city and beside an agency, not under a region.
        var agencies = snapshots.Where(s => s.ScopeKind == ScopeKind.Opd && scope.Kind is ScopeKind.Kota or ScopeKind.Opd)
            .Join(ReferenceData.Agencies, s => s.ScopeCode, a => a.Code, (s, a) => a)
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => Row(a.Code, a.Name))
            .ToList();

        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var yearTargets = await db.IndicatorTargets.AsNoTracking()
            .Where(t => t.IndicatorCode == code && t.RetiredAt == null && t.PeriodStart <= yearEnd && t.PeriodEnd >= yearStart)
            .OrderBy(t => t.Period).ThenBy(t => t.PeriodStart)
            .ToListAsync(ct);
        // One row a period: an administrator's target hides the catalogue's for the same period.
        yearTargets = [.. yearTargets.GroupBy(t => (t.Period, t.PeriodStart)).Select(g => g.OrderByDescending(t => t.SetAt ?? DateTimeOffset.MinValue).First())];
        var history = (await db.IndicatorTargets.AsNoTracking()
                .Where(t => t.IndicatorCode == code && (t.SetBy != null || t.RetiredAt != null))
                .ToListAsync(ct))
            .OrderByDescending(t => t.RetiredAt ?? t.SetAt).ThenByDescending(t => t.Id)
            .ToList();

        var state = await db.SourceStates.AsNoTracking().FirstOrDefaultAsync(s => s.Source == definition.Source, ct);
        var lastRun = state?.LastRunId is { } runId
            ? await db.IngestRuns.AsNoTracking().Where(r => r.Id == runId)
                .Select(r => new { r.FinishedAt, r.ItemsRead, r.Rejected }).FirstOrDefaultAsync(ct)
            : null;
        byScope.TryGetValue(scope.Code, out var own);

        var annotations = await AnnotationsAsync(db, definition, trend.From, trend.To, ct);

        // Completeness over the city's kelurahan, or over the selected kecamatan's.
        var kelurahan = ReferenceData.Kelurahan.Select(k => Row(k.Code, k.Name)).ToList();
        var counted = ReferenceData.Kelurahan
            .Where(k => scope.Kind is ScopeKind.Kota or ScopeKind.Opd || k.ParentCode == parent.Code)
            .Select(k => k.Code).ToList();
        var perKelurahan = snapshots.Any(s => s.ScopeKind == ScopeKind.Kelurahan);
        var withData = counted.Count(c => byScope.TryGetValue(c, out var s) && (s.Value is not null || s.Label is not null));
        var recent = (await db.IndicatorValues.AsNoTracking()
                .Where(v => v.IndicatorCode == code && v.ScopeCode == scope.Code && v.Date >= today.AddDays(-OutlierWindowDays) && v.Date <= today && v.Value != null)
                .Select(v => new { v.Date, v.Value })
                .ToListAsync(ct))
            .OrderBy(v => v.Date).ToList();
        var latest = recent.LastOrDefault();
        var score = latest is null ? null : OutlierCheck.Score([.. recent.Where(v => v.Date < latest.Date && v.Date >= latest.Date.AddDays(-OutlierWindowDays)).Select(v => v.Value!.Value)], latest.Value!.Value);

        return new IndicatorDetailView
        {
            Definition = definition,
            OwnerName = ReferenceData.Agencies.FirstOrDefault(a => a.Code == definition.OwnerOpd)?.Name,
            Tile = tile,
            ScopeCode = scope.Code,
            ScopeName = scope.Kind == ScopeKind.Opd ? ReferenceData.Agencies.First(a => a.Code == scope.Code).Name : scope.Name,
            ScopeKind = scope.Kind,
            Trail = Trail(scope.Code),
            Trend = trend,
            RegionsLevel = parent.Level == RegionLevel.Kota ? RegionLevel.Kecamatan : RegionLevel.Kelurahan,
            RegionsParentName = parent.Name,
            Regions = regions,
            Agencies = agencies,
            YearTargets = yearTargets,
            TargetHistory = history,
            Lineage = new IndicatorLineage
            {
                Source = definition.Source,
                LastSuccessAt = state?.LastSuccessAt,
                LastAttemptAt = state?.LastAttemptAt,
                LastStatus = state?.LastStatus,
                LastRunId = state?.LastRunId,
                LastRunFinishedAt = lastRun?.FinishedAt,
                LastRunRead = lastRun?.ItemsRead,
                LastRunRejected = lastRun?.Rejected,
                SnapshotComputedAt = own?.ComputedAt,
                SnapshotRunId = own?.RunId,
            },
            Annotations = annotations,
            Quality = new DataQuality(perKelurahan ? withData : null, counted.Count, lastRun?.Rejected, score, latest?.Date, latest?.Value),
            Kelurahan = kelurahan,
        };
    }

    /// <summary>Days of history the latest value is compared with for the outlier badge.</summary>
    public const int OutlierWindowDays = 90;

    /// <summary>The annotations of <paramref name="definition"/> between two days: administrators' and the source's failed runs.</summary>
    public static async Task<IReadOnlyList<TrendAnnotation>> AnnotationsAsync(
        ReportingDbContext db, IndicatorDefinition definition, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var start = Wib.StartOf(from);
        var end = Wib.EndOf(to);
        var manual = await db.Set<IndicatorAnnotation>().AsNoTracking()
            .Where(a => a.Source == definition.Source && (a.IndicatorCode == null || a.IndicatorCode == definition.Code)
                && a.RemovedAt == null && a.Kind == AnnotationKind.Manual && a.Date >= from && a.Date <= to)
            .Select(a => new TrendAnnotation(a.Date, TrendAnnotationKind.Manual, a.Text, a.CreatedBy, a.Id, a.IndicatorCode == null, 0, null, null, null))
            .ToListAsync(ct);
        // An outage that began before the window but lasted into it is shown on the window's first day.
        var outages = (await db.Set<IndicatorAnnotation>().AsNoTracking()
                .Where(a => a.Source == definition.Source && a.RemovedAt == null && a.Kind == AnnotationKind.SourceOutage
                    && a.Date <= to && (a.EndedAt == null || a.EndedAt >= start))
                .Select(a => new { a.Id, a.Date, a.CreatedBy, a.StartedAt, a.EndedAt })
                .ToListAsync(ct))
            .Select(a => new TrendAnnotation(a.Date < from ? from : a.Date, TrendAnnotationKind.SourceOutage, null, a.CreatedBy, a.Id, true,
                StartedAt: a.StartedAt, EndedAt: a.EndedAt));
        var failed = await db.IngestRuns.AsNoTracking()
            .Where(r => r.Source == definition.Source && (r.Status == IngestRunStatus.Failed || r.Status == IngestRunStatus.Interrupted)
                && r.StartedAt >= start && r.StartedAt <= end)
            .OrderBy(r => r.StartedAt)
            .Select(r => new { r.StartedAt, r.Error })
            .ToListAsync(ct);
        var failures = failed.GroupBy(r => Wib.DateOf(r.StartedAt)).Select(g => new TrendAnnotation(
            g.Key, TrendAnnotationKind.SourceFailure, null, null, null, true, g.Count(),
            g.Select(r => r.Error).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e)) is { } e ? (e.Length > 160 ? e[..160] + "…" : e) : null));
        return [.. manual.Concat(outages).Concat(failures).OrderBy(a => a.Date).ThenBy(a => a.Kind)];
    }

    /// <summary>The trend of <paramref name="code"/> at <paramref name="scope"/> over a window ending <paramref name="today"/>.</summary>
    public static async Task<IndicatorTrend> TrendAsync(
        ReportingDbContext db, string code, string scope, TrendPeriod period, DateOnly today, bool cumulative, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (from, to) = Window(period, today);
        var lastYearFrom = from.AddYears(-1);
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorCode == code && v.ScopeCode == scope && v.Date >= lastYearFrom && v.Date <= to)
            .Select(v => new { v.Date, v.Value })
            .ToDictionaryAsync(v => v.Date, v => v.Value, ct);
        var targets = await db.IndicatorTargets.AsNoTracking()
            .Where(t => t.IndicatorCode == code && t.RetiredAt == null && t.PeriodStart <= to && t.PeriodEnd >= from)
            .ToListAsync(ct);

        // Where the series begins at this scope: a last-year value from before it (or from a period it only partly covers) is not shown.
        var dataFrom = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorCode == code && v.ScopeCode == scope && v.Value != null)
            .MinAsync(v => (DateOnly?)v.Date, ct);

        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var lastYear = days.Select(d => values.GetValueOrDefault(d.AddYears(-1))).ToList();
        var comparable = days.Select(d => IndicatorTrend.ComparableLastYear(d.AddYears(-1), dataFrom, cumulative)).ToList();
        return new IndicatorTrend(
            period, from, to, days,
            [.. days.Select(d => values.GetValueOrDefault(d))],
            [.. lastYear.Select((v, i) => comparable[i] ? v : null)],
            [.. days.Select(d => TargetResolver.ValueOn(targets, d, cumulative))],
            lastYear.Where((v, i) => v is not null && !comparable[i]).Count(),
            dataFrom);
    }

    private static IReadOnlyList<ScopeStep> Trail(string scopeCode) =>
        ReferenceData.Agencies.FirstOrDefault(a => a.Code == scopeCode) is { } agency
            ? [new ScopeStep(RegionScope.Kota.Code, RegionScope.Kota.Name), new ScopeStep(agency.Code, agency.Code)]
            : RegionScope.Trail(RegionScope.Resolve(scopeCode));
}
