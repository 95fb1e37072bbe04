using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>Typed client of the social aid feeds (resilience is added at registration).</summary>
public sealed class SocialAidClient(HttpClient http, IOptionsMonitor<SocialAidOptions> options) : ISourcePageClient
{
    public Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct) =>
        SourceHttp.GetPageAsync(http, options.CurrentValue.ApiKey, resource, updatedSince, cursor, limit, ct);
}
