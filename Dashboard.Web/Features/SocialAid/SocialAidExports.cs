using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Web.Shared.Export;
using Codes = Dashboard.Ingest.Sources.SocialAid.SocialAidIndicators.Codes;

namespace Dashboard.Web.Features.SocialAid;

/// <summary>The social aid page's downloads: every chart series and table it shows, for its region (<c>?wilayah=</c>).</summary>
public static class SocialAidExports
{
    private static readonly DomainTables<AidView> T = new();

    public static DomainExport<string, AidView> Page { get; } = DomainExports.RegionPage<AidView, SocialAidQueries>(
        SocialAidDomain.Route, SocialAidDomain.Policy, SocialAidIndicators.Source, (queries, scope, ct) => queries.GetAsync(scope, ct), v => v.Scope,
        [
            // The regions table, which holds the programme chart's bars too: a column a programme.
            T.Table("wilayah", v => v.Regions, (_, r) => DomainExports.IsKelurahan(r.Code),
                [Codes.Recipients, Codes.PoorestFamilies, Codes.PoorestCoveragePct, Codes.VervalPct, Codes.DisbursedPct, Codes.Failed, Codes.Graduated], v =>
                [
                    new ExportColumn<AidRegionRow>("kode_wilayah", r => r.Code),
                    new ExportColumn<AidRegionRow>("nama_wilayah", r => r.Name),
                    new ExportColumn<AidRegionRow>("keluarga_penerima", r => r.Recipients, IsCount: true),
                    .. v.Programs.Select((program, i) => new ExportColumn<AidRegionRow>(program.ToLowerInvariant(), r => r.PerProgram[i], IsCount: true)),
                    new ExportColumn<AidRegionRow>("keluarga_desil_1_4", r => r.Poorest, IsCount: true),
                    new ExportColumn<AidRegionRow>("cakupan_desil_1_4_pct", r => r.CoveragePct, IsDerived: true),
                    new ExportColumn<AidRegionRow>("verval_pct", r => r.VervalPct, IsDerived: true),
                    new ExportColumn<AidRegionRow>("tersalur_pct", r => r.DisbursedPct, IsDerived: true),
                    new ExportColumn<AidRegionRow>("gagal_salur", r => r.Failed, IsCount: true),
                    new ExportColumn<AidRegionRow>("graduasi", r => r.Graduated, IsCount: true),
                ]),
            T.Table("penyaluran", v => v.Progress, InKelurahan, [Codes.DisbursedPct, Codes.Failed],
                new("program", r => r.Program), new("tersalur", r => r.Disbursed, IsCount: true), new("dijadwalkan", r => r.Scheduled, IsCount: true),
                new("gagal", r => r.Failed, IsCount: true), new("nilai_tersalur_rp", r => r.AmountDisbursed)),
            T.Table("desil", v => v.DesilRecipients.Select((recipients, i) => (Desil: i + 1, Recipients: recipients, Others: v.DesilOthers[i])), InKelurahan,
                [Codes.PoorestFamilies, Codes.InclusionError],
                new("desil", r => r.Desil), new("keluarga_penerima", r => r.Recipients, IsCount: true), new("keluarga_lain", r => r.Others, IsCount: true)),
            T.Table("verval", v => v.Verval, InKelurahan, [Codes.VervalPct],
                new("status_verval", r => r.Label), new("keluarga", r => r.Count, IsCount: true)),
            T.Table("graduasi", v => v.Graduations, InKelurahan, [Codes.Graduated],
                new("bulan", r => r.Label), new("keluarga", r => r.Count, IsCount: true)),
            T.Table("tahap", v => v.Stages, InKelurahan, [Codes.DisbursedPct, Codes.Failed],
                new("tahap", r => r.Stage), new("dialokasikan", r => r.Allocated, IsCount: true), new("tersalur", r => r.Disbursed, IsCount: true),
                new("tersalur_pct", r => r.DisbursedPct, IsDerived: true), new("gagal", r => r.Failed, IsCount: true), new("nilai_tersalur_rp", r => r.AmountDisbursed)),
            T.Table("alasan_gagal", v => v.FailureReasons, InKelurahan, [Codes.Failed],
                new("alasan", r => r.Label), new("gagal", r => r.Count, IsCount: true)),
        ]);

    private static bool InKelurahan<TRow>(AidView view, TRow row) => view.Scope.Level == RegionLevel.Kelurahan;
}
