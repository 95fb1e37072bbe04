using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth.Identity;

/// <summary>Adds the display name to the cookie's principal (roles and OPD claims come from the base factory).</summary>
public sealed class DashboardUserClaims(UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DashboardUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DashboardUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.GivenName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}

/// <summary>A disabled account is "not allowed" to sign in (checked by the sign-in manager before the password).</summary>
public sealed class EnabledUserConfirmation : IUserConfirmation<DashboardUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<DashboardUser> manager, DashboardUser user) =>
        Task.FromResult(user is { IsDisabled: false });
}
