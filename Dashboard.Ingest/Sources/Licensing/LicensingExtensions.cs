using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Sources.Licensing;

public static class LicensingExtensions
{
    public const string SimulatorBasePath = "/sim/licensing";

    /// <summary>The source as the host registers it: one line with its domain in the web host's registry.</summary>
    public static SourceModule Module { get; } = new(LicensingIndicators.Source, services => services.AddLicensingSource());

    /// <summary>Licensing and investment: client, job, indicators and the fiktif-positif alert (the simulator is in Dashboard.Simulators).</summary>
    public static IServiceCollection AddLicensingSource(this IServiceCollection services)
    {
        services.AddIngestSource<LicensingSource, LicensingOptions, LicensingClient>(LicensingOptions.Section, SimulatorBasePath);
        services.AddSingleton<LicensingKpis>();
        services.AddSingleton<IAlertRule, FiktifPositifAlert>();
        return services;
    }
}
