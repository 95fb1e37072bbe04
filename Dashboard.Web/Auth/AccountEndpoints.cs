using System.Net;
using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Web.Auth.Identity;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Sign-in (with lock-out), sign-out, the user's own password change, and the access-denied page.</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/masuk";
    public const string SignOutPath = "/keluar";
    public const string PasswordPath = "/akun/kata-sandi";
    public const string DeniedPath = "/ditolak";

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(SignInPath, (HttpContext http, IAntiforgery antiforgery, IWebHostEnvironment env, IStringLocalizer<UiStrings> l,
            IOptions<AuthOptions> options, IOptions<OidcOptions> oidc, string? ReturnUrl, string? gagal, string? terkunci) =>
        {
            string? message = terkunci is not null ? l["accounts.signin.locked", options.Value.LockoutMinutes].Value
                : gagal is not null ? l["accounts.signin.failed"].Value : null;
            return Html(AccountPages.SignIn(l, antiforgery.GetAndStoreTokens(http), ReturnUrl, message, env.IsDevelopment(),
                oidc.Value.Enabled ? oidc.Value.DisplayName : null));
        }).AllowAnonymous();

        // Binding IFormCollection makes the antiforgery middleware validate the token.
        app.MapPost(SignInPath, async (IFormCollection form, SignInManager<DashboardUser> signIn, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(AccountEndpoints));
            var returnUrl = SafeReturnUrl(form["ReturnUrl"]);
            var again = $"{SignInPath}?ReturnUrl={WebUtility.UrlEncode(returnUrl)}";
            var userName = form["username"].ToString().Trim().ToLowerInvariant();
            var password = form["password"].ToString();
            if (userName.Length == 0 || password.Length == 0)
            {
                return Results.Redirect(again + "&gagal=1");
            }
            var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                var user = await signIn.UserManager.FindByNameAsync(userName);
                Log.SignedIn(logger, user?.Id ?? "?");
                return Results.Redirect(returnUrl);
            }
            if (result.IsLockedOut)
            {
                var user = await signIn.UserManager.FindByNameAsync(userName);
                Log.LockedOut(logger, user?.Id ?? "?");
                return Results.Redirect(again + "&terkunci=1");
            }
            Log.SignInRefused(logger, result.IsNotAllowed ? "not allowed" : "wrong user name or password");
            return Results.Redirect(again + "&gagal=1");
        }).AllowAnonymous().RequireRateLimiting(Hardening.HardeningExtensions.SignInLimit);

        app.MapPost(SignOutPath, async (IFormCollection form, SignInManager<DashboardUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect(SignInPath);
        }).AllowAnonymous();

        app.MapGet(PasswordPath, (HttpContext http, IAntiforgery antiforgery, IStringLocalizer<UiStrings> l, IOptions<AuthOptions> options, string? ok) =>
            Html(AccountPages.ChangePassword(l, antiforgery.GetAndStoreTokens(http), http.User.Identity?.Name ?? "", [], ok is not null, options.Value.MinPasswordLength)))
            .RequireAuthorization(Policies.Person);

        app.MapPost(PasswordPath, async (HttpContext http, IFormCollection form, IAntiforgery antiforgery, SignInManager<DashboardUser> signIn,
            IStringLocalizer<UiStrings> l, IOptions<AuthOptions> options, IDbContextFactory<ReportingDbContext> reporting, TimeProvider time) =>
        {
            var errors = new List<string>();
            var user = await signIn.UserManager.GetUserAsync(http.User);
            if (user is null)
            {
                return Results.Redirect(SignInPath);
            }
            if (form["new"] != form["confirm"])
            {
                errors.Add(l["accounts.password.mismatch"]);
            }
            else
            {
                var result = await signIn.UserManager.ChangePasswordAsync(user, form["current"].ToString(), form["new"].ToString());
                if (result.Succeeded)
                {
                    await signIn.RefreshSignInAsync(user);
                    await using var db = await reporting.CreateDbContextAsync(http.RequestAborted);
                    SourceControl.Record(db, time.GetUtcNow(), user.UserName!, UserAdministration.Actions.PasswordChanged, "user:" + user.UserName, null, null, null);
                    await db.SaveChangesAsync(http.RequestAborted);
                    return Results.Redirect(PasswordPath + "?ok=1");
                }
                errors.AddRange(result.Errors.Select(e => UserAdministration.Describe(l, e)));
            }
            return Html(AccountPages.ChangePassword(l, antiforgery.GetAndStoreTokens(http), user.UserName ?? "", errors, false, options.Value.MinPasswordLength),
                StatusCodes.Status400BadRequest);
        }).RequireAuthorization(Policies.Person);

        app.MapGet(DeniedPath, (IStringLocalizer<UiStrings> l) => Html(AccountPages.Denied(l), StatusCodes.Status403Forbidden)).AllowAnonymous();
        return app;
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static string SafeReturnUrl(string? url) =>
        Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(url) ? url! : "/";

    /// <summary>The signed-in person's login name, for audit entries.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "?";
}
