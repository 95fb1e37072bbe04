using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Ingest.Sources.Staffing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources;

public static class SourcesExtensions
{
    /// <summary>The ingest engine and every source system. A new source is one folder and one line here.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
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

        services.AddComplaintsSource();
        services.AddLettersSource();
        services.AddStaffingSource();
        services.AddRevenueSource();
        services.AddSocialAidSource();
        services.AddAdmissionsSource();
        services.AddBudgetSource();
        services.AddLicensingSource();
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
