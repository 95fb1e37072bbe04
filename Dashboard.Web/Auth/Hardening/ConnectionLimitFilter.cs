using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth.Hardening;

/// <summary>
/// Caps the live connections of one principal on this node (<see cref="HardeningOptions.MaxConnectionsPerUser"/>),
/// for every hub: Blazor's circuits (one per open tab or wall screen) and <c>/hubs/kpi</c>. The principal is the signed-in
/// person, wall screen or API client by its scheme and name, or the remote address when nobody is signed in. One
/// connection too many is refused before it holds any state (its circuit does not start; a hub client gets an error).
/// </summary>
public sealed class ConnectionLimitFilter(IOptionsMonitor<HardeningOptions> options, ILogger<ConnectionLimitFilter> logger) : IHubFilter
{
    private readonly ConcurrentDictionary<string, int> _perPrincipal = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _counted = new(StringComparer.Ordinal);

    /// <summary>Connections held by the principal of <paramref name="key"/> (for tests and diagnostics).</summary>
    public int Count(string key) => _perPrincipal.TryGetValue(key, out var n) ? n : 0;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var key = KeyOf(context.Context);
        var limit = options.CurrentValue.MaxConnectionsPerUser;
        var now = _perPrincipal.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (now > limit)
        {
            Release(key);
            Log.ConnectionRefused(logger, key, limit);
            throw new HubException($"Terlalu banyak koneksi terbuka untuk akun ini (batas {limit}). Tutup tab atau layar lain.");
        }
        _counted[context.Context.ConnectionId] = key;
        try
        {
            await next(context);
        }
        catch
        {
            Forget(context.Context.ConnectionId);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception);
        }
        finally
        {
            Forget(context.Context.ConnectionId);
        }
    }

    /// <summary>The scheme-qualified name of who is connected, or the address of an anonymous connection.</summary>
    public static string KeyOf(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = context.User?.Identity;
        if (identity is { IsAuthenticated: true })
        {
            // A person by user id (no names in logs), a wall screen or an API client by its name.
            var id = context.User!.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? identity.Name ?? "?";
            return $"{identity.AuthenticationType}:{id}";
        }
        // The client's address from the trusted proxy (forwarded headers run first), an IPv6 client by its /64.
        return "anonymous:" + ClientAddress.Of(context.GetHttpContext()?.Connection.RemoteIpAddress);
    }

    private void Forget(string connectionId)
    {
        if (_counted.TryRemove(connectionId, out var key))
        {
            Release(key);
        }
    }

    private void Release(string key)
    {
        var left = _perPrincipal.AddOrUpdate(key, 0, (_, n) => n - 1);
        if (left <= 0)
        {
            // Drop the entry only while it is still zero, so a concurrent connect is never lost.
            ((ICollection<KeyValuePair<string, int>>)_perPrincipal).Remove(new KeyValuePair<string, int>(key, 0));
        }
    }
}
