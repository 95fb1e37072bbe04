using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Sources.Staffing;

public static class StaffingExtensions
{
    public const string SimulatorBasePath = "/sim/staffing";

    /// <summary>The source as the host registers it: one line with its domain in the web host's registry.</summary>
    public static SourceModule Module { get; } = new(StaffingIndicators.Source, services => services.AddStaffingSource());

    /// <summary>SIMPEG, presensi and e-Kinerja: client, job, indicators (the simulator is in Dashboard.Simulators).</summary>
    public static IServiceCollection AddStaffingSource(this IServiceCollection services)
    {
        services.AddIngestSource<StaffingSource, StaffingOptions>(
            StaffingOptions.Section, SimulatorBasePath);
        services.AddSingleton<StaffingKpis>();
        return services;
    }
}
