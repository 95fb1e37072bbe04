namespace Dashboard.Ingest.Shared;

/// <summary>
/// Working days and hours of the city administration (Monday–Friday, 08:00–16:00 WIB), used by the
/// service rules ("first response within 3 days", "settled within 5 working days"). National holidays
/// are not yet subtracted: deadlines around holidays come out one or two days early.
/// </summary>
public static class WorkingCalendar
{
    private static readonly TimeSpan DayStart = TimeSpan.FromHours(8);
    private static readonly TimeSpan DayEnd = TimeSpan.FromHours(16);

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The deadline <paramref name="days"/> working days after <paramref name="start"/> (same time of day).</summary>
    public static DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var local = Wib.ToWib(start);
        var day = DateOnly.FromDateTime(local.DateTime);
        // Something received at the weekend starts counting on Monday morning.
        if (!IsWorkingDay(day))
        {
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }
            local = new DateTimeOffset(day.ToDateTime(TimeOnly.FromTimeSpan(DayStart)), local.Offset);
        }
        var added = 0;
        while (added < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                added++;
            }
        }
        return new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), local.Offset).ToUniversalTime();
    }

    /// <summary>Working hours (08:00–16:00 WIB on working days) between two instants.</summary>
    public static double WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }
        var a = Wib.ToWib(from);
        var b = Wib.ToWib(to);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(a.DateTime); day <= DateOnly.FromDateTime(b.DateTime); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            var open = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), a.Offset) + DayStart;
            var close = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), a.Offset) + DayEnd;
            var start = a > open ? a : open;
            var end = b < close ? b : close;
            if (end > start)
            {
                total += end - start;
            }
        }
        return total.TotalHours;
    }
}
