using Dashboard.Ingest.Sources.Budget;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Budget;

/// <summary>The Budget simulator as the host registers it: listed with its domain in the web host's registry.</summary>
public static class BudgetSimulatorModule
{
    public static SimulatorModule Module { get; } = SimulatorModule.For<BudgetSimulator, BudgetOptions, BudgetSimulatorOptions>(
        BudgetIndicators.Source, BudgetSimulatorOptions.Section, (time, shared, own, key) => new(time, shared, own, key));
}
