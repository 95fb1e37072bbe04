using Dashboard.Ingest.Sources.Letters;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Letters;

/// <summary>The Letters simulator as the host registers it: listed with its domain in the web host's registry.</summary>
public static class LettersSimulatorModule
{
    public static SimulatorModule Module { get; } = SimulatorModule.For<LettersSimulator, LettersOptions>(
        LettersIndicators.Source, (time, shared, key) => new(time, shared, key));
}
