namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The system clock moved back to 10:30 WIB of the latest Monday–Friday before now: same pace, same timers, so a
/// whole host (Blazor, SignalR, the simulators) runs normally, but "today" always has a morning's check-ins, arrivals
/// and payments. Full-host tests whose assertions depend on the time of day use it instead of the wall clock.
/// </summary>
public sealed class WorkingMorningClock : TimeProvider
{
    private readonly TimeSpan _shift;

    public WorkingMorningClock() : this(TimeProvider.System.GetUtcNow())
    {
    }

    public WorkingMorningClock(DateTimeOffset now)
    {
        Start = LastWorkingMorning(now);
        _shift = Start - TimeProvider.System.GetUtcNow();
    }

    /// <summary>The moment this clock started at.</summary>
    public DateTimeOffset Start { get; }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;

    /// <summary>A moment of this clock on the system clock (e.g. to compare a commit with a browser's timestamp).</summary>
    public DateTimeOffset ToSystem(DateTimeOffset moment) => moment - _shift;

    public override TimeZoneInfo LocalTimeZone => TimeProvider.System.LocalTimeZone;

    /// <summary>10:30 WIB of the latest Monday–Friday at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LastWorkingMorning(DateTimeOffset now)
    {
        var wib = now.ToOffset(TimeSpan.FromHours(7));
        var morning = new DateTimeOffset(wib.Year, wib.Month, wib.Day, 10, 30, 0, wib.Offset);
        while (morning > now || morning.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            morning = morning.AddDays(-1);
        }
        return morning;
    }
}
