using Dashboard.Ingest.Shared;

namespace Dashboard.Tests.Shared;

public sealed class WorkingCalendarTests
{
    private static DateTimeOffset Wib(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(7));

    [Fact]
    public void AddWorkingDays_SkipsTheWeekend()
    {
        // Thursday 26 Nov 2026 10:00 + 5 working days = Thursday 3 Dec 10:00.
        Assert.Equal(Wib(2026, 12, 3, 10), WorkingCalendar.AddWorkingDays(Wib(2026, 11, 26, 10), 5));
    }

    [Fact]
    public void AddWorkingDays_FromSaturday_StartsOnMondayMorning()
    {
        Assert.Equal(Wib(2026, 12, 7, 8), WorkingCalendar.AddWorkingDays(Wib(2026, 11, 28, 21), 5));
    }

    [Fact]
    public void WorkingHoursBetween_CountsOnlyOfficeHoursOnWorkingDays()
    {
        // Friday 15:00 → Monday 09:00: one hour on Friday, one on Monday.
        Assert.Equal(2, WorkingCalendar.WorkingHoursBetween(Wib(2026, 11, 27, 15), Wib(2026, 11, 30, 9)), 3);
        Assert.Equal(0, WorkingCalendar.WorkingHoursBetween(Wib(2026, 11, 28, 9), Wib(2026, 11, 29, 17)), 3);
        Assert.Equal(8, WorkingCalendar.WorkingHoursBetween(Wib(2026, 11, 26, 6), Wib(2026, 11, 26, 20)), 3);
    }
}
