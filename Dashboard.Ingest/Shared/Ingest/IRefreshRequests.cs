using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Asks for an on-demand refresh of a source. The Hangfire implementation enqueues the source's job; runs of
/// one source never overlap, so a request while one runs is recorded as a skipped run.
/// </summary>
public interface IRefreshRequests
{
    /// <summary>A person's refresh; returns an identifier of the queued work (a Hangfire job id).</summary>
    Task<string> RequestAsync(string source, string requestedBy, string reason, CancellationToken ct = default) =>
        RequestAsync(source, new RunRequest(IngestTrigger.Manual, requestedBy, reason), ct);

    Task<string> RequestAsync(string source, RunRequest request, CancellationToken ct = default);

    /// <summary>The same, started after <paramref name="delay"/> (a retry of a failed run). Implementations without a clock run it now.</summary>
    Task<string> RequestAsync(string source, RunRequest request, TimeSpan delay, CancellationToken ct) => RequestAsync(source, request, ct);
}
