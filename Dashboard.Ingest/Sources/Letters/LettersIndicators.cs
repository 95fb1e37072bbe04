using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Sources.Letters;

/// <summary>Kelurahan letter-service indicators #44–#45 (docs/DOMAIN.md §10): Satu Data metadata, target and headlines.</summary>
public sealed class LettersIndicators : IIndicatorSet
{
    public const string Source = "Letters";

    /// <summary>
    /// Kelurahan and kecamatan are perangkat daerah coordinated by the Sekretariat Daerah (Bagian Pemerintahan);
    /// the catalogue has no agency code of their own.
    /// </summary>
    public const string OwnerOpd = "SETDA";

    public static class Codes
    {
        public const string Requests = "SURAT_PERMOHONAN";
        public const string WithinStandardPct = "SURAT_SESUAI_STANDAR_PCT";
    }

    /// <summary>Days of the window whose deadlines #45 looks at, today included.</summary>
    public const int StandardWindowDays = 30;

    private const string Legal = "UU 25/2009 (Pelayanan Publik); Permenpan RB 15/2014 (Standar Pelayanan); PP 17/2018 (Kecamatan)";

    string IIndicatorSet.Source => Source;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Letter(44, Codes.Requests, IndicatorUnit.Count, IndicatorDirection.Neutral, 60, 180, 0,
            "Permohonan surat keterangan kelurahan", "Kelurahan letter requests",
            "Jumlah permohonan surat keterangan di kelurahan pada hari itu (semua jenis, termasuk yang ditolak). " +
            "Label: rincian per jenis surat (domisili, sktm, pengantar_skck, keterangan_usaha, kematian, lainnya).",
            "Letter requests made at the kelurahan that day (every type, rejected ones included). " +
            "Label: the breakdown by letter type (domisili, sktm, pengantar_skck, keterangan_usaha, kematian, lainnya).",
            "count(requested_at dalam hari itu); label = count per letter_type"),
        Letter(45, Codes.WithinStandardPct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 1440, 2880, 0.05,
            "Surat selesai sesuai standar pelayanan", "Letters completed within the service standard",
            "Dari permohonan (tidak termasuk yang ditolak) yang batas standar pelayanannya jatuh dalam 30 hari terakhir, " +
            "bagian yang selesai sebelum batas itu. Asumsi desain (standar Malang tidak ditemukan): domisili, pengantar SKCK " +
            "dan kematian 1 hari kerja; SKTM, keterangan usaha dan lainnya 3 hari kerja; hari kerja Senin–Jumat " +
            "tanpa libur nasional dan cuti bersama.",
            "Of requests (rejected ones excluded) whose service-standard deadline fell in the last 30 days, the share " +
            "completed by that deadline. Design assumption (no published Malang standard was found): domisili, pengantar " +
            "SKCK and kematian 1 working day; SKTM, keterangan usaha and lainnya 3 working days; Monday–Friday less " +
            "national holidays and cuti bersama.",
            "count(status = selesai ∧ completed_at ≤ batas) / count(status ≠ ditolak ∧ batas dalam 30 hari terakhir) × 100; " +
            "batas = requested_at + standar(letter_type) hari kerja"),
    ];

    public IReadOnlyList<YearlyTarget> YearlyTargets { get; } = [new(Codes.WithinStandardPct, 90)];

    public IReadOnlyList<string> Headlines { get; } = [Codes.Requests, Codes.WithinStandardPct];

    private static IndicatorDefinition Letter(
        int number, string code, IndicatorUnit unit, IndicatorDirection direction, int cadence, int freshness,
        double tolerance, string nameId, string nameEn, string definitionId, string definitionEn, string formula) =>
        IndicatorCatalog.Define(new IndicatorSpec(Source, OwnerOpd, Legal), number, code, unit, direction,
            cadence, freshness, tolerance, nameId, nameEn, definitionId, definitionEn, formula);
}
