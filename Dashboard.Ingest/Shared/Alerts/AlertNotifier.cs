using Microsoft.Extensions.Logging;

namespace Dashboard.Ingest.Shared.Alerts;

/// <summary>What a channel sends: an alert that fired or resolved. Carries no personal data (alerts are about sources and indicators).</summary>
public sealed record AlertNotice(
    long Id, string Key, string Kind, string State, string Source, string? Indicator, string? OwnerOpd,
    string Summary, string SummaryEn, DateTimeOffset FiredAt, DateTimeOffset? ResolvedAt)
{
    public static AlertNotice From(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertNotice(alert.Id, alert.Key, alert.Kind.ToString(), alert.State == AlertState.Resolved ? "resolved" : "firing",
            alert.Source, alert.IndicatorCode, alert.OwnerOpd, alert.Summary, alert.SummaryEn, alert.FiredAt, alert.ResolvedAt);
    }
}

/// <summary>A way to tell people beyond the app (e-mail, a webhook for WhatsApp/Telegram gateways). Register more with DI.</summary>
public interface IAlertChannel
{
    string Name { get; }

    /// <summary>False while the channel's settings are empty: it is skipped.</summary>
    bool IsConfigured { get; }

    Task SendAsync(IReadOnlyList<AlertNotice> notices, CancellationToken ct);
}

/// <summary>Sends fired and resolved alerts to every configured channel; a failing channel is logged and never stops the others.</summary>
public sealed class AlertNotifier(IEnumerable<IAlertChannel> channels, ILogger<AlertNotifier> logger)
{
    /// <summary>Returns the channel errors per alert id (empty when every channel delivered).</summary>
    public async Task<IReadOnlyDictionary<long, string>> NotifyAsync(IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var notices = alerts.Select(AlertNotice.From).ToList();
        var errors = new Dictionary<long, string>();
        foreach (var channel in channels.Where(c => c.IsConfigured))
        {
            try
            {
                await channel.SendAsync(notices, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Log.ChannelFailed(logger, channel.Name, ex.Message);
                foreach (var notice in notices)
                {
                    errors[notice.Id] = $"{channel.Name}: {ex.Message}";
                }
            }
        }
        return errors;
    }
}
