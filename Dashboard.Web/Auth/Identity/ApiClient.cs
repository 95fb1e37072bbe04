namespace Dashboard.Web.Auth.Identity;

/// <summary>
/// Another city system allowed to use <c>/api/v1</c> and <c>/hubs/kpi</c>. Its key is shown once at creation and
/// stored only as a SHA-256 hash (the key is 256 random bits, so a fast hash cannot be reversed by guessing).
/// </summary>
public sealed class ApiClient
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The key's first characters, to recognise it in a list without storing it.</summary>
    public required string KeyPrefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>Space-separated <see cref="ApiScopes"/>.</summary>
    public required string Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}

/// <summary>What an API client may do.</summary>
public static class ApiScopes
{
    /// <summary>Read sources and indicator values (<c>GET /api/v1/*</c>, the hub).</summary>
    public const string ReadIndicators = "read-indicators";

    /// <summary>Ask for a source refresh (<c>POST /api/v1/sources/{name}/refresh</c>).</summary>
    public const string TriggerRefresh = "trigger-refresh";

    /// <summary>Scrape the Prometheus endpoint (<c>GET /metrics</c>).</summary>
    public const string Metrics = "metrics";

    public static IReadOnlyList<string> All { get; } = [ReadIndicators, TriggerRefresh, Metrics];

    public const string ClaimType = "scope";
}
