using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Sources.Admissions;

public static class AdmissionsExtensions
{
    public const string SimulatorBasePath = "/sim/admissions";

    /// <summary>The source as the host registers it: one line with its domain in the web host's registry.</summary>
    public static SourceModule Module { get; } = new(AdmissionsIndicators.Source, services => services.AddAdmissionsSource());

    /// <summary>SPMB school admissions: client, job, indicators (the simulator is in Dashboard.Simulators).</summary>
    public static IServiceCollection AddAdmissionsSource(this IServiceCollection services)
    {
        services.AddIngestSource<AdmissionsSource, AdmissionsOptions>(
            AdmissionsOptions.Section, SimulatorBasePath);
        services.AddSingleton<AdmissionsKpis>();
        return services;
    }
}
