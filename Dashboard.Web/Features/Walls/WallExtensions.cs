using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.Walls;

/// <summary>Registration of wall screens: options, services, the screen authentication scheme and its policy.</summary>
public static class WallExtensions
{
    /// <summary>
    /// Adds everything wall screens need. People's sign-in is untouched: screens get their own scheme
    /// (<see cref="WallScreenAuthenticationHandler"/>) and policy (<see cref="WallPolicies.Screen"/>); a startup filter
    /// lets a screen's own Blazor connection (<c>/_blazor</c>) authenticate with the screen cookie.
    /// </summary>
    public static WebApplicationBuilder AddWallScreens(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WallOptions>().BindConfiguration(WallOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<WallScreenService>();
        builder.Services.TryAddSingleton<WallPresence>();
        builder.Services.TryAddSingleton<WallQueries>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, WallScreenAuthenticationHandler>(WallScreenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(WallPolicies.Screen, p => p
                .AddAuthenticationSchemes(WallScreenAuthenticationHandler.SchemeName)
                .RequireClaim(WallScreenAuthenticationHandler.ScreenClaim));
        builder.Services.AddTransient<IStartupFilter, WallCircuitAuthentication>();
        return builder;
    }

    /// <summary>
    /// Runs first in the pipeline: a request to Blazor's hub that carries a screen cookie and no person's sign-in is
    /// authenticated as that screen, so that the host's "signed-in user" fallback policy lets the screen's circuit in.
    /// A person's sign-in cookie, when present, still wins (the authentication middleware replaces the user).
    /// </summary>
    private sealed class WallCircuitAuthentication : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments("/_blazor")
                    && context.Request.Cookies.ContainsKey(WallScreenAuthenticationHandler.CookieName))
                {
                    var result = await context.AuthenticateAsync(WallScreenAuthenticationHandler.SchemeName);
                    if (result.Succeeded)
                    {
                        context.User = result.Principal;
                    }
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>The wall URL of a screen: what an administrator opens in the screen's browser (kiosk mode).</summary>
    public static string WallUrl(string baseUri, string token) =>
        baseUri.TrimEnd('/') + WallPage.Route + "?" + WallScreenAuthenticationHandler.QueryName + "=" + Uri.EscapeDataString(token);
}
