using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Sources.Budget;

/// <summary>APBD execution and monev indicators #47–#56 (docs/DOMAIN.md §13): Satu Data metadata, targets, headline tiles.</summary>
public sealed class BudgetIndicators : IIndicatorSet
{
    public const string Source = "Budget";

    /// <summary>BKAD keeps the treasury (SP2D) and reports realisation; Bappeda runs monev (docs/DOMAIN.md §2, §13).</summary>
    public const string Bkad = "BKAD";
    public const string Bappeda = "BAPPEDA";

    public static class Codes
    {
        public const string RealisationPct = "BELANJA_REALISASI_PCT";
        public const string AgencyRealisationPct = "BELANJA_REALISASI_OPD_PCT";
        public const string AgenciesBelowBand = "OPD_DI_BAWAH_KURVA";
        public const string CashPlanDeviation = "BELANJA_DEVIASI_RAK";
        public const string PhysicalFinancialGap = "FISIK_KEUANGAN_SELISIH";
        public const string CapitalShare = "BELANJA_MODAL_PORSI";
        public const string PersonnelShare = "BELANJA_PEGAWAI_PORSI";
        public const string ProjectedSilpa = "SILPA_PROYEKSI";
        public const string MonevOnTime = "MONEV_TEPAT_WAKTU";
        public const string FundingRealisationPct = "REALISASI_SUMBER_DANA_PCT";
    }

    /// <summary>A line whose physical and financial progress differ by more than this many points is listed (#51).</summary>
    public const double GapPoints = 15;

    /// <summary>The day of the month by which last month's monev report must be in and verified (#55).</summary>
    public const int MonevDueDay = 10;

    /// <summary>Indicators held to the monthly band (<see cref="BudgetBand"/>) instead of one yearly target.</summary>
    public static readonly IReadOnlyList<string> Banded = [Codes.RealisationPct, Codes.AgencyRealisationPct];

    private const string Legal = "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Permendagri 77/2020; Perda APBD";
    private const string LegalMonev = "PP 8/2008; Permendagri 86/2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah";

