using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Alerts;

/// <summary>Settings of alerting (<c>Alerts</c>) and its notification channels beyond the app.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Evaluate conditions on this node (the node that runs the jobs).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A source whose last this-many runs failed raises an alert.</summary>
    [Range(1, 100, ErrorMessage = "Alerts:FailedRuns must be between 1 and 100.")]
    public int FailedRuns { get; set; } = 3;

    /// <summary>How often conditions are evaluated besides right after every run (staleness needs a clock).</summary>
    [Range(5, 3600, ErrorMessage = "Alerts:EvaluateSeconds must be between 5 and 3600.")]
    public int EvaluateSeconds { get; set; } = 60;

    /// <summary>A condition that comes back within this many minutes of resolving reopens its alert silently (no flood when it flaps).</summary>
    [Range(0, 10080, ErrorMessage = "Alerts:ReopenWithinMinutes must be between 0 and 10080.")]
    public int ReopenWithinMinutes { get; set; } = 60;

    public WebhookChannelOptions Webhook { get; set; } = new();

    public EmailChannelOptions Email { get; set; } = new();
}

/// <summary>POSTs every fired/resolved alert as JSON (for a WhatsApp or Telegram gateway); off while <see cref="Url"/> is empty.</summary>
public sealed class WebhookChannelOptions
{
    public string? Url { get; set; }

    /// <summary>When set, each request carries <c>X-Dasbor-Signature: sha256=&lt;HMAC of the body&gt;</c>. From the environment.</summary>
    public string? Secret { get; set; }

    [Range(1, 120, ErrorMessage = "Alerts:Webhook:TimeoutSeconds must be between 1 and 120.")]
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>Sends every fired/resolved alert by SMTP; off while <see cref="Host"/> or <see cref="To"/> is empty.</summary>
public sealed class EmailChannelOptions
{
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Alerts:Email:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    public bool UseSsl { get; set; } = true;
    public string? User { get; set; }

    /// <summary>From the environment or user-secrets, never committed.</summary>
    public string? Password { get; set; }

    public string? From { get; set; }

    /// <summary>Recipients, comma-separated.</summary>
    public string? To { get; set; }
}

/// <summary>Channel settings that are set must be usable: an absolute http(s) webhook URL, e-mail addresses that parse.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Webhook.Url)
            && !(Uri.TryCreate(options.Webhook.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            errors.Add($"{AlertOptions.Section}:Webhook:Url must be an absolute http(s) URL (got '{options.Webhook.Url}').");
        }
        if (!string.IsNullOrWhiteSpace(options.Email.From) && !MailAddress.TryCreate(options.Email.From, out _))
        {
            errors.Add($"{AlertOptions.Section}:Email:From must be an e-mail address (got '{options.Email.From}').");
        }
        foreach (var to in (options.Email.To ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MailAddress.TryCreate(to, out _))
            {
                errors.Add($"{AlertOptions.Section}:Email:To has '{to}', which is not an e-mail address.");
            }
        }
        if (!string.IsNullOrWhiteSpace(options.Email.Host) && string.IsNullOrWhiteSpace(options.Email.From))
        {
            errors.Add($"{AlertOptions.Section}:Email:From is required when {AlertOptions.Section}:Email:Host is set.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
