using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Licensing;

/// <summary>The Licensing simulator as the host registers it: listed with its domain in the web host's registry.</summary>
public static class LicensingSimulatorModule
{
    public static SimulatorModule Module { get; } = SimulatorModule.For<LicensingSimulator, LicensingOptions>(
        LicensingIndicators.Source, (time, shared, key) => new(time, shared, key));
}
