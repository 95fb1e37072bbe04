using Dashboard.Ingest.Reporting;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Walls;

/// <summary>A source as a wall shows it: down while its last run failed.</summary>
public sealed record WallSourceHealth(string Source, bool IsDown, int ConsecutiveFailures, DateTimeOffset? LastAttemptAt)
{
    public static WallSourceHealth Unknown(string source) => new(source, false, 0, null);
}

/// <summary>A group of tiles under a domain heading (the overview has one per domain; a domain board one).</summary>
public sealed record WallTileGroup(string Source, IReadOnlyList<KpiTileModel> Tiles);

/// <summary>Everything one step of a wall shows.</summary>
/// <param name="Trend">The domain's first headline over the tile window (30 days, fixed length); null on the overview.</param>
public sealed record WallBoardData(
    WallStep Step, string ScopeName, IReadOnlyList<WallTileGroup> Groups, KpiTileModel? Trend,
    IReadOnlyDictionary<string, WallSourceHealth> Health)
{
    public IEnumerable<string> Sources => Groups.Select(g => g.Source);

    public WallSourceHealth HealthOf(string source) => Health.GetValueOrDefault(source) ?? WallSourceHealth.Unknown(source);
}

/// <summary>Read side of the wall: a board's tiles at a scope, plus each source's health. Short-lived contexts, projections.</summary>
public sealed class WallQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    public async Task<WallBoardData> LoadAsync(WallStep step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var sets = step.Board.Source is { } source
            ? IndicatorCatalog.Sets.Where(s => s.Source == source).ToList()
            : [.. IndicatorCatalog.Sets];

        List<WallTileGroup> groups;
        KpiTileModel? trend = null;
        if (step.Board.IsOverview)
        {
            var codes = sets.SelectMany(s => s.Headlines).ToList();
            var tiles = (await KpiTileLoader.LoadAsync(db, step.ScopeCode, codes, now, ct)).ToDictionary(t => t.Code, StringComparer.Ordinal);
            groups = [.. sets
                .Select(s => new WallTileGroup(s.Source, [.. s.Headlines.Where(tiles.ContainsKey).Select(c => tiles[c])]))
                .Where(g => g.Tiles.Count > 0)];
        }
        else
        {
            var set = sets.Single();
            var tiles = await KpiTileLoader.LoadAsync(db, step.ScopeCode, set.Source, now, ct);
            groups = [new WallTileGroup(set.Source, tiles)];
            trend = tiles.FirstOrDefault(t => set.Headlines.Count > 0 && t.Code == set.Headlines[0]) ?? (tiles.Count > 0 ? tiles[0] : null);
        }

        var sourceNames = sets.Select(s => s.Source).ToList();
        var health = await db.SourceStates.AsNoTracking()
            .Where(s => sourceNames.Contains(s.Source))
            .Select(s => new { s.Source, s.LastStatus, s.ConsecutiveFailures, s.LastAttemptAt })
            .ToListAsync(ct);
        var scopeName = await db.Regions.AsNoTracking().Where(r => r.Code == step.ScopeCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return new WallBoardData(
            step, scopeName ?? step.ScopeCode, groups, trend,
            health.ToDictionary(
                h => h.Source,
                h => new WallSourceHealth(h.Source, h.LastStatus == IngestRunStatus.Failed && h.ConsecutiveFailures > 0, h.ConsecutiveFailures, h.LastAttemptAt),
                StringComparer.Ordinal));
    }
}
