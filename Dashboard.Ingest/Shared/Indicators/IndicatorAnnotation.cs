using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>
/// An event that explains a change in an indicator's trend (a holiday, a policy change, a known outage), entered by an
/// administrator for one indicator or for every indicator of a source. Failed runs of the source are shown beside
/// these on the trend as well, read from the run ledger. Removing one keeps the row (<see cref="RemovedAt"/>).
/// </summary>
public sealed class IndicatorAnnotation
{
    public long Id { get; set; }

    /// <summary>The indicator it explains; null for every indicator of <see cref="Source"/>.</summary>
    public string? IndicatorCode { get; set; }

    public required string Source { get; set; }
    public DateOnly Date { get; set; }
    public required string Text { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedBy { get; set; }
}

internal sealed class IndicatorAnnotationConfiguration : IEntityTypeConfiguration<IndicatorAnnotation>
{
    public void Configure(EntityTypeBuilder<IndicatorAnnotation> builder)
    {
        builder.Property(x => x.IndicatorCode).HasMaxLength(48);
        builder.Property(x => x.Source).HasMaxLength(32);
        builder.Property(x => x.Text).HasMaxLength(500);
        builder.Property(x => x.CreatedBy).HasMaxLength(128);
        builder.Property(x => x.RemovedBy).HasMaxLength(128);
        builder.HasIndex(x => new { x.Source, x.Date });
    }
}

/// <summary>Whether a value stands out from the indicator's own recent history.</summary>
public static class OutlierCheck
{
    /// <summary>Fewest earlier values needed before anything is called an outlier.</summary>
    public const int MinHistory = 14;

    /// <summary>The robust z-score beyond which a value is an outlier (median and MAD, so one spike does not hide another).</summary>
    public const double Threshold = 3.5;

    /// <summary>
    /// The robust z-score of <paramref name="value"/> against <paramref name="history"/> (|x − median| / (1,4826 × MAD)),
    /// or null when the history is too short or has no spread.
    /// </summary>
    public static double? Score(IReadOnlyCollection<double> history, double value)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count < MinHistory)
        {
            return null;
        }
        var median = Median(history);
        var mad = Median([.. history.Select(h => Math.Abs(h - median))]);
        return mad <= 0 ? null : Math.Abs(value - median) / (1.4826 * mad);
    }

    public static bool IsOutlier(IReadOnlyCollection<double> history, double value) => Score(history, value) > Threshold;

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
