using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Sources.SocialAid;

public static class SocialAidExtensions
{
    public const string SimulatorBasePath = "/sim/socialaid";

    /// <summary>The source as the host registers it: one line with its domain in the web host's registry.</summary>
    public static SourceModule Module { get; } = new(SocialAidIndicators.Source, services => services.AddSocialAidSource());

    /// <summary>Dinsos / DTSEN social aid: client, job, indicators (the simulator is in Dashboard.Simulators).</summary>
    public static IServiceCollection AddSocialAidSource(this IServiceCollection services)
    {
        services.AddIngestSource<SocialAidSource, SocialAidOptions>(
            SocialAidOptions.Section, SimulatorBasePath);
        services.AddSingleton<SocialAidKpis>();
        return services;
    }
}
