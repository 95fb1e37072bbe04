using Dashboard.Ingest.Reporting;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Overview;

/// <summary>A source's tiles on the overview, under one heading.</summary>
/// <param name="Source">The source system (<c>Complaints</c>), which names the domain.</param>
/// <param name="LastSuccessAt">When the source last ingested successfully.</param>
/// <param name="IsRunning">True while one of its runs is in progress.</param>
/// <param name="Tiles">Its indicators in catalogue order.</param>
public sealed record OverviewGroup(string Source, DateTimeOffset? LastSuccessAt, bool IsRunning, IReadOnlyList<KpiTileModel> Tiles);

/// <summary>
/// Read side of the overview: each domain's headline indicators (<see cref="IIndicatorSet.Headlines"/>) for the
/// whole city (Kota Malang, 35.73). The domain pages show the rest.
/// </summary>
public sealed class IndicatorQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    private static readonly string[] HeadlineCodes = [.. IndicatorCatalog.Sets.SelectMany(s => s.Headlines)];

    /// <summary>The overview's tiles, one group per source in catalogue order, tiles in headline order.</summary>
    public async Task<IReadOnlyList<OverviewGroup>> GetOverviewAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var tiles = (await KpiTileLoader.LoadAsync(db, ReferenceData.KotaCode, HeadlineCodes, time.GetUtcNow(), ct))
            .ToDictionary(t => t.Code, StringComparer.Ordinal);
        return [.. IndicatorCatalog.Sets
            .Select(s => s.Headlines.Where(tiles.ContainsKey).Select(c => tiles[c]).ToList())
            .Where(g => g.Count > 0)
            .Select(g => new OverviewGroup(g[0].Source, g[0].LastSuccessAt, g[0].IsRunning, g))];
    }
}
