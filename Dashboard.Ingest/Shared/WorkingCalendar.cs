namespace Dashboard.Ingest.Shared;

/// <summary>
/// Working days and hours of the city administration (Monday–Friday, 08:00–16:00 WIB, minus national holidays and
/// cuti bersama), used by the service rules ("settled within 5 working days", a permit's SLA). Immutable: a snapshot
/// of the <see cref="Calendar.Holiday"/> table taken by <see cref="Calendar.WorkingCalendars"/>, or
/// <see cref="Official"/> (the release's list) where no database is at hand, as in the simulators.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly TimeSpan DayStart = TimeSpan.FromHours(8);
    private static readonly TimeSpan DayEnd = TimeSpan.FromHours(16);

    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = [.. holidays];
    }

    /// <summary>Monday to Friday, no holidays.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    /// <summary>The release's holidays (<see cref="Calendar.HolidayCatalog"/>), as the table holds them before any edit.</summary>
    public static WorkingCalendar Official { get; } = new(Calendar.HolidayCatalog.Official.Select(h => h.Date));

    /// <summary>The days off besides weekends this calendar knows.</summary>
    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The deadline <paramref name="days"/> working days after <paramref name="start"/> (same time of day).</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var local = Wib.ToWib(start);
        var day = DateOnly.FromDateTime(local.DateTime);
        // Something received on a day off starts counting on the next working morning.
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

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>
    /// Working days a file has been with the administration between <paramref name="start"/> and <paramref name="until"/>,
    /// the days of <paramref name="pauses"/> (waiting for the applicant) left out: each WIB working day counts once,
    /// after the day of submission, when the file was not paused for the whole of it. A pause that started and ended the
    /// same day pauses nothing.
    /// </summary>
    public int ElapsedWorkingDays(DateTimeOffset start, DateTimeOffset until, IReadOnlyList<SlaPause> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var first = Wib.DateOf(start);
        var last = Wib.DateOf(until);
        var n = 0;
        for (var day = first.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (IsWorkingDay(day) && !PausedAllDay(day, pauses))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>
    /// The WIB day on which a file submitted at <paramref name="start"/> reaches <paramref name="slaDays"/> working days,
    /// the paused days skipped; a pause still open (<see cref="SlaPause.To"/> null) holds the clock for good, so the
    /// answer is null.
    /// </summary>
    public DateOnly? SlaDay(DateTimeOffset start, int slaDays, IReadOnlyList<SlaPause> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var day = Wib.DateOf(start);
        var limit = day.AddYears(3);
        for (var added = 0; added < slaDays;)
        {
            day = day.AddDays(1);
            if (day > limit)
            {
                return null;
            }
            if (!IsWorkingDay(day))
            {
                continue;
            }
            if (PausedAllDay(day, pauses))
            {
                if (pauses.Any(p => p.To is null && Wib.DateOf(p.From) < day))
                {
                    return null;
                }
                continue;
            }
            added++;
        }
        return day;
    }

    private static bool PausedAllDay(DateOnly day, IReadOnlyList<SlaPause> pauses)
    {
        foreach (var p in pauses)
        {
            // Paused for the whole day: the pause began before the day and ends after it (or not at all).
            if (Wib.DateOf(p.From) < day && (p.To is not { } to || Wib.DateOf(to) > day))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Working hours (08:00–16:00 WIB on working days) between two instants.</summary>
    public double WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to)
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

/// <summary>A stretch during which an SLA clock stands still (a permit file back with the applicant); <see cref="To"/> null while it lasts.</summary>
public readonly record struct SlaPause(DateTimeOffset From, DateTimeOffset? To);
