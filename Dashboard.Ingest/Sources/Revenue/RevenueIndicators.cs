using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>Revenue indicators #21–#30 (docs/DOMAIN.md §10): their Satu Data metadata, targets and headline tiles.</summary>
public sealed class RevenueIndicators : IIndicatorSet
{
    public const string Source = "Revenue";

    /// <summary>Bapenda (docs/DOMAIN.md §2) collects the taxes; BKAD keeps the treasury and reports retribution and PAD.</summary>
    public const string Bapenda = "BAPENDA";
    public const string Bkad = "BKAD";

    public static class Codes
    {
        public const string TaxRealisationPct = "PAJAK_REALISASI_PCT";
        public const string TaxTypesOnTrack = "PAJAK_JENIS_SESUAI_TARGET";
        public const string TaxGapToProportional = "PAJAK_DEVIASI_PROPORSIONAL";
        public const string TaxDailyReceipts = "PAJAK_PENERIMAAN_HARIAN";
        public const string PbbRealisationPct = "PBB_REALISASI_PCT";
        public const string PbbArrears = "PBB_TUNGGAKAN";
        public const string ActiveTaxpayers = "WAJIB_PAJAK_AKTIF";
        public const string BphtbTransactions = "BPHTB_TRANSAKSI";
        public const string RetributionRealisationPct = "RETRIBUSI_REALISASI_PCT";
        public const string PadRealisationPct = "PAD_REALISASI_PCT";
    }

    /// <summary>Days of the trailing window in which a payment makes a taxpayer active (#27).</summary>
    public const int ActiveWindowDays = 365;

    private const string LegalTax = "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah";
    private const string LegalBudget = "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Perda APBD";

