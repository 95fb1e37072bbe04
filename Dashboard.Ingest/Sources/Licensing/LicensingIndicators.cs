using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Sources.Licensing;

/// <summary>Licensing and investment indicators #57–#66 (docs/DOMAIN.md, licensing): Satu Data metadata, targets and headlines.</summary>
public sealed class LicensingIndicators : IIndicatorSet
{
    public const string Source = "Licensing";

    /// <summary>The one-stop service: Dinas Tenaga Kerja, Penanaman Modal dan PTSP.</summary>
    public const string OwnerOpd = "DISNAKER_PMPTSP";

    public static class Codes
    {
        public const string Issued = "IZIN_TERBIT";
        public const string OnTimePct = "IZIN_TEPAT_WAKTU_PCT";
        public const string MedianDays = "IZIN_LAMA_PROSES_MEDIAN";
        public const string Overdue = "IZIN_TERTUNGGAK";
        public const string WaitingApplicant = "IZIN_MENUNGGU_PEMOHON";
        public const string RejectedPct = "IZIN_PENOLAKAN_PCT";
        public const string PbgUnpaid = "PBG_MENUNGGU_BAYAR";
        public const string PbgRetribution = "PBG_RETRIBUSI";
        public const string NibIssued = "NIB_TERBIT";
        public const string InvestmentPct = "INVESTASI_REALISASI_PCT";
    }

    /// <summary>Days of the rolling window of #58, #59 and #62, today included.</summary>
    public const int WindowDays = 30;

    /// <summary>Design assumption: the PBG retribution target of a year (the first PBG year's target was Rp12.5 bn).</summary>
    public const double PbgRetributionTarget = 12_500_000_000;

    private const string Legal = "PP 28/2025 (Perizinan Berusaha Berbasis Risiko); PP 16/2021 (PBG); UU 1/2022 (retribusi PBG); Perka BKPM 5/2021 (LKPM)";

