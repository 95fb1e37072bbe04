using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Web.Shared.Export;
using Codes = Dashboard.Ingest.Sources.Admissions.AdmissionsIndicators.Codes;

namespace Dashboard.Web.Features.Admissions;

/// <summary>
/// The SPMB page's downloads: every chart series and table it shows, for its region (<c>?wilayah=</c>) or school
/// (<c>?sekolah=</c>). Counts of children of a kelurahan (where they live, or the kelurahan scope) are small-count
/// suppressed; a school's seats and applicants are the school's.
/// </summary>
public static class AdmissionsExports
{
    private static readonly DomainTables<AdmissionsView> T = new();

    public static DomainExport<(string? Region, string? School), AdmissionsView> Page { get; } = new()
    {
        Route = AdmissionsDomain.Route,
        Policy = AdmissionsDomain.Policy,
        Source = AdmissionsIndicators.Source,
        Scope = q => (q["wilayah"].FirstOrDefault(), q["sekolah"].FirstOrDefault()),
        Query = s => !string.IsNullOrEmpty(s.School) ? "?sekolah=" + Uri.EscapeDataString(s.School)
            : !string.IsNullOrEmpty(s.Region) ? "?wilayah=" + Uri.EscapeDataString(s.Region) : "",
        Load = (services, scope, ct) => services.GetRequiredService<AdmissionsQueries>().GetAsync(scope.Region, scope.School, ct),
        Filters = v => v.IsSchool
            ? [new("sekolah", v.Scope), new("nama_sekolah", v.Trail[^1].Name), new("wilayah", v.Trail[^2].Code), new("nama_wilayah", v.Trail[^2].Name), new("tahun", Year(v))]
            : [new("wilayah", v.Scope), new("nama_wilayah", v.Trail[^1].Name), new("tahun", Year(v))],
        Tables =
        [
            T.Table("jenjang", v => v.Levels, InKelurahan, [Codes.ApplicantsPerSeat],
                new("jenjang", r => r.Level), new("pendaftar", r => r.Applicants, IsCount: true), new("daya_tampung", r => r.Seats)),
            T.Table("jalur", v => v.Routes, InKelurahan, [Codes.QuotaFilledPct],
                new("jalur", r => r.Route), new("kuota", r => r.Quota), new("diterima", r => r.Placed, IsCount: true)),
            T.Table("status", v => v.Statuses, InKelurahan, [Codes.VerifiedPct],
                new("status", r => r.Label), new("pendaftaran", r => r.Count, IsCount: true)),
            T.Table("harian", v => v.Days, InKelurahan, [],
                new("tanggal", r => r.Day), new("pendaftaran", r => r.Count, IsCount: true)),
            T.Table("sekolah", v => v.Schools, (_, _) => false, [Codes.ApplicantsPerSeat, Codes.SeatsLeft],
                new("npsn", r => r.Npsn), new("nama_sekolah", r => r.Name), new("jenjang", r => r.Level), new("status_sekolah", r => r.Ownership),
                new("daya_tampung", r => r.Seats), new("pendaftar", r => r.Applicants), new("pendaftar_per_kursi", r => r.ApplicantsPerSeat, IsDerived: true),
                new("diterima", r => r.Placed), new("terisi_pct", r => r.FilledPct, IsDerived: true), new("sisa_kursi", r => r.SeatsLeft)),
            T.Table("belum_tertampung", v => v.NotPlaced, (_, _) => true, [Codes.NotPlaced],
                new("kode_kelurahan", r => r.Code), new("nama_kelurahan", r => r.Name), new("anak_mendaftar", r => r.Children, IsCount: true),
                new("belum_tertampung_negeri", r => r.NotPlaced, IsCount: true)),
        ],
    };

    private static string Year(AdmissionsView view) => view.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool InKelurahan<TRow>(AdmissionsView view, TRow row) => !view.IsSchool && DomainExports.IsKelurahan(view.Scope);
}
