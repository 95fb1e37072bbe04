using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Letters;

/// <summary>Typed client of the kelurahan letter service's feed (resilience is added at registration).</summary>
public sealed class LettersClient(HttpClient http, IOptionsMonitor<LettersOptions> options) : ISourcePageClient
{
    public Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct) =>
        SourceHttp.GetPageAsync(http, options.CurrentValue.ApiKey, resource, updatedSince, cursor, limit, ct);
}
