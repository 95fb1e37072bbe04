using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Admissions;

namespace Dashboard.Tests.Sources.Admissions;

/// <summary>The admissions simulator in the shared contract of <see cref="SimulatorContractTests"/>: its start, key, resources and sizes.</summary>
public sealed record AdmissionsSimulatorCase() : SimulatorCase(
    "Admissions", new(2026, 6, 10, 5, 0, 0, Wib), "sim-admissions-test-key",
    ["/sim/admissions/v1/schools", "/sim/admissions/v1/applications"], "/sim/admissions/v1/applications", [1, 37, 1000],
    (time, use, seed) => new AdmissionsSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 20 },
        new AdmissionsSimulatorOptions { CohortSize = use == SimulatorUse.PagingOneByOne ? 300 : 1500 }, "sim-admissions-test-key"),
    (time, key) => new AdmissionsSimulator(time, new SimulatorOptions(), new AdmissionsSimulatorOptions(), key));
