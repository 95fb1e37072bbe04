using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Sources.Staffing;

/// <summary>
/// An employee as stored for reporting. The NIP is personal (it embeds the birth date): <see cref="Id"/> is its
/// keyed hash. Name, NIK and birth date never reach this type; the retirement date is kept as its month only.
/// </summary>
public sealed class StaffingEmployee : ISourceEntity
{
    /// <summary><c>Pseudonymizer.Hash("nip", nip)</c>.</summary>
    public required string Id { get; set; }
    public required string AgencyCode { get; set; }
    public required string AsnType { get; set; }
    public required string RankGroup { get; set; }
    public required string PositionType { get; set; }
    /// <summary>The first day of the retirement month (TMT pensiun).</summary>
    public DateOnly RetirementMonth { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Comma-separated names of fields whose value the contract does not list.</summary>
    public string? Flags { get; set; }

    public bool SameContentAs(StaffingEmployee other) =>
        AgencyCode == other.AgencyCode && AsnType == other.AsnType && RankGroup == other.RankGroup &&
        PositionType == other.PositionType && RetirementMonth == other.RetirementMonth && Status == other.Status &&
        UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(StaffingEmployee other)
    {
        AgencyCode = other.AgencyCode;
        AsnType = other.AsnType;
        RankGroup = other.RankGroup;
        PositionType = other.PositionType;
        RetirementMonth = other.RetirementMonth;
        Status = other.Status;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>One employee's attendance on one working day, keyed by the source's id with its NIP replaced by the NIP's keyed hash (<c>StaffingMapping.RecordKey</c>).</summary>
public sealed class StaffingAttendance : ISourceEntity
{
    public required string Id { get; set; }
    /// <summary>The employee: <c>Pseudonymizer.Hash("nip", nip)</c>.</summary>
    public required string NipKey { get; set; }
    public DateOnly Date { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset? CheckInAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(StaffingAttendance other) =>
        NipKey == other.NipKey && Date == other.Date && Status == other.Status && CheckInAt == other.CheckInAt &&
        UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(StaffingAttendance other)
    {
        NipKey = other.NipKey;
        Date = other.Date;
        Status = other.Status;
        CheckInAt = other.CheckInAt;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>One performance evaluation (SKP) of an employee for a quarter or a year, keyed like attendance (<c>StaffingMapping.RecordKey</c>).</summary>
public sealed class StaffingEvaluation : ISourceEntity
{
    public required string Id { get; set; }
    public required string NipKey { get; set; }
    /// <summary><c>2026-Q3</c> or <c>2026</c>.</summary>
    public required string Period { get; set; }
    public required string Rating { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(StaffingEvaluation other) =>
        NipKey == other.NipKey && Period == other.Period && Rating == other.Rating && SubmittedAt == other.SubmittedAt &&
        UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(StaffingEvaluation other)
    {
        NipKey = other.NipKey;
        Period = other.Period;
        Rating = other.Rating;
        SubmittedAt = other.SubmittedAt;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

internal sealed class StaffingEmployeeConfiguration : IEntityTypeConfiguration<StaffingEmployee>
{
    public void Configure(EntityTypeBuilder<StaffingEmployee> builder)
    {
        builder.ToTable("StaffingEmployees");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(32);
        builder.Property(x => x.AgencyCode).HasMaxLength(24);
        builder.Property(x => x.AsnType).HasMaxLength(16);
        builder.Property(x => x.RankGroup).HasMaxLength(16);
        builder.Property(x => x.PositionType).HasMaxLength(24);
        builder.Property(x => x.Status).HasMaxLength(24);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.AgencyCode);
    }
}

internal sealed class StaffingAttendanceConfiguration : IEntityTypeConfiguration<StaffingAttendance>
{
    public void Configure(EntityTypeBuilder<StaffingAttendance> builder)
    {
        builder.ToTable("StaffingAttendance");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.NipKey).HasMaxLength(32);
        builder.Property(x => x.Status).HasMaxLength(24);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.Date);
        builder.HasIndex(x => x.NipKey);
    }
}

internal sealed class StaffingEvaluationConfiguration : IEntityTypeConfiguration<StaffingEvaluation>
{
    public void Configure(EntityTypeBuilder<StaffingEvaluation> builder)
    {
        builder.ToTable("StaffingPerformance");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.NipKey).HasMaxLength(32);
        builder.Property(x => x.Period).HasMaxLength(8);
        builder.Property(x => x.Rating).HasMaxLength(24);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.Period);
        builder.HasIndex(x => x.NipKey);
    }
}
