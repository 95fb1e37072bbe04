using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>
/// One revenue code's target for an APBD year as the source serves it now (the APBD-P figure once revised).
/// The contract has no id: <see cref="Id"/> is <c>{year}:{revenue_code}</c> and <see cref="UpdatedAt"/> is <c>revised_at</c>.
/// </summary>
public sealed class RevenueTarget : ISourceEntity
{
    public required string Id { get; set; }
    public int Year { get; set; }
    public required string RevenueCode { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>Whole rupiah.</summary>
    public long Target { get; set; }
    public DateTimeOffset RevisedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(RevenueTarget other) =>
        Year == other.Year && RevenueCode == other.RevenueCode && Kind == other.Kind && Name == other.Name &&
        Target == other.Target && RevisedAt == other.RevisedAt && UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(RevenueTarget other)
    {
        Year = other.Year;
        RevenueCode = other.RevenueCode;
        Kind = other.Kind;
        Name = other.Name;
        Target = other.Target;
        RevisedAt = other.RevisedAt;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>
/// One payment or reversal. The taxpayer (NPWPD, or the NOP of a PBB payment) is personal: only its keyed hash is
/// kept. A reversal carries the reversed amount as a positive number; it subtracts on its own day.
/// </summary>
public sealed class RevenuePayment : ISourceEntity
{
    public required string Id { get; set; }
    public required string RevenueCode { get; set; }
    /// <summary><c>Pseudonymizer.Hash("npwpd", taxpayer_id)</c>.</summary>
    public required string TaxpayerKey { get; set; }
    /// <summary>A kelurahan of the reference data, or null (none given, or a code outside it: flagged).</summary>
    public string? KelurahanCode { get; set; }
    public string? KecamatanCode { get; set; }
    /// <summary>Whole rupiah, positive.</summary>
    public long Amount { get; set; }
    public DateTimeOffset PaidAt { get; set; }
    /// <summary>The WIB day of <see cref="PaidAt"/>: realisation is counted by day.</summary>
    public DateOnly PaidDate { get; set; }
    public required string Channel { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(RevenuePayment other) =>
        RevenueCode == other.RevenueCode && TaxpayerKey == other.TaxpayerKey && KelurahanCode == other.KelurahanCode &&
        Amount == other.Amount && PaidAt == other.PaidAt && Channel == other.Channel && Status == other.Status &&
        UpdatedAt == other.UpdatedAt && Flags == other.Flags &&
        KecamatanCode == other.KecamatanCode && PaidDate == other.PaidDate;

    public void CopyFrom(RevenuePayment other)
    {
        RevenueCode = other.RevenueCode;
        TaxpayerKey = other.TaxpayerKey;
        KelurahanCode = other.KelurahanCode;
        KecamatanCode = other.KecamatanCode;
        Amount = other.Amount;
        PaidAt = other.PaidAt;
        PaidDate = other.PaidDate;
        Channel = other.Channel;
        Status = other.Status;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>A PBB-P2 assessment (SPPT) of one tax object and year. Its id embeds the NOP: stored as a keyed hash.</summary>
public sealed class PbbAssessment : ISourceEntity
{
    public required string Id { get; set; }
    public int Year { get; set; }
    public string? KelurahanCode { get; set; }
    public string? KecamatanCode { get; set; }
    public long AmountDue { get; set; }
    public long AmountPaid { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(PbbAssessment other) =>
        Year == other.Year && KelurahanCode == other.KelurahanCode && AmountDue == other.AmountDue &&
        AmountPaid == other.AmountPaid && UpdatedAt == other.UpdatedAt && Flags == other.Flags &&
        KecamatanCode == other.KecamatanCode;

    public void CopyFrom(PbbAssessment other)
    {
        Year = other.Year;
        KelurahanCode = other.KelurahanCode;
        KecamatanCode = other.KecamatanCode;
        AmountDue = other.AmountDue;
        AmountPaid = other.AmountPaid;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

internal sealed class RevenueTargetConfiguration : IEntityTypeConfiguration<RevenueTarget>
{
    public void Configure(EntityTypeBuilder<RevenueTarget> builder)
    {
        builder.ToTable("RevenueTargets");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(72);
        builder.Property(x => x.RevenueCode).HasMaxLength(64);
        builder.Property(x => x.Kind).HasMaxLength(24);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.Year);
    }
}

internal sealed class RevenuePaymentConfiguration : IEntityTypeConfiguration<RevenuePayment>
{
    public void Configure(EntityTypeBuilder<RevenuePayment> builder)
    {
        builder.ToTable("RevenuePayments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.RevenueCode).HasMaxLength(64);
        builder.Property(x => x.TaxpayerKey).HasMaxLength(32);
        builder.Property(x => x.KelurahanCode).HasMaxLength(16);
        builder.Property(x => x.KecamatanCode).HasMaxLength(16);
        builder.Property(x => x.Channel).HasMaxLength(24);
        builder.Property(x => x.Status).HasMaxLength(24);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.PaidDate);
        builder.HasIndex(x => new { x.RevenueCode, x.PaidDate });
    }
}

internal sealed class PbbAssessmentConfiguration : IEntityTypeConfiguration<PbbAssessment>
{
    public void Configure(EntityTypeBuilder<PbbAssessment> builder)
    {
        builder.ToTable("PbbAssessments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(32);
        builder.Property(x => x.KelurahanCode).HasMaxLength(16);
        builder.Property(x => x.KecamatanCode).HasMaxLength(16);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.Year);
    }
}