    string IIndicatorSet.Source => Source;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Define(21, Bapenda, Codes.TaxRealisationPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 60, 180, 0, LegalBudget,
            "Realisasi pajak daerah", "Regional tax realisation",
            "Penerimaan pajak daerah kumulatif sejak 1 Januari (pembayaran dikurangi pembatalan) dibanding target berlaku tahun APBD (APBD-P bila sudah ditetapkan). Status mengikuti deviasi terhadap target proporsional (#23).",
            "Cumulative regional tax receipts since 1 January (payments less reversals) against the APBD year's target in force (the APBD-P figure once set). Its status follows the gap to the time-proportional target (#23).",
            "Σ pembayaran pajak (posted − reversed) 1 Jan s.d. hari itu / Σ target pajak tahun itu × 100"),
        Define(22, Bapenda, Codes.TaxTypesOnTrack, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter, 1440, 2880, 0, LegalTax,
            "Jenis pajak sesuai target proporsional", "Tax types on the time-proportional track",
            "Jumlah jenis pajak (dari yang bertarget) yang realisasi kumulatifnya mencapai target proporsional waktu; keterangan menyebut jenis yang paling tertinggal. Rincian per jenis ada di halaman Pendapatan.",
            "Tax types (of those with a target) whose cumulative realisation reaches the time-proportional target; the label names the type furthest behind. The Revenue page shows every type.",
            "count(jenis: realisasi kumulatif ≥ target × hari berjalan / hari dalam tahun)"),
        Define(23, Bapenda, Codes.TaxGapToProportional, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, 0, LegalBudget,
            "Deviasi terhadap target proporsional", "Gap to the time-proportional target",
            "Realisasi pajak (% target) dikurangi bagian tahun yang sudah berjalan (% hari), dalam poin persen: positif berarti di depan rencana.",
            "Tax realisation (% of target) minus the share of the year elapsed (% of days), in percentage points: positive means ahead of plan.",
            "realisasi % − hari berjalan / hari dalam tahun × 100"),
        Define(24, Bapenda, Codes.TaxDailyReceipts, IndicatorUnit.Rupiah, IndicatorDirection.HigherIsBetter, 60, 180, 0, LegalTax,
            "Penerimaan pajak harian", "Daily tax receipts",
            "Pembayaran pajak pada hari itu dikurangi pembatalan pada hari itu, menurut lokasi objek pajak (opsen dari Samsat hanya tingkat kota).",
            "Tax payments of the day less reversals of the day, by the tax object's location (opsen transferred by Samsat: city level only).",
            "Σ amount(posted, hari itu) − Σ amount(reversed, hari itu)"),
        Define(25, Bapenda, Codes.PbbRealisationPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, 0.1, LegalTax,
            "SPPT PBB-P2 tahun berjalan terbayar", "Current-year PBB-P2 assessments paid",
            "Bagian ketetapan PBB-P2 (SPPT) tahun berjalan yang sudah dibayar, per kelurahan objek pajak. Ketetapan hanya memuat jumlah terbayar saat ini: nilai hari-hari lalu adalah yang tercatat pada hari itu. Berbeda dari realisasi PBB-P2 terhadap target APBD, yang menghitung semua penerimaan PBB-P2 sejak 1 Januari, termasuk tunggakan tahun-tahun lalu.",
            "Share of the current year's PBB-P2 assessments (SPPT) paid, by the tax object's kelurahan. An assessment only carries what is paid now: past days keep the value recorded on them. Not the PBB-P2 realisation against the APBD target, which counts every PBB-P2 receipt since 1 January, arrears of earlier years included.",
            "Σ amount_paid / Σ amount_due (ketetapan tahun berjalan) × 100"),
        Define(26, Bapenda, Codes.PbbArrears, IndicatorUnit.Rupiah, IndicatorDirection.LowerIsBetter, 10080, 20160, 0, LegalTax,
            "Tunggakan PBB-P2", "PBB-P2 arrears outstanding",
            "Ketetapan PBB-P2 yang belum dibayar: tahun-tahun lalu, dan tahun berjalan setelah jatuh tempo 31 Juli. Pajak yang dinilai sendiri tidak punya ketetapan dalam kontrak, jadi tidak termasuk.",
            "PBB-P2 assessments not yet paid: earlier years, and the current year after its 31 July due date. Self-assessed taxes have no assessments in the contract, so they are not included.",
            "Σ max(0, amount_due − amount_paid) (tahun < berjalan, atau tahun berjalan setelah 31 Juli)"),
        Define(27, Bapenda, Codes.ActiveTaxpayers, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter, 10080, 20160, 0, LegalTax,
            "Wajib pajak aktif", "Active taxpayers",
            "Wajib pajak (NPWPD, disamarkan) pajak yang dinilai sendiri (PBJT, reklame, air tanah) dengan pembayaran dalam 365 hari terakhir, menurut lokasi objek. Wajib pajak baru (pembayaran pertama dalam 30 hari) ada di halaman Pendapatan.",
            "Taxpayers (NPWPD, pseudonymised) of self-assessed taxes (PBJT, billboards, groundwater) with a payment in the last 365 days, by the object's location. New taxpayers (first payment within 30 days) are on the Revenue page.",
            "count distinct(taxpayer: pembayaran posted dalam 365 hari s.d. hari itu)"),
        Define(28, Bapenda, Codes.BphtbTransactions, IndicatorUnit.Count, IndicatorDirection.Neutral, 1440, 2880, 0, LegalTax,
            "Transaksi BPHTB", "BPHTB transactions",
            "Transaksi BPHTB (perolehan hak atas tanah dan bangunan) bulan berjalan sampai hari itu, dikurangi yang dibatalkan; nilainya di halaman Pendapatan.",
            "BPHTB transactions (land and building transfers) of the month to date, less reversals; their value is on the Revenue page.",
            "count(BPHTB posted) − count(BPHTB reversed), 1 s.d. hari itu bulan berjalan"),
        Define(29, Bkad, Codes.RetributionRealisationPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 10080, 0, LegalBudget,
            "Realisasi retribusi daerah", "Retribution realisation",
            "Penerimaan retribusi kumulatif sejak 1 Januari dibanding target retribusi tahun itu; per OPD pemungut untuk retribusi yang OPD-nya diketahui.",
            "Cumulative retribution receipts since 1 January against the year's retribution target; per collecting agency where the agency is known.",
            "Σ pembayaran RETRIBUSI_* (posted − reversed) / Σ target retribusi × 100"),
        Define(30, Bkad, Codes.PadRealisationPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 10080, 20160, 0, LegalBudget,
            "Realisasi PAD", "Own-source revenue (PAD) realisation",
            "Pajak dan retribusi kumulatif dibanding target keduanya. Kontrak Bapenda tidak memuat hasil BUMD dan lain-lain PAD yang sah: angka ini adalah PAD tanpa keduanya.",
            "Taxes and retribution, cumulative, against both targets. The Bapenda contract has no BUMD dividends or other own-source revenue: this is PAD without them.",
            "Σ (pajak + retribusi) kumulatif / Σ target (pajak + retribusi) × 100"),
    ];

    /// <summary>
    /// [I] Design targets. Rupiah targets come from the source per year; here only what holds every year: be at or
    /// ahead of the time-proportional line, and collect 90 % of the year's PBB assessments.
    /// </summary>
    public IReadOnlyList<YearlyTarget> YearlyTargets { get; } =
    [
        new(Codes.TaxGapToProportional, 0),
        new(Codes.PbbRealisationPct, 90),
    ];

    public IReadOnlyList<string> Headlines { get; } = [Codes.TaxRealisationPct, Codes.TaxGapToProportional, Codes.TaxDailyReceipts];

    /// <summary>The retribution an agency collects (parking for DISHUB, markets for DISKOPINDAG…).</summary>
    public IReadOnlyList<string> AgencyIndicators { get; } = [Codes.RetributionRealisationPct];

    /// <summary>Realisation since 1 January: a target set for them applies in proportion to the year elapsed.</summary>
    public IReadOnlyList<string> Cumulative { get; } = [Codes.TaxRealisationPct, Codes.RetributionRealisationPct, Codes.PadRealisationPct];

    private static IndicatorDefinition Define(
        int number, string owner, string code, IndicatorUnit unit, IndicatorDirection direction, int cadence, int freshness,
        double tolerance, string legal, string nameId, string nameEn, string definitionId, string definitionEn, string formula) =>
        IndicatorCatalog.Define(new IndicatorSpec(Source, owner, legal), number, code, unit, direction,
            cadence, freshness, tolerance, nameId, nameEn, definitionId, definitionEn, formula);
}
