using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>The target that applies to an indicator on a day: the shortest period (month, then quarter, then year) covering it.</summary>
public static class CurrentTargets
{
    public static async Task<Dictionary<string, IndicatorTarget>> LoadAsync(
        ReportingDbContext db, IReadOnlyCollection<string> codes, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.IndicatorTargets.AsNoTracking()
                .Where(t => codes.Contains(t.IndicatorCode) && t.PeriodStart <= day && t.PeriodEnd >= day)
                .ToListAsync(ct))
            .GroupBy(t => t.IndicatorCode)
            .ToDictionary(g => g.Key, g => TargetResolver.Resolve(g, day)!);
    }
}
