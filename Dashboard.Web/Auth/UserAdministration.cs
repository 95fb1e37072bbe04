using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Web.Auth.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Auth;

public sealed record UserRow(
    string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Opds,
    bool IsDisabled, DateTimeOffset? LockedUntil, int FailedAttempts, DateTimeOffset CreatedAt);

/// <summary>An administrator's change: succeeded, or the reasons (Identity's error codes or ours) it did not.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<IdentityError> Errors)
{
    public static AdminResult Ok { get; } = new(true, []);

    public static AdminResult Fail(string code, string description) => new(false, [new IdentityError { Code = code, Description = description }]);

    public static AdminResult From(IdentityResult result) => new(result.Succeeded, [.. result.Errors]);
}

/// <summary>
/// Users, roles and OPD bindings as administrators manage them (the <c>/admin/pengguna</c> page and
/// <c>create-admin</c>). Every change renews the user's security stamp, so open sessions and circuits pick it up at
/// their next re-check, and is written to the audit log (<c>AuditEntries</c>) with who did it. The last enabled
/// administrator cannot be disabled, locked or demoted.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IDbContextFactory<ReportingDbContext> reporting, TimeProvider time)
{
    public static class Actions
    {
        public const string Created = "user.create";
        public const string RolesChanged = "user.roles";
        public const string Disabled = "user.disable";
        public const string Enabled = "user.enable";
        public const string Locked = "user.lock";
        public const string Unlocked = "user.unlock";
        public const string PasswordReset = "user.password.reset";
        public const string PasswordChanged = "user.password.change";
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct);
        var opds = await db.UserClaims.AsNoTracking().Where(c => c.ClaimType == AuthExtensions.OpdClaim).ToListAsync(ct);
        var now = time.GetUtcNow();
        return
        [
            .. users.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => new UserRow(
                u.Id, u.UserName ?? "", u.DisplayName,
                [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)],
                [.. opds.Where(c => c.UserId == u.Id).Select(c => c.ClaimValue!).Order(StringComparer.Ordinal)],
                u.IsDisabled, u.LockoutEnd is { } end && end > now ? end : null, u.AccessFailedCount, u.CreatedAt)),
        ];
    }

    public async Task<AdminResult> CreateAsync(string actor, string userName, string displayName, string password,
        IReadOnlyCollection<string> roles, IReadOnlyCollection<string> opds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var check = CheckRoles(roles, opds);
        if (!check.Succeeded)
        {
            return check;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = new DashboardUser { UserName = userName.Trim().ToLowerInvariant(), DisplayName = displayName.Trim(), CreatedAt = time.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return AdminResult.From(result);
        }
        IdentitySetup.Check(await users.AddToRolesAsync(user, roles), user.UserName);
        if (roles.Contains(Roles.KepalaOpd))
        {
            IdentitySetup.Check(await users.AddClaimsAsync(user, opds.Select(o => new Claim(AuthExtensions.OpdClaim, o))), user.UserName);
        }
        await AuditAsync(actor, Actions.Created, user, null, Describe(roles, opds), ct);
        return AdminResult.Ok;
    }

    public async Task<AdminResult> SetRolesAsync(string actor, string userId, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> opds, CancellationToken ct)
    {
        var check = CheckRoles(roles, opds);
        if (!check.Succeeded)
        {
            return check;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }
        var currentRoles = await users.GetRolesAsync(user);
        var currentOpds = (await users.GetClaimsAsync(user)).Where(c => c.Type == AuthExtensions.OpdClaim).ToList();
        if (currentRoles.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && await IsLastAdminAsync(users, user))
        {
            return LastAdmin();
        }
        var before = Describe(currentRoles, currentOpds.Select(c => c.Value));
        IdentitySetup.Check(await users.RemoveFromRolesAsync(user, currentRoles.Except(roles)), user.UserName!);
        IdentitySetup.Check(await users.AddToRolesAsync(user, roles.Except(currentRoles)), user.UserName!);
        if (currentOpds.Count > 0)
        {
            IdentitySetup.Check(await users.RemoveClaimsAsync(user, currentOpds), user.UserName!);
        }
        if (roles.Contains(Roles.KepalaOpd))
        {
            IdentitySetup.Check(await users.AddClaimsAsync(user, opds.Select(o => new Claim(AuthExtensions.OpdClaim, o))), user.UserName!);
        }
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, Actions.RolesChanged, user, before, Describe(roles, opds), ct);
        return AdminResult.Ok;
    }

    public async Task<AdminResult> SetDisabledAsync(string actor, string userId, bool disabled, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }
        if (disabled && await IsLastAdminAsync(users, user))
        {
            return LastAdmin();
        }
        user.IsDisabled = disabled;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
            await AuditAsync(actor, disabled ? Actions.Disabled : Actions.Enabled, user, null, null, ct);
        }
        return AdminResult.From(result);
    }

    /// <summary>Locks until <paramref name="until"/> (null: indefinitely, until unlocked), or unlocks with <paramref name="locked"/> false.</summary>
    public async Task<AdminResult> SetLockedAsync(string actor, string userId, bool locked, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }
        if (locked && await IsLastAdminAsync(users, user))
        {
            return LastAdmin();
        }
        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
            await AuditAsync(actor, locked ? Actions.Locked : Actions.Unlocked, user, null, null, ct);
        }
        return AdminResult.From(result);
    }

    public async Task<AdminResult> ResetPasswordAsync(string actor, string userId, string password, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            await AuditAsync(actor, Actions.PasswordReset, user, null, null, ct);
        }
        return AdminResult.From(result);
    }

    /// <summary>An error in the user's language when we have a text for its code, else Identity's own description.</summary>
    public static string Describe(IStringLocalizer l, IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(error);
        var text = l["accounts.error." + error.Code];
        return text.ResourceNotFound ? error.Description : text.Value;
    }

    private static AdminResult CheckRoles(IReadOnlyCollection<string> roles, IReadOnlyCollection<string> opds)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(opds);
        if (roles.Count == 0 || roles.Any(r => !IdentitySetup.PersonRoles.Contains(r)))
        {
            return AdminResult.Fail("Roles", "Choose one or more of: " + string.Join(", ", IdentitySetup.PersonRoles));
        }
        if (roles.Contains(Roles.KepalaOpd) && opds.Count == 0)
        {
            return AdminResult.Fail("OpdRequired", "A Kepala OPD must be bound to at least one OPD.");
        }
        var unknown = opds.Where(o => !ReferenceData.Agencies.Any(a => a.Code == o)).ToList();
        return unknown.Count > 0 ? AdminResult.Fail("OpdUnknown", "Unknown OPD: " + string.Join(", ", unknown)) : AdminResult.Ok;
    }

    private async Task<bool> IsLastAdminAsync(UserManager<DashboardUser> users, DashboardUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            return false;
        }
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && !a.IsDisabled && (a.LockoutEnd is null || a.LockoutEnd < time.GetUtcNow()));
    }

    private static AdminResult NotFound() => AdminResult.Fail("UserNotFound", "The user no longer exists.");

    private static AdminResult LastAdmin() => AdminResult.Fail("LastAdmin", "The last enabled administrator cannot be disabled, locked or demoted.");

    private static string Describe(IEnumerable<string> roles, IEnumerable<string> opds)
    {
        var opdList = opds.Order(StringComparer.Ordinal).ToList();
        return string.Join(", ", roles.Order(StringComparer.Ordinal)) + (opdList.Count > 0 ? " [" + string.Join(", ", opdList) + "]" : "");
    }

    private async Task AuditAsync(string actor, string action, DashboardUser user, string? before, string? after, CancellationToken ct)
    {
        await using var db = await reporting.CreateDbContextAsync(ct);
        SourceControl.Record(db, time.GetUtcNow(), actor, action, "user:" + user.UserName, null, before, after);
        await db.SaveChangesAsync(ct);
    }
}
