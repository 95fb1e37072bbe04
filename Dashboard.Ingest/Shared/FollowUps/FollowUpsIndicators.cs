using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.FollowUps;

/// <summary>
/// Indicators #67–#69 of the follow-up practice itself. Not a source system: <see cref="FollowUpKpis"/> computes them from the
/// follow-up table after every change and once a day, so the catalogue, the overview, the indicator page, targets and alerts
/// treat them like any other indicator set.
/// </summary>
public sealed class FollowUpsIndicators : IIndicatorSet
{
    public const string Source = "FollowUps";

    /// <summary>Bagian Organisasi of the Sekretariat Daerah keeps the evaluation of the agencies.</summary>
    public const string OwnerOpd = "SETDA";

    /// <summary>How far back "closed on time" looks (days of due dates).</summary>
    public const int WindowDays = 90;

    public static class Codes
    {
        public const string ClosedOnTimePct = "TL_TEPAT_WAKTU_PCT";
        public const string Overdue = "TL_LEWAT_TENGGAT";
        public const string Open = "TL_TERBUKA";
    }

    string IIndicatorSet.Source => Source;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        Define(67, Codes.ClosedOnTimePct, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 0.05,
            "Tindak lanjut selesai tepat waktu", "Follow-ups closed on time",
            "Per OPD dan kota: dari tindak lanjut bertenggat sejak 90 hari terakhir yang tenggatnya sudah lewat atau yang sudah selesai, bagian yang selesai paling lambat pada tanggal tenggat (tabel peringkat).",
            "Per agency and city: of follow-ups due from 90 days ago on that are past due or done, the share done by the due date (league table).",
            "count(selesai ∧ tanggal selesai ≤ tenggat) / count(tenggat ≥ hari ini − 89 ∧ (tenggat < hari ini ∨ selesai)) × 100"),
        Define(68, Codes.Overdue, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 0,
            "Tindak lanjut lewat tenggat", "Overdue follow-ups",
            "Tindak lanjut yang belum selesai dan tenggatnya sudah lewat, per OPD dan kota.",
            "Follow-ups not done whose due date has passed, per agency and city.",
            "count(status ≠ selesai ∧ tenggat < hari ini)"),
        Define(69, Codes.Open, IndicatorUnit.Count, IndicatorDirection.Neutral, 0,
            "Tindak lanjut terbuka", "Open follow-ups",
            "Tindak lanjut yang belum selesai (terbuka atau sedang dikerjakan), per OPD dan kota.",
            "Follow-ups not done yet (open or in progress), per agency and city.",
            "count(status ≠ selesai)"),
    ];

    public IReadOnlyList<YearlyTarget> YearlyTargets { get; } =
    [
        new(Codes.ClosedOnTimePct, 90),
        new(Codes.Overdue, 0),
    ];

    public IReadOnlyList<string> Headlines { get; } = [Codes.ClosedOnTimePct, Codes.Overdue, Codes.Open];

    /// <summary>All three are computed per agency too: each head sees his agency's follow-up record on his home.</summary>
    public IReadOnlyList<string> AgencyIndicators { get; } = [Codes.ClosedOnTimePct, Codes.Overdue, Codes.Open];

    // Recomputed on every change and at least daily (FollowUpKpiScheduler): stale after two days without a computation.
    private static IndicatorDefinition Define(
        int number, string code, IndicatorUnit unit, IndicatorDirection direction, double tolerance,
        string nameId, string nameEn, string definitionId, string definitionEn, string formula) =>
        IndicatorCatalog.Define(new IndicatorSpec(Source, OwnerOpd, null),
            number, code, unit, direction, 1440, 2880, tolerance, nameId, nameEn, definitionId, definitionEn, formula);
}
