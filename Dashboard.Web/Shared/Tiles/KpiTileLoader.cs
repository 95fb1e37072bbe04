using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Shared.Tiles;

/// <summary>
/// Reads the tile models of a set of indicators at one scope, over a DbContext the caller owns (features
/// take a short-lived one per query). Five small read-only queries, each a projection.
/// </summary>
public static class KpiTileLoader
{
    /// <summary>Days in a tile's sparkline, today included.</summary>
    public const int SparklineDays = 30;

    /// <summary>
    /// Loads one tile per catalogue indicator (of <paramref name="source"/>, or of every source when null) for
    /// <paramref name="scopeCode"/>, in catalogue order. <paramref name="now"/> decides "today" (WIB) for
    /// targets and the sparkline window.
    /// </summary>
    public static Task<IReadOnlyList<KpiTileModel>> LoadAsync(
        ReportingDbContext db, string scopeCode, string? source, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return LoadAsync(db, scopeCode, db.Indicators.Where(d => source == null || d.Source == source), now, ct);
    }

    /// <summary>Loads the tiles of the given indicator codes (in catalogue order) for <paramref name="scopeCode"/>.</summary>
    public static Task<IReadOnlyList<KpiTileModel>> LoadAsync(
        ReportingDbContext db, string scopeCode, IReadOnlyCollection<string> codes, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return LoadAsync(db, scopeCode, db.Indicators.Where(d => codes.Contains(d.Code)), now, ct);
    }

    private static async Task<IReadOnlyList<KpiTileModel>> LoadAsync(
        ReportingDbContext db, string scopeCode, IQueryable<IndicatorDefinition> indicators, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(scopeCode);

        var definitions = await indicators.AsNoTracking()
            .OrderBy(d => d.DisplayOrder).ThenBy(d => d.Code)
            .Select(d => new
            {
                d.Code, d.NameId, d.NameEn, d.DefinitionId, d.DefinitionEn, d.Unit, d.Direction, d.Tolerance,
                d.Source, d.CadenceMinutes, d.FreshnessMinutes,
            })
            .ToListAsync(ct);
        if (definitions.Count == 0)
        {
            return [];
        }

        var codes = definitions.Select(d => d.Code).ToList();
        var sources = definitions.Select(d => d.Source).Distinct().ToList();
        var today = Wib.DateOf(now);
        var from = today.AddDays(1 - SparklineDays);

        var snapshots = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.ScopeCode == scopeCode && codes.Contains(s.IndicatorCode))
            .Select(s => new { s.IndicatorCode, s.Value, s.Label, s.ComputedAt, s.AsOf })
            .ToDictionaryAsync(s => s.IndicatorCode, ct);

        var targets = await CurrentTargets.LoadAsync(db, codes, today, ct);

        var series = (await db.IndicatorValues.AsNoTracking()
                .Where(v => v.ScopeCode == scopeCode && codes.Contains(v.IndicatorCode) && v.Date >= from && v.Date <= today)
                .Select(v => new { v.IndicatorCode, v.Date, v.Value })
                .ToListAsync(ct))
            .ToLookup(v => v.IndicatorCode);

        var states = await db.SourceStates.AsNoTracking()
            .Where(s => sources.Contains(s.Source))
            .Select(s => new { s.Source, s.LastSuccessAt, IsRunning = s.RunningRunId != null, s.LastRunId, s.PausedAt, s.PausedUntil })
            .ToDictionaryAsync(s => s.Source, ct);
        var lastRuns = states.Values.Where(s => s.LastRunId != null).Select(s => s.LastRunId!.Value).ToList();
        var rejected = await db.IngestRuns.AsNoTracking()
            .Where(r => lastRuns.Contains(r.Id))
            .Select(r => new { r.Source, r.Rejected })
            .ToDictionaryAsync(r => r.Source, r => r.Rejected, ct);
        var coverage = await KelurahanCoverageAsync(db, scopeCode, codes, ct);

