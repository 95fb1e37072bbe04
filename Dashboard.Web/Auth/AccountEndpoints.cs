using System.Net;
using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Web.Auth.Hardening;
using Dashboard.Web.Auth.Identity;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Sign-in (with a per-address lock-out, <see cref="SignInGate"/>), sign-out, the user's own password change, and the access-denied page.</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/masuk";

    /// <summary>
    /// Holds the user name typed into a refused sign-in for the form that follows (HttpOnly, this path only, five
    /// minutes): the name is not put in the address, where it would reach the history and access logs.
    /// </summary>
    public const string UserNameCookie = "dasbor.masuk.nama";
    public const string SignOutPath = "/keluar";
    public const string PasswordPath = "/akun/kata-sandi";
    public const string DeniedPath = "/ditolak";

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(SignInPath, (HttpContext http, IAntiforgery antiforgery, IWebHostEnvironment env, IStringLocalizer<UiStrings> l,
            IOptions<AuthOptions> options, IOptions<OidcOptions> oidc, string? ReturnUrl, string? gagal) =>
        {
            // One answer for every refusal (unknown user, wrong password, locked, disabled): it says nothing about the account.
            string? message = gagal is not null ? l["accounts.signin.failed", options.Value.LockoutMinutes, options.Value.LockoutAttempts].Value : null;
            var kept = gagal is not null ? http.Request.Cookies[UserNameCookie] : null;
            return Html(AccountPages.SignIn(l, antiforgery.GetAndStoreTokens(http), LocalRedirects.Safe(ReturnUrl), message, env.IsDevelopment(),
                oidc.Value.Enabled ? oidc.Value.DisplayName : null, kept));
        }).AllowAnonymous();

        // Binding IFormCollection makes the antiforgery middleware validate the token. Every refusal redirects to the
        // same address after the same work (one password hash), whatever the reason.
        app.MapPost(SignInPath, async (HttpContext http, IFormCollection form, SignInManager<DashboardUser> signIn, SignInGate gate, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(AccountEndpoints));
            var returnUrl = LocalRedirects.Safe(form["ReturnUrl"]);
            var refused = Results.Redirect($"{SignInPath}?ReturnUrl={WebUtility.UrlEncode(returnUrl)}&gagal=1");
            var typed = form["username"].ToString().Trim();
            var userName = typed.ToLowerInvariant();
            var password = form["password"].ToString();
            KeepUserName(http, typed);
            if (userName.Length == 0 || password.Length == 0)
            {
                return refused;
            }
            var address = ClientAddress.Of(http);
            var user = await signIn.UserManager.FindByNameAsync(userName);
            if (user is null || gate.IsShut(address, userName))
            {
                gate.SpendHash(signIn.UserManager.PasswordHasher, password);
                gate.Failed(address, userName);
                Log.SignInRefused(logger, user is null ? "unknown user name" : "too many failures from this address");
                return refused;
            }
            // Identity's own account-wide lock-out stays off here (anyone could trigger it); an administrator's lock holds.
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                http.Response.Cookies.Delete(UserNameCookie, new CookieOptions { Path = SignInPath });
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
                Log.SignedIn(logger, user.Id);
                return Results.Redirect(await LandingAsync(signIn, user, returnUrl));
            }
            if (result.IsLockedOut || result.IsNotAllowed)
            {
                gate.SpendHash(signIn.UserManager.PasswordHasher, password);
            }
            else
            {
                // Counted for the users page (failed attempts since the last sign-in); it never locks the account.
                await signIn.UserManager.AccessFailedAsync(user);
            }
            gate.Failed(address, userName);
            if (gate.IsShut(address, userName))
            {
                Log.LockedOut(logger, user.Id);
            }
            Log.SignInRefused(logger, result.IsLockedOut ? "locked by an administrator" : result.IsNotAllowed ? "not allowed" : "wrong password");
            return refused;
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

    /// <summary>
    /// Where a sign-in lands: the page asked for, or, when none was (the overview), an agency head's own home
    /// (<c>/opd/{opd}</c>); other roles keep the overview.
    /// </summary>
    public static async Task<string> LandingAsync(SignInManager<DashboardUser> signIn, DashboardUser user, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (returnUrl != "/")
        {
            return returnUrl;
        }
        var home = ReaderScope.Of(await signIn.CreateUserPrincipalAsync(user)).HomeAgency;
        return home is null ? returnUrl : "/opd/" + Uri.EscapeDataString(home);
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    /// <summary>The signed-in person's login name, for audit entries.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "?";

    private static void KeepUserName(HttpContext http, string typed)
    {
        if (typed.Length is > 0 and <= 256)
        {
            http.Response.Cookies.Append(UserNameCookie, typed, new CookieOptions
            {
                Path = SignInPath, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromMinutes(5),
            });
        }
    }
}
