using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>Social aid indicators #31–#38 (docs/DOMAIN.md §10): their Satu Data metadata, targets and headline tiles.</summary>
public sealed class SocialAidIndicators : IIndicatorSet
{
    public const string Source = "SocialAid";

    /// <summary>Dinsos-P3AP2KB (docs/DOMAIN.md §2) as the reference data spells it.</summary>
    public const string OwnerOpd = "DINSOS";

    public static class Codes
    {
        public const string Recipients = "BANSOS_KPM";
        public const string DisbursedPct = "BANSOS_SALUR_PCT";
        public const string Failed = "BANSOS_GAGAL_SALUR";
        public const string PoorestFamilies = "DTSEN_DESIL_1_4";
        public const string PoorestCoveragePct = "BANSOS_CAKUPAN_DESIL_1_4_PCT";
        public const string InclusionError = "BANSOS_INCLUSION_ERROR";
        public const string VervalPct = "DTSEN_VERVAL_PCT";
        public const string Graduated = "PKH_GRADUASI";
    }

    private const string LegalAid = "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN";
    private const string LegalPkh = "Permensos 1/2018 tentang Program Keluarga Harapan; Inpres 4/2025";

    string IIndicatorSet.Source => Source;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Aid(31, Codes.Recipients, IndicatorUnit.Count, IndicatorDirection.Neutral, 43200, 86400, 0, LegalAid,
            "Keluarga penerima manfaat (KPM)", "Beneficiary families (KPM)",
            "Keluarga penerima manfaat (KPM): keluarga berstatus aktif yang terdaftar pada sedikitnya satu program (PKH, Sembako, PBI-JK, BLT, BPNTD). Rincian per program ada di halaman bansos. Riwayat sebelum pemuatan pertama adalah daftar keluarga saat ini.",
            "Beneficiary families (KPM): active families enrolled in at least one programme (PKH, Sembako, PBI-JK, BLT, BPNTD). The page breaks them down by programme. Days before the first load show the current register.",
            "count(status = aktif ∧ programs ≠ ∅)"),
        Aid(32, Codes.DisbursedPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, 0.05, LegalAid,
            "Persentase penyaluran bansos", "Aid disbursed against allocation",
            "Untuk tahap berjalan (tahap terakhir yang sudah mulai disalurkan pada hari itu), penyaluran berstatus tersalur s.d. akhir hari itu dibanding seluruh alokasi tahap tersebut, semua program.",
            "For the current tahap (the latest one whose disbursement had started by that day), payments disbursed by the end of the day against the tahap's whole allocation, all programmes.",
            "count(stage = tahap berjalan ∧ status = tersalur ∧ disbursed_at ≤ akhir hari) / count(stage = tahap berjalan) × 100"),
        Aid(33, Codes.Failed, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 1440, 2880, 0.2, LegalAid,
            "Gagal salur", "Failed disbursements",
            "Penyaluran tahap berjalan yang berstatus gagal, dengan alasannya di halaman bansos. Waktu kegagalan adalah updated_at versi gagal (kontrak tidak memuat tanggal gagal); penyaluran ulang yang berhasil tidak lagi dihitung.",
            "Payments of the current tahap that failed; the page lists their reasons. The failure time is the failed version's updated_at (the contract has no failure date); a successful retry no longer counts.",
            "count(stage = tahap berjalan ∧ status = gagal ∧ updated_at ≤ akhir hari)"),
        Aid(34, Codes.PoorestFamilies, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 129600, 259200, 0, LegalAid,
            "Keluarga desil 1–4", "Families in desil 1–4",
            "Keluarga DTSEN yang masih terdaftar (bukan nonaktif) pada desil 1–4. Persentasenya terhadap seluruh keluarga terdaftar ada di halaman bansos.",
            "DTSEN families still registered (not nonaktif) in desil 1–4. The page shows their share of all registered families.",
            "count(status ≠ nonaktif ∧ desil ≤ 4)"),
        Aid(35, Codes.PoorestCoveragePct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 129600, 259200, 0.05, LegalAid,
            "Cakupan bansos desil 1–4", "Aid coverage of desil 1–4",
            "Bagian keluarga desil 1–4 yang masih terdaftar yang menerima sedikitnya satu program.",
            "Share of registered desil 1–4 families receiving at least one programme.",
            "count(desil ≤ 4 ∧ KPM) / count(status ≠ nonaktif ∧ desil ≤ 4) × 100"),
        Aid(36, Codes.InclusionError, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 129600, 259200, 0.2, LegalAid,
            "Indikasi inclusion error", "Possible inclusion errors",
            "KPM yang berada pada desil 6 ke atas: ditandai untuk verval, belum tentu salah sasaran.",
            "Beneficiary families in desil 6 or above: flagged for verification, not necessarily ineligible.",
            "count(KPM ∧ desil ≥ 6)"),
        Aid(37, Codes.VervalPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, 0.05, LegalAid,
            "Progres verval/groundcheck", "Verification and validation progress",
            "Keluarga DTSEN yang sudah diverifikasi dan divalidasi (layak atau tidak layak) dibanding seluruh keluarga dalam data. Turun saat pemutakhiran triwulanan menambah keluarga yang harus dicek.",
            "DTSEN families verified and validated (eligible or not) against all families in the data. Dips when the quarterly update adds families to check.",
            "count(verval_status ∈ {layak, tidak_layak}) / count(keluarga) × 100"),
        Aid(38, Codes.Graduated, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter, 43200, 86400, 0.1, LegalPkh,
            "KPM tergraduasi", "Graduated families",
            "Keluarga yang tergraduasi (keluar dari program karena mandiri) sejak 1 Januari s.d. hari itu. Waktu graduasi adalah updated_at versi pertama berstatus graduasi (kontrak tidak memuat tanggal graduasi). Target kota 130 KPM per tahun.",
            "Families graduated (left the programmes as self-reliant) from 1 January to that day. The graduation time is the updated_at of the first version with status graduasi (the contract has no graduation date). The city's target is 130 a year.",
            "count(status = graduasi ∧ waktu graduasi dalam tahun berjalan s.d. akhir hari)"),
    ];

    /// <summary>[I] Design targets, except graduations (docs/DOMAIN.md §6.2: 130 a year).</summary>
    public IReadOnlyList<YearlyTarget> YearlyTargets { get; } =
    [
        new(Codes.DisbursedPct, 98),
        new(Codes.Failed, 50),
        new(Codes.PoorestCoveragePct, 90),
        new(Codes.InclusionError, 100),
        new(Codes.VervalPct, 95),
        new(Codes.Graduated, SocialAidPayload.GraduationTarget),
    ];

    public IReadOnlyList<string> Headlines { get; } = [Codes.Recipients, Codes.DisbursedPct, Codes.PoorestCoveragePct];

    private static IndicatorDefinition Aid(
        int number, string code, IndicatorUnit unit, IndicatorDirection direction, int cadence, int freshness,
        double tolerance, string legal, string nameId, string nameEn, string definitionId, string definitionEn, string formula) =>
        IndicatorCatalog.Define(new IndicatorSpec(Source, OwnerOpd, legal), number, code, unit, direction,
            cadence, freshness, tolerance, nameId, nameEn, definitionId, definitionEn, formula);
}
