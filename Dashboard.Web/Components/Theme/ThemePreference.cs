using System.Security.Claims;
using Dashboard.Web.Auth.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Components.Theme;

/// <summary>
/// A person's choice of the dark theme, kept as a claim of their account (Identity's user-claims table: no column of its
/// own), so it follows them across reloads, tabs and devices. Read once per page load by the layout; each call takes its
/// own scope because a circuit lives for hours. Wall screens are not accounts: their theme is the screen's setting.
/// </summary>
public sealed class ThemePreference(IServiceScopeFactory scopes)
{
    /// <summary>The claim type; its value is <see cref="Dark"/> or <see cref="Light"/>.</summary>
    public const string ClaimType = "dasbor:tema";

    public const string Dark = "gelap";
    public const string Light = "terang";

    /// <summary>Whether the signed-in <paramref name="user"/> chose the dark theme; false for anyone without an account.</summary>
    public async Task<bool> IsDarkAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await FindAsync(users, user) is not { } account)
        {
            return false;
        }
        var claims = await users.GetClaimsAsync(account);
        return claims.Any(c => c.Type == ClaimType && c.Value == Dark);
    }

    /// <summary>Remembers the choice for the signed-in <paramref name="user"/>; nothing for anyone without an account.</summary>
    public async Task SetAsync(ClaimsPrincipal user, bool dark)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await FindAsync(users, user) is not { } account)
        {
            return;
        }
        var old = (await users.GetClaimsAsync(account)).Where(c => c.Type == ClaimType).ToList();
        if (old.Count > 0)
        {
            await users.RemoveClaimsAsync(account, old);
        }
        await users.AddClaimAsync(account, new Claim(ClaimType, dark ? Dark : Light));
    }

    private static async Task<DashboardUser?> FindAsync(UserManager<DashboardUser> users, ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && users.GetUserId(user) is { } id ? await users.FindByIdAsync(id) : null;
}
