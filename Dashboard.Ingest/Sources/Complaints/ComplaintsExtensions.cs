using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Sources.Complaints;

public static class ComplaintsExtensions
{
    public const string SimulatorBasePath = "/sim/complaints";

    /// <summary>The source as the host registers it: one line with its domain in the web host's registry.</summary>
    public static SourceModule Module { get; } = new(ComplaintsIndicators.Source, services => services.AddComplaintsSource());

    /// <summary>SP4N-LAPOR!/SAMBAT: client, job, indicators (the simulator is in Dashboard.Simulators).</summary>
    public static IServiceCollection AddComplaintsSource(this IServiceCollection services)
    {
        services.AddIngestSource<ComplaintsSource, ComplaintsOptions>(
            ComplaintsOptions.Section, SimulatorBasePath);
        services.AddSingleton<ComplaintsKpis>();
        return services;
    }
}
