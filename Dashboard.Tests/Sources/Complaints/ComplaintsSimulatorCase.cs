using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Complaints;

namespace Dashboard.Tests.Sources.Complaints;

/// <summary>The complaints simulator in the shared contract of <see cref="SimulatorContractTests"/>: its start, key, resources and sizes.</summary>
public sealed record ComplaintsSimulatorCase() : SimulatorCase(
    "Complaints", new(2026, 6, 1, 10, 0, 0, Wib), "sim-complaints-test-key",
    ["/sim/complaints/v1/complaints"], "/sim/complaints/v1/complaints", [1, 7, 1000],
    (time, use, seed) => new ComplaintsSimulator(time,
        new SimulatorOptions { Seed = seed, HistoryDays = use switch { SimulatorUse.PagingOneByOne => 20, SimulatorUse.Paging => 60, SimulatorUse.SameSeed => 90, _ => 30 } },
        "sim-complaints-test-key"),
    (time, key) => new ComplaintsSimulator(time, new SimulatorOptions(), key),
    WithdrawOne: sim => ((ComplaintsSimulator)sim).Withdraw(((ComplaintsSimulator)sim).LiveIds.Order(StringComparer.Ordinal).First()),
    MinSameSeedItems: 501);
