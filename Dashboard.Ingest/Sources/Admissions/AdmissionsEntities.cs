using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Sources.Admissions;

/// <summary>
/// A school taking part in SPMB, keyed by its NPSN (a public school number, not personal). The quota per route is the
/// one currently published (the contract carries no year: a new season's quota replaces the last).
/// </summary>
public sealed class AdmissionSchool : ISourceEntity
{
    /// <summary>NPSN.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Level { get; set; }
    public required string Ownership { get; set; }
    /// <summary>Null when the source sent a code that is not one of the city's 57 kelurahan (flagged).</summary>
    public string? KelurahanCode { get; set; }
    public string? KecamatanCode { get; set; }
    public int QuotaDomisili { get; set; }
    public int QuotaAfirmasi { get; set; }
    public int QuotaMutasi { get; set; }
    public int QuotaPrestasi { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Comma-separated names of fields whose value the contract does not list.</summary>
    public string? Flags { get; set; }

    /// <summary>Seats over every route (daya tampung).</summary>
    public int Seats => QuotaDomisili + QuotaAfirmasi + QuotaMutasi + QuotaPrestasi;

    public int Quota(string route) => route switch
    {
        "domisili" => QuotaDomisili,
        "afirmasi" => QuotaAfirmasi,
        "mutasi" => QuotaMutasi,
        "prestasi" => QuotaPrestasi,
        _ => 0,
    };

    public bool SameContentAs(AdmissionSchool other) =>
        Name == other.Name && Level == other.Level && Ownership == other.Ownership && KelurahanCode == other.KelurahanCode &&
        QuotaDomisili == other.QuotaDomisili && QuotaAfirmasi == other.QuotaAfirmasi && QuotaMutasi == other.QuotaMutasi &&
        QuotaPrestasi == other.QuotaPrestasi && UpdatedAt == other.UpdatedAt && Flags == other.Flags &&
        KecamatanCode == other.KecamatanCode;

    public void CopyFrom(AdmissionSchool other)
    {
        Name = other.Name;
        Level = other.Level;
        Ownership = other.Ownership;
        KelurahanCode = other.KelurahanCode;
        KecamatanCode = other.KecamatanCode;
        QuotaDomisili = other.QuotaDomisili;
        QuotaAfirmasi = other.QuotaAfirmasi;
        QuotaMutasi = other.QuotaMutasi;
        QuotaPrestasi = other.QuotaPrestasi;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

/// <summary>
/// An SPMB application as stored for reporting. The applicant's NIK is replaced by its keyed hash
/// (<see cref="ApplicantKey"/>: one applicant's applications on several routes join on it); name and birth date
/// never reach this type.
/// </summary>
public sealed class AdmissionApplication : ISourceEntity
{
    public required string Id { get; set; }
    public int Year { get; set; }
    public required string Level { get; set; }
    public required string Route { get; set; }
    /// <summary>The chosen schools' NPSN in order of preference, comma-separated.</summary>
    public required string Choices { get; set; }
    /// <summary>The first choice's NPSN (where the application counts against seats).</summary>
    public required string FirstChoice { get; set; }
    /// <summary><c>Pseudonymizer.Hash("nik", nik)</c>.</summary>
    public required string ApplicantKey { get; set; }
    /// <summary>Null when the source sent a code that is not one of the city's 57 kelurahan (flagged).</summary>
    public string? HomeKelurahanCode { get; set; }
    public string? HomeKecamatanCode { get; set; }
    public required string Status { get; set; }
    public string? PlacedSchoolId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Flags { get; set; }

    public bool SameContentAs(AdmissionApplication other) =>
        Year == other.Year && Level == other.Level && Route == other.Route && Choices == other.Choices &&
        ApplicantKey == other.ApplicantKey && HomeKelurahanCode == other.HomeKelurahanCode && Status == other.Status &&
        PlacedSchoolId == other.PlacedSchoolId && SubmittedAt == other.SubmittedAt && UpdatedAt == other.UpdatedAt &&
        Flags == other.Flags &&
        FirstChoice == other.FirstChoice && HomeKecamatanCode == other.HomeKecamatanCode;

    public void CopyFrom(AdmissionApplication other)
    {
        Year = other.Year;
        Level = other.Level;
        Route = other.Route;
        Choices = other.Choices;
        FirstChoice = other.FirstChoice;
        ApplicantKey = other.ApplicantKey;
        HomeKelurahanCode = other.HomeKelurahanCode;
        HomeKecamatanCode = other.HomeKecamatanCode;
        Status = other.Status;
        PlacedSchoolId = other.PlacedSchoolId;
        SubmittedAt = other.SubmittedAt;
        UpdatedAt = other.UpdatedAt;
        Flags = other.Flags;
    }
}

internal sealed class AdmissionSchoolConfiguration : IEntityTypeConfiguration<AdmissionSchool>
{
    public void Configure(EntityTypeBuilder<AdmissionSchool> builder)
    {
        builder.ToTable("AdmissionsSchools");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(16);
        builder.Property(x => x.Name).HasMaxLength(120);
        builder.Property(x => x.Level).HasMaxLength(16);
        builder.Property(x => x.Ownership).HasMaxLength(16);
        builder.Property(x => x.KelurahanCode).HasMaxLength(16);
        builder.Property(x => x.KecamatanCode).HasMaxLength(16);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.Ignore(x => x.Seats);
    }
}

internal sealed class AdmissionApplicationConfiguration : IEntityTypeConfiguration<AdmissionApplication>
{
    public void Configure(EntityTypeBuilder<AdmissionApplication> builder)
    {
        builder.ToTable("AdmissionsApplications");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.Level).HasMaxLength(16);
        builder.Property(x => x.Route).HasMaxLength(24);
        builder.Property(x => x.Choices).HasMaxLength(64);
        builder.Property(x => x.FirstChoice).HasMaxLength(16);
        builder.Property(x => x.ApplicantKey).HasMaxLength(32);
        builder.Property(x => x.HomeKelurahanCode).HasMaxLength(16);
        builder.Property(x => x.HomeKecamatanCode).HasMaxLength(16);
        builder.Property(x => x.Status).HasMaxLength(24);
        builder.Property(x => x.PlacedSchoolId).HasMaxLength(16);
        builder.Property(x => x.Flags).HasMaxLength(200);
        builder.HasIndex(x => x.Year);
        builder.HasIndex(x => x.ApplicantKey);
    }
}
