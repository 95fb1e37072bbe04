using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

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
        return services;
    }
}
