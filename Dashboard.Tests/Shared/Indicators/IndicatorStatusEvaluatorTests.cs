using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;

namespace Dashboard.Tests.Shared.Indicators;

public sealed class IndicatorStatusEvaluatorTests
{
    [Theory]
    [InlineData(95.0, IndicatorStatus.OnTrack)]
    [InlineData(99.0, IndicatorStatus.OnTrack)]
    [InlineData(94.9, IndicatorStatus.AtRisk)]
    [InlineData(90.25, IndicatorStatus.AtRisk)] // exactly target × (1 − 5 %)
    [InlineData(90.2, IndicatorStatus.OffTrack)]
    [InlineData(0.0, IndicatorStatus.OffTrack)]
    public void Higher_is_better(double value, IndicatorStatus expected) =>
        Assert.Equal(expected, IndicatorStatusEvaluator.Evaluate(value, 95, IndicatorDirection.HigherIsBetter, 0.05));

    [Theory]
    [InlineData(10.0, IndicatorStatus.OnTrack)]
    [InlineData(3.0, IndicatorStatus.OnTrack)]
    [InlineData(11.0, IndicatorStatus.AtRisk)]
    [InlineData(12.0, IndicatorStatus.AtRisk)] // exactly target × (1 + 20 %)
    [InlineData(12.1, IndicatorStatus.OffTrack)]
    public void Lower_is_better(double value, IndicatorStatus expected) =>
        Assert.Equal(expected, IndicatorStatusEvaluator.Evaluate(value, 10, IndicatorDirection.LowerIsBetter, 0.2));

    [Fact]
    public void Zero_tolerance_has_no_at_risk_band()
    {
        Assert.Equal(IndicatorStatus.OffTrack, IndicatorStatusEvaluator.Evaluate(89.9, 90, IndicatorDirection.HigherIsBetter, 0));
        Assert.Equal(IndicatorStatus.OffTrack, IndicatorStatusEvaluator.Evaluate(10.1, 10, IndicatorDirection.LowerIsBetter, 0));
    }

    [Fact]
    public void Neutral_indicators_and_missing_targets_have_no_target_status()
    {
        Assert.Equal(IndicatorStatus.NoTarget, IndicatorStatusEvaluator.Evaluate(42, 10, IndicatorDirection.Neutral, 0.1));
        Assert.Equal(IndicatorStatus.NoTarget, IndicatorStatusEvaluator.Evaluate(42, null, IndicatorDirection.HigherIsBetter, 0.1));
    }

    [Fact]
    public void Missing_value_is_no_data_whatever_the_target()
    {
        Assert.Equal(IndicatorStatus.NoData, IndicatorStatusEvaluator.Evaluate(null, 95, IndicatorDirection.HigherIsBetter, 0.05));
        Assert.Equal(IndicatorStatus.NoData, IndicatorStatusEvaluator.Evaluate(null, null, IndicatorDirection.Neutral, 0));
        Assert.Equal(IndicatorStatus.NoData, IndicatorStatusEvaluator.Evaluate(double.NaN, 95, IndicatorDirection.HigherIsBetter, 0.05));
    }

    [Fact]
    public void Negative_target_widens_the_band_on_the_bad_side()
    {
        // A gap to plan of −100 with 10 % tolerance: −105 is at risk, −111 off track.
        Assert.Equal(IndicatorStatus.AtRisk, IndicatorStatusEvaluator.Evaluate(-105, -100, IndicatorDirection.HigherIsBetter, 0.1));
        Assert.Equal(IndicatorStatus.OffTrack, IndicatorStatusEvaluator.Evaluate(-111, -100, IndicatorDirection.HigherIsBetter, 0.1));
    }
}
