using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Web.Shared.Export;
using Codes = Dashboard.Ingest.Sources.Licensing.LicensingIndicators.Codes;

namespace Dashboard.Web.Features.Licensing;

/// <summary>The licensing page's downloads: every chart series and table it shows, for its region (<c>?wilayah=</c>).</summary>
public static class LicensingExports
{
    private static readonly DomainTables<LicensingView> T = new();

    public static DomainExport<string, LicensingView> Page { get; } = DomainExports.RegionPage<LicensingView, LicensingQueries>(
        LicensingDomain.Route, LicensingDomain.Policy, LicensingIndicators.Source, (queries, scope, ct) => queries.GetAsync(scope, ct), v => v.Scope,
        [
            T.Table("terbit_harian", v => Enumerable.Range(0, v.Days.Count), InKelurahan, [Codes.Issued], v =>
                [
                    new ExportColumn<int>("tanggal", i => v.Days[i]),
                    .. LicensingPayload.ChannelOrder.Select((channel, c) => new ExportColumn<int>(channel, i => v.IssuedPerDayByChannel[c][i] ?? 0, IsCount: true)),
                ]),
            T.Table("tepat_waktu", v => v.Days.Select((day, i) => (Day: day, Pct: v.OnTimePerDay[i])), (_, _) => false, [Codes.OnTimePct],
                new("tanggal", r => r.Day), new("tepat_waktu_pct", r => r.Pct, IsDerived: true)),
            T.Table("tunggakan_tahap", v => v.Backlog, InKelurahan, [Codes.Overdue, Codes.WaitingApplicant],
                new("tahap", r => r.Stage),
                new("umur_0_5_hk", r => r.ByAge[0], IsCount: true), new("umur_6_10_hk", r => r.ByAge[1], IsCount: true),
                new("umur_11_20_hk", r => r.ByAge[2], IsCount: true), new("umur_21_45_hk", r => r.ByAge[3], IsCount: true),
                new("umur_lebih_45_hk", r => r.ByAge[4], IsCount: true), new("jumlah", r => r.Total, IsCount: true)),
            T.Table("mendekati_sla", v => v.DueSoon, (_, _) => false, [Codes.Overdue],
                new("nomor", r => r.Id), new("jenis_izin", r => r.PermitType), new("tahap", r => r.Stage), new("diajukan_wib", r => r.SubmittedAt),
                new("hari_kerja_berjalan", r => r.Elapsed), new("sla_hari_kerja", r => r.SlaDays), new("sisa_hari_kerja", r => r.Remaining)),
            T.Table("pbg_belum_bayar", v => v.Unpaid, (_, _) => false, [Codes.PbgUnpaid],
                new("nomor", r => r.Id), new("kelurahan", r => r.Kelurahan), new("disetujui_wib", r => r.Since),
                new("retribusi_rp", r => r.Amount), new("hari_menunggu", r => r.DaysWaiting)),
            T.Table("nib", v => v.Nib, InKelurahan, [Codes.NibIssued], v =>
                [
                    new ExportColumn<NibRow>("skala", r => r.Scale),
                    .. v.RiskLevels.Select((risk, i) => new ExportColumn<NibRow>(risk, r => r.ByRisk[i], IsCount: true)),
                    new ExportColumn<NibRow>("jumlah", r => r.Total, IsCount: true),
                ]),
            T.Table("investasi", v => v.Investment, (_, _) => false, [Codes.InvestmentPct],
                new("triwulan", r => r.Quarter), new("pmdn_rp", r => r.Pmdn), new("pma_rp", r => r.Pma),
                new("kumulatif_rp", r => r.CumulativeTotal), new("target_rp", r => r.Target), new("realisasi_pct", r => r.Pct, IsDerived: true)),
        ]);

    private static bool InKelurahan<TRow>(LicensingView view, TRow row) => view.Scope.Level == RegionLevel.Kelurahan;
}
