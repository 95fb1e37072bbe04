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

/// <summary>Read side of the overview: every catalogue indicator for the whole city (Kota Malang, 35.73).</summary>
public sealed class IndicatorQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    /// <summary>The overview's tiles, grouped by source in the order of each source's first indicator.</summary>
    public async Task<IReadOnlyList<OverviewGroup>> GetOverviewAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var tiles = await KpiTileLoader.LoadAsync(db, ReferenceData.KotaCode, source: null, time.GetUtcNow(), ct);
        return [.. tiles
            .GroupBy(t => t.Source)
            .Select(g => new OverviewGroup(g.Key, g.First().LastSuccessAt, g.First().IsRunning, [.. g]))];
    }
}
