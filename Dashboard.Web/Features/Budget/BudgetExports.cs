using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Web.Shared.Export;
using Codes = Dashboard.Ingest.Sources.Budget.BudgetIndicators.Codes;

namespace Dashboard.Web.Features.Budget;

/// <summary>
/// The budget page's downloads: every chart series and table it shows, for the city or an agency (<c>?opd=</c>). Its figures
/// are rupiah by agency, line and month, never counts of people: no cell is small-count suppressed.
/// </summary>
public static class BudgetExports
{
    private static readonly DomainTables<BudgetView> T = new();

    public static DomainExport<string, BudgetView> Page { get; } = new()
    {
        Route = BudgetDomain.Route,
        Policy = BudgetDomain.Policy,
        Source = BudgetIndicators.Source,
        Scope = q => BudgetQueries.ResolveScope(q["opd"]),
        Query = scope => scope == ReferenceData.KotaCode ? "" : "?opd=" + Uri.EscapeDataString(scope),
        Load = (services, scope, ct) => services.GetRequiredService<BudgetQueries>().GetAsync(scope, ct),
        Filters = v =>
        [
            new("opd", v.Scope),
            new("nama_opd", ReferenceData.Agencies.FirstOrDefault(a => a.Code == v.Scope)?.Name ?? "Kota Malang"),
            new("tahun_anggaran", v.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("tanggal", v.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ],
        Tables =
        [
            T.Table("serapan_opd", v => v.League, Never, [Codes.AgencyRealisationPct, Codes.AgenciesBelowBand],
                new("kode_opd", r => r.Code), new("nama_opd", r => r.Name), new("pagu", r => r.Pagu), new("realisasi", r => r.Realised),
                new("realisasi_pct", r => r.Pct), new("rencana_kas_pct", r => r.PlannedPct), new("status", r => r.Status.ToString())),
            T.Table("kurva_s", v => v.Curve, Never, [Codes.RealisationPct, Codes.CashPlanDeviation],
                new("bulan", r => r.Month), new("realisasi_pct", r => r.RealisedPct), new("rencana_kas_pct", r => r.PlannedPct),
                new("batas_bawah_pct", r => r.Lower), new("batas_atas_pct", r => r.Upper)),
            T.Table("fisik_keuangan", v => v.Gaps, Never, [Codes.PhysicalFinancialGap],
                new("id_baris", r => r.LineId), new("kode_opd", r => r.Agency), new("kode_sub_kegiatan", r => r.SubActivityCode),
                new("nama_sub_kegiatan", r => r.SubActivityName), new("bulan_laporan", r => r.Month), new("fisik_pct", r => r.PhysicalPct),
                new("keuangan_pct", r => r.FinancialPct), new("selisih_poin", r => r.Gap)),
            T.Table("sumber_dana", v => v.Funding, Never, [Codes.FundingRealisationPct],
                new("sumber_dana", r => r.Code), new("pagu", r => r.Pagu), new("realisasi", r => r.Realised), new("realisasi_pct", r => r.Pct)),
            T.Table("silpa", v => new[] { v.Silpa }, Never, [Codes.ProjectedSilpa],
                new("pagu", r => r.Pagu), new("realisasi", r => r.Realised), new("rencana_kas_sd_hari_ini", r => r.Planned),
                new("rencana_kas_setahun", r => r.PlanYear), new("proyeksi_belanja", r => r.ProjectedSpending), new("proyeksi_silpa", r => r.Silpa)),
        ],
    };

    private static bool Never<TRow>(BudgetView view, TRow row) => false;
}
