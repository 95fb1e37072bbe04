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
            .Select(s => new { s.Source, s.LastSuccessAt, IsRunning = s.RunningRunId != null })
            .ToDictionaryAsync(s => s.Source, ct);

        return [.. definitions.Select(d =>
        {
            snapshots.TryGetValue(d.Code, out var snapshot);
            targets.TryGetValue(d.Code, out var target);
            states.TryGetValue(d.Source, out var state);
            var byDate = series[d.Code].ToDictionary(v => v.Date, v => v.Value);
            return new KpiTileModel
            {
                Code = d.Code,
                NameId = d.NameId,
                NameEn = d.NameEn,
                DefinitionId = d.DefinitionId,
                DefinitionEn = d.DefinitionEn,
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
                Sparkline = [.. Enumerable.Range(0, SparklineDays)
                    .Select(i => from.AddDays(i))
                    .Select(date => new SparkPoint(date, byDate.GetValueOrDefault(date)))],
                LastSuccessAt = state?.LastSuccessAt,
                IsRunning = state?.IsRunning ?? false,
            };
        })];
    }
}
