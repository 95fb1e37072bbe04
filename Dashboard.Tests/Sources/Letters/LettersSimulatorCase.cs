using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Letters;

namespace Dashboard.Tests.Sources.Letters;

/// <summary>The letters simulator in the shared contract of <see cref="SimulatorContractTests"/>: its start, key, resources and sizes.</summary>
public sealed record LettersSimulatorCase() : SimulatorCase(
    "Letters", new(2026, 6, 1, 10, 0, 0, Wib), "sim-letters-test-key",
    ["/sim/letters/v1/letters"], "/sim/letters/v1/letters", [1, 333, 1000],
    (time, use, seed) => new LettersSimulator(time,
        new SimulatorOptions { Seed = seed, HistoryDays = use switch { SimulatorUse.PagingOneByOne => 2, SimulatorUse.SameSeed => 10, _ => 14 } },
        "sim-letters-test-key"),
    (time, key) => new LettersSimulator(time, new SimulatorOptions(), key),
    WithdrawOne: sim => ((LettersSimulator)sim).Withdraw(((LettersSimulator)sim).LiveIds.Order(StringComparer.Ordinal).First()),
    MinSameSeedItems: 1001);
