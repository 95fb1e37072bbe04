using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources;

public static class SourcesExtensions
{
    /// <summary>
    /// The ingest engine and the given source systems: the host passes every registered source's
    /// <see cref="SourceModule"/> (the web host's domain registry lists them, one line per source).
    /// </summary>
    public static IServiceCollection AddSources(this IServiceCollection services, IEnumerable<SourceModule> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KpiBroadcaster>();
        services.AddSingleton<IngestEngine>();
        services.AddSingleton<SourceControl>();
        services.AddSingleton<Shared.Indicators.IndicatorAdministration>();
        services.AddSingleton<Shared.Calendar.WorkingCalendars>();
        services.AddSingleton<Shared.Calendar.HolidayAdministration>();
        services.AddSingleton(Pseudonymizer.Create);
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<IngestStartup>();
        services.AddAlerts();
        services.AddFollowUps();

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (!names.Add(source.Source))
            {
                throw new InvalidOperationException($"Source '{source.Source}' is registered twice.");
            }
            source.Register(services);
        }
        return services;
    }

    /// <summary>
    /// What only a node that runs the jobs does in the background: recovering runs a dead process left behind (and the
    /// refresh at start), and evaluating alerts. A web-only node leaves these to the ingest nodes.
    /// </summary>
    public static IServiceCollection AddIngestWorkers(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<IngestStartup>());
        services.AddHostedService<AlertScheduler>();
        services.AddHostedService<FollowUpKpiScheduler>();
        return services;
    }
}
