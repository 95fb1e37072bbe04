using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Admissions;

/// <summary>Typed client of the SPMB feeds (resilience is added at registration).</summary>
public sealed class AdmissionsClient(HttpClient http, IOptionsMonitor<AdmissionsOptions> options) : ISourcePageClient
{
    public Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct) =>
        SourceHttp.GetPageAsync(http, options.CurrentValue.ApiKey, resource, updatedSince, cursor, limit, ct);
}
