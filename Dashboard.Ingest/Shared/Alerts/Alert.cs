using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Shared.Alerts;

/// <summary>What raised an alert.</summary>
public enum AlertKind
{
    /// <summary>A source failed its last <see cref="AlertOptions.FailedRuns"/> runs.</summary>
    SourceFailing = 0,

    /// <summary>A source's data is older than the freshness limit of one or more of its indicators.</summary>
    DataStale = 1,

    /// <summary>An indicator's city-wide value is off track against its current target.</summary>
    OffTarget = 2,

    /// <summary>A follow-up assigned to an agency is past its due date and not done.</summary>
    FollowUpOverdue = 3,
    /// <summary>A rule of a source's own (<see cref="IAlertRule"/>), e.g. permit files about to lapse into fiktif positif.</summary>
    SourceRule = 4,
}

public enum AlertState { Firing = 0, Acknowledged = 1, Resolved = 2 }

/// <summary>
/// One occurrence of a condition (<see cref="Key"/>), from the moment it fired until it resolved. While it is open
/// (firing or acknowledged) the same condition updates this row instead of raising another; a condition that comes
/// back shortly after resolving reopens it (<see cref="AlertOptions.ReopenWithinMinutes"/>).
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }

    /// <summary>The condition, e.g. <c>source-failing:Complaints</c>, <c>stale:Revenue</c>, <c>off-target:complaints.sla</c>.</summary>
    public required string Key { get; set; }

    /// <summary>Equals <see cref="Key"/> while the alert is open and is null once resolved: unique, so two nodes cannot both open it.</summary>
    public string? OpenKey { get; set; }

    public AlertKind Kind { get; set; }
    public AlertState State { get; set; }
    public required string Source { get; set; }
    public string? IndicatorCode { get; set; }

    /// <summary>The OPD that owns the indicator (off-target alerts), so its head sees the alert.</summary>
    public string? OwnerOpd { get; set; }

    /// <summary>What is wrong now, in Indonesian (updated while open).</summary>
    public required string Summary { get; set; }

    /// <summary>The same in English.</summary>
    public required string SummaryEn { get; set; }

    public DateTimeOffset FiredAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>How many times the condition came back after resolving and reopened this alert.</summary>
    public int Reopened { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgeNote { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Last notification outcome beyond the app (channel errors are kept here and logged, never thrown).</summary>
    public string? NotifyError { get; set; }

    public bool IsOpen => State != AlertState.Resolved;
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> e)
    {
        e.Property(x => x.Key).HasMaxLength(96);
        e.Property(x => x.OpenKey).HasMaxLength(96);
        e.Property(x => x.Source).HasMaxLength(32);
        e.Property(x => x.IndicatorCode).HasMaxLength(48);
        e.Property(x => x.OwnerOpd).HasMaxLength(24);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.Property(x => x.SummaryEn).HasMaxLength(500);
        e.Property(x => x.AcknowledgedBy).HasMaxLength(128);
        e.Property(x => x.AcknowledgeNote).HasMaxLength(500);
        e.Property(x => x.NotifyError).HasMaxLength(500);
        e.Ignore(x => x.IsOpen);
        e.HasIndex(x => x.OpenKey).IsUnique();
        e.HasIndex(x => new { x.Key, x.ResolvedAt });
        e.HasIndex(x => new { x.State, x.FiredAt });
    }
}
