using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>Who wrote an annotation.</summary>
public enum AnnotationKind
{
    /// <summary>An administrator, in the app: <see cref="IndicatorAnnotation.Text"/> is theirs.</summary>
    Manual = 0,

    /// <summary>
    /// The ingest system, for an outage of the source (<see cref="IndicatorAnnotation.StartedAt"/> to
    /// <see cref="IndicatorAnnotation.EndedAt"/>): worded when shown, in the reader's language.
    /// </summary>
    SourceOutage = 1,
}

/// <summary>
/// An event that explains a change in an indicator's trend (a holiday, a policy change, a known outage), entered by an
/// administrator for one indicator or for every indicator of a source, or written by the ingest system for an outage of
/// the source (<see cref="SourceOutages"/>). Failed runs of the source are shown beside these on the trend as well, read
/// from the run ledger. Removing one keeps the row (<see cref="RemovedAt"/>).
/// </summary>
public sealed class IndicatorAnnotation
{
    /// <summary>The author of annotations the system writes (never a person's account name).</summary>
    public const string SystemAuthor = "sistem";

    public long Id { get; set; }

    public AnnotationKind Kind { get; set; }

    /// <summary>The indicator it explains; null for every indicator of <see cref="Source"/>.</summary>
    public string? IndicatorCode { get; set; }

    public required string Source { get; set; }
    public DateOnly Date { get; set; }
    public required string Text { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedBy { get; set; }

    /// <summary>An outage's first failed run (or the last good data, when the source went silent); null for a manual note.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When a run succeeded again; null while the outage lasts.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>
    /// The source's name while its outage is open, null once closed: unique, so that the database (not one node's
    /// memory) guarantees one open outage a source, across retries, restarts and several ingest nodes.
    /// </summary>
    public string? OpenKey { get; set; }
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
        builder.Property(x => x.OpenKey).HasMaxLength(48);
        builder.HasIndex(x => new { x.Source, x.Date });
        builder.HasIndex(x => x.OpenKey).IsUnique();
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
    /// The smallest spread the score divides by, as a share of the median's size: a series that is flat to the eye
    /// (a headcount of 7.000 moving by one or two, a realisation creeping by 0,1 pp a day) has a tiny MAD, and a step of
    /// a fraction of a percent would otherwise score as "unusual". With 1 %, a value must stand 3,5 % away from the
    /// median before it is flagged.
    /// </summary>
    public const double MinRelativeSpread = 0.01;

    /// <summary>
    /// The robust z-score of <paramref name="value"/> against <paramref name="history"/>
    /// (|x − median| / max(1,4826 × MAD, <see cref="MinRelativeSpread"/> × |median|)), or null when the history is too
    /// short or has no spread at all.
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
        return mad <= 0 ? null : Math.Abs(value - median) / Math.Max(1.4826 * mad, MinRelativeSpread * Math.Abs(median));
    }

    public static bool IsOutlier(IReadOnlyCollection<double> history, double value) => Score(history, value) > Threshold;

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
