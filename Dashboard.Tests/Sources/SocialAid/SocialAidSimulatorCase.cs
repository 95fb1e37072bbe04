using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.SocialAid;

namespace Dashboard.Tests.Sources.SocialAid;

/// <summary>The social aid simulator in the shared contract of <see cref="SimulatorContractTests"/>: its start, key, resources and sizes.</summary>
public sealed record SocialAidSimulatorCase() : SimulatorCase(
    "SocialAid", new(2026, 8, 12, 10, 0, 0, Wib), "sim-socialaid-test-key",
    ["/sim/socialaid/v1/families", "/sim/socialaid/v1/disbursements"], "/sim/socialaid/v1/disbursements", [1, 37, 1000],
    (time, use, seed) => new SocialAidSimulator(time,
        new SimulatorOptions { Seed = seed, HistoryDays = use == SimulatorUse.PagingOneByOne ? 20 : 120 },
        new SocialAidSimulatorOptions { Families = use switch { SimulatorUse.PagingOneByOne => 150, SimulatorUse.SameSeed => 400, _ => 1000 } },
        "sim-socialaid-test-key"),
    (time, key) => new SocialAidSimulator(time, new SimulatorOptions(), new SocialAidSimulatorOptions(), key));
