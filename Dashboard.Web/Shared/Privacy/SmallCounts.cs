using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Shared.Privacy;

/// <summary>Small-count suppression (<c>Privacy:MinimumCount</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Counts of people or families below this are shown as "&lt; N" on walls and in kelurahan-level exports.</summary>
    [Range(2, 100, ErrorMessage = "Privacy:MinimumCount must be between 2 and 100.")]
    public int MinimumCount { get; set; } = 5;
}

/// <summary>
/// Hides counts so small that a single family, pupil or employee could be recognised (a kelurahan with 2 rejected
/// aid applications). Zero is not suppressed: "none" reveals nobody. Walls and kelurahan-level exports use it;
/// totals must be computed from the unsuppressed values, never by adding up displayed cells.
/// </summary>
public sealed class SmallCounts(IOptions<PrivacyOptions> options)
{
    public int Minimum => options.Value.MinimumCount;

    public bool IsSuppressed(double count) => count > 0 && count < Minimum;

    /// <summary>The count as text (formatted by <paramref name="format"/>), or "&lt; N" when it is suppressed.</summary>
    public string Display(double count, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return IsSuppressed(count) ? "< " + Minimum.ToString(CultureInfo.InvariantCulture) : format(count);
    }

    /// <summary>The count for a CSV cell: the number, or "&lt; N".</summary>
    public string Cell(long count) => Display(count, c => ((long)c).ToString(CultureInfo.InvariantCulture));

    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SmallCounts>();
        return services;
    }
}
