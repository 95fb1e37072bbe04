using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Staffing;

public static class StaffingExtensions
{
    public const string SimulatorBasePath = "/sim/staffing";

    /// <summary>SIMPEG, presensi and e-Kinerja: client, job, indicators and simulator.</summary>
    public static IServiceCollection AddStaffingSource(this IServiceCollection services)
    {
        services.AddIngestSource<StaffingSource, StaffingIngestJob, StaffingOptions, StaffingClient>(
            StaffingOptions.Section, SimulatorBasePath);
        services.AddOptions<StaffingSimulatorOptions>()
            .BindConfiguration(StaffingSimulatorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<StaffingKpis>();
        services.AddSourceSimulator(sp => new StaffingSimulator(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SimulatorOptions>>().Value,
            sp.GetRequiredService<IOptions<StaffingSimulatorOptions>>().Value,
            sp.GetRequiredService<IOptions<StaffingOptions>>().Value.ApiKey));
        return services;
    }
}
