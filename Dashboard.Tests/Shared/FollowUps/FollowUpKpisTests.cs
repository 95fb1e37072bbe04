using Dashboard.Ingest.Shared.FollowUps;

namespace Dashboard.Tests.Shared.FollowUps;

/// <summary>The follow-up indicators from a handful of follow-ups.</summary>
public sealed class FollowUpKpisTests
{
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static FollowUp Item(int dueOffset, FollowUpStatus status, int? doneOffset = null) => new()
    {
        Opd = "DISHUB", Expected = "x", AssignedBy = "walikota",
        DueDate = Today.AddDays(dueOffset),
        Status = status,
        // 10:00 WIB on the day done
        DoneAt = doneOffset is { } d ? new DateTimeOffset(Today.AddDays(d).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero) : null,
    };

    [Fact]
    public void Closed_on_time_counts_the_due_done_by_the_due_date_and_overdue_the_open_past_it()
    {
        var items = new[]
        {
            Item(-10, FollowUpStatus.Done, -11), // on time
            Item(-5, FollowUpStatus.Done, -5),   // on time: the due date itself
            Item(-5, FollowUpStatus.Done, -3),   // late
            Item(-2, FollowUpStatus.InProgress), // overdue, counts against
            Item(-1, FollowUpStatus.Open),       // overdue, counts against
            Item(0, FollowUpStatus.Open),        // due today: not late yet, not counted
            Item(5, FollowUpStatus.Done, -1),    // done early: rated (on time) at once
            Item(-200, FollowUpStatus.Done, -201), // outside the 90-day window
        };
        var values = FollowUpKpis.Compute(items, Today);
        // rated: -10, -5, -5, -2, -1 and the early one (6); on time: 3
        Assert.Equal(50, values.ClosedOnTimePct);
        Assert.Equal(2, values.Overdue);
        Assert.Equal(3, values.Open);
    }

    [Fact]
    public void Nothing_due_yet_has_no_on_time_share()
    {
        var values = FollowUpKpis.Compute([Item(3, FollowUpStatus.Open)], Today);
        Assert.Equal((null, 0, 1), (values.ClosedOnTimePct, values.Overdue, values.Open));
    }
}
