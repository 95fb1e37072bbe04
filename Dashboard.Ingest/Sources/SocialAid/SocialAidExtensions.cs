using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.SocialAid;

public static class SocialAidExtensions
{
    public const string SimulatorBasePath = "/sim/socialaid";

    /// <summary>Dinsos / DTSEN social aid: client, job, indicators and simulator.</summary>
    public static IServiceCollection AddSocialAidSource(this IServiceCollection services)
    {
        services.AddIngestSource<SocialAidSource, SocialAidIngestJob, SocialAidOptions, SocialAidClient>(
            SocialAidOptions.Section, SimulatorBasePath);
        services.AddOptions<SocialAidSimulatorOptions>()
            .BindConfiguration(SocialAidSimulatorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SocialAidKpis>();
        services.AddSourceSimulator(sp => new SocialAidSimulator(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SimulatorOptions>>().Value,
            sp.GetRequiredService<IOptions<SocialAidSimulatorOptions>>().Value,
            sp.GetRequiredService<IOptions<SocialAidOptions>>().Value.ApiKey));
        return services;
    }
}
