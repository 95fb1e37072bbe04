using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Hangfire;

namespace Dashboard.Ingest.Sources.Admissions;

/// <summary>The recurring and on-demand pull of SPMB data. Failures are in the run ledger, not Hangfire retries.</summary>
public sealed class AdmissionsIngestJob(IngestEngine engine, AdmissionsSource source, AdmissionsClient client) : IIngestJob
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Tarik data SPMB (sekolah dan pendaftaran)")]
    public Task RunAsync(IngestTrigger trigger, string? requestedBy, string? reason, CancellationToken ct) =>
        engine.RunAsync(source, client, new RunRequest(trigger, requestedBy, reason), ct);
}
