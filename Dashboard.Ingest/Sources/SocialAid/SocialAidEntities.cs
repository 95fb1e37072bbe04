using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>
/// A DTSEN family as stored for reporting. The registry id is a personal key: <see cref="Id"/> is its keyed hash.
/// The head of family's name and NIK never reach this type.
/// </summary>
public sealed class SocialAidFamily : ISourceEntity
{
    /// <summary><c>Pseudonymizer.Hash("dtsen-family", id)</c>.</summary>
    public required string Id { get; set; }
    /// <summary>Null when the source sent a code outside the reference data (flagged).</summary>
    public string? KelurahanCode { get; set; }
    public string? KecamatanCode { get; set; }
    public int Desil { get; set; }
    /// <summary>The programmes, comma-separated in contract order (<c>PKH,SEMBAKO</c>); empty for none.</summary>
    public required string Programs { get; set; }
    public required string Status { get; set; }
    public required string VervalStatus { get; set; }
    /// <summary>
    /// When the family was first seen graduated: the <c>updated_at</c> of the first version with status graduasi
    /// (the contract has no graduation date). Null unless graduated.
    /// </summary>
    public DateTimeOffset? GraduatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Comma-separated names of fields whose value the contract does not list.</summary>
    public string? Flags { get; set; }

    public bool SameContentAs(SocialAidFamily other) =>
        KelurahanCode == other.KelurahanCode && Desil == other.Desil && Programs == other.Programs && Status == other.Status &&
        VervalStatus == other.VervalStatus && UpdatedAt == other.UpdatedAt && Flags == other.Flags &&
        KecamatanCode == other.KecamatanCode;

    public void CopyFrom(SocialAidFamily other)
    {
        // A graduation keeps the time it was first seen; leaving graduasi clears it.
        GraduatedAt = other.Status != "graduasi" ? null : Status == "graduasi" && GraduatedAt is not null ? GraduatedAt : other.UpdatedAt;
        KelurahanCode = other.KelurahanCode;
        KecamatanCode = other.KecamatanCode;
        Desil = other.Desil;
        Programs = other.Programs;
        Status = other.Status;
        VervalStatus = other.VervalStatus;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>One payment (or planned payment) of one programme to one family in one tahap.</summary>
public sealed class SocialAidDisbursement : ISourceEntity
{
    public required string Id { get; set; }
    /// <summary>The family: <c>Pseudonymizer.Hash("dtsen-family", family_id)</c>.</summary>
    public required string FamilyKey { get; set; }
    public required string Program { get; set; }
    /// <summary><c>2026-T3</c>.</summary>
    public required string Stage { get; set; }
    /// <summary>Whole rupiah.</summary>
    public long Amount { get; set; }
    public required string Status { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset? DisbursedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(SocialAidDisbursement other) =>
        FamilyKey == other.FamilyKey && Program == other.Program && Stage == other.Stage && Amount == other.Amount &&
        Status == other.Status && FailureReason == other.FailureReason && DisbursedAt == other.DisbursedAt &&
        UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(SocialAidDisbursement other)
    {
        FamilyKey = other.FamilyKey;
        Program = other.Program;
        Stage = other.Stage;
        Amount = other.Amount;
        Status = other.Status;
        FailureReason = other.FailureReason;
        DisbursedAt = other.DisbursedAt;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

internal sealed class SocialAidFamilyConfiguration : IEntityTypeConfiguration<SocialAidFamily>
{
    public void Configure(EntityTypeBuilder<SocialAidFamily> builder)
    {
        builder.ToTable("SocialAidFamilies");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(32);
        builder.Property(x => x.KelurahanCode).HasMaxLength(16);
        builder.Property(x => x.KecamatanCode).HasMaxLength(16);
        builder.Property(x => x.Programs).HasMaxLength(120);
        builder.Property(x => x.Status).HasMaxLength(24);
        builder.Property(x => x.VervalStatus).HasMaxLength(24);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.KelurahanCode);
    }
}

internal sealed class SocialAidDisbursementConfiguration : IEntityTypeConfiguration<SocialAidDisbursement>
{
    public void Configure(EntityTypeBuilder<SocialAidDisbursement> builder)
    {
        builder.ToTable("SocialAidDisbursements");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.FamilyKey).HasMaxLength(32);
        builder.Property(x => x.Program).HasMaxLength(24);
        builder.Property(x => x.Stage).HasMaxLength(8);
        builder.Property(x => x.Status).HasMaxLength(24);
        builder.Property(x => x.FailureReason).HasMaxLength(120);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.Stage);
        builder.HasIndex(x => x.FamilyKey);
    }
}
