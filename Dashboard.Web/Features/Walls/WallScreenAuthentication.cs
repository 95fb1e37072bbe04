using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Walls;

/// <summary>
/// Device authentication of wall screens, separate from people's sign-in: the screen's token from the wall URL
/// (<c>?token=</c>), remembered in an HttpOnly cookie so that the page's own Blazor connection (which carries no query)
/// authenticates too. Valid while the screen is registered and not revoked; it never expires on its own.
/// </summary>
public sealed class WallScreenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WallScreenService screens,
    Auth.Hardening.CredentialFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "WallScreen";
    public const string CookieName = "dasbor.layar";
    public const string QueryName = "token";
    public const string ScreenClaim = "wall.screen";
    public const string Role = "WallScreen";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var fromQuery = Request.Query.TryGetValue(QueryName, out var q) ? q.ToString() : null;
        var token = string.IsNullOrEmpty(fromQuery) ? Request.Cookies[CookieName] : fromQuery;
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }
        if (failures.RecentlyRefused(Context, token))
        {
            return AuthenticateResult.Fail("Token layar tidak dikenal atau dicabut.");
        }
        if (failures.Exhausted(Context))
        {
            return AuthenticateResult.Fail("Terlalu banyak token layar salah dari alamat ini.");
        }
        var screen = await screens.FindByTokenAsync(token, Context.RequestAborted);
        if (screen is null)
        {
            failures.Refused(Context, token);
            return AuthenticateResult.Fail("Token layar tidak dikenal atau dicabut.");
        }
        if (!string.IsNullOrEmpty(fromQuery) && Request.Cookies[CookieName] != fromQuery && !Response.HasStarted
            && Context.Items.TryAdd(CookieName, true))
        {
            Response.Cookies.Append(CookieName, fromQuery, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Strict,
                Secure = Request.IsHttps,
                // Browsers cap cookie lifetimes at 400 days; the wall URL carries the token again on every load.
                MaxAge = TimeSpan.FromDays(400),
            });
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "layar:" + screen.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, screen.Name),
            new Claim(ClaimTypes.Role, Role),
            new Claim(ScreenClaim, screen.Id.ToString(CultureInfo.InvariantCulture)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    // A screen never sees the people's sign-in form: it says plainly what is wrong, and reconnect.js keeps polling.
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(Auth.Hardening.CredentialFailures.ThrottledItem) && failures.CountOrRefuse(Context))
        {
            return;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.ContentType = "text/html; charset=utf-8";
        await Response.WriteAsync("""
            <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Layar tidak terdaftar</title>
            <style>body{background:#070b10;color:#e6edf3;font-family:system-ui,sans-serif;display:flex;min-height:100vh;margin:0;align-items:center;justify-content:center;font-size:2.4vw;text-align:center}</style>
            </head><body><p id="wall-unregistered">Layar ini tidak terdaftar atau tokennya telah dicabut.<br>Hubungi administrator dasbor.</p></body></html>
            """);
    }
}

/// <summary>Authorization policy names of the wall feature.</summary>
public static class WallPolicies
{
    /// <summary>A registered screen authenticated by its token.</summary>
    public const string Screen = "WallScreen";
}
