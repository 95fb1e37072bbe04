using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>
/// The target that applies to each indicator on a day (<see cref="TargetResolver"/>): administrators' targets before
/// the catalogue's, the shortest period first; for a cumulative indicator the returned row's value is already the
/// time-proportional share for that day, and for a band target (<see cref="IndicatorTarget.Floor"/>) both bounds are those of
/// that day (<see cref="TargetResolver.BandOn"/>): detached copies, never saved.
/// </summary>
public static class CurrentTargets
{
    public static async Task<Dictionary<string, IndicatorTarget>> LoadAsync(
        ReportingDbContext db, IReadOnlyCollection<string> codes, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The month before too: a band's bounds start from where the previous month's ended.
        var monthBefore = new DateOnly(day.Year, day.Month, 1).AddDays(-1);
        var targets = await db.IndicatorTargets.AsNoTracking()
            .Where(t => codes.Contains(t.IndicatorCode) && t.RetiredAt == null && t.PeriodStart <= day && t.PeriodEnd >= monthBefore)
            .ToListAsync(ct);
        if (targets.Count == 0)
        {
            return [];
        }
        var cumulative = await db.Indicators.AsNoTracking().Where(d => codes.Contains(d.Code) && d.Cumulative).Select(d => d.Code).ToListAsync(ct);
        var result = new Dictionary<string, IndicatorTarget>();
        foreach (var group in targets.GroupBy(t => t.IndicatorCode))
        {
            if (TargetResolver.Resolve(group, day) is not { } target)
            {
                continue;
            }
            if (target.Floor is not null)
            {
                (target.Value, var floor) = TargetResolver.BandOn(group, target, day);
                target.Floor = floor;
            }
            else if (cumulative.Contains(group.Key))
            {
                target.Value = TargetResolver.ValueOn(target, day, cumulative: true);
            }
            result[group.Key] = target;
        }
        return result;
    }
}
