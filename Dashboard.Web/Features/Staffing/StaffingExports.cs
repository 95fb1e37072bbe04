using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Web.Shared.Export;
using Codes = Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Codes;

namespace Dashboard.Web.Features.Staffing;

/// <summary>
/// The staffing page's downloads: every chart series and table it shows, for the city or its OPD (<c>?opd=</c>). Its
/// figures are by OPD, never by kelurahan, so no cell is small-count suppressed.
/// </summary>
public static class StaffingExports
{
    private static readonly DomainTables<StaffingView> T = new();

    public static DomainExport<string, StaffingView> Page { get; } = new()
    {
        Route = StaffingDomain.Route,
        Policy = StaffingDomain.Policy,
        Source = StaffingIndicators.Source,
        Scope = q => StaffingQueries.ResolveScope(q["opd"]),
        Query = scope => scope == ReferenceData.KotaCode ? "" : "?opd=" + Uri.EscapeDataString(scope),
        Load = (services, scope, ct) => services.GetRequiredService<StaffingQueries>().GetAsync(scope, ct),
        Filters = v =>
        [
            new("opd", v.Scope),
            new("nama_opd", ReferenceData.Agencies.FirstOrDefault(a => a.Code == v.Scope)?.Name ?? "Kota Malang"),
            new("tanggal_kehadiran", v.AttendanceDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ],
        Tables =
        [
            T.Table("kehadiran", v => v.Attendance, Never, [Codes.AttendancePct, Codes.LatePct, Codes.Unexcused, Codes.AwayOrLeave],
                new("kode_opd", r => r.Code), new("nama_opd", r => r.Name), new("pegawai", r => r.Headcount), new("hadir", r => r.Present),
                new("terlambat", r => r.Late), new("tanpa_keterangan", r => r.Unexcused), new("dinas_luar_cuti", r => r.AwayOrLeave),
                new("sakit", r => r.Sick), new("hadir_pct", r => r.PresentPct)),
            T.Table("kedatangan", v => v.Arrivals, Never, [],
                new("jam_wib", r => r.Label), new("presensi_masuk", r => r.Count)),
            T.Table("penilaian", v => v.Ratings, Never, [Codes.GoodRatingPct],
                new("predikat", r => r.Label), new("pegawai", r => r.Count)),
            T.Table("golongan", v => v.RankGroups.Select((group, i) => (Group: group, Pns: v.Pns[i], Pppk: v.Pppk[i])), Never, [Codes.Headcount],
                new("golongan", r => r.Group), new("pns", r => r.Pns), new("pppk", r => r.Pppk)),
            T.Table("pensiun", v => v.Retirements, Never, [Codes.Retiring12Months],
                new("bulan", r => r.Label), new("pensiun", r => r.Count)),
            T.Table("jabatan", v => v.Posts, Never, [Codes.VacantPosts],
                new("kode_opd", r => r.Code), new("nama_opd", r => r.Name), new("formasi", r => r.Expected),
                new("terisi", r => r.Filled), new("lowong", r => r.Vacant)),
        ],
    };

    private static bool Never<TRow>(StaffingView view, TRow row) => false;
}
