using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Hangfire;

namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>The recurring and on-demand pull of revenue data. Failures are in the run ledger, not Hangfire retries.</summary>
public sealed class RevenueIngestJob(IngestEngine engine, RevenueSource source, RevenueClient client) : IIngestJob
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Tarik data pendapatan (target, pembayaran, ketetapan PBB)")]
    public Task RunAsync(IngestTrigger trigger, string? requestedBy, string? reason, CancellationToken ct) =>
        engine.RunAsync(source, client, new RunRequest(trigger, requestedBy, reason), ct);
}
