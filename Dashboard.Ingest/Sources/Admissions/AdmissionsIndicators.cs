using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Sources.Admissions;

/// <summary>SPMB indicators #39–#43 (docs/DOMAIN.md §10): their Satu Data metadata, targets and headline tiles.</summary>
public sealed class AdmissionsIndicators : IIndicatorSet
{
    public const string Source = "Admissions";

    /// <summary>Dinas Pendidikan dan Kebudayaan runs SPMB for SD and SMP negeri (docs/DOMAIN.md §2, §7).</summary>
    public const string OwnerOpd = "DISDIKBUD";

    public static class Codes
    {
        public const string ApplicantsPerSeat = "SPMB_PENDAFTAR_PER_DAYA_TAMPUNG";
        public const string QuotaFilledPct = "SPMB_KUOTA_TERISI_PCT";
        public const string VerifiedPct = "SPMB_VERIFIKASI_PCT";
        public const string NotPlaced = "SPMB_TIDAK_TERTAMPUNG";
        public const string SeatsLeft = "SPMB_SISA_PAGU";
    }

    private const string Legal = "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang";

    private const string YearNote =
        " Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah " +
        "(kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; " +
        "perubahan sesudahnya dihitung terdaftar.";

    private const string YearNoteEn =
        " Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published " +
        "quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a " +
        "later change counts as registered.";

    string IIndicatorSet.Source => Source;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Spmb(39, Codes.ApplicantsPerSeat, IndicatorUnit.Ratio, IndicatorDirection.Neutral, 15, 60, 0,
            "Pendaftar vs daya tampung", "Applicants per seat",
            "Pendaftaran tahun penerimaan berjalan (tidak termasuk yang mengundurkan diri) dibanding daya tampung, menurut sekolah " +
            "pilihan pertama; wilayah = letak sekolah." + YearNote,
            "Applications of the current admission year (withdrawals excluded) per seat, by first-choice school; region = the " +
            "school's location." + YearNoteEn,
            "count(pendaftaran, status ≠ mengundurkan_diri, sekolah pilihan 1 dalam lingkup) / Σ kuota sekolah dalam lingkup"),
        Spmb(40, Codes.QuotaFilledPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 15, 60, 0.05,
            "Keterisian kuota", "Quota filled",
            "Kursi yang terisi (diterima atau daftar ulang) dibanding kuota semua jalur, menurut sekolah penempatan; rincian per " +
            "jalur di halaman SPMB." + YearNote,
            "Seats taken (accepted or re-registered) against the quota of every route, by placement school; the breakdown per " +
            "route is on the SPMB page." + YearNoteEn,
            "count(status ∈ {diterima, daftar_ulang}, sekolah penempatan dalam lingkup) / Σ kuota × 100"),
        Spmb(41, Codes.VerifiedPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 60, 120, 0.05,
            "Verifikasi berkas selesai", "Documents verified",
            "Pendaftaran yang berkasnya sudah diproses (terverifikasi atau sudah diputuskan) dibanding semua pendaftaran yang " +
            "tidak mengundurkan diri; wilayah = kelurahan domisili, sekolah = pilihan pertama." + YearNote,
            "Applications whose documents were processed (verified or decided) against every application not withdrawn; region " +
            "= home kelurahan, school = first choice." + YearNoteEn,
            "count(status ∉ {terdaftar, mengundurkan_diri}) / count(status ≠ mengundurkan_diri) × 100"),
        Spmb(42, Codes.NotPlaced, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 1440, 2880, 0.1,
            "Calon murid tidak tertampung di sekolah negeri", "Applicants not placed in a public school",
            "Anak (NIK terpseudonimkan) yang punya pendaftaran tidak diterima atau ditempatkan di sekolah swasta, dan tidak " +
            "satu pun pendaftarannya ditempatkan di sekolah negeri (sekolah yang tidak ada di daftar dianggap negeri); menurut kelurahan " +
            "domisili pada pendaftaran terakhirnya." + YearNote,
            "Children (pseudonymised NIK) with an application not accepted or placed in a private school, none of whose " +
            "applications holds a place in a public school (a school missing from the register counts as public); by the home " +
            "kelurahan of their latest application." + YearNoteEn,
            "count(anak: ∃ tidak_diterima ∨ ditempatkan di swasta, ∄ ditempatkan di negeri)"),
        Spmb(43, Codes.SeatsLeft, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 1440, 2880, 0.2,
            "Sisa pagu setelah daftar ulang", "Seats left after re-registration",
            "Kuota dikurangi pendaftar yang sudah daftar ulang, per sekolah (tidak kurang dari nol), dijumlah menurut letak " +
            "sekolah; kosong sebelum ada daftar ulang pada tahun penerimaan itu." + YearNote,
            "Quota minus re-registered applicants per school (never below zero), summed by the school's location; empty before " +
            "the admission year's first re-registration." + YearNoteEn,
            "Σ_sekolah max(0, Σ kuota − count(status = daftar_ulang, sekolah penempatan))"),
    ];

    /// <summary>[I] Design targets: every seat taken, every file verified.</summary>
    public IReadOnlyList<YearlyTarget> YearlyTargets { get; } =
    [
        new(Codes.QuotaFilledPct, 95),
        new(Codes.VerifiedPct, 100),
    ];

    public IReadOnlyList<string> Headlines { get; } = [Codes.ApplicantsPerSeat, Codes.QuotaFilledPct, Codes.NotPlaced];

    private static IndicatorDefinition Spmb(
        int number, string code, IndicatorUnit unit, IndicatorDirection direction, int cadence, int freshness,
        double tolerance, string nameId, string nameEn, string definitionId, string definitionEn, string formula) =>
        IndicatorCatalog.Define(new IndicatorSpec(Source, OwnerOpd, Legal), number, code, unit, direction,
            cadence, freshness, tolerance, nameId, nameEn, definitionId, definitionEn, formula);
}
