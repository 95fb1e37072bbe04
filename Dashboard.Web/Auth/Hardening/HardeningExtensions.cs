using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth.Hardening;

public static class HardeningExtensions
{
    public const string SignInLimit = "sign-in";
    public const string ApiLimit = "api";

    /// <summary>
    /// The proxy in front (forwarded headers, Secure cookies, HSTS), rate limits (sign-in per address, API per client,
    /// failed keys per address), hub and circuit limits, and the error page.
    /// </summary>
    public static IServiceCollection AddHardening(this IServiceCollection services)
    {
        services.AddOptions<HardeningOptions>().BindConfiguration(HardeningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddProxyAwareness();
        services.AddSingleton<CredentialFailures>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                "signin:" + Address(http),
                _ => Window(http.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value.SignInPerMinute)));
            o.AddPolicy(ApiLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                "api:" + (http.User.Identity?.IsAuthenticated == true ? "client:" + http.User.Identity.Name : Address(http)),
                _ => Window(http.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value.ApiPerMinute)));
        });
        // Defaults for every hub, Blazor's circuit hub included.
        services.AddSingleton<ConnectionLimitFilter>();
        services.AddOptions<HubOptions>().Configure<IOptions<HardeningOptions>>((o, h) =>
        {
            o.MaximumReceiveMessageSize = h.Value.MaxMessageKb * 1024L;
            o.MaximumParallelInvocationsPerClient = 1;
            o.AddFilter<ConnectionLimitFilter>();
        });
        services.AddOptions<CircuitOptions>().Configure<IOptions<HardeningOptions>, IHostEnvironment>((o, h, env) =>
        {
            o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(h.Value.JsInteropTimeoutSeconds);
            o.DisconnectedCircuitMaxRetained = h.Value.DisconnectedCircuitsRetained;
            o.DetailedErrors = env.IsDevelopment();
        });
        return services;
    }

    /// <summary>A plain error page for the exception handler outside Development: no stack trace, only a request id to quote.</summary>
    public static WebApplication MapErrorPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Map("/error", (HttpContext http) => Results.Content(
            $"""
            <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Terjadi kesalahan</title><link rel="stylesheet" href="/css/account.css"></head>
            <body><div class="box"><h1>Terjadi kesalahan · Something went wrong</h1>
            <p>Silakan coba lagi. Bila berulang, sampaikan kode ini kepada administrator: <code id="request-id">{WebUtility.HtmlEncode(http.TraceIdentifier)}</code></p>
            <p class="links"><a href="/">Kembali ke dasbor</a></p></div></body></html>
            """, "text/html; charset=utf-8", statusCode: StatusCodes.Status500InternalServerError))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// First in the pipeline: the client's address and scheme from the trusted proxy's headers, then HSTS (outside
    /// Development, HTTPS requests only) and Secure on every cookie of an HTTPS request.
    /// </summary>
    public static IApplicationBuilder UseProxyAwareness(this IApplicationBuilder app, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        app.UseForwardedHeaders();
        if (!environment.IsDevelopment())
        {
            app.UseHsts();
        }
        return app.UseCookiePolicy();
    }

    private static void AddProxyAwareness(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = proxy.Value.Proxies().ToList();
            var networks = proxy.Value.Networks().ToList();
            if (proxies.Count > 0 || networks.Count > 0)
            {
                // Configured proxies replace the loopback default: nobody else's headers are believed.
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ForEach(o.KnownProxies.Add);
                networks.ForEach(o.KnownIPNetworks.Add);
            }
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) => o.MaxAge = TimeSpan.FromDays(proxy.Value.HstsMaxAgeDays));
        // Never downgrades a cookie that asks for Secure; adds it to every cookie of a request that came over HTTPS
        // (the auth cookie, the wall cookie, antiforgery, the culture cookie).
        services.AddOptions<CookiePolicyOptions>().Configure(o => o.Secure = CookieSecurePolicy.SameAsRequest);
    }

    private static string Address(HttpContext http) => ClientAddress.Of(http);

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