        return [.. definitions.Select(d =>
        {
            snapshots.TryGetValue(d.Code, out var snapshot);
            targets.TryGetValue(d.Code, out var target);
            states.TryGetValue(d.Source, out var state);
            var byDate = series[d.Code].ToDictionary(v => v.Date, v => v.Value);
            coverage.Counts.TryGetValue(d.Code, out var withData);
            return new KpiTileModel
            {
                Code = CatalogueText.Share(d.Code),
                NameId = CatalogueText.Share(d.NameId),
                NameEn = CatalogueText.Share(d.NameEn),
                DefinitionId = CatalogueText.Share(d.DefinitionId),
                DefinitionEn = CatalogueText.Share(d.DefinitionEn),
                Unit = d.Unit,
                Direction = d.Direction,
                Tolerance = d.Tolerance,
                Source = d.Source,
                CadenceMinutes = d.CadenceMinutes,
                FreshnessMinutes = d.FreshnessMinutes,
                ScopeCode = scopeCode,
                HasSnapshot = snapshot is not null,
                Value = snapshot?.Value,
                Label = snapshot?.Label,
                ComputedAt = snapshot?.ComputedAt,
                AsOf = snapshot?.AsOf,
                Target = target?.Value,
                TargetPeriod = target?.Period,
                TargetFloor = target?.Floor,
                Sparkline = [.. Enumerable.Range(0, SparklineDays)
                    .Select(i => from.AddDays(i))
                    .Select(date => new SparkPoint(date, byDate.GetValueOrDefault(date)))],
                LastSuccessAt = state?.LastSuccessAt,
                IsRunning = state?.IsRunning ?? false,
                // A pause whose end has come is cleared by the engine's next run: until then it no longer counts.
                IsPaused = state?.PausedAt is not null && (state.PausedUntil is null || state.PausedUntil > now),
                PausedUntil = state?.PausedUntil,
                KelurahanWithData = coverage.Counts.ContainsKey(d.Code) ? withData : null,
                KelurahanTotal = coverage.Total,
                LastRunRejected = rejected.TryGetValue(d.Source, out var r) ? r : null,
                IsOutlier = IsOutlier(series[d.Code].Where(v => v.Value != null).OrderBy(v => v.Date).Select(v => v.Value!.Value).ToList()),
            };
        })];
    }

    /// <summary>The latest day's value against the earlier days of the sparkline window.</summary>
    private static bool IsOutlier(List<double> values) =>
        values.Count > OutlierCheck.MinHistory && OutlierCheck.IsOutlier(values[..^1], values[^1]);

    /// <summary>
    /// For the kota or a kecamatan: per indicator computed per kelurahan, how many of the scope's kelurahan have a current
    /// value (an indicator with no kelurahan snapshot at all is not computed per kelurahan and is left out).
    /// </summary>
    private static async Task<(Dictionary<string, int> Counts, int Total)> KelurahanCoverageAsync(
        ReportingDbContext db, string scopeCode, List<string> codes, CancellationToken ct)
    {
        var region = ReferenceData.Regions.FirstOrDefault(r => r.Code == scopeCode);
        if (region is null || region.Level == RegionLevel.Kelurahan)
        {
            return ([], 0);
        }
        var kelurahan = ReferenceData.Kelurahan
            .Where(k => region.Level == RegionLevel.Kota || k.ParentCode == region.Code)
            .Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        var rows = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.ScopeKind == ScopeKind.Kelurahan && codes.Contains(s.IndicatorCode))
            .Select(s => new { s.IndicatorCode, s.ScopeCode, HasData = s.Value != null || s.Label != null })
            .ToListAsync(ct);
        var counts = rows.GroupBy(s => s.IndicatorCode)
            .ToDictionary(g => g.Key, g => g.Count(s => s.HasData && kelurahan.Contains(s.ScopeCode)), StringComparer.Ordinal);
        return (counts, kelurahan.Count);
    }
}

/// <summary>
/// One instance of each catalogue text (indicator names and definitions, in both languages) for every circuit: a tile
/// holds them for as long as its page is open, and the overview's 46 tiles would otherwise keep ~50 KB of copies per
/// circuit. Bounded (cleared when full), so texts an administrator edits do not accumulate.
/// </summary>
internal static class CatalogueText
{
    private static readonly Dashboard.Ingest.Shared.BoundedCache<string, string> Texts = new(4_096, StringComparer.Ordinal);

    public static string Share(string text) => Texts.GetOrAdd(text, static t => t);
}
