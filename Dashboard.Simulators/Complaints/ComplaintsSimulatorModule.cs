using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Complaints;

/// <summary>The Complaints simulator as the host registers it: listed with its domain in the web host's registry.</summary>
public static class ComplaintsSimulatorModule
{
    public static SimulatorModule Module { get; } = SimulatorModule.For<ComplaintsSimulator, ComplaintsOptions>(
        ComplaintsIndicators.Source, (time, shared, key) => new(time, shared, key));
}
