using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>Typed client of the complaint system's feed (resilience is added at registration).</summary>
public sealed class ComplaintsClient(HttpClient http, IOptionsMonitor<ComplaintsOptions> options) : ISourcePageClient
{
    public Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct) =>
        SourceHttp.GetPageAsync(http, options.CurrentValue.ApiKey, resource, updatedSince, cursor, limit, ct);
}
