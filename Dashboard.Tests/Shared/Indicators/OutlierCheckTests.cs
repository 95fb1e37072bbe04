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
}
