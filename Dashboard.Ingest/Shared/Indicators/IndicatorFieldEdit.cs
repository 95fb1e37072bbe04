using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>
/// A catalogue field of an indicator that an administrator set to a value of their own: the base of the three-way rule
/// (<see cref="IndicatorCatalogueSync"/>) by which a later catalogue release never overwrites it. No row: the field follows
/// the catalogue.
/// </summary>
public sealed class IndicatorFieldEdit
{
    public required string IndicatorCode { get; set; }

    /// <summary>The field's name (<see cref="IndicatorCatalogueSync.Fields"/>).</summary>
    public required string Field { get; set; }

    /// <summary>The administrator's value, as invariant text.</summary>
    public string? Value { get; set; }

    /// <summary>The catalogue's value the last time it was compared: a release that changes it is noticed (and audited).</summary>
    public string? CatalogueValue { get; set; }

    public required string EditedBy { get; set; }

    public DateTimeOffset EditedAt { get; set; }
}

internal sealed class IndicatorFieldEditConfiguration : IEntityTypeConfiguration<IndicatorFieldEdit>
{
    public void Configure(EntityTypeBuilder<IndicatorFieldEdit> builder)
    {
        builder.HasKey(x => new { x.IndicatorCode, x.Field });
        builder.Property(x => x.IndicatorCode).HasMaxLength(48);
        builder.Property(x => x.Field).HasMaxLength(32);
        builder.Property(x => x.Value).HasMaxLength(2000);
        builder.Property(x => x.CatalogueValue).HasMaxLength(2000);
        builder.Property(x => x.EditedBy).HasMaxLength(128);
    }
}
