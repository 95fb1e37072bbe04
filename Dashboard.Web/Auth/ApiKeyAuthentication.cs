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
/// WebSocket, where browsers cannot set headers). The principal's name is the client's configured name.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<ApiOptions> api)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
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
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var presented = Encoding.UTF8.GetBytes(key);
        foreach (var (client, expected) in api.CurrentValue.Keys)
        {
            if (!string.IsNullOrEmpty(expected) && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(expected)))
            {
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, client), new Claim(ClaimTypes.Role, Roles.ApiClient), new Claim(Identity.ApiScopes.ClaimType, Identity.ApiScopes.ReadIndicators)],
                    SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }
        return Task.FromResult(AuthenticateResult.Fail("Kunci API tidak dikenal."));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
