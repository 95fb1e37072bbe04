using System.Security.Cryptography;

namespace Dashboard.Web.Auth.Hardening;

/// <summary>
/// Security headers on every response. The Content-Security-Policy allows only this origin's scripts plus the one
/// inline script Blazor renders (the import map, which carries the per-request nonce); styles may be inline because
/// MudBlazor and ApexCharts set style attributes; no frames, no plugins, forms only to this origin. Hangfire's own
/// dashboard uses inline scripts, so its pages get the same headers with inline scripts allowed.
/// </summary>
public static class SecurityHeaders
{
    public const string NonceItem = "csp-nonce";

    public static string Policy(string nonce, bool allowInlineScripts = false) =>
        "default-src 'self'; " +
        $"script-src 'self' {(allowInlineScripts ? "'unsafe-inline'" : $"'nonce-{nonce}'")}; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string hangfirePath) =>
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce, context.Request.Path.StartsWithSegments(hangfirePath));
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
}
