using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Web.Shared.Export;
using Codes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;

namespace Dashboard.Web.Features.Complaints;

/// <summary>The complaints page's downloads: every chart series and table it shows, for its region (<c>?wilayah=</c>).</summary>
public static class ComplaintsExports
{
    private static readonly DomainTables<ComplaintsView> T = new();

    public static DomainExport<string, ComplaintsView> Page { get; } = DomainExports.RegionPage<ComplaintsView, ComplaintsQueries>(
        ComplaintsDomain.Route, ComplaintsDomain.Policy, ComplaintsIndicators.Source, (queries, scope, ct) => queries.GetAsync(scope, ct), v => v.Scope,
        [
            T.Table("harian", v => v.Days.Select((day, i) => (Day: day, Count: v.ReceivedPerDay[i])), InKelurahan, [Codes.ComplaintsReceived],
                new("tanggal", r => r.Day), new("aduan_masuk", r => r.Count, IsCount: true)),
            T.Table("kanal", v => v.ByChannel, InKelurahan, [],
                new("kanal", r => r.Name), new("aduan", r => r.Count, IsCount: true)),
            T.Table("kategori", v => v.ByCategory, InKelurahan, [Codes.TopCategory],
                new("kategori", r => r.Name), new("aduan", r => r.Count, IsCount: true)),
            T.Table("opd", v => v.ByAgency, InKelurahan, [],
                new("kode_opd", r => r.Name), new("aduan", r => r.Count, IsCount: true)),
            // The league is city-wide whatever the region: an OPD's figures are not a kelurahan's.
            T.Table("liga_opd", v => v.League, (_, _) => false, [Codes.OpdCompliancePct, Codes.Overdue],
                new("kode_opd", r => r.Code), new("nama_opd", r => r.Name), new("kepatuhan_tl_pct", r => r.CompliancePct, IsDerived: true),
                new("status", r => r.Status), new("aduan_masuk_30_hari", r => r.Received), new("lewat_sla", r => r.Overdue)),
            T.Table("wilayah", v => v.Regions, (_, r) => r.Level == RegionLevel.Kelurahan, [Codes.ComplaintsReceived, Codes.Per10kPopulation, Codes.Overdue, Codes.ClosedPct],
                new("kode_wilayah", r => r.Code), new("nama_wilayah", r => r.Name), new("tingkat", r => r.Level.ToString().ToLowerInvariant()),
                new("aduan_masuk_30_hari", r => r.Received, IsCount: true), new("per_10rb_penduduk", r => r.Per10k, IsDerived: true),
                new("penduduk_perkiraan", r => r.PopulationIsEstimate ? "ya" : "tidak"),
                new("lewat_sla", r => r.Overdue, IsCount: true), new("selesai_pct", r => r.ClosedPct, IsDerived: true)),
        ]);

    private static bool InKelurahan<TRow>(ComplaintsView view, TRow row) => view.Scope.Level == RegionLevel.Kelurahan;
}
