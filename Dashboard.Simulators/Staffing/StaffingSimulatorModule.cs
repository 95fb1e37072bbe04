using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Staffing;

/// <summary>The Staffing simulator as the host registers it: listed with its domain in the web host's registry.</summary>
public static class StaffingSimulatorModule
{
    public static SimulatorModule Module { get; } = SimulatorModule.For<StaffingSimulator, StaffingOptions, StaffingSimulatorOptions>(
        StaffingIndicators.Source, StaffingSimulatorOptions.Section, (time, shared, own, key) => new(time, shared, own, key));
}
