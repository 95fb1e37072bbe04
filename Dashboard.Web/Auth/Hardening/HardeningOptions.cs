using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Auth.Hardening;

/// <summary>Request limits and circuit limits (<c>Hardening:*</c>).</summary>
public sealed class HardeningOptions
{
    public const string Section = "Hardening";

    /// <summary>Sign-in attempts (POST /masuk) one address may make a minute; more are answered 429.</summary>
    [Range(1, 10_000, ErrorMessage = "Hardening:SignInPerMinute must be between 1 and 10000.")]
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Requests to /api/v1 one client (or address, before authentication) may make a minute.</summary>
    [Range(1, 100_000, ErrorMessage = "Hardening:ApiPerMinute must be between 1 and 100000.")]
    public int ApiPerMinute { get; set; } = 120;

    /// <summary>
    /// Wrong or missing API keys and wall tokens one address may present a minute; after that its keys are refused
    /// with 429 before they are looked up.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Hardening:KeyFailuresPerMinute must be between 1 and 10000.")]
    public int KeyFailuresPerMinute { get; set; } = 20;

    /// <summary>Largest message a browser circuit or hub client may send, in KB (pages send clicks and short texts).</summary>
    [Range(4, 1024, ErrorMessage = "Hardening:MaxMessageKb must be between 4 and 1024.")]
    public int MaxMessageKb { get; set; } = 32;

    /// <summary>How long the server waits for a browser's answer to a JS interop call.</summary>
    [Range(5, 300, ErrorMessage = "Hardening:JsInteropTimeoutSeconds must be between 5 and 300.")]
    public int JsInteropTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Live connections one person, wall screen or API client (or one address, signed out) may hold on this node,
    /// Blazor circuits (one per open tab) and <c>/hubs/kpi</c> connections together; one more is refused.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Hardening:MaxConnectionsPerUser must be between 1 and 10000.")]
    public int MaxConnectionsPerUser { get; set; } = 20;

    /// <summary>Disconnected circuits kept for reconnection (memory bound: each holds its page state).</summary>
    [Range(10, 100_000, ErrorMessage = "Hardening:DisconnectedCircuitsRetained must be between 10 and 100000.")]
    public int DisconnectedCircuitsRetained { get; set; } = 500;
}
