using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Web.Shared.Export;
using Codes = Dashboard.Ingest.Sources.Revenue.RevenueIndicators.Codes;

namespace Dashboard.Web.Features.Revenue;

/// <summary>
/// The revenue page's downloads: every chart series and table it shows, for its region (<c>?wilayah=</c>), in rupiah
/// (the charts draw billions and millions; the files keep the rupiah). Counts of transactions and taxpayers of a
/// kelurahan are small-count suppressed; rupiah reveal no one by their size.
/// </summary>
public static class RevenueExports
{
    private static readonly DomainTables<RevenueView> T = new();

    public static DomainExport<string, RevenueView> Page { get; } = DomainExports.RegionPage<RevenueView, RevenueQueries>(
        RevenueDomain.Route, RevenueDomain.Policy, RevenueIndicators.Source, (queries, scope, ct) => queries.GetAsync(scope, ct), v => v.Scope,
        [
            T.Table("kumulatif", v => v.YearDays.Select((day, i) => (Day: day, Cumulative: v.CumulativeTax[i], Proportional: v.ProportionalTax[i])), Never,
                [Codes.TaxRealisationPct, Codes.TaxGapToProportional],
                new("tanggal", r => r.Day), new("realisasi_pajak_kumulatif_rp", r => r.Cumulative), new("target_proporsional_rp", r => r.Proportional)),
            // The table's rows under the chart's bars, then the three totals the table ends with.
            T.Table<RevenueTypeRow>("jenis", v => [.. v.Types, v.TaxTotal, v.RetributionTotal, v.PadTotal], Never,
                [Codes.TaxRealisationPct, Codes.TaxTypesOnTrack, Codes.RetributionRealisationPct, Codes.PadRealisationPct],
                new("kode", r => r.Code), new("nama", r => r.Name), new("kelompok", r => r.Kind), new("target_rp", r => r.Target),
                new("realisasi_rp", r => r.Realised), new("realisasi_pct", r => r.Pct, IsDerived: true), new("selisih_proporsional_pp", r => r.GapPp)),
            T.Table("harian", v => v.RecentDays.Select((day, i) => (Day: day, ThisYear: v.DailyReceipts[i], LastYear: v.DailyReceiptsLastYear[i])), Never,
                [Codes.TaxDailyReceipts],
                new("tanggal", r => r.Day), new("penerimaan_pajak_rp", r => r.ThisYear), new("penerimaan_tahun_lalu_rp", r => r.LastYear)),
            T.Table("pbb", v => v.Pbb, Never, [Codes.PbbRealisationPct, Codes.PbbArrears],
                new("peringkat", r => r.Rank), new("kode_kelurahan", r => r.Code), new("nama_kelurahan", r => r.Name), new("kecamatan", r => r.Kecamatan),
                new("ketetapan_rp", r => r.Due), new("terbayar_rp", r => r.Paid), new("realisasi_pct", r => r.Pct, IsDerived: true),
                new("tunggakan_rp", r => r.Arrears), new("status", r => r.Status)),
            T.Table<RevenueView>("wajib_pajak", v => [v], (v, _) => DomainExports.IsKelurahan(v.Scope.Code), [Codes.BphtbTransactions, Codes.ActiveTaxpayers],
                new("transaksi_bphtb_bulan_ini", r => r.BphtbThisMonth, IsCount: true), new("nilai_bphtb_bulan_ini_rp", r => r.BphtbValueThisMonth),
                new("wajib_pajak_baru_30_hari", r => r.NewTaxpayers, IsCount: true)),
        ]);

    private static bool Never<TRow>(RevenueView view, TRow row) => false;
}
