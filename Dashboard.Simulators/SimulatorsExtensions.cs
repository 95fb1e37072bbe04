using System.Net;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Simulators.Admissions;
using Dashboard.Simulators.Budget;
using Dashboard.Simulators.Complaints;
using Dashboard.Simulators.Letters;
using Dashboard.Simulators.Licensing;
using Dashboard.Simulators.Revenue;
using Dashboard.Simulators.Shared;
using Dashboard.Simulators.SocialAid;
using Dashboard.Simulators.Staffing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Simulators;

public static class SimulatorsExtensions
{
    /// <summary>
    /// Every source's simulator, built (lazily) and served only when <c>Sources:Simulator:Enabled</c> is true, and the
    /// host's own address for the sources pointed at them. A new source's simulator is one folder and one line here.
    /// </summary>
    public static IServiceCollection AddSourceSimulators(this IServiceCollection services)
    {
        services.AddSingleton<ISelfAddress, ServerSelfAddress>();
        services.AddSimulatorOptions<AdmissionsSimulatorOptions>(AdmissionsSimulatorOptions.Section);
        services.AddSimulatorOptions<RevenueSimulatorOptions>(RevenueSimulatorOptions.Section);
        services.AddSimulatorOptions<SocialAidSimulatorOptions>(SocialAidSimulatorOptions.Section);
        services.AddSimulatorOptions<StaffingSimulatorOptions>(StaffingSimulatorOptions.Section);
        services.AddSimulatorOptions<BudgetSimulatorOptions>(BudgetSimulatorOptions.Section);

        services.AddSourceSimulator(sp => new ComplaintsSimulator(Time(sp), Shared(sp), Key<ComplaintsOptions>(sp)));
        services.AddSourceSimulator(sp => new LettersSimulator(Time(sp), Shared(sp), Key<LettersOptions>(sp)));
        services.AddSourceSimulator(sp => new StaffingSimulator(Time(sp), Shared(sp), Own<StaffingSimulatorOptions>(sp), Key<StaffingOptions>(sp)));
        services.AddSourceSimulator(sp => new RevenueSimulator(Time(sp), Shared(sp), Own<RevenueSimulatorOptions>(sp), Key<RevenueOptions>(sp)));
        services.AddSourceSimulator(sp => new SocialAidSimulator(Time(sp), Shared(sp), Own<SocialAidSimulatorOptions>(sp), Key<SocialAidOptions>(sp)));
        services.AddSourceSimulator(sp => new AdmissionsSimulator(Time(sp), Shared(sp), Own<AdmissionsSimulatorOptions>(sp), Key<AdmissionsOptions>(sp)));
        services.AddSourceSimulator(sp => new BudgetSimulator(Time(sp), Shared(sp), Own<BudgetSimulatorOptions>(sp), Key<BudgetOptions>(sp)));
        services.AddSourceSimulator(sp => new LicensingSimulator(Time(sp), Shared(sp), Key<LicensingOptions>(sp)));
        return services;
    }

    private static void AddSimulatorOptions<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    private static TimeProvider Time(IServiceProvider sp) => sp.GetRequiredService<TimeProvider>();

    private static SimulatorOptions Shared(IServiceProvider sp) => sp.GetRequiredService<IOptions<SimulatorOptions>>().Value;

    private static T Own<T>(IServiceProvider sp) where T : class => sp.GetRequiredService<IOptions<T>>().Value;

    /// <summary>The simulator serves under the key the source is configured (or given, in simulator mode) to send.</summary>
    private static string Key<T>(IServiceProvider sp) where T : SourceOptions => sp.GetRequiredService<IOptions<T>>().Value.ApiKey;
}

/// <summary>The first address the server listens on; wildcard bindings (http://[::]:80, http://+:80) are reached on loopback.</summary>
internal sealed class ServerSelfAddress(IServiceProvider services) : ISelfAddress
{
    public Uri? Address
    {
        get
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                        ?? addresses?.FirstOrDefault();
            if (first is null)
            {
                return null;
            }
            var builder = new UriBuilder(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            if (builder.Host is "[::]" or "::" or "0.0.0.0" or "localhost")
            {
                builder.Host = IPAddress.Loopback.ToString();
            }
            builder.Path = "/";
            return builder.Uri;
        }
    }
}
