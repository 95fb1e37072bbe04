using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Web.Shared.Domains;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.AgencyHome;

/// <summary>One indicator on an agency's home: its tile at the agency's scope (or the city's, for one it owns) and the city-wide value beside it.</summary>
public sealed record HomeIndicator(KpiTileModel Tile, double? CityValue, bool Owned);

/// <summary>The indicators of one source on an agency's home, with the day its values are of.</summary>
public sealed record HomeSource(string Source, IReadOnlyList<HomeIndicator> Indicators, DateOnly? AsOf, DateTimeOffset? LastSuccessAt);

/// <summary>An open alert about the agency or its indicators.</summary>
public sealed record HomeAlert(long Id, AlertState State, string Summary, string SummaryEn, DateTimeOffset FiredAt);

/// <summary>Everything the head of <see cref="Agency"/> sees on their home.</summary>
public sealed record AgencyHomeView(
    Agency Agency, IReadOnlyList<HomeSource> Sources, IReadOnlyList<AgencyItemList> Lists, IReadOnlyList<HomeAlert> Alerts);

/// <summary>
/// Read side of the agency head's home (<c>/opd/{opd}</c>). Nothing here names a source: every indicator set declares its
/// agency dimension (<c>IIndicatorSet.AgencyIndicators</c>, read at the agency's scope), the indicators an agency owns
/// come from the catalogue (read city-wide), and each domain may declare lists (<see cref="DomainDescriptor.AgencyItems"/>).
/// </summary>
public sealed class AgencyHomeQueries(IDbContextFactory<ReportingDbContext> factory, IServiceProvider services, TimeProvider time)
{
    /// <summary>Open alerts listed on the home.</summary>
    public const int AlertRows = 6;

    public async Task<AgencyHomeView?> GetAsync(string opd, CancellationToken ct)
    {
        var agency = ReferenceData.Agencies.FirstOrDefault(a => a.Code == opd);
        if (agency is null)
        {
            return null;
        }
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var owned = await db.Indicators.AsNoTracking().Where(d => d.OwnerOpd == opd).Select(d => d.Code).ToListAsync(ct);
        var sources = new List<HomeSource>();
        foreach (var set in IndicatorCatalog.Sets)
        {
            var ownedHere = set.Definitions.Select(d => d.Code).Where(owned.Contains).ToList();
            var perAgency = set.AgencyIndicators.Where(c => !ownedHere.Contains(c)).ToList();
            if (ownedHere.Count == 0 && perAgency.Count == 0)
            {
                continue;
            }
            var tiles = new List<(KpiTileModel Tile, bool Owned)>();
            if (perAgency.Count > 0)
            {
                tiles.AddRange((await KpiTileLoader.LoadAsync(db, opd, perAgency, now, ct)).Select(t => (t, false)));
            }
            if (ownedHere.Count > 0)
            {
                tiles.AddRange((await KpiTileLoader.LoadAsync(db, ReferenceData.KotaCode, ownedHere, now, ct)).Select(t => (t, true)));
            }
            var codes = tiles.Select(t => t.Tile.Code).ToList();
            var city = await db.IndicatorSnapshots.AsNoTracking()
                .Where(s => s.ScopeCode == ReferenceData.KotaCode && codes.Contains(s.IndicatorCode))
                .Select(s => new { s.IndicatorCode, s.Value })
                .ToDictionaryAsync(s => s.IndicatorCode, s => s.Value, ct);
            var indicators = tiles.Select(t => new HomeIndicator(t.Tile, city.GetValueOrDefault(t.Tile.Code), t.Owned)).ToList();
            sources.Add(new HomeSource(set.Source, indicators, tiles.Max(t => t.Tile.AsOf), tiles.Max(t => t.Tile.LastSuccessAt)));
        }

        var lists = new List<AgencyItemList>();
        foreach (var domain in DomainRegistry.All)
        {
            if (domain.AgencyItems is { } type && services.GetService(type) is IAgencyItems items)
            {
                lists.AddRange(await items.LoadAsync(opd, now, ct));
            }
        }

        var alerts = await db.Set<Alert>().AsNoTracking()
            .Where(a => a.State != AlertState.Resolved
                && (a.OwnerOpd == opd || (a.IndicatorCode != null && owned.Contains(a.IndicatorCode))))
            .OrderBy(a => a.State).ThenByDescending(a => a.FiredAt)
            .Select(a => new HomeAlert(a.Id, a.State, a.Summary, a.SummaryEn, a.FiredAt))
            .Take(AlertRows)
            .ToListAsync(ct);
        return new AgencyHomeView(agency, sources, lists, alerts);
    }
}
