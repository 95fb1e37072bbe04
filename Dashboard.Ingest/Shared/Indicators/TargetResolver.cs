using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>
/// Which target applies to an indicator on a day, and its value on that day. Of the targets in force whose period
/// covers the day, the shortest period wins (month before triwulan before year); for the same period an
/// administrator's target wins over the catalogue's, the latest over older ones. A cumulative indicator's target
/// applies in proportion to the days of its period elapsed (day included). Pure, so that tiles, the indicator
/// page's target line, alerts and the API agree.
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
            if (t.RetiredAt is not null || t.PeriodStart > day || t.PeriodEnd < day)
            {
                continue;
            }
            if (best is null || Better(t, best))
            {
                best = t;
            }
        }
        return best;
    }

    /// <summary>The value the indicator is held to on <paramref name="day"/>: the target, its time-proportional share, or a band's upper bound.</summary>
    public static double? ValueOn(IEnumerable<IndicatorTarget> targets, DateOnly day, bool cumulative)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var list = targets as IReadOnlyCollection<IndicatorTarget> ?? [.. targets];
        if (Resolve(list, day) is not { } t)
        {
            return null;
        }
        return t.Floor is not null ? BandOn(list, t, day).Value : ValueOn(t, day, cumulative);
    }

    /// <summary>
    /// A band target's bounds on <paramref name="day"/> (<see cref="IndicatorTarget.Floor"/> set: cumulative bounds reached by the
    /// end of its period). Within the period they move in a straight line from the bounds of the band target in force the day
    /// before it starts (none, or one of an earlier year: 0), so a status neither jumps when a month starts nor waits for its end.
    /// </summary>
    public static (double Value, double Floor) BandOn(IEnumerable<IndicatorTarget> targets, IndicatorTarget target, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(target);
        var before = Resolve(targets, target.PeriodStart.AddDays(-1));
        var (value0, floor0) = before is { Floor: { } f } && before.PeriodStart.Year == target.PeriodStart.Year ? (before.Value, f) : (0.0, 0.0);
        var total = target.PeriodEnd.DayNumber - target.PeriodStart.DayNumber + 1;
        var fraction = Math.Clamp(day.DayNumber - target.PeriodStart.DayNumber + 1, 0, total) / (double)total;
        var floor = target.Floor ?? target.Value;
        return (value0 + ((target.Value - value0) * fraction), floor0 + ((floor - floor0) * fraction));
    }

    /// <summary>
    /// <paramref name="target"/>'s value on <paramref name="day"/>: for a cumulative indicator, value × days elapsed
    /// (day included) / days in the period; otherwise the value.
    /// </summary>
    public static double ValueOn(IndicatorTarget target, DateOnly day, bool cumulative)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!cumulative)
        {
            return target.Value;
        }
        var total = target.PeriodEnd.DayNumber - target.PeriodStart.DayNumber + 1;
        var elapsed = Math.Clamp(day.DayNumber - target.PeriodStart.DayNumber + 1, 0, total);
        return target.Value * elapsed / total;
    }

    private static bool Better(IndicatorTarget t, IndicatorTarget best)
    {
        var (length, bestLength) = (Length(t), Length(best));
        if (length != bestLength)
        {
            return length < bestLength;
        }
        if (t.Period != best.Period)
        {
            return t.Period > best.Period;
        }
        return (t.SetAt ?? DateTimeOffset.MinValue) > (best.SetAt ?? DateTimeOffset.MinValue);
    }

    private static int Length(IndicatorTarget t) => t.PeriodEnd.DayNumber - t.PeriodStart.DayNumber;
}
