using Cronos;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Rules that data annotations cannot say; every message names the configuration key.</summary>
public sealed class SourceOptionsValidator<T>(string section, IOptions<SimulatorOptions> simulator, IOptions<IngestOptions> ingest) : IValidateOptions<T>
    where T : SourceOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!CronSchedule.TryParse(options.Schedule, out _))
        {
            failures.Add($"{section}:Schedule: '{options.Schedule}' is not a valid cron expression (5 fields, or 6 with seconds).");
        }
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            if (!simulator.Value.Enabled)
            {
                failures.Add($"{section}:BaseUrl is required when {SimulatorOptions.Section}:Enabled is false.");
            }
        }
        else if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            failures.Add($"{section}:BaseUrl: '{options.BaseUrl}' is not an absolute http(s) URL.");
        }
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{section}:ApiKey is required.");
        }
        if (options.TotalTimeoutSeconds <= options.AttemptTimeoutSeconds)
        {
            failures.Add($"{section}:TotalTimeoutSeconds must be greater than {section}:AttemptTimeoutSeconds.");
        }
        if (options.TotalTimeoutSeconds >= ingest.Value.LeaseSeconds)
        {
            // A run waiting on one page longer than its lease would lose the source to a second run.
            failures.Add($"{section}:TotalTimeoutSeconds ({options.TotalTimeoutSeconds}) must be less than {IngestOptions.Section}:LeaseSeconds ({ingest.Value.LeaseSeconds}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Cron parsing shared by validation and the operator pages (Hangfire uses Cronos too).</summary>
public static class CronSchedule
{
    public static bool TryParse(string? expression, out CronExpression? cron)
    {
        cron = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(expression, format, out cron);
    }
}
