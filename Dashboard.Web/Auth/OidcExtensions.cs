using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Single sign-on through the city's OpenID Connect provider (authorization code with PKCE), groups mapped to roles.</summary>
public static class OidcExtensions
{
    public const string SignInPath = "/masuk/sso";

    public static AuthenticationBuilder AddDashboardOidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        var settings = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        return authentication.AddOpenIdConnect(OidcOptions.Scheme, settings.DisplayName, o =>
        {
            o.SignInScheme = AuthExtensions.CookieScheme;
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.CallbackPath = SignInPath + "/callback";
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.MapInboundClaims = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.TokenValidationParameters.NameClaimType = "preferred_username";
            o.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
            o.Events.OnTokenValidated = context =>
            {
                var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value;
                if (context.Principal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaims(options.ClaimsFor(identity.FindAll(options.GroupsClaim).Select(c => c.Value)));
                    if (identity.FindFirst("name") is { } name)
                    {
                        identity.AddClaim(new Claim(ClaimTypes.GivenName, name.Value));
                    }
                }
                return Task.CompletedTask;
            };
        });
    }

    /// <summary><c>GET /masuk/sso?ReturnUrl=</c>: off to the provider, back to the page asked for.</summary>
    public static WebApplication MapOidcSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(SignInPath, (string? ReturnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = Hardening.LocalRedirects.Safe(ReturnUrl) },
            [OidcOptions.Scheme]))
            .AllowAnonymous().RequireRateLimiting(Hardening.HardeningExtensions.SignInLimit);
        return app;
    }
}
