using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting.Observability;

/// <summary>
/// Telemetry settings (<c>Observability:*</c>). OTLP export is not here: it follows the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and <c>OTEL_*</c> variables (off when the endpoint is unset).
/// </summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Console log lines as JSON objects (one a line, UTC timestamps) instead of the plain format.</summary>
    public bool JsonConsole { get; set; }

    /// <summary>How often the source, alert and wall gauges re-read the database.</summary>
    [Range(1, 3600, ErrorMessage = "Observability:StatusRefreshSeconds must be between 1 and 3600.")]
    public int StatusRefreshSeconds { get; set; } = 15;
}

/// <summary>
/// <c>Hosting:ManagementUrls</c>: extra listen addresses (e.g. <c>http://127.0.0.1:9464</c>, separated by <c>;</c>) where
/// <c>/metrics</c> is served without an API key. Unset (the default), <c>/metrics</c> is only on the normal addresses and
/// needs an API client with the <c>metrics</c> scope.
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Hosting";

    public string? ManagementUrls { get; set; }

    public IReadOnlyList<Uri> Parse()
    {
        var urls = new List<Uri>();
        foreach (var text in (ManagementUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.IsDefaultPort && !text.Contains(":" + uri.Port, StringComparison.Ordinal))
            {
                throw new OptionsValidationException(Section, typeof(ManagementOptions),
                    [$"Hosting:ManagementUrls: '{text}' is not an http(s) address with a port, e.g. http://127.0.0.1:9464."]);
            }
            urls.Add(uri);
        }
        return urls;
    }
}
