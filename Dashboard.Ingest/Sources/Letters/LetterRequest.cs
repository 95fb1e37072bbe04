using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Sources.Letters;

/// <summary>
/// A letter request as stored for reporting. The contract carries no personal data; fields it does not announce
/// never reach this type. Enum-like fields keep the source's value; values outside the contract are flagged.
/// </summary>
public sealed class LetterRequest : ISourceEntity
{
    public required string Id { get; set; }
    /// <summary>Null when the source sent a code that is not one of the city's 57 kelurahan (flagged).</summary>
    public string? KelurahanCode { get; set; }
    public string? KecamatanCode { get; set; }
    public required string LetterType { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Comma-separated names of fields whose value the contract does not list.</summary>
    public string? Flags { get; set; }

    public bool SameContentAs(LetterRequest other) =>
        KelurahanCode == other.KelurahanCode && LetterType == other.LetterType && Status == other.Status &&
        RequestedAt == other.RequestedAt && CompletedAt == other.CompletedAt && UpdatedAt == other.UpdatedAt &&
        Flags == other.Flags &&
        KecamatanCode == other.KecamatanCode;

    public void CopyFrom(LetterRequest other)
    {
        KelurahanCode = other.KelurahanCode;
        KecamatanCode = other.KecamatanCode;
        LetterType = other.LetterType;
        Status = other.Status;
        RequestedAt = other.RequestedAt;
        CompletedAt = other.CompletedAt;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

internal sealed class LetterRequestConfiguration : IEntityTypeConfiguration<LetterRequest>
{
    public void Configure(EntityTypeBuilder<LetterRequest> builder)
    {
        builder.ToTable("LettersRequests");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.KelurahanCode).HasMaxLength(16);
        builder.Property(x => x.KecamatanCode).HasMaxLength(16);
        builder.Property(x => x.LetterType).HasMaxLength(32);
        builder.Property(x => x.Status).HasMaxLength(32);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.RequestedAt);
        builder.HasIndex(x => x.KelurahanCode);
        builder.HasIndex(x => new { x.Status, x.CompletedAt });
    }
}
