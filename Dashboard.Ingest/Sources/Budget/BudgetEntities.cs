using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Sources.Budget;

/// <summary>
/// One budget line (a sub-kegiatan of an agency, with its pagu) as the source serves it now: <see cref="Pagu"/> is the
/// current figure after any pergeseran or perubahan. The output indicator's name is free text and is not kept.
/// </summary>
public sealed class BudgetLine : ISourceEntity
{
    public required string Id { get; set; }
    public int Year { get; set; }
    public required string AgencyCode { get; set; }
    public required string ProgramCode { get; set; }
    public required string ActivityCode { get; set; }
    public required string SubActivityCode { get; set; }
    /// <summary>The sub-kegiatan's name from the Permendagri 90/2019 nomenclature, digit runs scrubbed.</summary>
    public required string SubActivityName { get; set; }
    public required string SpendingKind { get; set; }
    public required string FundingSource { get; set; }
    /// <summary>Whole rupiah, current (after perubahan).</summary>
    public long Pagu { get; set; }
    /// <summary>Whole rupiah, APBD murni.</summary>
    public long PaguOriginal { get; set; }
    public string? KelurahanCode { get; set; }
    public DateTimeOffset? RevisedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(BudgetLine other) =>
        Year == other.Year && AgencyCode == other.AgencyCode && ProgramCode == other.ProgramCode && ActivityCode == other.ActivityCode &&
        SubActivityCode == other.SubActivityCode && SubActivityName == other.SubActivityName && SpendingKind == other.SpendingKind &&
        FundingSource == other.FundingSource && Pagu == other.Pagu && PaguOriginal == other.PaguOriginal &&
        KelurahanCode == other.KelurahanCode && RevisedAt == other.RevisedAt && UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(BudgetLine other)
    {
        Year = other.Year;
        AgencyCode = other.AgencyCode;
        ProgramCode = other.ProgramCode;
        ActivityCode = other.ActivityCode;
        SubActivityCode = other.SubActivityCode;
        SubActivityName = other.SubActivityName;
        SpendingKind = other.SpendingKind;
        FundingSource = other.FundingSource;
        Pagu = other.Pagu;
        PaguOriginal = other.PaguOriginal;
        KelurahanCode = other.KelurahanCode;
        RevisedAt = other.RevisedAt;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>One month of a budget line's cash plan (anggaran kas / RAK): what the agency plans to spend in that month.</summary>
public sealed class BudgetCashPlan : ISourceEntity
{
    public required string Id { get; set; }
    public required string BudgetLineId { get; set; }
    /// <summary>1–12.</summary>
    public int Month { get; set; }
    public long Amount { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(BudgetCashPlan other) =>
        BudgetLineId == other.BudgetLineId && Month == other.Month && Amount == other.Amount && UpdatedAt == other.UpdatedAt &&
        Flags == other.Flags;

    public void CopyFrom(BudgetCashPlan other)
    {
        BudgetLineId = other.BudgetLineId;
        Month = other.Month;
        Amount = other.Amount;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>
/// One SP2D. Only amounts by agency, line, account, type and date are kept: the third party (name, bank account, NPWP,
/// bank) and the free-text description never reach this row. <see cref="Lines"/> holds the payment's lines as
/// <c>budget_line_id|account_code|amount</c>, one per text line (<see cref="BudgetPaymentLines"/>).
/// </summary>
public sealed class BudgetPayment : ISourceEntity
{
    public required string Id { get; set; }
    /// <summary>The SP2D's date (WIB).</summary>
    public DateOnly Date { get; set; }
    public required string AgencyCode { get; set; }
    public required string Type { get; set; }
    public string? LsKind { get; set; }
    public long Amount { get; set; }
    public required string Status { get; set; }
    public required string Lines { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(BudgetPayment other) =>
        Date == other.Date && AgencyCode == other.AgencyCode && Type == other.Type && LsKind == other.LsKind && Amount == other.Amount &&
        Status == other.Status && Lines == other.Lines && UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(BudgetPayment other)
    {
        Date = other.Date;
        AgencyCode = other.AgencyCode;
        Type = other.Type;
        LsKind = other.LsKind;
        Amount = other.Amount;
        Status = other.Status;
        Lines = other.Lines;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>One budget line's physical progress for one month (monev). The free-text problems field is never kept.</summary>
public sealed class BudgetProgress : ISourceEntity
{
    public required string Id { get; set; }
    public required string BudgetLineId { get; set; }
    public int Year { get; set; }
    /// <summary>1–12.</summary>
    public int Month { get; set; }
    /// <summary>0–100, one decimal.</summary>
    public double PhysicalPct { get; set; }
    public bool Verified { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(BudgetProgress other) =>
        BudgetLineId == other.BudgetLineId && Year == other.Year && Month == other.Month && PhysicalPct.Equals(other.PhysicalPct) &&
        Verified == other.Verified && SubmittedAt == other.SubmittedAt && UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(BudgetProgress other)
    {
        BudgetLineId = other.BudgetLineId;
        Year = other.Year;
        Month = other.Month;
        PhysicalPct = other.PhysicalPct;
        Verified = other.Verified;
        SubmittedAt = other.SubmittedAt;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>One line of an SP2D: which budget line and account it charges, and how much.</summary>
public readonly record struct BudgetPaymentLine(string BudgetLineId, string AccountCode, long Amount);

/// <summary>The stored form of an SP2D's lines (<see cref="BudgetPayment.Lines"/>).</summary>
public static class BudgetPaymentLines
{
    public static string Format(IEnumerable<BudgetPaymentLine> lines) =>
        string.Join('\n', lines.Select(l => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{l.BudgetLineId}|{l.AccountCode}|{l.Amount}")));

    public static IEnumerable<BudgetPaymentLine> Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var line in stored.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|');
            if (parts.Length == 3 && long.TryParse(parts[2], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var amount))
            {
                yield return new BudgetPaymentLine(parts[0], parts[1], amount);
            }
        }
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("BudgetLines");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.AgencyCode).HasMaxLength(24);
        builder.Property(x => x.ProgramCode).HasMaxLength(40);
        builder.Property(x => x.ActivityCode).HasMaxLength(40);
        builder.Property(x => x.SubActivityCode).HasMaxLength(40);
        builder.Property(x => x.SubActivityName).HasMaxLength(200);
        builder.Property(x => x.SpendingKind).HasMaxLength(24);
        builder.Property(x => x.FundingSource).HasMaxLength(24);
        builder.Property(x => x.KelurahanCode).HasMaxLength(16);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => new { x.Year, x.AgencyCode });
    }
}

internal sealed class BudgetCashPlanConfiguration : IEntityTypeConfiguration<BudgetCashPlan>
{
    public void Configure(EntityTypeBuilder<BudgetCashPlan> builder)
    {
        builder.ToTable("BudgetCashPlans");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(80);
        builder.Property(x => x.BudgetLineId).HasMaxLength(64);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.BudgetLineId);
    }
}

internal sealed class BudgetPaymentConfiguration : IEntityTypeConfiguration<BudgetPayment>
{
    public void Configure(EntityTypeBuilder<BudgetPayment> builder)
    {
        builder.ToTable("BudgetPayments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(128);
        builder.Property(x => x.AgencyCode).HasMaxLength(24);
        builder.Property(x => x.Type).HasMaxLength(8);
        builder.Property(x => x.LsKind).HasMaxLength(24);
        builder.Property(x => x.Status).HasMaxLength(24);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.Date);
    }
}

internal sealed class BudgetProgressConfiguration : IEntityTypeConfiguration<BudgetProgress>
{
    public void Configure(EntityTypeBuilder<BudgetProgress> builder)
    {
        builder.ToTable("BudgetProgress");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(80);
        builder.Property(x => x.BudgetLineId).HasMaxLength(64);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => new { x.Year, x.Month });
    }
}
