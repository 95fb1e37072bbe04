using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Shared.Alerts;

public static class AlertsExtensions
{
    /// <summary>Alert evaluation, its schedule and the notification channels (webhook, e-mail; more by registering <see cref="IAlertChannel"/>).</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddHttpClient<WebhookAlertChannel>();
        services.AddSingleton<IAlertChannel>(sp => sp.GetRequiredService<WebhookAlertChannel>());
        services.AddSingleton<IAlertChannel, EmailAlertChannel>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertMonitor>();
        services.AddHostedService<AlertScheduler>();
        return services;
    }
}
