using System.Security.Cryptography;
using System.Text;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Web.Auth.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Auth;

public sealed record ApiClientRow(int Id, string Name, string KeyPrefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>
/// API clients as administrators manage them (<c>/admin/api-klien</c>): a new client's key is returned once and only its
/// SHA-256 is stored; revocation takes effect on the next request. Both are audited (<c>apiclient.create</c>,
/// <c>apiclient.revoke</c>).
/// </summary>
public sealed class ApiClientAdministration(IServiceScopeFactory scopes, IDbContextFactory<ReportingDbContext> reporting, TimeProvider time)
{
    public const string KeyPrefix = "dsb_";

    public async Task<IReadOnlyList<ApiClientRow>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var clients = await db.ApiClients.AsNoTracking().ToListAsync(ct);
        return [.. clients.OrderBy(c => c.RevokedAt is not null).ThenBy(c => c.Name, StringComparer.Ordinal).Select(Row)];
    }

    /// <summary>Creates a client and returns its key: the only time the key exists outside the caller.</summary>
    public async Task<(AdminResult Result, string? Key)> CreateAsync(string actor, string name, IReadOnlyCollection<string> scopes1, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes1);
        name = (name ?? "").Trim().ToLowerInvariant();
        if (name.Length is < 2 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return (AdminResult.Fail("ApiClientName", "A client name has 2–64 lower-case letters, digits, dots, hyphens or underscores."), null);
        }
        if (scopes1.Count == 0 || scopes1.Any(s => !ApiScopes.All.Contains(s)))
        {
            return (AdminResult.Fail("ApiScopes", "Choose one or more of: " + string.Join(", ", ApiScopes.All)), null);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        if (await db.ApiClients.AnyAsync(c => c.Name == name, ct))
        {
            return (AdminResult.Fail("ApiClientDuplicate", "An API client with that name exists."), null);
        }
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var client = new ApiClient
        {
            Name = name, KeyPrefix = key[..10], KeyHash = Hash(key), Scopes = string.Join(' ', ApiScopes.All.Where(scopes1.Contains)),
            CreatedAt = time.GetUtcNow(), CreatedBy = Bound(actor),
        };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, "apiclient.create", name, null, client.Scopes, ct);
        return (AdminResult.Ok, key);
    }

    public async Task<AdminResult> RevokeAsync(string actor, int id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return AdminResult.Fail("ApiClientNotFound", "That API client does not exist.");
        }
        if (client.RevokedAt is null)
        {
            client.RevokedAt = time.GetUtcNow();
            client.RevokedBy = Bound(actor);
            await db.SaveChangesAsync(ct);
            await AuditAsync(actor, "apiclient.revoke", client.Name, client.Scopes, null, ct);
        }
        return AdminResult.Ok;
    }

    /// <summary>The active client holding <paramref name="key"/>, if any (for the bearer handler).</summary>
    public static async Task<ApiClient?> FindActiveAsync(IdentityStoreDbContext db, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = Hash(key);
        return await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.KeyHash == hash && c.RevokedAt == null, ct);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ApiClientRow Row(ApiClient c) => new(c.Id, c.Name, c.KeyPrefix, c.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        c.CreatedAt, c.CreatedBy, c.RevokedAt, c.RevokedBy);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Bound(string value) => value.Length > 128 ? value[..128] : value;

    private async Task AuditAsync(string actor, string action, string name, string? before, string? after, CancellationToken ct)
    {
        await using var db = await reporting.CreateDbContextAsync(ct);
        SourceControl.Record(db, time.GetUtcNow(), actor, action, "apiclient:" + name, null, before, after);
        await db.SaveChangesAsync(ct);
    }
}
