using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Letters;

public static class LettersExtensions
{
    public const string SimulatorBasePath = "/sim/letters";

    /// <summary>Kelurahan letter services: client, job, indicators and simulator.</summary>
    public static IServiceCollection AddLettersSource(this IServiceCollection services)
    {
        services.AddIngestSource<LettersSource, LettersIngestJob, LettersOptions, LettersClient>(
            LettersOptions.Section, SimulatorBasePath);
        services.AddSingleton<LettersKpis>();
        services.AddSourceSimulator(sp => new LettersSimulator(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SimulatorOptions>>(),
            sp.GetRequiredService<IOptions<LettersOptions>>().Value.ApiKey));
        return services;
    }
}
