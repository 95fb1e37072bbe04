using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;

namespace Dashboard.Tests.Shared.Indicators;

/// <summary>Which target applies on a day (period type, administrator or catalogue, retired) and its time-proportional value.</summary>
public sealed class TargetResolverTests
{
    // 10 June 2026 is day 161 of 365; day 71 of the second triwulan (91 days); day 10 of June (30 days).
    private static readonly DateOnly Day = new(2026, 6, 10);
    private static readonly DateTimeOffset At = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);

    private static IndicatorTarget Year(double value) => Target(TargetPeriod.Year, new(2026, 1, 1), new(2026, 12, 31), value);
    private static IndicatorTarget Quarter(double value) => Target(TargetPeriod.Quarter, new(2026, 4, 1), new(2026, 6, 30), value);
    private static IndicatorTarget June(double value) => Target(TargetPeriod.Month, new(2026, 6, 1), new(2026, 6, 30), value);

    private static IndicatorTarget Target(TargetPeriod period, DateOnly start, DateOnly end, double value, string? setBy = null, DateTimeOffset? setAt = null) =>
        new() { IndicatorCode = "X", Period = period, PeriodStart = start, PeriodEnd = end, Value = value, SetBy = setBy, SetAt = setAt };

    [Fact]
    public void The_shortest_period_covering_the_day_applies()
    {
        Assert.Equal(3, TargetResolver.Resolve([Year(1), Quarter(2), June(3)], Day)!.Value);
        Assert.Equal(2, TargetResolver.Resolve([Year(1), Quarter(2)], Day)!.Value);
        Assert.Equal(1, TargetResolver.Resolve([Year(1)], Day)!.Value);
        // June's target does not cover 31 May.
        Assert.Equal(2, TargetResolver.Resolve([Year(1), Quarter(2), June(3)], new DateOnly(2026, 5, 31))!.Value);
        Assert.Null(TargetResolver.Resolve([June(3)], new DateOnly(2026, 7, 1)));
        Assert.Null(TargetResolver.Resolve([], Day));
    }

    [Fact]
    public void An_administrators_target_wins_over_the_catalogues_for_the_same_period_and_the_latest_wins()
    {
        var catalogue = Year(90);
        var first = Target(TargetPeriod.Year, new(2026, 1, 1), new(2026, 12, 31), 92, "admin", At);
        var second = Target(TargetPeriod.Year, new(2026, 1, 1), new(2026, 12, 31), 95, "admin", At.AddDays(1));

        Assert.Equal(92, TargetResolver.Resolve([catalogue, first], Day)!.Value);
        Assert.Equal(95, TargetResolver.Resolve([second, catalogue, first], Day)!.Value);
    }

    [Fact]
    public void A_retired_target_never_applies()
    {
        var retired = Target(TargetPeriod.Month, new(2026, 6, 1), new(2026, 6, 30), 99, "admin", At);
        retired.RetiredAt = At.AddDays(2);

        Assert.Equal(90, TargetResolver.Resolve([Year(90), retired], Day)!.Value);
    }

    [Theory]
    [InlineData(TargetPeriod.Year, 100 * 161 / 365.0)]
    [InlineData(TargetPeriod.Quarter, 100 * 71 / 91.0)]
    [InlineData(TargetPeriod.Month, 100 * 10 / 30.0)]
    public void A_cumulative_indicators_target_is_proportional_to_the_days_elapsed(TargetPeriod period, double expected)
    {
        var target = period switch { TargetPeriod.Year => Year(100), TargetPeriod.Quarter => Quarter(100), _ => June(100) };

        Assert.Equal(expected, TargetResolver.ValueOn(target, Day, cumulative: true), 9);
        Assert.Equal(100, TargetResolver.ValueOn(target, Day, cumulative: false));
        // The last day of the period holds the whole target; the first a day's share.
        Assert.Equal(100, TargetResolver.ValueOn(target, target.PeriodEnd, cumulative: true), 9);
        Assert.Equal(100.0 / (target.PeriodEnd.DayNumber - target.PeriodStart.DayNumber + 1), TargetResolver.ValueOn(target, target.PeriodStart, cumulative: true), 9);
    }

    [Fact]
    public void A_proportional_target_is_zero_before_and_whole_after_its_period()
    {
        Assert.Equal(0, TargetResolver.ValueOn(June(30), new DateOnly(2026, 5, 1), cumulative: true));
        Assert.Equal(30, TargetResolver.ValueOn(June(30), new DateOnly(2026, 8, 1), cumulative: true));
    }

    // Realisation 10 June 2026 against a yearly target of 100 % (proportional 44,11 %), tolerance 5 % (at risk down to 41,9 %).
    [Theory]
    [InlineData(44.2, IndicatorDirection.HigherIsBetter, IndicatorStatus.OnTrack)]
    [InlineData(42.0, IndicatorDirection.HigherIsBetter, IndicatorStatus.AtRisk)]
    [InlineData(41.8, IndicatorDirection.HigherIsBetter, IndicatorStatus.OffTrack)]
    // A spending cap (lower is better): at most 44,11 % of the year's budget spent, at risk up to 46,3 %.
    [InlineData(44.0, IndicatorDirection.LowerIsBetter, IndicatorStatus.OnTrack)]
    [InlineData(46.2, IndicatorDirection.LowerIsBetter, IndicatorStatus.AtRisk)]
    [InlineData(46.4, IndicatorDirection.LowerIsBetter, IndicatorStatus.OffTrack)]
    [InlineData(10.0, IndicatorDirection.Neutral, IndicatorStatus.NoTarget)]
    public void Status_against_a_time_proportional_yearly_target(double value, IndicatorDirection direction, IndicatorStatus expected)
    {
        var target = TargetResolver.ValueOn([Year(100)], Day, cumulative: true);

        Assert.Equal(expected, IndicatorStatusEvaluator.Evaluate(value, target, direction, 0.05));
    }

    // The same value judged against the target of each period type (year 80, triwulan 85, June 90), tolerance 0 and 10 %.
    [Theory]
    [InlineData(TargetPeriod.Year, 0.0, IndicatorStatus.OnTrack)]
    [InlineData(TargetPeriod.Quarter, 0.0, IndicatorStatus.OnTrack)]
    [InlineData(TargetPeriod.Month, 0.0, IndicatorStatus.OffTrack)]
    [InlineData(TargetPeriod.Month, 0.1, IndicatorStatus.AtRisk)]
    public void Status_follows_the_target_of_the_most_specific_period(TargetPeriod finest, double tolerance, IndicatorStatus expected)
    {
        List<IndicatorTarget> targets = [Year(80)];
        if (finest >= TargetPeriod.Quarter)
        {
            targets.Add(Quarter(85));
        }
        if (finest == TargetPeriod.Month)
        {
            targets.Add(June(90));
        }

        Assert.Equal(expected, IndicatorStatusEvaluator.Evaluate(86, TargetResolver.ValueOn(targets, Day, cumulative: false), IndicatorDirection.HigherIsBetter, tolerance));
    }

    [Fact]
    public void Without_a_target_covering_the_day_there_is_no_target()
    {
        Assert.Equal(IndicatorStatus.NoTarget,
            IndicatorStatusEvaluator.Evaluate(86, TargetResolver.ValueOn([June(90)], new DateOnly(2026, 7, 2), cumulative: true), IndicatorDirection.HigherIsBetter, 0));
    }
}
