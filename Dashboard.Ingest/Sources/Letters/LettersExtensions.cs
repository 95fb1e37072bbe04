using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Sources.Letters;

public static class LettersExtensions
{
    public const string SimulatorBasePath = "/sim/letters";

    /// <summary>The source as the host registers it: one line with its domain in the web host's registry.</summary>
    public static SourceModule Module { get; } = new(LettersIndicators.Source, services => services.AddLettersSource());

    /// <summary>Kelurahan letter services: client, job, indicators (the simulator is in Dashboard.Simulators).</summary>
    public static IServiceCollection AddLettersSource(this IServiceCollection services)
    {
        services.AddIngestSource<LettersSource, LettersOptions>(
            LettersOptions.Section, SimulatorBasePath);
        services.AddSingleton<LettersKpis>();
        return services;
    }
}
