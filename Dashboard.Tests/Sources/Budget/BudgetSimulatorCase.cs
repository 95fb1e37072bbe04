using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Budget;

namespace Dashboard.Tests.Sources.Budget;

/// <summary>The budget simulator in the shared contract of <see cref="SimulatorContractTests"/>: its start, key, resources and sizes.</summary>
public sealed record BudgetSimulatorCase() : SimulatorCase(
    "Budget", new(2026, 2, 16, 10, 0, 0, Wib), "sim-budget-test-key",
    ["/sim/budget/v1/budget-lines", "/sim/budget/v1/cash-plans", "/sim/budget/v1/payments", "/sim/budget/v1/progress"],
    "/sim/budget/v1/payments", [1, 37, 1000],
    (time, use, seed) => new BudgetSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 20 },
        new BudgetSimulatorOptions { Lines = use == SimulatorUse.PagingOneByOne ? 40 : 120 }, "sim-budget-test-key"),
    (time, key) => new BudgetSimulator(time, new SimulatorOptions(), new BudgetSimulatorOptions(), key),
    WithdrawOne: sim => ((BudgetSimulator)sim).Withdraw(((BudgetSimulator)sim).LiveIds("payments").Order(StringComparer.Ordinal).First()));
