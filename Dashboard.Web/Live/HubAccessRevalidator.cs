using System.Security.Claims;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Live;

/// <summary>
/// Re-checks every <see cref="AuthOptions.RevalidateSeconds"/> who holds a <see cref="KpiHub"/> connection on this node,
/// as circuits are re-checked: an API client revoked by an administrator (or removed from <c>Api:Keys</c>), or a person
/// deleted, disabled, locked or whose roles changed, loses the connection within that interval instead of keeping it
/// until it reconnects.
/// </summary>
public sealed class HubAccessRevalidator(
    LocalHubConnections local,
    IServiceScopeFactory scopes,
    IOptionsMonitor<ApiOptions> api,
    IOptions<AuthOptions> auth,
    IOptions<IdentityOptions> identity,
    TimeProvider time,
    ILogger<HubAccessRevalidator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(auth.Value.RevalidateSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RevalidateAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RevalidationFailed(logger, ex);
            }
        }
    }

    /// <summary>Closes the connections whose principal lost access; returns how many.</summary>
    public async Task<int> RevalidateAsync(CancellationToken ct)
    {
        var contexts = local.Contexts;
        if (contexts.Count == 0)
        {
            return 0;
        }
        await using var scope = scopes.CreateAsyncScope();
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        var closed = 0;
        foreach (var context in contexts)
        {
            var principal = context.User;
            var key = Auth.Hardening.ConnectionLimitFilter.KeyOf(context);
            if (!verdicts.TryGetValue(key, out var valid))
            {
                valid = await IsStillValidAsync(scope.ServiceProvider, principal, ct);
                verdicts[key] = valid;
            }
            if (!valid)
            {
                Log.HubConnectionRevoked(logger, key);
                context.Abort();
                local.Remove(context.ConnectionId);
                closed++;
            }
        }
        return closed;
    }

    private async Task<bool> IsStillValidAsync(IServiceProvider services, ClaimsPrincipal? principal, CancellationToken ct)
    {
        var scheme = principal?.Identity?.AuthenticationType;
        if (principal is null || scheme is null)
        {
            return false;
        }
        if (scheme == ApiKeyAuthenticationHandler.SchemeName)
        {
            var name = principal.Identity!.Name ?? "";
            if (api.CurrentValue.Keys.TryGetValue(name, out var key) && !string.IsNullOrEmpty(key))
            {
                return true;
            }
            var db = services.GetRequiredService<IdentityStoreDbContext>();
            return await db.ApiClients.AsNoTracking().AnyAsync(c => c.Name == name && c.RevokedAt == null, ct);
        }
        if (scheme == IdentityConstants.ApplicationScheme)
        {
            var users = services.GetRequiredService<UserManager<DashboardUser>>();
            return await RevalidatingIdentityStateProvider.IsStillValidAsync(users, principal, identity.Value);
        }
        // Other schemes cannot open this hub (its policy admits people and API clients only).
        return true;
    }
}
