using Dashboard.Ingest.Reporting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth.Identity;

/// <summary>
/// Identity's database side at start-up and for the <c>migrate</c> and <c>create-admin</c> commands: applies its
/// migrations, makes sure the product's roles exist, seeds the demo users in Development, and outside Development
/// refuses to serve while a demo account still has the documented password.
/// </summary>
public sealed class IdentitySetup(
    IServiceScopeFactory scopes, IHostEnvironment environment, TimeProvider time, ILogger<IdentitySetup> logger)
{
    public static IReadOnlyList<string> PersonRoles { get; } = [Roles.Admin, Roles.Pimpinan, Roles.KepalaOpd, Roles.Operator];

    /// <summary>Migrations and roles (idempotent).</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        await db.Database.MigrateAsync(ct);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PersonRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    /// <summary>
    /// What serving needs before the first request, once the migrations ran (the <c>migrate</c> command, or start-up with
    /// <c>Database:MigrateOnStart</c>: <c>UseDashboardAsync</c> applies them before any hosted service starts).
    /// </summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        if (environment.IsDevelopment())
        {
            await SeedDemoUsersAsync();
        }
        else
        {
            await RefuseDemoPasswordsAsync();
        }
    }

    private async Task SeedDemoUsersAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var created = 0;
        foreach (var demo in DemoUsers.All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }
            var user = new DashboardUser { UserName = demo.UserName, DisplayName = demo.DisplayName, CreatedAt = time.GetUtcNow() };
            // The demo password is shorter than the policy asks of real accounts: hash it directly.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, DemoUsers.Password);
            Check(await users.CreateAsync(user), demo.UserName);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.UserName);
            if (demo.Opd is not null)
            {
                Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(AuthExtensions.OpdClaim, demo.Opd)), demo.UserName);
            }
            created++;
        }
        if (created > 0)
        {
            Log.DemoUsersSeeded(logger, created);
        }
    }

    private async Task RefuseDemoPasswordsAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        foreach (var demo in DemoUsers.All)
        {
            var user = await users.FindByNameAsync(demo.UserName);
            if (user?.PasswordHash is not null
                && users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, DemoUsers.Password) != PasswordVerificationResult.Failed)
            {
                throw new InvalidOperationException(
                    $"Account '{demo.UserName}' still has the documented demo password (demo users exist only in Development; environment '{environment.EnvironmentName}'). " +
                    "Reset its password or disable it in a Development copy, or delete it from AspNetUsers, before serving.");
            }
        }
    }

    internal static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity: {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>Runs <see cref="IdentitySetup.PrepareAsync"/> when the host starts; a failure stops start-up.</summary>
internal sealed class IdentityStartup(IdentitySetup setup, IOptions<Hosting.NodeOptions> node) : IHostedService
{
    /// <summary>Only where people sign in: an ingest-only node never touches the accounts.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        node.Value.ServesScreens ? setup.PrepareAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