    string IIndicatorSet.Source => Source;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Define(57, Codes.Issued, IndicatorUnit.Count, IndicatorDirection.Neutral, 60, 180, 0,
            "Izin terbit", "Permits issued",
            "Izin yang terbit (status terbit) pada hari itu, semua jenis. Label: rincian per kanal (OSS, SiCantik, SIMBG).",
            "Permits issued (status terbit) that day, every type. Label: the breakdown by channel (OSS, SiCantik, SIMBG).",
            "count(status = terbit ∧ issued_at dalam hari itu); label = count per channel"),
        Define(58, Codes.OnTimePct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, 0.05,
            "Izin terbit tepat waktu", "Permits issued within their SLA",
            "Dari izin yang terbit dalam 30 hari terakhir, bagian yang terbit dalam SLA jenis izinnya. SLA dihitung dalam hari " +
            "kerja (tanpa Sabtu, Minggu, libur nasional dan cuti bersama) sejak hari pengajuan; hari ketika berkas seharian " +
            "berada pada pemohon (perbaikan) tidak dihitung.",
            "Of permits issued in the last 30 days, the share issued within their permit type's SLA. The SLA counts working " +
            "days (no weekends, national holidays or cuti bersama) after the day of submission; days the file spent wholly " +
            "with the applicant (perbaikan) do not count.",
            "count(terbit ∧ hari_kerja(submitted_at, issued_at) − hari_perbaikan ≤ sla_days) / count(terbit dalam 30 hari) × 100"),
        Define(59, Codes.MedianDays, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 1440, 2880, 0.1,
            "Lama proses izin (median)", "Permit processing time (median)",
            "Median hari kerja dari pengajuan sampai terbit (tanpa hari perbaikan) atas izin yang terbit dalam 30 hari terakhir. " +
            "Label: persentil ke-90.",
            "Median working days from submission to issue (perbaikan days left out) of permits issued in the last 30 days. " +
            "Label: the 90th percentile.",
            "median(hari_kerja(submitted_at, issued_at) − hari_perbaikan); label = P90"),
        Define(60, Codes.Overdue, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 60, 180, 0,
            "Berkas tertunggak melewati SLA", "Open files past their SLA",
            "Berkas belum selesai yang hari kerjanya (tanpa hari perbaikan) telah melewati SLA pada akhir hari itu. Berkas pada " +
            "tahap Pemkot (diajukan, verifikasi, pertimbangan teknis) berisiko fiktif positif (PP 28/2025). Label: rincian per tahap.",
            "Open files whose working days (perbaikan days left out) had passed their SLA at the end of that day. Files at a " +
            "city stage (diajukan, verifikasi, pertimbangan teknis) carry the fiktif-positif risk (PP 28/2025). Label: by stage.",
            "count(status bukan akhir ∧ hari_kerja − hari_perbaikan > sla_days); label = count per status"),
        Define(61, Codes.WaitingApplicant, IndicatorUnit.Count, IndicatorDirection.Neutral, 1440, 2880, 0,
            "Berkas menunggu perbaikan pemohon", "Files waiting for the applicant's correction",
            "Berkas berstatus perbaikan pada akhir hari itu: jam SLA berhenti sampai pemohon melengkapi.",
            "Files in perbaikan at the end of that day: their SLA clock stands still until the applicant answers.",
            "count(status = perbaikan pada akhir hari)"),
        Define(62, Codes.RejectedPct, IndicatorUnit.Percent, IndicatorDirection.Neutral, 1440, 10080, 0,
            "Tingkat penolakan izin", "Permit refusal rate",
            "Dari berkas yang selesai dalam 30 hari terakhir, bagian yang ditolak, dicabut pemohon atau dibatalkan.",
            "Of files closed in the last 30 days, the share refused, withdrawn by the applicant or cancelled.",
            "count(status ∈ {ditolak, dicabut, dibatalkan}) / count(status akhir dalam 30 hari) × 100"),
        Define(63, Codes.PbgUnpaid, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 1440, 2880, 0.1,
            "PBG menunggu pembayaran retribusi", "PBG approved, retribution unpaid",
            "Berkas PBG (SIMBG, jenis izin beretribusi) yang telah disetujui teknis dan menunggu pembayaran retribusi pada akhir " +
            "hari itu. Label: nilai retribusi yang tertahan.",
            "PBG files (SIMBG, a permit type with retribution) approved and waiting for the retribution at the end of that day. " +
            "Label: the retribution held up.",
            "count(channel = simbg ∧ status = menunggu_bayar); label = Σ retribution_amount"),
        Define(64, Codes.PbgRetribution, IndicatorUnit.Rupiah, IndicatorDirection.HigherIsBetter, 1440, 2880, 0.1,
            "Retribusi PBG terkumpul", "PBG retribution collected",
            "Retribusi PBG yang dibayar sejak 1 Januari (kumulatif), dibanding target tahunan secara proporsional waktu. Asumsi " +
            "desain: target Rp12,5 miliar setahun.",
            "PBG retribution paid since 1 January (cumulative), against the yearly target in proportion to the year elapsed. " +
            "Design assumption: a target of Rp12.5 bn a year.",
            "Σ retribution_amount (channel = simbg ∧ paid_at sejak 1 Januari)"),
        Define(65, Codes.NibIssued, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter, 1440, 2880, 0,
            "NIB terbit", "Business ids (NIB) issued",
            "NIB yang terbit melalui OSS pada hari itu. Label: rincian per skala usaha.",
            "Business ids issued through OSS that day. Label: the breakdown by business scale.",
            "count(issued_at dalam hari itu); label = count per scale"),
        Define(66, Codes.InvestmentPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 10080, 0.1,
            "Realisasi investasi terhadap target", "Investment realised against target",
            "Realisasi investasi (LKPM, PMDN dan PMA) triwulan yang telah berakhir tahun berjalan, kumulatif, dibanding target " +
            "investasi tahun itu. Label: PMDN dan PMA dalam rupiah.",
            "Investment realised (LKPM, PMDN and PMA) in the ended quarters of the year, cumulative, against the year's " +
            "investment target. Label: PMDN and PMA in rupiah.",
            "Σ realised_value (triwulan berakhir, tahun berjalan) / Σ target (tahun berjalan) × 100"),
    ];

    public IReadOnlyList<YearlyTarget> YearlyTargets { get; } =
    [
        new(Codes.OnTimePct, 90),
        new(Codes.PbgRetribution, PbgRetributionTarget),
        new(Codes.InvestmentPct, 100),
    ];

    public IReadOnlyList<string> Headlines { get; } = [Codes.Issued, Codes.OnTimePct, Codes.Overdue, Codes.InvestmentPct];

    /// <summary>Computed per technical agency too (LicensingKpis): the permits each agency's recommendation stage handles.</summary>
    public IReadOnlyList<string> AgencyIndicators { get; } =
        [Codes.Issued, Codes.OnTimePct, Codes.MedianDays, Codes.Overdue, Codes.WaitingApplicant, Codes.RejectedPct];

    /// <summary>Collected since 1 January: its target applies in proportion to the year elapsed.</summary>
    public IReadOnlyList<string> Cumulative { get; } = [Codes.PbgRetribution, Codes.InvestmentPct];

    private static IndicatorDefinition Define(
        int number, string code, IndicatorUnit unit, IndicatorDirection direction, int cadence, int freshness,
        double tolerance, string nameId, string nameEn, string definitionId, string definitionEn, string formula) =>
        IndicatorCatalog.Define(new IndicatorSpec(Source, OwnerOpd, Legal), number, code, unit, direction,
            cadence, freshness, tolerance, nameId, nameEn, definitionId, definitionEn, formula);
}
