using System.Text.Json;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>One page of a source's incremental feed. Owns the parsed JSON (and the buffer under it) until disposed.</summary>
public sealed class SourcePage(JsonDocument document, IReadOnlyList<JsonElement> items, string? nextCursor, IDisposable? buffer = null) : IDisposable
{
    public IReadOnlyList<JsonElement> Items { get; } = items;
    public string? NextCursor { get; } = nextCursor;

    /// <summary>Time spent on the request and reading the body, when the client measured it (zero otherwise).</summary>
    public TimeSpan HttpTime { get; init; }

    /// <summary>Memory the page holds for its body (the buffer under the parsed JSON); 0 when the client does not say.</summary>
    public long Bytes { get; init; }

    /// <summary>Time spent parsing the body, when the client measured it separately from <see cref="HttpTime"/>.</summary>
    public TimeSpan JsonTime { get; init; }

    public void Dispose()
    {
        document.Dispose();
        buffer?.Dispose();
    }
}

/// <summary>The page was answered but is not the contract's envelope (not JSON, no <c>items</c> array…).</summary>
public sealed class SourcePageException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Whether asking for the page again may help (a truncated body may; a page over its size limit or a looping cursor does not).</summary>
    public bool Retryable { get; init; } = true;
}

/// <summary>A source system's incremental feed (docs/SOURCES.md common rules), one typed HttpClient per source.</summary>
public interface ISourcePageClient
{
    Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct);
}
