using Dashboard.Ingest.Shared.Indicators;

namespace Dashboard.Tests.Shared.Indicators;

public sealed class OutlierCheckTests
{
    private static readonly double[] Steady = [.. Enumerable.Range(0, 30).Select(i => 80.0 + (i % 5))];

    [Theory]
    [InlineData(82, false)]
    [InlineData(86, false)]
    [InlineData(90, true)]
    [InlineData(20, true)]
    public void A_value_far_from_the_median_in_robust_units_is_an_outlier(double value, bool expected) =>
        Assert.Equal(expected, OutlierCheck.IsOutlier(Steady, value));

    [Fact]
    public void One_spike_in_the_history_does_not_hide_the_next()
    {
        double[] history = [.. Steady, 500];
        Assert.True(OutlierCheck.IsOutlier(history, 400));
    }

    [Fact]
    public void Too_short_or_flat_histories_say_nothing()
    {
        Assert.Null(OutlierCheck.Score([.. Steady.Take(OutlierCheck.MinHistory - 1)], 1000));
        Assert.Null(OutlierCheck.Score([.. Enumerable.Repeat(5.0, 30)], 1000));
        Assert.False(OutlierCheck.IsOutlier([.. Enumerable.Repeat(5.0, 30)], 1000));
    }

    [Fact]
    public void A_series_flat_to_the_eye_does_not_call_a_step_of_a_fraction_of_a_percent_unusual()
    {
        // A headcount of about 7.000 that moves by one: its MAD is half a person, so 7.004 scored 4,7 "robust units".
        double[] flat = [.. Enumerable.Range(0, 30).Select(i => 7000.0 + (i % 2))];
        Assert.False(OutlierCheck.IsOutlier(flat, 7004));
        // A real jump still is unusual.
        Assert.True(OutlierCheck.IsOutlier(flat, 6500));
    }

    [Fact]
    public void A_percentage_moving_by_a_tenth_of_a_point_is_not_unusual_three_tenths_further()
    {
        // 92,0 % and 92,1 % on alternate days: MAD 0,05 pp, so 92,4 % scored 4,7 "robust units" before.
        double[] flat = [.. Enumerable.Range(0, 30).Select(i => 92.0 + (i % 2 * 0.1))];
        Assert.False(OutlierCheck.IsOutlier(flat, 92.4));
        Assert.True(OutlierCheck.IsOutlier(flat, 80));
    }
}
