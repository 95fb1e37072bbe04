using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Revenue;

/// <summary>The Revenue simulator as the host registers it: listed with its domain in the web host's registry.</summary>
public static class RevenueSimulatorModule
{
    public static SimulatorModule Module { get; } = SimulatorModule.For<RevenueSimulator, RevenueOptions, RevenueSimulatorOptions>(
        RevenueIndicators.Source, RevenueSimulatorOptions.Section, (time, shared, own, key) => new(time, shared, own, key));
}
