using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Licensing;

namespace Dashboard.Tests.Sources.Licensing;

/// <summary>The licensing simulator in the shared contract of <see cref="SimulatorContractTests"/>: its start, key, resources and sizes.</summary>
public sealed record LicensingSimulatorCase() : SimulatorCase(
    "Licensing", new(2026, 6, 1, 10, 0, 0, Wib), "sim-licensing-test-key",
    ["/sim/licensing/v1/applications", "/sim/licensing/v1/business-ids", "/sim/licensing/v1/investment-reports"],
    "/sim/licensing/v1/applications", [1, 37, 1000],
    (time, use, seed) => new LicensingSimulator(time,
        new SimulatorOptions { Seed = seed, HistoryDays = use switch { SimulatorUse.PagingOneByOne => 5, SimulatorUse.SameSeed => 30, _ => 20 } },
        "sim-licensing-test-key"),
    (time, key) => new LicensingSimulator(time, new SimulatorOptions(), key),
    WithdrawOne: sim => ((LicensingSimulator)sim).Withdraw(((LicensingSimulator)sim).LiveIds.Order(StringComparer.Ordinal).First()),
    MinSameSeedItems: 18);
