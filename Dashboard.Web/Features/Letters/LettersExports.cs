using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Web.Shared.Export;
using Codes = Dashboard.Ingest.Sources.Letters.LettersIndicators.Codes;

namespace Dashboard.Web.Features.Letters;

/// <summary>The letter-services page's downloads: every chart series and table it shows, for its region (<c>?wilayah=</c>).</summary>
public static class LettersExports
{
    private static readonly DomainTables<LettersView> T = new();

    public static DomainExport<string, LettersView> Page { get; } = DomainExports.RegionPage<LettersView, LettersQueries>(
        LettersDomain.Route, LettersDomain.Policy, LettersIndicators.Source, (queries, scope, ct) => queries.GetAsync(scope, ct), v => v.Scope,
        [
            // A column a letter type, like the chart's series: the types with a request in the window.
            T.Table("harian", v => Enumerable.Range(0, v.Days.Count), InKelurahan, [Codes.Requests], v =>
                [
                    new ExportColumn<int>("tanggal", i => v.Days[i]),
                    .. ShownTypes(v).Select(t => new ExportColumn<int>(t.Type, i => v.RequestsPerDayByType[t.Index][i], IsCount: true)),
                ]),
            T.Table("jenis", v => v.ByType, InKelurahan, [Codes.Requests],
                new("jenis", r => r.Type), new("permohonan", r => r.Count, IsCount: true)),
            T.Table("sesuai_standar", v => v.Days.Select((day, i) => (Day: day, Pct: v.WithinStandardPerDay[i])), (_, _) => false, [Codes.WithinStandardPct],
                new("tanggal", r => r.Day), new("sesuai_standar_pct", r => r.Pct, IsDerived: true)),
            T.Table("peringkat", v => v.Ranking, (_, _) => true, [Codes.WithinStandardPct, Codes.Requests],
                new("peringkat", r => r.Rank), new("kode_kelurahan", r => r.Code), new("nama_kelurahan", r => r.Name),
                new("kecamatan", r => r.Kecamatan), new("sesuai_standar_pct", r => r.WithinStandardPct, IsDerived: true), new("status", r => r.Status),
                new("permohonan_30_hari", r => r.Requests, IsCount: true), new("per_1000_penduduk", r => r.PerThousand, IsDerived: true),
                new("ditolak_pct", r => r.RejectedPct, IsDerived: true), new("terbuka", r => r.Open, IsCount: true),
                new("lewat_standar", r => r.Overdue, IsCount: true)),
            T.Table("tunggakan", v => v.Backlog, (_, _) => false, [],
                new("id_permohonan", r => r.Id), new("kelurahan", r => r.KelurahanName), new("jenis", r => r.Type),
                new("diajukan_wib", r => r.RequestedAt), new("batas_standar_wib", r => r.Deadline), new("status", r => r.Status)),
        ]);

    /// <summary>The types the daily chart draws (those with a request in the window), with their index in the view.</summary>
    internal static IEnumerable<(string Type, int Index)> ShownTypes(LettersView view) =>
        view.Types.Select((type, i) => (Type: type, Index: i)).Where(t => view.RequestsPerDayByType[t.Index].Any(v => v > 0));

    private static bool InKelurahan<TRow>(LettersView view, TRow row) => view.Scope.Level == RegionLevel.Kelurahan;
}
