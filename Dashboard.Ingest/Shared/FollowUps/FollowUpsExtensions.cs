using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Shared.FollowUps;

public static class FollowUpsExtensions
{
    /// <summary>The follow-up lifecycle and meetings; the hourly recomputation (<see cref="FollowUpKpiScheduler"/>) runs with the ingest workers.</summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddSingleton<FollowUpService>();
        return services;
    }
}
