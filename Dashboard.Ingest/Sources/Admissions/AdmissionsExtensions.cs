using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Admissions;

public static class AdmissionsExtensions
{
    public const string SimulatorBasePath = "/sim/admissions";

    /// <summary>SPMB school admissions: client, job, indicators and simulator.</summary>
    public static IServiceCollection AddAdmissionsSource(this IServiceCollection services)
    {
        services.AddIngestSource<AdmissionsSource, AdmissionsIngestJob, AdmissionsOptions, AdmissionsClient>(
            AdmissionsOptions.Section, SimulatorBasePath);
        services.AddOptions<AdmissionsSimulatorOptions>()
            .BindConfiguration(AdmissionsSimulatorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AdmissionsKpis>();
        services.AddSourceSimulator(sp => new AdmissionsSimulator(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SimulatorOptions>>().Value,
            sp.GetRequiredService<IOptions<AdmissionsSimulatorOptions>>().Value,
            sp.GetRequiredService<IOptions<AdmissionsOptions>>().Value.ApiKey));
        return services;
    }
}
