using System.ComponentModel.DataAnnotations;

namespace Dashboard.Simulators.Staffing;

/// <summary>
/// Size of the simulated workforce (<c>Sources:Staffing:Simulator</c>). Attendance is one item per employee per
/// working day (a year for 7,000 staff is ~1.75 million items), so it has its own bounded history: the default
/// first load stays well under a minute, and a benchmark asks for more.
/// </summary>
public sealed class StaffingSimulatorOptions
{
    public const string Section = "Sources:Staffing:Simulator";

    /// <summary>Employees in the register at the start of the history (docs/DOMAIN.md §4.4: a few thousand to ~10k incl. teachers).</summary>
    [Range(50, 50_000, ErrorMessage = "Sources:Staffing:Simulator:Headcount must be between 50 and 50000.")]
    public int Headcount { get; set; } = 7_000;

    /// <summary>
    /// Working days of attendance history before today (today's attendance always arrives live), capped by
    /// <c>Sources:Simulator:HistoryDays</c>.
    /// </summary>
    [Range(0, 1_000, ErrorMessage = "Sources:Staffing:Simulator:AttendanceWorkingDays must be between 0 and 1000.")]
    public int AttendanceWorkingDays { get; set; } = 20;
}
