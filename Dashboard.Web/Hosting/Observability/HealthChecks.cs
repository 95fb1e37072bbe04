using Dashboard.Ingest.Reporting;
using Dashboard.Web.Live;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Hosting.Observability;

/// <summary>Tags of the checks: <see cref="Ready"/> ones decide <c>/healthz/ready</c>; every check shows in <c>/healthz</c>.</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}

/// <summary>The reporting database answers a connection.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<ReportingDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "The reporting database cannot be reached.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The reporting database cannot be reached.", ex);
        }
    }
}

/// <summary>The Redis bus between nodes is connected (registered only with <c>ConnectionStrings:Redis</c>).</summary>
internal sealed class RedisHealthCheck(RedisKpiBus bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.Connected
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected: notifications stay on this node."));
}

/// <summary>
/// On an ingest node with Hangfire storage, this process's Hangfire server is registered and heart-beating. Without
/// job storage (<c>Hangfire:Storage=None</c>) runs are in-process and there is no server to check.
/// </summary>
internal sealed class HangfireServerHealthCheck(IServiceProvider services, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Silent = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<JobStorage>() is not { } storage)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No job storage: runs are in-process."));
        }
        try
        {
            // Hangfire names a server "<host>:<pid>:<guid>" (lower case) when it knows the host name (COMPUTERNAME or HOSTNAME
            // is set), else only "<guid>": then this node's server cannot be told apart and any live server must do.
            var mine = $":{Environment.ProcessId}:";
            var now = time.GetUtcNow().UtcDateTime;
            var servers = storage.GetMonitoringApi().Servers();
            var own = servers.FirstOrDefault(s => s.Name.Contains(mine, StringComparison.Ordinal));
            var alive = servers.Where(s => s.Heartbeat is { } beat && now - beat <= Silent).ToList();
            return Task.FromResult(own switch
            {
                { Heartbeat: { } beat } when now - beat > Silent =>
                    new HealthCheckResult(context.Registration.FailureStatus, $"This node's Hangfire server is silent since {beat:O}."),
                not null => HealthCheckResult.Healthy(),
                null when alive.Any(s => !s.Name.Contains(':', StringComparison.Ordinal)) => HealthCheckResult.Healthy("A Hangfire server is alive (servers are not named by host)."),
                _ => new HealthCheckResult(context.Registration.FailureStatus, "This node's Hangfire server is not registered."),
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "Hangfire's storage cannot be read.", ex));
        }
    }
}

/// <summary>
/// Sources whose data outlived their strictest indicator's freshness limit: Degraded, never Unhealthy (a late source
/// must not take a node out of the balancer); not part of readiness.
/// </summary>
internal sealed class SourceFreshnessHealthCheck(StatusSnapshot status, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await status.RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("Source freshness cannot be read.", ex);
        }
        var late = status.Late(time.GetUtcNow());
        return late.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Data past its freshness limit: " + string.Join(", ", late), data: new Dictionary<string, object> { ["late"] = late });
    }
}
