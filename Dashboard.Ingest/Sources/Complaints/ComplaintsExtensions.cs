using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Complaints;

public static class ComplaintsExtensions
{
    public const string SimulatorBasePath = "/sim/complaints";

    /// <summary>SP4N-LAPOR!/SAMBAT: client, job, indicators and simulator.</summary>
    public static IServiceCollection AddComplaintsSource(this IServiceCollection services)
    {
        services.AddIngestSource<ComplaintsSource, ComplaintsIngestJob, ComplaintsOptions, ComplaintsClient>(
            ComplaintsOptions.Section, SimulatorBasePath);
        services.AddSingleton<ComplaintsKpis>();
        services.AddSourceSimulator(sp => new ComplaintsSimulator(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SimulatorOptions>>(),
            sp.GetRequiredService<IOptions<ComplaintsOptions>>().Value.ApiKey));
        return services;
    }
}
