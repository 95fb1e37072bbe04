using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>Complaint indicators #1–#10 (docs/DOMAIN.md §10): their Satu Data metadata, targets and headline tiles.</summary>
public sealed class ComplaintsIndicators : IIndicatorSet
{
    public const string Source = "Complaints";

    public static class Codes
    {
        public const string ComplaintsReceived = "ADUAN_MASUK";
        public const string AwaitingVerification = "ADUAN_BELUM_VERIFIKASI";
        public const string FollowedUpPct = "ADUAN_DITINDAKLANJUTI_PCT";
        public const string WithinSlaPct = "ADUAN_TL_5HK_PCT";
        public const string Overdue = "ADUAN_LEWAT_SLA";
        public const string FirstResponseHours = "ADUAN_RESPON_PERTAMA_JAM";
        public const string ClosedPct = "ADUAN_SELESAI_PCT";
        public const string OpdCompliancePct = "OPD_KEPATUHAN_TL_PCT";
        public const string Per10kPopulation = "ADUAN_PER_10RB_PENDUDUK";
        public const string TopCategory = "ADUAN_TOPIK_TERATAS";
    }

    private const string LegalComplaints = "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018";

    string IIndicatorSet.Source => Source;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Complaint(1, Codes.ComplaintsReceived, IndicatorUnit.Count, IndicatorDirection.Neutral, 15, 60, 0,
            "Jumlah aduan masuk hari ini", "Complaints received today",
            "Jumlah aduan (pengaduan, aspirasi, permintaan informasi) yang diterima pada hari itu dari semua kanal.",
            "Complaints of every type received that day through every channel.",
            "count(submitted_at dalam hari itu)"),
        Complaint(2, Codes.AwaitingVerification, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 15, 60, 0.2,
            "Aduan belum terverifikasi", "Complaints awaiting verification",
            "Aduan yang sudah masuk tetapi belum diverifikasi admin pada akhir hari itu.",
            "Complaints received but not yet verified at the end of the day.",
            "count(submitted_at ≤ akhir hari ∧ (verified_at kosong ∨ verified_at > akhir hari) ∧ status bukan ditunda/bukan_wewenang/diarsipkan)"),
        Complaint(3, Codes.FollowedUpPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 60, 180, 0.03,
            "Persentase aduan ditindaklanjuti", "Complaints followed up",
            "Bagian aduan terverifikasi dalam 30 hari terakhir yang sudah mendapat tanggapan OPD.",
            "Share of verified complaints of the last 30 days that an agency has responded to.",
            "count(first_response_at ≤ akhir hari) / count(terverifikasi, masuk 30 hari terakhir) × 100"),
        Complaint(4, Codes.WithinSlaPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 60, 180, 0.05,
            "Persentase tindak lanjut ≤ 5 hari kerja", "Settled within 5 working days",
            "Dari pengaduan dan permintaan informasi yang tenggatnya (5 hari kerja) jatuh dalam 30 hari terakhir, bagian yang selesai sebelum tenggat.",
            "Of complaints and information requests whose 5-working-day deadline fell in the last 30 days, the share settled by the deadline.",
            "count(closed_at ≤ tenggat) / count(tenggat dalam 30 hari terakhir) × 100"),
        Complaint(5, Codes.Overdue, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 60, 180, 0.2,
            "Aduan lewat SLA", "Overdue complaints",
            "Pengaduan dan permintaan informasi yang masih terbuka melewati 5 hari kerja pada akhir hari itu.",
            "Complaints and information requests still open past 5 working days at the end of the day.",
            "count(terbuka ∧ tenggat < akhir hari)"),
        Complaint(6, Codes.FirstResponseHours, IndicatorUnit.WorkingHours, IndicatorDirection.LowerIsBetter, 60, 180, 0.1,
            "Rata-rata waktu respons pertama", "Mean time to first response",
            "Rata-rata jam kerja dari aduan masuk sampai tanggapan pertama, untuk tanggapan dalam 30 hari terakhir.",
            "Mean working hours from submission to first response, for responses in the last 30 days.",
            "mean(jam_kerja(submitted_at, first_response_at))"),
        Complaint(7, Codes.ClosedPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, 0.05,
            "Persentase aduan selesai", "Complaints closed",
            "Bagian aduan yang masuk dalam 90 hari terakhir dan berstatus selesai pada akhir hari itu.",
            "Share of complaints received in the last 90 days that are closed (Selesai) at the end of the day.",
            "count(closed_at ≤ akhir hari) / count(masuk 90 hari terakhir) × 100"),
        Complaint(8, Codes.OpdCompliancePct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, 0.05,
            "Kepatuhan OPD menindaklanjuti", "Agency follow-up compliance",
            "Per OPD: bagian aduan dengan tenggat 5 hari kerja dalam 30 hari terakhir yang selesai tepat waktu (tabel peringkat).",
            "Per agency: share of complaints due in the last 30 days settled within 5 working days (league table).",
            "count(closed_at ≤ tenggat) / count(tenggat dalam 30 hari terakhir) × 100, per OPD"),
        Complaint(9, Codes.Per10kPopulation, IndicatorUnit.Per10k, IndicatorDirection.Neutral, 1440, 2880, 0,
            "Aduan per 10.000 penduduk", "Complaints per 10,000 residents",
            "Aduan yang masuk dalam 30 hari terakhir per 10.000 penduduk (penduduk kelurahan adalah taksiran).",
            "Complaints received in the last 30 days per 10,000 residents (kelurahan population is an estimate).",
            "count(masuk 30 hari terakhir) / penduduk × 10.000"),
        Complaint(10, Codes.TopCategory, IndicatorUnit.Count, IndicatorDirection.Neutral, 1440, 2880, 0,
            "Topik aduan teratas", "Top complaint category",
            "Kategori dengan aduan terbanyak dalam 30 hari terakhir dan jumlah aduannya.",
            "The category with the most complaints in the last 30 days, and its count.",
            "argmax_kategori count(masuk 30 hari terakhir)"),
    ];

    public IReadOnlyList<YearlyTarget> YearlyTargets { get; } =
    [
        new(Codes.AwaitingVerification, 10),
        new(Codes.FollowedUpPct, 95),
        new(Codes.WithinSlaPct, 90),
        new(Codes.Overdue, 20),
        new(Codes.FirstResponseHours, 16),
        new(Codes.ClosedPct, 85),
        new(Codes.OpdCompliancePct, 90),
    ];

    public IReadOnlyList<string> Headlines { get; } = [Codes.ComplaintsReceived, Codes.WithinSlaPct, Codes.Overdue, Codes.ClosedPct];

    /// <summary>Every indicator but the per-resident rate is also computed for each OPD the complaints are disposed to.</summary>
    public IReadOnlyList<string> AgencyIndicators { get; } =
    [
        Codes.ComplaintsReceived, Codes.AwaitingVerification, Codes.FollowedUpPct, Codes.WithinSlaPct, Codes.Overdue,
        Codes.FirstResponseHours, Codes.ClosedPct, Codes.OpdCompliancePct, Codes.TopCategory,
    ];

    private static IndicatorDefinition Complaint(
        int number, string code, IndicatorUnit unit, IndicatorDirection direction, int cadence, int freshness,
        double tolerance, string nameId, string nameEn, string definitionId, string definitionEn, string formula) =>
        IndicatorCatalog.Define(new IndicatorSpec(Source, "DISKOMINFO", LegalComplaints), number, code, unit, direction,
            cadence, freshness, tolerance, nameId, nameEn, definitionId, definitionEn, formula);
}
