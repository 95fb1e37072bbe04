using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Ingest.Shared.Alerts;

public static class AlertsExtensions
{
    /// <summary>
    /// Alert evaluation and the notification channels (webhook, e-mail; more by registering <see cref="IAlertChannel"/>).
    /// Its schedule, <see cref="AlertScheduler"/>, runs on the nodes that run jobs (<c>AddIngestWorkers</c>).
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddHttpClient<WebhookAlertChannel>();
        services.AddSingleton<IAlertChannel>(sp => sp.GetRequiredService<WebhookAlertChannel>());
        services.AddSingleton<IAlertChannel, EmailAlertChannel>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertMonitor>();
        return services;
    }
}
