using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Hangfire;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>The recurring and on-demand pull of social aid data. Failures are in the run ledger, not Hangfire retries.</summary>
public sealed class SocialAidIngestJob(IngestEngine engine, SocialAidSource source, SocialAidClient client) : IIngestJob
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Tarik data bansos (DTSEN, penyaluran)")]
    public Task RunAsync(IngestTrigger trigger, string? requestedBy, string? reason, CancellationToken ct) =>
        engine.RunAsync(source, client, new RunRequest(trigger, requestedBy, reason), ct);
}
