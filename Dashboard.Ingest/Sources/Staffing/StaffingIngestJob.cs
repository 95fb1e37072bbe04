using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Hangfire;

namespace Dashboard.Ingest.Sources.Staffing;

/// <summary>The recurring and on-demand pull of staffing data. Failures are in the run ledger, not Hangfire retries.</summary>
public sealed class StaffingIngestJob(IngestEngine engine, StaffingSource source, StaffingClient client) : IIngestJob
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Tarik data kepegawaian (SIMPEG, presensi, e-Kinerja)")]
    public Task RunAsync(IngestTrigger trigger, string? requestedBy, string? reason, CancellationToken ct) =>
        engine.RunAsync(source, client, new RunRequest(trigger, requestedBy, reason), ct);
}
