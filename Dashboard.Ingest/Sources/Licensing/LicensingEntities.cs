using System.Globalization;
using System.Text;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Sources.Licensing;

/// <summary>A permit type of the one-stop service with its SLA in working days. The contract's <c>code</c> is the id.</summary>
public sealed class PermitType : ISourceEntity
{
    public required string Id { get; set; }
    /// <summary>The permit's name (an institution's wording, not a person's); digit runs are scrubbed all the same.</summary>
    public required string Name { get; set; }
    public required string Channel { get; set; }
    public int SlaDays { get; set; }
    /// <summary>The agency that gives the technical consideration, when it is one of the reference data.</summary>
    public string? TechnicalAgencyCode { get; set; }
    public bool Retribution { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(PermitType other) =>
        Name == other.Name && Channel == other.Channel && SlaDays == other.SlaDays && TechnicalAgencyCode == other.TechnicalAgencyCode &&
        Retribution == other.Retribution && UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(PermitType other)
    {
        Name = other.Name;
        Channel = other.Channel;
        SlaDays = other.SlaDays;
        TechnicalAgencyCode = other.TechnicalAgencyCode;
        Retribution = other.Retribution;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>
/// A permit application as stored for reporting: the applicant (name, NIK, address, phone) is never read. The status
/// history is kept compactly in <see cref="History"/> (<see cref="StatusHistory"/>), the SLA clock being read from it.
/// </summary>
public sealed class PermitApplication : ISourceEntity
{
    public required string Id { get; set; }
    public required string PermitType { get; set; }
    public required string Channel { get; set; }
    public string? Kbli { get; set; }
    public string? RiskLevel { get; set; }
    public required string ApplicantKind { get; set; }
    public string? KelurahanCode { get; set; }
    public string? KecamatanCode { get; set; }
    public required string Status { get; set; }
    /// <summary>When the current status began (the last history entry; the submission without history).</summary>
    public DateTimeOffset StatusSince { get; set; }
    /// <summary><see cref="StatusHistory.Encode"/> of the contract's <c>history</c>.</summary>
    public required string History { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    public long? RetributionAmount { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public long? InvestmentValue { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(PermitApplication other) =>
        PermitType == other.PermitType && Channel == other.Channel && Kbli == other.Kbli && RiskLevel == other.RiskLevel &&
        ApplicantKind == other.ApplicantKind && KelurahanCode == other.KelurahanCode && KecamatanCode == other.KecamatanCode &&
        Status == other.Status && StatusSince == other.StatusSince && History == other.History && SubmittedAt == other.SubmittedAt &&
        IssuedAt == other.IssuedAt && RetributionAmount == other.RetributionAmount && PaidAt == other.PaidAt &&
        InvestmentValue == other.InvestmentValue && UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(PermitApplication other)
    {
        PermitType = other.PermitType;
        Channel = other.Channel;
        Kbli = other.Kbli;
        RiskLevel = other.RiskLevel;
        ApplicantKind = other.ApplicantKind;
        KelurahanCode = other.KelurahanCode;
        KecamatanCode = other.KecamatanCode;
        Status = other.Status;
        StatusSince = other.StatusSince;
        History = other.History;
        SubmittedAt = other.SubmittedAt;
        IssuedAt = other.IssuedAt;
        RetributionAmount = other.RetributionAmount;
        PaidAt = other.PaidAt;
        InvestmentValue = other.InvestmentValue;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>One status change of a file.</summary>
public readonly record struct StatusChange(string Status, DateTimeOffset At);

/// <summary>The stored form of a file's status history: <c>status unix-seconds</c> entries joined by <c>;</c>, oldest first.</summary>
public static class StatusHistory
{
    public static string Encode(IReadOnlyList<StatusChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var text = new StringBuilder();
        foreach (var c in changes)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }
            text.Append(c.Status).Append(' ').Append(c.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    public static List<StatusChange> Decode(string history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var result = new List<StatusChange>();
        foreach (var part in history.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = part.LastIndexOf(' ');
            result.Add(new StatusChange(part[..space],
                DateTimeOffset.FromUnixTimeSeconds(long.Parse(part.AsSpan(space + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))));
        }
        return result;
    }

    /// <summary>The stretches the file spent in <c>perbaikan</c> (with the applicant): the SLA clock stands still in them.</summary>
    public static List<SlaPause> Pauses(IReadOnlyList<StatusChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var pauses = new List<SlaPause>();
        DateTimeOffset? from = null;
        foreach (var c in changes)
        {
            var paused = c.Status == LicensingPayload.Correction;
            if (paused && from is null)
            {
                from = c.At;
            }
            else if (!paused && from is { } f)
            {
                pauses.Add(new SlaPause(f, c.At));
                from = null;
            }
        }
        if (from is { } open)
        {
            pauses.Add(new SlaPause(open, null));
        }
        return pauses;
    }
}

/// <summary>A business id (NIB) issued through OSS. The owner (name, NIK) is never read.</summary>
public sealed class BusinessId : ISourceEntity
{
    public required string Id { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public string? Kbli { get; set; }
    public required string RiskLevel { get; set; }
    public required string Scale { get; set; }
    public string? KelurahanCode { get; set; }
    public string? KecamatanCode { get; set; }
    public long? InvestmentValue { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(BusinessId other) =>
        IssuedAt == other.IssuedAt && Kbli == other.Kbli && RiskLevel == other.RiskLevel && Scale == other.Scale &&
        KelurahanCode == other.KelurahanCode && KecamatanCode == other.KecamatanCode && InvestmentValue == other.InvestmentValue &&
        UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(BusinessId other)
    {
        IssuedAt = other.IssuedAt;
        Kbli = other.Kbli;
        RiskLevel = other.RiskLevel;
        Scale = other.Scale;
        KelurahanCode = other.KelurahanCode;
        KecamatanCode = other.KecamatanCode;
        InvestmentValue = other.InvestmentValue;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>A quarterly investment activity report (LKPM) aggregate.</summary>
public sealed class InvestmentReport : ISourceEntity
{
    public required string Id { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public required string Kind { get; set; }
    public required string Sector { get; set; }
    public string? KelurahanCode { get; set; }
    public string? KecamatanCode { get; set; }
    public long RealisedValue { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(InvestmentReport other) =>
        Year == other.Year && Quarter == other.Quarter && Kind == other.Kind && Sector == other.Sector &&
        KelurahanCode == other.KelurahanCode && KecamatanCode == other.KecamatanCode && RealisedValue == other.RealisedValue &&
        UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(InvestmentReport other)
    {
        Year = other.Year;
        Quarter = other.Quarter;
        Kind = other.Kind;
        Sector = other.Sector;
        KelurahanCode = other.KelurahanCode;
        KecamatanCode = other.KecamatanCode;
        RealisedValue = other.RealisedValue;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>The year's investment target per kind; the id is <c>{year}:{kind}</c>.</summary>
public sealed class InvestmentTarget : ISourceEntity
{
    public required string Id { get; set; }
    public int Year { get; set; }
    public required string Kind { get; set; }
    public long Target { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(InvestmentTarget other) =>
        Year == other.Year && Kind == other.Kind && Target == other.Target && UpdatedAt == other.UpdatedAt && Flags == other.Flags;

    public void CopyFrom(InvestmentTarget other)
    {
        Year = other.Year;
        Kind = other.Kind;
        Target = other.Target;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

internal sealed class PermitTypeConfiguration : IEntityTypeConfiguration<PermitType>
{
    public void Configure(EntityTypeBuilder<PermitType> b)
    {
        b.ToTable("LicensingPermitTypes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Channel).HasMaxLength(24);
        b.Property(x => x.TechnicalAgencyCode).HasMaxLength(24);
        b.Property(x => x.Flags).HasMaxLength(200);
    }
}

internal sealed class PermitApplicationConfiguration : IEntityTypeConfiguration<PermitApplication>
{
    public void Configure(EntityTypeBuilder<PermitApplication> b)
    {
        b.ToTable("LicensingApplications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(128);
        b.Property(x => x.PermitType).HasMaxLength(64);
        b.Property(x => x.Channel).HasMaxLength(24);
        b.Property(x => x.Kbli).HasMaxLength(5);
        b.Property(x => x.RiskLevel).HasMaxLength(24);
        b.Property(x => x.ApplicantKind).HasMaxLength(24);
        b.Property(x => x.KelurahanCode).HasMaxLength(16);
        b.Property(x => x.KecamatanCode).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(24);
        b.Property(x => x.History).HasMaxLength(1600);
        b.Property(x => x.Flags).HasMaxLength(200);
        b.HasIndex(x => x.SubmittedAt);
        b.HasIndex(x => new { x.Status, x.StatusSince });
    }
}

internal sealed class BusinessIdConfiguration : IEntityTypeConfiguration<BusinessId>
{
    public void Configure(EntityTypeBuilder<BusinessId> b)
    {
        b.ToTable("LicensingBusinessIds");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(128);
        b.Property(x => x.Kbli).HasMaxLength(5);
        b.Property(x => x.RiskLevel).HasMaxLength(24);
        b.Property(x => x.Scale).HasMaxLength(24);
        b.Property(x => x.KelurahanCode).HasMaxLength(16);
        b.Property(x => x.KecamatanCode).HasMaxLength(16);
        b.Property(x => x.Flags).HasMaxLength(200);
        b.HasIndex(x => x.IssuedAt);
    }
}

internal sealed class InvestmentReportConfiguration : IEntityTypeConfiguration<InvestmentReport>
{
    public void Configure(EntityTypeBuilder<InvestmentReport> b)
    {
        b.ToTable("LicensingInvestmentReports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(128);
        b.Property(x => x.Kind).HasMaxLength(8);
        b.Property(x => x.Sector).HasMaxLength(24);
        b.Property(x => x.KelurahanCode).HasMaxLength(16);
        b.Property(x => x.KecamatanCode).HasMaxLength(16);
        b.Property(x => x.Flags).HasMaxLength(200);
        b.HasIndex(x => new { x.Year, x.Quarter });
    }
}

internal sealed class InvestmentTargetConfiguration : IEntityTypeConfiguration<InvestmentTarget>
{
    public void Configure(EntityTypeBuilder<InvestmentTarget> b)
    {
        b.ToTable("LicensingInvestmentTargets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Kind).HasMaxLength(8);
        b.Property(x => x.Flags).HasMaxLength(200);
    }
}
