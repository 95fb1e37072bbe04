using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Keys of API clients (<c>Api:Keys:&lt;client name&gt;</c>), from environment or user-secrets.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> for other city systems (and <c>?access_token=</c> on the hub's
/// WebSocket, where browsers cannot set headers): keys from settings (read scope) or API clients managed by
/// administrators in the app (their scopes). The principal's name is the client's name.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<ApiOptions> api,
    Hardening.CredentialFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = header["Bearer ".Length..].Trim();
        }
        else if (Request.Path.StartsWithSegments("/hubs") && Request.Query.TryGetValue("access_token", out var token))
        {
            key = token.ToString();
        }
        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = Encoding.UTF8.GetBytes(key);
        foreach (var (client, expected) in api.CurrentValue.Keys)
        {
            if (!string.IsNullOrEmpty(expected) && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(expected)))
            {
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, client), new Claim(ClaimTypes.Role, Roles.ApiClient), new Claim(Identity.ApiScopes.ClaimType, Identity.ApiScopes.ReadIndicators)],
                    SchemeName);
                return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
            }
        }
        // A key just refused is refused again without a lookup; an address that keeps presenting wrong keys gets no more
        // lookups this minute.
        if (failures.RecentlyRefused(Context, key))
        {
            return AuthenticateResult.Fail("Kunci API tidak dikenal.");
        }
        if (failures.Exhausted(Context))
        {
            return AuthenticateResult.Fail("Terlalu banyak kunci API salah dari alamat ini.");
        }
        // Clients managed in the app: looked up by the key's hash on every request, so a revocation applies at once.
        var db = Context.RequestServices.GetRequiredService<Identity.IdentityStoreDbContext>();
        var managed = await ApiClientAdministration.FindActiveAsync(db, key, Context.RequestAborted);
        if (managed is not null)
        {
            var claims = new List<Claim> { new(ClaimTypes.Name, managed.Name), new(ClaimTypes.Role, Roles.ApiClient) };
            claims.AddRange(managed.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(Identity.ApiScopes.ClaimType, s)));
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
        }
        failures.Refused(Context, key);
        Log.UnknownApiKey(Logger, key.Length >= 6 ? key[..6] : "?");
        return AuthenticateResult.Fail("Kunci API tidak dikenal.");
    }

    // A missing key counts as a failure too: scanning the API without one is the same probe.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (failures.CountOrRefuse(Context))
        {
            return Task.CompletedTask;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
