using System.ComponentModel;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Staffing;

/// <summary>
/// Employees first: attendance and evaluations join them by the pseudonymised NIP for their OPD.
/// </summary>
[DisplayName("Tarik data kepegawaian (SIMPEG, presensi, e-Kinerja)")]
public sealed class StaffingSource(IOptionsMonitor<StaffingOptions> options, StaffingKpis kpis, Pseudonymizer pseudonymizer)
    : IngestSource<StaffingSource, StaffingOptions>(options)
{
    public override string Name => StaffingIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } =
    [
        new Feed<StaffingEmployee>(new StaffingEmployeesMapper(pseudonymizer)),
        new Feed<StaffingAttendance>(new StaffingAttendanceMapper(pseudonymizer)),
        new Feed<StaffingEvaluation>(new StaffingPerformanceMapper(pseudonymizer)),
    ];

    public override ISourceKpis Kpis => kpis;
}
