using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>
/// The target that applies to each indicator on a day (<see cref="TargetResolver"/>): administrators' targets before
/// the catalogue's, the shortest period first; for a cumulative indicator the returned row's value is already the
/// time-proportional share for that day (a detached copy: never saved).
/// </summary>
public static class CurrentTargets
{
    public static async Task<Dictionary<string, IndicatorTarget>> LoadAsync(
        ReportingDbContext db, IReadOnlyCollection<string> codes, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var targets = await db.IndicatorTargets.AsNoTracking()
            .Where(t => codes.Contains(t.IndicatorCode) && t.RetiredAt == null && t.PeriodStart <= day && t.PeriodEnd >= day)
            .ToListAsync(ct);
        if (targets.Count == 0)
        {
            return [];
        }
        var cumulative = await db.Indicators.AsNoTracking().Where(d => codes.Contains(d.Code) && d.Cumulative).Select(d => d.Code).ToListAsync(ct);
        var result = new Dictionary<string, IndicatorTarget>();
        foreach (var group in targets.GroupBy(t => t.IndicatorCode))
        {
            var target = TargetResolver.Resolve(group, day)!;
            if (cumulative.Contains(group.Key))
            {
                target.Value = TargetResolver.ValueOn(target, day, cumulative: true);
            }
            result[group.Key] = target;
        }
        return result;
    }
}
