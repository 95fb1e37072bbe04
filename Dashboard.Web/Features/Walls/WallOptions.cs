using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Features.Walls;

/// <summary>Wall screens' timings (<c>Walls:*</c>).</summary>
public sealed class WallOptions : IValidatableObject
{
    public const string Section = "Walls";

    /// <summary>How often an open screen reports itself, re-checks that its token is still valid and feeds its watchdog.</summary>
    [Range(2, 60, ErrorMessage = "Walls:HeartbeatSeconds must be between 2 and 60.")]
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>The page reloads itself (once the server answers) when no update or heartbeat arrived for this long.</summary>
    [Range(10, 3600, ErrorMessage = "Walls:WatchdogSeconds must be between 10 and 3600.")]
    public int WatchdogSeconds { get; set; } = 90;

    /// <summary>Minutes between two steps of the pixel shift against burn-in (0 = off).</summary>
    [Range(0, 120, ErrorMessage = "Walls:PixelShiftMinutes must be between 0 and 120.")]
    public int PixelShiftMinutes { get; set; } = 3;

    /// <summary>Largest pixel-shift offset in CSS pixels.</summary>
    [Range(0, 16, ErrorMessage = "Walls:PixelShiftPixels must be between 0 and 16.")]
    public int PixelShiftPixels { get; set; } = 4;

    /// <summary>Brightness (percent) of a screen inside its night window.</summary>
    [Range(5, 100, ErrorMessage = "Walls:NightBrightnessPercent must be between 5 and 100.")]
    public int NightBrightnessPercent { get; set; } = 35;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A watchdog shorter than a few heartbeats would reload healthy screens.
        if (WatchdogSeconds < 3 * HeartbeatSeconds)
        {
            yield return new ValidationResult(
                $"Walls:WatchdogSeconds ({WatchdogSeconds}) must be at least 3 × Walls:HeartbeatSeconds ({HeartbeatSeconds}).",
                [nameof(WatchdogSeconds)]);
        }
    }
}
