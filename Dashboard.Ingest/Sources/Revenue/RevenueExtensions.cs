using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Revenue;

public static class RevenueExtensions
{
    public const string SimulatorBasePath = "/sim/revenue";

    /// <summary>Bapenda tax and retribution: client, job, indicators and simulator.</summary>
    public static IServiceCollection AddRevenueSource(this IServiceCollection services)
    {
        services.AddIngestSource<RevenueSource, RevenueIngestJob, RevenueOptions, RevenueClient>(
            RevenueOptions.Section, SimulatorBasePath);
        services.AddOptions<RevenueSimulatorOptions>()
            .BindConfiguration(RevenueSimulatorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RevenueKpis>();
        services.AddSourceSimulator(sp => new RevenueSimulator(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SimulatorOptions>>().Value,
            sp.GetRequiredService<IOptions<RevenueSimulatorOptions>>().Value,
            sp.GetRequiredService<IOptions<RevenueOptions>>().Value.ApiKey));
        return services;
    }
}
