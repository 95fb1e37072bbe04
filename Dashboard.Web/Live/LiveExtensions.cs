namespace Dashboard.Web.Live;

public static class LiveExtensions
{
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddHostedService<KpiHubRelay>();
        return services;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<KpiHub>(KpiHub.Path);
        return app;
    }
}
