using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>
/// Which target applies to an indicator on a day: of the targets whose period covers the day, the shortest
/// period (month before triwulan before year). Pure, so that tiles, the indicator page's target line, alerts and
/// the API agree.
/// </summary>
public static class TargetResolver
{
    /// <summary>The target in force on <paramref name="day"/>, or null when none covers it.</summary>
    public static IndicatorTarget? Resolve(IEnumerable<IndicatorTarget> targets, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(targets);
        IndicatorTarget? best = null;
        foreach (var t in targets)
        {
            if (t.PeriodStart > day || t.PeriodEnd < day)
            {
                continue;
            }
            if (best is null || Length(t) < Length(best) || (Length(t) == Length(best) && t.Period > best.Period))
            {
                best = t;
            }
        }
        return best;
    }

    private static int Length(IndicatorTarget t) => t.PeriodEnd.DayNumber - t.PeriodStart.DayNumber;
}
