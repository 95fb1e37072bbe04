using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace Dashboard.Web.Live;

public static class LiveExtensions
{
    /// <summary>
    /// The hub and its relay; with <c>ConnectionStrings:Redis</c> also the notification channel between nodes and the
    /// hub's Redis backplane; on web nodes of a deployment that has other nodes, the snapshot-version check.
    /// </summary>
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder, NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var services = builder.Services;
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR();
        services.AddSingleton<LocalHubConnections>();
        services.AddHostedService<KpiHubRelay>();
        if (node.ServesScreens)
        {
            services.AddSingleton<HubAccessRevalidator>();
            services.AddHostedService(sp => sp.GetRequiredService<HubAccessRevalidator>());
        }

        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton(new RedisConnection(redis));
            services.AddSingleton<RedisKpiBus>();
            services.AddHostedService(sp => sp.GetRequiredService<RedisKpiBus>());
            // The backplane for the product's hub only: Blazor's own circuit hub stays in-process (circuits need
            // sticky sessions anyway), so opening a page never depends on Redis being up.
            services.AddOptions<RedisOptions>().Configure<RedisConnection>((o, connection) => o.ConnectionFactory = _ => connection.GetAsync());
            services.AddSingleton<HubLifetimeManager<KpiHub>, RedisHubLifetimeManager<KpiHub>>();
        }
        if (node.ServesScreens && (!string.IsNullOrWhiteSpace(redis) || !node.RunsJobs))
        {
            services.AddSingleton<SnapshotVersionWatch>();
            services.AddHostedService(sp => sp.GetRequiredService<SnapshotVersionWatch>());
        }
        return builder;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<KpiHub>(KpiHub.Path);
        return app;
    }
}