    string IIndicatorSet.Source => Source;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Define(47, Bkad, Codes.RealisationPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, Legal,
            "Realisasi belanja (serapan) kota", "Spending realised (city)",
            "SP2D LS dan GU yang tidak dibatalkan sejak 1 Januari dibanding pagu berlaku (setelah pergeseran/perubahan). Status mengikuti pita bulanan kurva S: di bawah batas bawah merah, di antara kedua batas kuning, pada atau di atas batas atas hijau.",
            "LS and GU payments (SP2D) not cancelled since 1 January against the current pagu (after shifts and the revised budget). Status follows the monthly S-curve band: below the lower bound red, between the bounds amber, at or above the upper bound green.",
            "Σ rincian SP2D (LS, GU; status terbit) 1 Jan s.d. hari itu / Σ pagu tahun itu × 100"),
        Define(48, Bkad, Codes.AgencyRealisationPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, Legal,
            "Serapan per OPD", "Realisation per agency",
            "Serapan belanja setiap OPD terhadap pagunya, dibanding pita bulanan yang sama. Nilai tingkat kota adalah OPD terendah (keterangan menyebut OPD itu); liga OPD ada di halaman Anggaran.",
            "Each agency's spending realised against its own pagu, held to the same monthly band. The city value is the lowest agency (the label names it); the agency league is on the Budget page.",
            "per OPD: Σ rincian SP2D (LS, GU; terbit) / Σ pagu OPD × 100; kota: min per OPD"),
        Define(49, Bkad, Codes.AgenciesBelowBand, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 1440, 2880, Legal,
            "OPD di bawah kurva", "Agencies below the band",
            "Jumlah OPD ber-pagu yang serapannya di bawah batas bawah pita bulanan hari itu; keterangan menyebut yang paling tertinggal.",
            "Agencies with a pagu whose realisation is below the band's lower bound that day; the label names the one furthest behind.",
            "count(OPD: serapan % < batas bawah pita pada hari itu)"),
        Define(50, Bkad, Codes.CashPlanDeviation, IndicatorUnit.Rupiah, IndicatorDirection.HigherIsBetter, 1440, 2880, Legal,
            "Deviasi terhadap anggaran kas", "Deviation from the cash plan",
            "Realisasi dikurangi rencana anggaran kas (RAK) sampai hari itu; bulan berjalan dihitung sebanding hari yang sudah lewat. Negatif berarti tertinggal dari rencana OPD sendiri.",
            "Realised minus the cash plan (RAK) to date; the current month counts in proportion to its days elapsed. Negative means behind the agency's own plan.",
            "Σ realisasi − Σ RAK (bulan lalu penuh + bulan berjalan × hari berjalan / hari dalam bulan)"),
        Define(51, Bappeda, Codes.PhysicalFinancialGap, IndicatorUnit.Count, IndicatorDirection.Neutral, 1440, 44640, LegalMonev,
            "Realisasi fisik vs keuangan", "Physical vs financial progress",
            "Jumlah sub-kegiatan yang capaian fisik terakhirnya (laporan monev) berselisih lebih dari 15 poin dengan realisasi keuangannya pada akhir bulan yang sama. Daftarnya ada di halaman Anggaran.",
            "Sub-activities whose latest physical progress (monev report) differs by more than 15 points from their financial realisation at the end of the same month. The list is on the Budget page.",
            "count(sub-kegiatan: |fisik % − keuangan %| > 15)"),
        Define(52, Bkad, Codes.CapitalShare, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 10080, 20160, Legal,
            "Porsi belanja modal", "Capital spending share",
            "Pagu belanja modal dibanding seluruh pagu belanja tahun itu (DPRD menilai ≥ 20 % sehat); porsi realisasinya ada di halaman Anggaran.",
            "Capital spending's share of the year's whole spending pagu (the DPRD calls 20 % or more healthy); its share of realisation is on the Budget page.",
            "Σ pagu (jenis modal) / Σ pagu × 100"),
        Define(53, Bkad, Codes.PersonnelShare, IndicatorUnit.Percent, IndicatorDirection.LowerIsBetter, 10080, 20160, Legal,
            "Porsi belanja pegawai", "Personnel spending share",
            "Belanja pegawai (rekening 5.1.01) dibanding seluruh realisasi belanja sejak 1 Januari (UU HKPD: paling tinggi 30 %).",
            "Personnel spending (accounts 5.1.01) against all spending realised since 1 January (the HKPD law caps it at 30 %).",
            "Σ rincian SP2D rekening 5.1.01 / Σ rincian SP2D (LS, GU; terbit) × 100"),
        Define(54, Bkad, Codes.ProjectedSilpa, IndicatorUnit.Rupiah, IndicatorDirection.Neutral, 10080, 20160, Legal,
            "Proyeksi SiLPA", "Projected unspent balance (SiLPA)",
            "Pagu dikurangi belanja akhir tahun yang diproyeksikan: realisasi sejauh ini ditambah sisa rencana anggaran kas yang dibelanjakan dengan laju yang sama terhadap rencana seperti sampai hari ini (DPRD: Rp100–155 miliar wajar, di atas Rp300 miliar perencanaan lemah).",
            "Pagu less the projected year-end spending: realised so far plus the rest of the cash plan spent at the same pace against the plan as to date (the DPRD calls Rp100–155 bn normal, above Rp300 bn poor planning).",
            "Σ pagu − min(pagu, realisasi + (RAK setahun − RAK s.d. hari itu) × realisasi / RAK s.d. hari itu)"),
        Define(55, Bappeda, Codes.MonevOnTime, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, LegalMonev,
            "Laporan monev tepat waktu", "Monev reports on time",
            "Bagian OPD yang laporan capaian fisik bulan lalu untuk setiap sub-kegiatannya sudah masuk paling lambat tanggal 10 dan terverifikasi. Sampai tanggal 10 yang dinilai bulan sebelumnya lagi.",
            "Share of agencies whose last month's physical progress report is in for every sub-activity by the 10th and verified. Until the 10th, the month before is judged.",
            "count(OPD: setiap sub-kegiatan punya laporan bulan itu, masuk ≤ tgl 10, terverifikasi) / count(OPD ber-pagu) × 100"),
        Define(56, Bkad, Codes.FundingRealisationPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 10080, 20160, Legal,
            "Realisasi per sumber dana", "Realisation per funding source",
            "Serapan setiap sumber dana (PAD, DAU, DAK fisik, …) terhadap pagunya. Nilai tingkat kota adalah sumber dana terendah (biasanya DAK fisik), keterangan menyebutnya; rinciannya di halaman Anggaran.",
            "Realisation of each funding source (PAD, DAU, DAK fisik, …) against its pagu. The city value is the lowest source (usually DAK fisik), named by the label; the breakdown is on the Budget page.",
            "min per sumber dana (Σ realisasi / Σ pagu × 100)"),
    ];

    /// <summary>
    /// [I] What holds every year: no agency below the band, spending at or ahead of the cash plan, capital at least a fifth and
    /// personnel at most 30 % of spending, every monev report on time. #47 and #48 follow the monthly band instead
    /// (<see cref="BudgetKpis"/> writes it as month targets from <c>Sources:Budget:Band</c>).
    /// </summary>
    public IReadOnlyList<YearlyTarget> YearlyTargets { get; } =
    [
        new(Codes.AgenciesBelowBand, 0),
        new(Codes.CashPlanDeviation, 0),
        new(Codes.CapitalShare, 20),
        new(Codes.PersonnelShare, 30),
        new(Codes.MonevOnTime, 100),
    ];

    public IReadOnlyList<string> Headlines { get; } = [Codes.RealisationPct, Codes.AgenciesBelowBand, Codes.ProjectedSilpa];

    /// <summary>Computed per agency too (BudgetKpis): each head's realisation, cash-plan deviation, projected SiLPA and physical–financial gap.</summary>
    public IReadOnlyList<string> AgencyIndicators { get; } =
        [Codes.AgencyRealisationPct, Codes.CashPlanDeviation, Codes.ProjectedSilpa, Codes.PhysicalFinancialGap];

    private static IndicatorDefinition Define(
        int number, string owner, string code, IndicatorUnit unit, IndicatorDirection direction, int cadence, int freshness,
        string legal, string nameId, string nameEn, string definitionId, string definitionEn, string formula) =>
        IndicatorCatalog.Define(new IndicatorSpec(Source, owner, legal), number, code, unit, direction,
            cadence, freshness, 0, nameId, nameEn, definitionId, definitionEn, formula);
}
