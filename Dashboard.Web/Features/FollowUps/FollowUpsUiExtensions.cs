using Dashboard.Web.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.FollowUps;

public static class FollowUpsUiExtensions
{
    /// <summary>The follow-up and meeting queries, and the policy of those who assign follow-ups and run the meeting.</summary>
    public static IServiceCollection AddFollowUpsUi(this IServiceCollection services)
    {
        services.TryAddSingleton<FollowUpQueries>();
        services.TryAddSingleton<MeetingQueries>();
        services.AddAuthorizationBuilder().AddPolicy(FollowUpPolicies.Lead, p => p.RequireRole(Roles.Admin, Roles.Pimpinan));
        return services;
    }
}
