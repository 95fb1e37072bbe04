using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Staffing;

namespace Dashboard.Tests.Sources.Staffing;

/// <summary>The staffing simulator in the shared contract of <see cref="SimulatorContractTests"/>: its start, key, resources and sizes.</summary>
public sealed record StaffingSimulatorCase() : SimulatorCase(
    "Staffing", new(2026, 10, 6, 5, 30, 0, Wib), "sim-staffing-test-key",
    ["/sim/staffing/v1/employees", "/sim/staffing/v1/attendance", "/sim/staffing/v1/performance"], "/sim/staffing/v1/performance", [1, 37, 1000],
    (time, use, seed) => new StaffingSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 120 },
        use == SimulatorUse.PagingOneByOne
            ? new StaffingSimulatorOptions { Headcount = 60, AttendanceWorkingDays = 2 }
            : new StaffingSimulatorOptions { Headcount = 400, AttendanceWorkingDays = 10 },
        "sim-staffing-test-key"),
    (time, key) => new StaffingSimulator(time, new SimulatorOptions(), new StaffingSimulatorOptions(), key));
