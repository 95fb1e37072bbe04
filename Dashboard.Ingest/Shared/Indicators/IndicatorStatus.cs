using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>Where an indicator's current value stands against its target.</summary>
public enum IndicatorStatus
{
    /// <summary>There is no current value (no snapshot, or the snapshot carries no number).</summary>
    NoData = 0,

    /// <summary>A context indicator (neutral direction) or one without a target for the current period.</summary>
    NoTarget = 1,

    /// <summary>The target is met.</summary>
    OnTrack = 2,

    /// <summary>The target is missed, but by no more than the indicator's tolerance.</summary>
    AtRisk = 3,

    /// <summary>The target is missed by more than the tolerance.</summary>
    OffTrack = 4,
}

/// <summary>
/// Computes <see cref="IndicatorStatus"/> from a value and its target. Pure, so that every screen, the API
/// and alerts agree on what "off track" means.
/// </summary>
public static class IndicatorStatusEvaluator
{
    /// <summary>
    /// Evaluates a value against a target. <paramref name="tolerance"/> is a relative band (0.05 = 5 %) on the
    /// bad side of the target that still counts as at risk: for higher-is-better, a value of at least
    /// target × (1 − tolerance); for lower-is-better, at most target × (1 + tolerance). A band's
    /// <paramref name="floor"/> (<see cref="IndicatorTarget.Floor"/>) replaces that tolerance: the value is at risk up to
    /// it and off track beyond it.
    /// </summary>
    public static IndicatorStatus Evaluate(double? value, double? target, IndicatorDirection direction, double tolerance, double? floor = null)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return IndicatorStatus.NoData;
        }
        if (target is not { } t || double.IsNaN(t) || direction == IndicatorDirection.Neutral)
        {
            return IndicatorStatus.NoTarget;
        }

        if (floor is { } f && !double.IsNaN(f))
        {
            return direction switch
            {
                IndicatorDirection.HigherIsBetter when v >= t => IndicatorStatus.OnTrack,
                IndicatorDirection.HigherIsBetter when v >= f => IndicatorStatus.AtRisk,
                IndicatorDirection.HigherIsBetter => IndicatorStatus.OffTrack,
                IndicatorDirection.LowerIsBetter when v <= t => IndicatorStatus.OnTrack,
                IndicatorDirection.LowerIsBetter when v <= f => IndicatorStatus.AtRisk,
                IndicatorDirection.LowerIsBetter => IndicatorStatus.OffTrack,
                _ => IndicatorStatus.NoTarget,
            };
        }

        // The band is taken on |target| so that a negative target (a gap to plan) still widens on the bad side.
        var band = Math.Abs(t) * Math.Max(0, tolerance);
        return direction switch
        {
            IndicatorDirection.HigherIsBetter when v >= t => IndicatorStatus.OnTrack,
            IndicatorDirection.HigherIsBetter when v >= t - band => IndicatorStatus.AtRisk,
            IndicatorDirection.HigherIsBetter => IndicatorStatus.OffTrack,
            IndicatorDirection.LowerIsBetter when v <= t => IndicatorStatus.OnTrack,
            IndicatorDirection.LowerIsBetter when v <= t + band => IndicatorStatus.AtRisk,
            IndicatorDirection.LowerIsBetter => IndicatorStatus.OffTrack,
            _ => IndicatorStatus.NoTarget,
        };
    }
}
