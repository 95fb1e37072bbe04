using System.Text.Json;
using Dashboard.Web.Api;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting.Observability;

/// <summary>
/// <c>/healthz</c> for people: the node's role, the database, each source's last run and every check's status, from the
/// same health checks as <c>/healthz/ready</c> (503 when one of them is Unhealthy; late sources only make it Degraded).
/// </summary>
internal static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        var database = report.Entries.TryGetValue("database", out var db) && db.Status == HealthStatus.Healthy;
        IReadOnlyList<SourceStatus> sources = [];
        if (database)
        {
            try
            {
                sources = await http.RequestServices.GetRequiredService<ApiQueries>().SourcesAsync(http.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
            {
                // Lost between the check and this read: the checks above already tell.
            }
        }
        var body = new
        {
            status = report.Status switch { HealthStatus.Healthy => "ok", HealthStatus.Degraded => "degraded", _ => "unavailable" },
            role = http.RequestServices.GetRequiredService<IOptions<NodeOptions>>().Value.Role.ToString(),
            database = database ? "ok" : "unreachable",
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            sources = sources.Select(s => new { s.Name, s.LastStatus, s.LastSuccessAt, s.AgeMinutes, s.Running }),
        };
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, Json, http.RequestAborted);
    }
}
