using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.SocialAid;

/// <summary>The SocialAid simulator as the host registers it: listed with its domain in the web host's registry.</summary>
public static class SocialAidSimulatorModule
{
    public static SimulatorModule Module { get; } = SimulatorModule.For<SocialAidSimulator, SocialAidOptions, SocialAidSimulatorOptions>(
        SocialAidIndicators.Source, SocialAidSimulatorOptions.Section, (time, shared, own, key) => new(time, shared, own, key));
}
