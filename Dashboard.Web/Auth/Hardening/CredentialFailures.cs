using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth.Hardening;

/// <summary>
/// Wrong or missing API keys and wall-screen tokens per client address (<see cref="HardeningOptions.KeyFailuresPerMinute"/>):
/// once an address has used its budget, its next presented key is refused (429) before it costs a hash and a database
/// query. Keys from settings are still compared first (no query), so a configured client is never shut out by a neighbour.
/// A key refused within the last minute is refused again without a lookup and without counting: a revoked wall screen that
/// keeps polling costs nothing and does not use up the budget of the other screens behind the same address.
/// </summary>
public sealed class CredentialFailures : IDisposable
{
    /// <summary>Set on a request refused because its address has no budget left; the challenge answers 429.</summary>
    public const string ThrottledItem = "credential-failures.throttled";

    private const string CountedItem = "credential-failures.counted";

    private const int RefusedLimit = 10_000;
    private static readonly TimeSpan RefusedFor = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ConcurrentDictionary<string, long> _refused = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public CredentialFailures(IOptions<HardeningOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        var permits = options.Value.KeyFailuresPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Whether <paramref name="credential"/> was refused within the last minute (the request then counts as counted).</summary>
    public bool RecentlyRefused(HttpContext http, string credential)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!_refused.TryGetValue(Fingerprint(credential), out var at) || _time.GetElapsedTime(at) >= RefusedFor)
        {
            return false;
        }
        http.Items[CountedItem] = true;
        return true;
    }

    /// <summary>Remembers <paramref name="credential"/> as refused and counts one failure of the request's address.</summary>
    public void Refused(HttpContext http, string credential)
    {
        if (_refused.Count >= RefusedLimit)
        {
            _refused.Clear();
        }
        _refused[Fingerprint(credential)] = _time.GetTimestamp();
        Count(http);
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

    // Only a hash of a refused key is kept, never the key.
    private static string Fingerprint(string credential) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));
}
