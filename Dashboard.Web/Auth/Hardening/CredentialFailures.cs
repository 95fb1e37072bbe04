using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth.Hardening;

/// <summary>
/// Wrong or missing API keys and wall-screen tokens per client address (<see cref="HardeningOptions.KeyFailuresPerMinute"/>):
/// once an address has used its budget, its next presented key is refused (429) before it costs a hash and a database
/// query. Keys from settings are still compared first (no query), so a configured client is never shut out by a neighbour.
/// </summary>
public sealed class CredentialFailures : IDisposable
{
    /// <summary>Set on a request refused because its address has no budget left; the challenge answers 429.</summary>
    public const string ThrottledItem = "credential-failures.throttled";

    private const string CountedItem = "credential-failures.counted";

    private readonly PartitionedRateLimiter<string> _limiter;

    public CredentialFailures(IOptions<HardeningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.KeyFailuresPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>True (and the request marked) when the client's address has no failures left this minute.</summary>
    public bool Exhausted(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = _limiter.AttemptAcquire(ClientAddress.Of(http), 0);
        if (lease.IsAcquired)
        {
            return false;
        }
        http.Items[ThrottledItem] = true;
        return true;
    }

    /// <summary>Counts one failure of the request's address (at most once a request).</summary>
    public void Count(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryAdd(CountedItem, true))
        {
            using var lease = _limiter.AttemptAcquire(ClientAddress.Of(http), 1);
        }
    }

    /// <summary>
    /// For a challenge (no key, or a wrong one): counts the failure unless the request already counted one; returns true
    /// and answers 429 with Retry-After when the address had no budget left.
    /// </summary>
    public bool CountOrRefuse(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Items.ContainsKey(ThrottledItem) && (http.Items.ContainsKey(CountedItem) || !Exhausted(http)))
        {
            Count(http);
            return false;
        }
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        return true;
    }

    public void Dispose() => _limiter.Dispose();
}
