using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Sources.Revenue;

public static class RevenueExtensions
{
    public const string SimulatorBasePath = "/sim/revenue";

    /// <summary>The source as the host registers it: one line with its domain in the web host's registry.</summary>
    public static SourceModule Module { get; } = new(RevenueIndicators.Source, services => services.AddRevenueSource());

    /// <summary>Bapenda tax and retribution: client, job, indicators (the simulator is in Dashboard.Simulators).</summary>
    public static IServiceCollection AddRevenueSource(this IServiceCollection services)
    {
        services.AddIngestSource<RevenueSource, RevenueOptions, RevenueClient>(
            RevenueOptions.Section, SimulatorBasePath);
        services.AddSingleton<RevenueKpis>();
        return services;
    }
}
