using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Hangfire;

namespace Dashboard.Ingest.Sources.Letters;

/// <summary>The recurring and on-demand pull of letter requests. Failures are in the run ledger, not Hangfire retries.</summary>
public sealed class LettersIngestJob(IngestEngine engine, LettersSource source, LettersClient client) : IIngestJob
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Tarik data layanan surat kelurahan")]
    public Task RunAsync(IngestTrigger trigger, string? requestedBy, string? reason, CancellationToken ct) =>
        engine.RunAsync(source, client, new RunRequest(trigger, requestedBy, reason), ct);
}
