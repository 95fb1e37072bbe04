using Dashboard.Web.Features;
using Dashboard.Web.Features.FollowUps;
using Dashboard.Web.Features.Indicators;
using Dashboard.Web.Features.Operations;
using Dashboard.Web.Features.Overview;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Components;

/// <summary>Registration and mapping of the Blazor UI (pages, MudBlazor, localization, read-side queries).</summary>
public static class UiExtensions
{
    /// <summary>The endpoint that stores the chosen language in the culture cookie and goes back.</summary>
    public const string CultureEndpoint = "/culture/set";

    /// <summary>
    /// Adds MudBlazor, the JSON-backed localization (id-ID default, en-US), the formatter, the pages' query
    /// services, and Razor components with interactive server rendering. Expects
    /// <c>IDbContextFactory&lt;ReportingDbContext&gt;</c>, <c>KpiBroadcaster</c>, <c>TimeProvider</c> and
    /// <c>IRefreshRequests</c> to be registered by the host.
    /// </summary>
    public static IServiceCollection AddDashboardUi(this IServiceCollection services)
    {
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });

        services.TryAddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(DashboardCultures.Default);
            o.AddSupportedCultures([.. DashboardCultures.Supported]);
            o.AddSupportedUICultures([.. DashboardCultures.Supported]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Indonesian unless the user chose otherwise: a wall's browser language says nothing about its audience.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.TryAddSingleton<DashboardFormatter>();
        services.TryAddSingleton<Theme.ThemePreference>();
        services.TryAddScoped<Shared.Live.CircuitConnection>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Shared.Live.CircuitConnection>(
            sp => sp.GetRequiredService<Shared.Live.CircuitConnection>()));
        services.TryAddSingleton<IndicatorQueries>();
        services.TryAddSingleton<OperationsQueries>();
        services.TryAddSingleton<Features.Operations.AuditText>();
        services.TryAddSingleton<Features.Alerts.AlertQueries>();
        services.TryAddSingleton<Features.Indicators.IndicatorDetailQueries>();
        services.TryAddSingleton<Features.Indicators.OpdBriefQueries>();
        services.AddFollowUpsUi();
        foreach (var domain in DomainRegistry.All)
        {
            services.TryAddSingleton(domain.Queries);
            if (domain.AgencyItems is { } items)
            {
                services.TryAddSingleton(items);
            }
        }
        services.TryAddSingleton<Features.AgencyHome.AgencyHomeQueries>();
        services.AddKelurahanMap();

        services.AddRazorComponents().AddInteractiveServerComponents();
        return services;
    }

    /// <summary>
    /// Adds request localization and antiforgery to the pipeline and maps static assets (anonymous), the
    /// culture endpoint (anonymous) and the Razor components (under the host's authorization policy). Call
    /// after the authentication and authorization middleware.
    /// </summary>
    public static WebApplication MapDashboardUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization();
        app.UseAntiforgery();
        // Scripts, styles and fonts are public: the sign-in page needs them before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();

        app.MapGet(CultureEndpoint, (HttpContext http, string? culture, string? redirectUri) =>
        {
            if (DashboardCultures.IsSupported(culture))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }
            return Results.LocalRedirect(Auth.Hardening.LocalRedirects.Safe(redirectUri));
        }).AllowAnonymous().ExcludeFromDescription();

        // Per-circuit memory matters more than bandwidth here (walls on a LAN, thousands of circuits), and
        // WebSocket compression costs about 270 KB a circuit (measured on .NET 10).
        app.MapOperations();
        Features.Indicators.IndicatorExport.MapIndicatorExports(app);
        app.MapDomainExports([.. DomainRegistry.All.Select(d => d.Exports)]);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
        return app;
    }

    // Only app-relative paths: never redirect to another host (open-redirect protection).
    internal static bool IsLocalPath(string? uri) =>
        !string.IsNullOrEmpty(uri) && uri[0] == '/' &&
        (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\')) &&
        !uri.Contains("://", StringComparison.Ordinal);
}
