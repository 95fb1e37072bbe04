using Microsoft.AspNetCore.DataProtection;
using Dashboard.Web.Auth.Hardening;
using Dashboard.Web.Auth.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

public static class AuthExtensions
{
    public const string OpdClaim = "opd";

    /// <summary>The cookie scheme people sign in with (ASP.NET Core Identity's application cookie).</summary>
    public const string CookieScheme = "Identity.Application";

    /// <summary>
    /// ASP.NET Core Identity on the reporting database with cookie sign-in for people, bearer keys for API clients;
    /// everything requires a signed-in user unless marked.
    /// </summary>
    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Before anything touches a database or a source: a demo credential outside Development stops here.
        var credentials = new CredentialGuard(builder.Configuration, builder.Environment).Validate(null, new AuthOptions());
        if (credentials.Failed)
        {
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), credentials.Failures);
        }

        services.AddHardening();
        Shared.Privacy.SmallCounts.Register(services);
        services.AddIdentityStore(builder.Configuration);
        // One key ring for every web node (cookies and antiforgery tokens of one node are read by the others).
        services.AddDataProtection().SetApplicationName("Dasbor").PersistKeysToDbContext<IdentityStoreDbContext>();
        services.AddIdentityCore<DashboardUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityStoreDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DashboardUserClaims>()
            .AddDefaultTokenProviders();
        services.AddSingleton<IUserConfirmation<DashboardUser>, EnabledUserConfirmation>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.Password.RequiredLength = auth.Value.MinPasswordLength;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 4;
            o.Lockout.AllowedForNewUsers = true;
            // Lock-out by failures is SignInGate's, per address and account; Identity's lock is only an administrator's.
            o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes);
            o.SignIn.RequireConfirmedAccount = true;
            o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
            o.ValidationInterval = TimeSpan.FromSeconds(auth.Value.RevalidateSeconds));
        services.AddSingleton<SignInGate>();
        services.AddSingleton<IdentitySetup>();
        // At host start, after settings are validated and before requests are served.
        services.AddHostedService<IdentityStartup>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<ApiClientAdministration>();

        // Identity's cookie schemes (application, external, two-factor): its sign-out and stamp validation use them all.
        var authentication = services
            .AddAuthentication(CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        authentication.AddIdentityCookies();
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        if ((builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions()).Enabled)
        {
            authentication.AddDashboardOidc(builder.Configuration);
        }
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(CookieScheme)
            .Configure<IOptions<AuthOptions>>((o, auth) =>
            {
                o.LoginPath = AccountEndpoints.SignInPath;
                o.LogoutPath = AccountEndpoints.SignOutPath;
                o.AccessDeniedPath = AccountEndpoints.DeniedPath;
                o.Cookie.Name = "dasbor.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(auth.Value.SessionHours);
                o.SlidingExpiration = true;
                // Local accounts re-check their security stamp; single sign-on people are the provider's to revoke.
                o.Events.OnValidatePrincipal = context =>
                    context.Principal?.Identity?.AuthenticationType == CookieScheme
                        ? SecurityStampValidator.ValidatePrincipalAsync(context)
                        : Task.CompletedTask;
            });

        var people = new[] { Roles.Admin, Roles.Pimpinan, Roles.KepalaOpd, Roles.Operator };
        var authorization = services.AddAuthorizationBuilder()
            // The floor for anything without its own metadata (Blazor's circuit endpoints); pages and endpoints
            // name their policy, and the router refuses a page that names none.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Person, p => p.RequireRole(people))
            .AddPolicy(Policies.Refresh, p => p.RequireRole(Roles.Admin, Roles.Operator))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ReadIndicators, p => p
                .AddAuthenticationSchemes(CookieScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireAssertion(c => people.Any(c.User.IsInRole) || c.User.HasClaim(ApiScopes.ClaimType, ApiScopes.ReadIndicators)))
            .AddPolicy(Policies.ApiRead, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(Roles.ApiClient).RequireClaim(ApiScopes.ClaimType, ApiScopes.ReadIndicators))
            .AddPolicy(Policies.ApiRefresh, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(Roles.ApiClient).RequireClaim(ApiScopes.ClaimType, ApiScopes.TriggerRefresh));
        // A domain page opens for every person; what it shows them is the reader's scope (ReaderScope), not the policy.
        foreach (var agency in Dashboard.Ingest.Reporting.ReferenceData.Agencies)
        {
            authorization.AddPolicy(Policies.Domain(agency.Code), p => p.RequireRole(people));
        }
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        return builder;
    }

    /// <summary>
    /// The proxy's forwarded headers, HSTS and Secure cookies (first, so everything after sees the client's address and
    /// scheme), security headers (so every response has them) and rate limits (after authentication: the API is limited
    /// per client). Call before <c>UseAuthentication</c>; the limiter is added by <see cref="UseDashboardRateLimits"/>.
    /// </summary>
    public static WebApplication UseDashboardSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseProxyAwareness(app.Environment);
        app.UseSecurityHeaders(app.Configuration["Hangfire:DashboardPath"] ?? "/hangfire");
        return app;
    }

    /// <summary>Rate limits of sign-in and the API; call after <c>UseAuthorization</c>.</summary>
    public static WebApplication UseDashboardRateLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Sign-in, sign-out, password change, the access-denied and error pages.</summary>
    public static WebApplication MapDashboardAuth(this WebApplication app)
    {
        app.MapAccountEndpoints();
        if (app.Services.GetRequiredService<IOptions<OidcOptions>>().Value.Enabled)
        {
            app.MapOidcSignIn();
        }
        app.MapErrorPage();
        return app;
    }
}
