using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Auth.Identity;

/// <summary>
/// A person who signs in. Roles are Identity roles (<see cref="Roles"/>); a Kepala OPD's agencies are
/// <see cref="AuthExtensions.OpdClaim"/> user claims (one per OPD code), so they reach the cookie with the roles.
/// No e-mail or phone is required: accounts are created by administrators, not by self-service.
/// </summary>
public sealed class DashboardUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in and loses open sessions and circuits at the next re-check.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
