using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Sources.Staffing;

/// <summary>Staffing indicators #11–#20 (docs/DOMAIN.md §10): their Satu Data metadata, targets and headline tiles.</summary>
public sealed class StaffingIndicators : IIndicatorSet
{
    public const string Source = "Staffing";

    public static class Codes
    {
        public const string Headcount = "ASN_JUMLAH";
        public const string AttendancePct = "ASN_KEHADIRAN_PCT";
        public const string LatePct = "ASN_TERLAMBAT_PCT";
        public const string Unexcused = "ASN_TANPA_KETERANGAN";
        public const string AwayOrLeave = "ASN_DL_CUTI";
        public const string GoodRatingPct = "ASN_KINERJA_BAIK_PCT";
        public const string SkpOnTimePct = "SKP_TEPAT_WAKTU_PCT";
        public const string Retiring12Months = "ASN_PENSIUN_12BLN";
        public const string VacantPosts = "JABATAN_LOWONG";
        public const string PerThousandResidents = "ASN_PER_1000_PENDUDUK";
    }

    private const string LegalAsn = "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020";
    private const string LegalPerformance = "UU 20/2023; Permenpan RB 6/2022 tentang Pengelolaan Kinerja Pegawai ASN";

    string IIndicatorSet.Source => Source;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Staff(11, Codes.Headcount, IndicatorUnit.Count, IndicatorDirection.Neutral, 1440, 2880, 0, LegalAsn,
            "Jumlah ASN (PNS/PPPK)", "Civil servants (PNS/PPPK)",
            "ASN yang tercatat bertugas pada akhir hari itu, per OPD. Kontrak SIMPEG tidak memuat TMT pengangkatan: riwayat direkonstruksi dari daftar pegawai saat ini dan tanggal pensiunnya.",
            "Civil servants in service at the end of the day, per agency. The SIMPEG contract has no appointment date: history is the current register projected back through retirement dates.",
            "count(status ∉ {pensiun, berhenti} ∨ (status = pensiun ∧ bulan pensiun > hari itu))"),
        Staff(12, Codes.AttendancePct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 15, 120, 0.03, LegalAsn,
            "Tingkat kehadiran ASN", "Staff attendance rate",
            "ASN yang hadir (tepat waktu, terlambat, atau dinas luar) dibanding jumlah ASN, pada hari kerja itu; hari libur memakai hari kerja terakhir. Hari ini bertambah sepanjang pagi.",
            "Staff present (on time, late or on official duty) against headcount on that working day; a non-working day shows the last working day. Today's figure grows through the morning.",
            "count(hadir + terlambat + dinas_luar) / jumlah ASN × 100"),
        Staff(13, Codes.LatePct, IndicatorUnit.Percent, IndicatorDirection.LowerIsBetter, 60, 180, 0.2, LegalAsn,
            "Persentase keterlambatan", "Late check-ins",
            "Bagian presensi masuk setelah pukul 07.30 WIB dari semua presensi masuk pada hari kerja itu.",
            "Share of check-ins after 07:30 WIB among all check-ins of that working day.",
            "count(terlambat) / count(hadir + terlambat) × 100"),
        Staff(14, Codes.Unexcused, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 1440, 2880, 0.2, LegalAsn,
            "ASN tanpa keterangan", "Unexcused absences",
            "ASN tanpa keterangan pada hari kerja itu (ditetapkan saat presensi ditutup pukul 16.00 WIB; koreksi izin menyusul mengubahnya).",
            "Staff absent without notice on that working day (set when attendance closes at 16:00 WIB; later leave corrections change it).",
            "count(tanpa_keterangan)"),
        Staff(15, Codes.AwayOrLeave, IndicatorUnit.Count, IndicatorDirection.Neutral, 60, 180, 0, LegalAsn,
            "ASN dinas luar/cuti hari ini", "Staff on duty travel or leave",
            "ASN yang berdinas luar atau cuti pada hari kerja itu.",
            "Staff on official duty elsewhere or on leave that working day.",
            "count(dinas_luar + cuti)"),
        Staff(16, Codes.GoodRatingPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, 0.05, LegalPerformance,
            "Predikat kinerja Baik & Sangat Baik", "Staff rated Good or Very Good",
            "Dari evaluasi triwulan terakhir yang tenggatnya sudah lewat, bagian berpredikat Baik atau Sangat Baik (kurva organisasi membatasi Baik ≤ 70%).",
            "Of the evaluations of the latest quarter whose deadline has passed, the share rated Baik or Sangat Baik (the organisation curve caps Baik at 70%).",
            "count(sangat_baik + baik) / count(evaluasi triwulan itu, diserahkan s.d. hari itu) × 100"),
        Staff(17, Codes.SkpOnTimePct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 10080, 20160, 0.05, LegalPerformance,
            "SKP terisi tepat waktu", "SKP evaluations submitted on time",
            "Evaluasi triwulan terakhir yang tenggatnya sudah lewat dan diserahkan tepat waktu, dibanding ASN yang bertugas di akhir triwulan. Tenggat: hari kerja ke-5 setelah triwulan berakhir (tahunan: 31 Januari).",
            "Evaluations of the latest quarter past its deadline submitted on time, against staff in service at the quarter's end. Deadline: the 5th working day after the quarter ends (annual: 31 January).",
            "count(submitted_at ≤ akhir hari tenggat, pegawai bertugas) / jumlah ASN akhir triwulan × 100"),
        Staff(18, Codes.Retiring12Months, IndicatorUnit.Count, IndicatorDirection.Neutral, 43200, 86400, 0, LegalAsn,
            "ASN pensiun 12 bulan ke depan", "Retirements in the next 12 months",
            "ASN yang mencapai batas usia pensiun (TMT pensiun) dalam 12 bulan setelah hari itu.",
            "Staff reaching retirement age (retirement month) within 12 months after the day.",
            "count(hari itu < bulan pensiun ≤ hari itu + 12 bulan ∧ status ≠ berhenti)"),
        Staff(19, Codes.VacantPosts, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 10080, 20160, 0.2, LegalAsn,
            "Jabatan struktural lowong", "Vacant structural posts",
            "Perkiraan: jabatan struktural yang diharapkan per OPD (pendekatan SOTK) dikurangi ASN struktural yang bertugas. Plt tidak dapat diturunkan: kontrak tidak memuat penanda pelaksana tugas.",
            "Approximation: expected structural posts per agency (an SOTK approximation) minus structural staff in service. Acting heads (Plt) cannot be derived: the contract has no acting flag.",
            "Σ_OPD max(0, jabatan struktural OPD − count(struktural bertugas))"),
        Staff(20, Codes.PerThousandResidents, IndicatorUnit.Ratio, IndicatorDirection.Neutral, 43200, 86400, 0, LegalAsn,
            "Rasio ASN per 1.000 penduduk", "Staff per 1,000 residents",
            "Jumlah ASN per 1.000 penduduk kota (penduduk BPS 2023 dari data rujukan).",
            "Civil servants per 1,000 residents of the city (BPS 2023 population from the reference data).",
            "jumlah ASN / penduduk × 1.000"),
    ];

    /// <summary>[I] Design targets: the domain gives none for staffing.</summary>
    public IReadOnlyList<YearlyTarget> YearlyTargets { get; } =
    [
        new(Codes.AttendancePct, 95),
        new(Codes.LatePct, 5),
        new(Codes.Unexcused, 30),
        new(Codes.GoodRatingPct, 80),
        new(Codes.SkpOnTimePct, 90),
        new(Codes.VacantPosts, 10),
    ];

    public IReadOnlyList<string> Headlines { get; } = [Codes.Headcount, Codes.AttendancePct, Codes.LatePct];

    public IReadOnlyList<string> AgencyIndicators { get; } =
    [
        Codes.Headcount, Codes.AttendancePct, Codes.LatePct, Codes.Unexcused, Codes.AwayOrLeave, Codes.GoodRatingPct,
        Codes.SkpOnTimePct, Codes.Retiring12Months, Codes.VacantPosts,
    ];

    private static IndicatorDefinition Staff(
        int number, string code, IndicatorUnit unit, IndicatorDirection direction, int cadence, int freshness,
        double tolerance, string legal, string nameId, string nameEn, string definitionId, string definitionEn, string formula) =>
        IndicatorCatalog.Define(new IndicatorSpec(Source, "BKPSDM", legal), number, code, unit, direction,
            cadence, freshness, tolerance, nameId, nameEn, definitionId, definitionEn, formula);
}
