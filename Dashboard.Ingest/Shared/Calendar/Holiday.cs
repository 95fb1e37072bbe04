using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Shared.Calendar;

/// <summary>A national holiday (libur nasional) or a collective-leave day (cuti bersama): both close the city's offices.</summary>
public enum HolidayKind
{
    National = 0,
    CutiBersama = 1,
}

/// <summary>
/// A day off of the working calendar (<see cref="WorkingCalendar"/>). The release's rows (the SKB 3 Menteri lists,
/// <see cref="HolidayCatalog"/>) have no <see cref="SetBy"/>; administrators add, change and withdraw days through
/// <see cref="HolidayAdministration"/>. A withdrawn day is retired, never deleted, so the seed does not bring it back.
/// </summary>
public sealed class Holiday
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public HolidayKind Kind { get; set; }
    public required string NameId { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Null for the release's rows.</summary>
    public string? SetBy { get; set; }
    public DateTimeOffset? SetAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public string? RetiredBy { get; set; }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.ToTable("Holidays");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.NameId).HasMaxLength(120);
        builder.Property(x => x.NameEn).HasMaxLength(120);
        builder.Property(x => x.SetBy).HasMaxLength(128);
        builder.Property(x => x.RetiredBy).HasMaxLength(128);
        builder.HasIndex(x => x.Date);
    }
}
