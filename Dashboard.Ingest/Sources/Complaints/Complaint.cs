using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>
/// A complaint as stored for reporting. The reporter's name and phone never reach this type: only what
/// the indicators need. Enum-like fields keep the source's value; values outside the contract are flagged.
/// </summary>
public sealed class Complaint : ISourceEntity
{
    public required string Id { get; set; }
    public required string Channel { get; set; }
    public required string Type { get; set; }
    public required string Category { get; set; }
    public required string AgencyCode { get; set; }
    public string? KelurahanCode { get; set; }
    public string? KecamatanCode { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public DateTimeOffset? FirstResponseAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int? Rating { get; set; }
    /// <summary>
    /// The last instant at which this complaint changes any day's indicators through its own times: the latest of
    /// submitted, verified, first response and closed. Null while a change is still due that no time bounds: awaiting
    /// verification (not a side exit), or a complaint under the settling rule not closed yet (it may become overdue and
    /// stays so until closed). Set by <see cref="LastEventOf"/>; a row stored before this column existed has null, which
    /// only makes a recomputation read it. Indexed, so a recomputation reads the complaints whose life reaches its days.
    /// </summary>
    public DateTimeOffset? LastEventAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Comma-separated names of fields whose value the contract does not list (unknown enum values).</summary>
    public string? Flags { get; set; }

    public bool SameContentAs(Complaint other) =>
        Channel == other.Channel && Type == other.Type && Category == other.Category &&
        AgencyCode == other.AgencyCode && KelurahanCode == other.KelurahanCode && Status == other.Status &&
        SubmittedAt == other.SubmittedAt && VerifiedAt == other.VerifiedAt &&
        FirstResponseAt == other.FirstResponseAt && ClosedAt == other.ClosedAt && Rating == other.Rating &&
        UpdatedAt == other.UpdatedAt && Flags == other.Flags &&
        KecamatanCode == other.KecamatanCode && LastEventAt == other.LastEventAt;

    /// <summary>See <see cref="LastEventAt"/>.</summary>
    public static DateTimeOffset? LastEventOf(
        string type, string status, DateTimeOffset submittedAt, DateTimeOffset? verifiedAt, DateTimeOffset? firstResponseAt, DateTimeOffset? closedAt)
    {
        var sideExit = ComplaintsPayload.SideExits.Contains(status);
        if (!sideExit && (verifiedAt is null || ComplaintsPayload.SlaTypes.Contains(type) && closedAt is null))
        {
            return null;
        }
        var last = submittedAt;
        foreach (var t in new[] { verifiedAt, firstResponseAt, closedAt })
        {
            if (t is { } v && v > last)
            {
                last = v;
            }
        }
        return last;
    }

    public void CopyFrom(Complaint other)
    {
        Channel = other.Channel;
        Type = other.Type;
        Category = other.Category;
        AgencyCode = other.AgencyCode;
        KelurahanCode = other.KelurahanCode;
        KecamatanCode = other.KecamatanCode;
        Status = other.Status;
        SubmittedAt = other.SubmittedAt;
        VerifiedAt = other.VerifiedAt;
        FirstResponseAt = other.FirstResponseAt;
        ClosedAt = other.ClosedAt;
        Rating = other.Rating;
        LastEventAt = other.LastEventAt;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.Channel).HasMaxLength(32);
        builder.Property(x => x.Type).HasMaxLength(32);
        builder.Property(x => x.Category).HasMaxLength(120);
        builder.Property(x => x.AgencyCode).HasMaxLength(24);
        builder.Property(x => x.KelurahanCode).HasMaxLength(16);
        builder.Property(x => x.KecamatanCode).HasMaxLength(16);
        builder.Property(x => x.Status).HasMaxLength(32);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.SubmittedAt);
        builder.HasIndex(x => x.LastEventAt);
        builder.HasIndex(x => x.AgencyCode);
        builder.HasIndex(x => x.KelurahanCode);
    }
}
