using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Shared.FollowUps;

/// <summary>Where a follow-up stands: the agency head moves it from open through in progress to done.</summary>
public enum FollowUpStatus { Open = 0, InProgress = 1, Done = 2 }

/// <summary>What happened to a follow-up (one <see cref="FollowUpHistory"/> row each).</summary>
public enum FollowUpAction { Assigned = 0, Started = 1, Done = 2, Reopened = 3, Accepted = 4 }

/// <summary>
/// A follow-up (tindak lanjut) the mayor or an administrator assigned to an agency: what is expected, the indicators
/// concerned, a due date (WIB) and who assigned it. Its current state lives here; every change is also a
/// <see cref="FollowUpHistory"/> row and an audit entry, written in the same transaction, so nothing is overwritten unseen.
/// </summary>
public sealed class FollowUp
{
    public long Id { get; set; }

    /// <summary>The agency (OPD code) that must act.</summary>
    public required string Opd { get; set; }

    /// <summary>What is expected of the agency.</summary>
    public required string Expected { get; set; }

    /// <summary>The indicator codes concerned, comma-separated (may be empty: a decision of a meeting).</summary>
    public string IndicatorCodes { get; set; } = "";

    /// <summary>The last day (WIB) on which it is on time.</summary>
    public DateOnly DueDate { get; set; }

    public required string AssignedBy { get; set; }
    public DateTimeOffset AssignedAt { get; set; }

    public FollowUpStatus Status { get; set; }

    /// <summary>The latest note of the head (progress or what was done) or of the reviewer who reopened it.</summary>
    public string? Note { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>When it was last marked done (null while not done).</summary>
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>When the mayor or an administrator accepted the done item (null: not reviewed yet, or reopened since).</summary>
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }

    /// <summary>How often a done item was reopened.</summary>
    public int Reopened { get; set; }

    /// <summary>The evaluation meeting whose decision it records, if any.</summary>
    public long? MeetingId { get; set; }

    /// <summary>The alert it was assigned from, if any.</summary>
    public long? AlertId { get; set; }

    public IReadOnlyList<string> Indicators =>
        [.. IndicatorCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Past its due date (WIB) and not done.</summary>
    public bool IsOverdueOn(DateOnly today) => Status != FollowUpStatus.Done && DueDate < today;
}

/// <summary>One change of a follow-up, kept forever: who, when, from which status to which, and the note.</summary>
public sealed class FollowUpHistory
{
    public long Id { get; set; }
    public long FollowUpId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    public FollowUpAction Action { get; set; }
    public FollowUpStatus? From { get; set; }
    public FollowUpStatus To { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A weekly evaluation meeting (rapat evaluasi). Its date is what "since the last meeting" compares with; while it runs,
/// <see cref="CurrentOpd"/> is the agency on screen, so a wall in the command room follows the presenter.
/// </summary>
public sealed class EvaluationMeeting
{
    public long Id { get; set; }

    /// <summary>The meeting's day (WIB).</summary>
    public DateOnly Date { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public required string StartedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The agency the presenter shows now.</summary>
    public string? CurrentOpd { get; set; }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> e)
    {
        e.ToTable("FollowUps");
        e.Property(x => x.Opd).HasMaxLength(24);
        e.Property(x => x.Expected).HasMaxLength(1000);
        e.Property(x => x.IndicatorCodes).HasMaxLength(500);
        e.Property(x => x.AssignedBy).HasMaxLength(128);
        e.Property(x => x.UpdatedBy).HasMaxLength(128);
        e.Property(x => x.AcceptedBy).HasMaxLength(128);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.Ignore(x => x.Indicators);
        e.HasIndex(x => new { x.Opd, x.Status });
        e.HasIndex(x => new { x.Status, x.DueDate });
    }
}

internal sealed class FollowUpHistoryConfiguration : IEntityTypeConfiguration<FollowUpHistory>
{
    public void Configure(EntityTypeBuilder<FollowUpHistory> e)
    {
        e.ToTable("FollowUpHistories");
        e.Property(x => x.User).HasMaxLength(128);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => x.FollowUpId);
    }
}

internal sealed class EvaluationMeetingConfiguration : IEntityTypeConfiguration<EvaluationMeeting>
{
    public void Configure(EntityTypeBuilder<EvaluationMeeting> e)
    {
        e.ToTable("EvaluationMeetings");
        e.Property(x => x.StartedBy).HasMaxLength(128);
        e.Property(x => x.CurrentOpd).HasMaxLength(24);
        e.HasIndex(x => x.Date);
    }
}
