using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth.Identity;

/// <summary>
/// Re-checks a circuit's signed-in user every <see cref="AuthOptions.RevalidateSeconds"/>: a user deleted, disabled,
/// locked, or whose roles, OPDs or password changed (every such change renews the security stamp) loses the circuit's
/// authorisation: pages behind a policy leave for the sign-in page, where the stale cookie is refused too.
/// Principals of other schemes (wall devices, API clients) are left to their own checks.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<AuthOptions> options, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RevalidatingIdentityStateProvider>();

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(options.Value.RevalidateSeconds);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var principal = authenticationState.User;
        if (principal.Identity?.AuthenticationType != IdentityConstants.ApplicationScheme)
        {
            return true;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var valid = await IsStillValidAsync(users, principal, identity.Value);
        if (!valid)
        {
            Log.CircuitRevoked(_logger, principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) ?? "?");
        }
        return valid;
    }

    /// <summary>The user exists, is enabled and not locked, and its security stamp is the one signed in with.</summary>
    public static async Task<bool> IsStillValidAsync(UserManager<DashboardUser> users, ClaimsPrincipal principal, IdentityOptions identity)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(identity);
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            return false;
        }
        var stamp = principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
