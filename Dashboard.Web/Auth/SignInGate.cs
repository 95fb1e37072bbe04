using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Dashboard.Web.Auth.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// The lock-out of password sign-in, keyed by client address and account together: after
/// <see cref="AuthOptions.LockoutAttempts"/> failures for one account from one address, that address cannot sign in to
/// that account for <see cref="AuthOptions.LockoutMinutes"/>. Someone guessing from elsewhere therefore never locks the
/// owner out, and every address is first held to <c>Hardening:SignInPerMinute</c>. An unknown account counts the same
/// way and costs the same password hash, so neither the answer nor its timing tells which user names exist.
/// Kept in this node's memory: a lock-out lasts at most one window and ends with a restart.
/// </summary>
public sealed class SignInGate : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private string? _decoyHash;

    public SignInGate(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var auth = options.Value;
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = auth.LockoutAttempts,
            Window = TimeSpan.FromMinutes(auth.LockoutMinutes),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Whether this address has used up its failures for this account.</summary>
    public bool IsShut(string address, string userName)
    {
        using var lease = _failures.AttemptAcquire(Key(address, userName), 0);
        return !lease.IsAcquired;
    }

    /// <summary>Counts one failed sign-in of this address for this account.</summary>
    public void Failed(string address, string userName)
    {
        using var lease = _failures.AttemptAcquire(Key(address, userName), 1);
    }

    /// <summary>Spends what checking a real password costs, for answers that did not check one.</summary>
    public void SpendHash(IPasswordHasher<DashboardUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var decoy = _decoyHash ??= hasher.HashPassword(new DashboardUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(new DashboardUser(), decoy, password);
    }

    public void Dispose() => _failures.Dispose();

    private static string Key(string address, string userName) => address + "\n" + userName;
}
