using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Hangfire;

namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>The recurring and on-demand pull of complaints. Failures are in the run ledger, not Hangfire retries.</summary>
public sealed class ComplaintsIngestJob(IngestEngine engine, ComplaintsSource source, ComplaintsClient client) : IIngestJob
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Tarik data aduan (SP4N-LAPOR!/SAMBAT)")]
    public Task RunAsync(IngestTrigger trigger, string? requestedBy, string? reason, CancellationToken ct) =>
        engine.RunAsync(source, client, new RunRequest(trigger, requestedBy, reason), ct);
}
