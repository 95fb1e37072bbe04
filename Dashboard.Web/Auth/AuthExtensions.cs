using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth;

public static class AuthExtensions
{
    public const string OpdClaim = "opd";

    /// <summary>Cookie sign-in for people, bearer keys for API clients; everything requires a signed-in user unless marked.</summary>
    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        builder.Services.AddSingleton<DemoUsers>();
        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/masuk";
                o.LogoutPath = "/keluar";
                o.AccessDeniedPath = "/masuk";
                o.Cookie.Name = "dasbor.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Refresh, p => p.RequireRole(Roles.Admin, Roles.Operator))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ReadIndicators, p => p
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>The sign-in form (demo users in Development) and sign-out.</summary>
    public static WebApplication MapDashboardAuth(this WebApplication app)
    {
        app.MapGet("/masuk", (HttpContext http, IAntiforgery antiforgery, IWebHostEnvironment env, string? ReturnUrl, string? gagal) =>
            Results.Content(SignInPage.Render(antiforgery.GetAndStoreTokens(http), ReturnUrl, gagal is not null, env.IsDevelopment()), "text/html; charset=utf-8"))
            .AllowAnonymous();

        // Binding IFormCollection makes the antiforgery middleware validate the token.
        app.MapPost("/masuk", async (HttpContext http, IFormCollection form, DemoUsers users, IWebHostEnvironment env) =>
        {
            var returnUrl = SafeReturnUrl(form["ReturnUrl"]);
            var user = env.IsDevelopment() ? users.Verify(form["username"], form["password"]) : null;
            if (user is null)
            {
                return Results.Redirect($"/masuk?gagal=1&ReturnUrl={WebUtility.UrlEncode(returnUrl)}");
            }
            var claims = new List<Claim>
            {
                new(ClaimTypes.Name, user.UserName),
                new(ClaimTypes.GivenName, user.DisplayName),
                new(ClaimTypes.Role, user.Role),
            };
            if (user.Opd is not null)
            {
                claims.Add(new Claim(OpdClaim, user.Opd));
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
            return Results.Redirect(returnUrl);
        }).AllowAnonymous();

        app.MapPost("/keluar", async (HttpContext http, IFormCollection form) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/masuk");
        });
        return app;
    }

    private static string SafeReturnUrl(string? url) =>
        Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(url) ? url! : "/";
}
