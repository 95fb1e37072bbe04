using Dashboard.Web.Auth;

namespace Dashboard.Web.Api;

public static class ApiExtensions
{
    public static IServiceCollection AddApi(this IServiceCollection services) => services.AddSingleton<ApiQueries>();

    /// <summary>The read API (<c>/api/v1</c>) for other city systems.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.ApiRead)
            .RequireRateLimiting(Auth.Hardening.HardeningExtensions.ApiLimit);
        api.MapGet("/sources", async (ApiQueries q, CancellationToken ct) => Results.Ok(await q.SourcesAsync(ct)));
        // Through the scope rule like every other reader (an API client with the read scope reads everything).
        api.MapGet("/indicators", async (ApiQueries q, HttpContext http, string? scope, CancellationToken ct) =>
            Results.Ok(ApiQueries.Visible(ReaderScope.Of(http.User), await q.IndicatorsAsync(scope, null, ct))));
        app.MapPost("/api/v1/sources/{name}/refresh", async (string name, string? reason, HttpContext http, Dashboard.Ingest.Shared.Ingest.SourceCatalog catalog,
            Dashboard.Ingest.Shared.Ingest.IRefreshRequests refresh, Dashboard.Ingest.Shared.Audit.SourceControl control, CancellationToken ct) =>
        {
            var source = catalog.All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            if (source is null)
            {
                return Results.NotFound();
            }
            var client = "api:" + http.User.Identity!.Name;
            var why = string.IsNullOrWhiteSpace(reason) ? "API" : reason.Trim();
            var job = await refresh.RequestAsync(source.Name, client, why, ct);
            await control.RecordRefreshAsync(source.Name, client, why, job, CancellationToken.None);
            return Results.Accepted(value: new { source = source.Name, job });
        }).RequireAuthorization(Policies.ApiRefresh).RequireRateLimiting(Auth.Hardening.HardeningExtensions.ApiLimit).DisableAntiforgery();
        return app;
    }
}
