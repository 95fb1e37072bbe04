using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Revenue;

namespace Dashboard.Tests.Sources.Revenue;

/// <summary>The revenue simulator in the shared contract of <see cref="SimulatorContractTests"/>: its start, key, resources and sizes.</summary>
public sealed record RevenueSimulatorCase() : SimulatorCase(
    "Revenue", new(2026, 7, 28, 10, 0, 0, Wib), "sim-revenue-test-key",
    ["/sim/revenue/v1/payments", "/sim/revenue/v1/pbb-assessments"], "/sim/revenue/v1/payments", [1, 37, 1000],
    (time, use, seed) => use == SimulatorUse.PagingOneByOne
        ? new RevenueSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 3 },
            new RevenueSimulatorOptions { Taxpayers = 40, PbbObjects = 100, ComparisonDays = 0 }, "sim-revenue-test-key")
        : new RevenueSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 30 },
            new RevenueSimulatorOptions { Taxpayers = 200, PbbObjects = 600, ComparisonDays = 0 }, "sim-revenue-test-key"),
    (time, key) => new RevenueSimulator(time, new SimulatorOptions(), new RevenueSimulatorOptions(), key));
