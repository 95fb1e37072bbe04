using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Admissions;

/// <summary>The Admissions simulator as the host registers it: listed with its domain in the web host's registry.</summary>
public static class AdmissionsSimulatorModule
{
    public static SimulatorModule Module { get; } = SimulatorModule.For<AdmissionsSimulator, AdmissionsOptions, AdmissionsSimulatorOptions>(
        AdmissionsIndicators.Source, AdmissionsSimulatorOptions.Section, (time, shared, own, key) => new(time, shared, own, key));
}
