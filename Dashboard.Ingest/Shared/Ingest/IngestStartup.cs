using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Once the server listens: runs a crashed process left behind are marked interrupted and their sources are
/// refreshed again; with <c>Ingest:RefreshOnStart</c> every source is refreshed so screens never start empty.
/// </summary>
public sealed class IngestStartup(
    IDbContextFactory<ReportingDbContext> dbFactory,
    SourceCatalog catalog,
    IRefreshRequests refresh,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    IOptions<IngestOptions> options,
    ILogger<IngestStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => RecoverAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Marks orphaned runs interrupted and queues the refreshes; returns the sources it recovered.</summary>
    public async Task<IReadOnlyList<string>> RecoverAsync(CancellationToken ct)
    {
        var recovered = await MarkInterruptedAsync(ct);
        foreach (var source in catalog.All)
        {
            if (recovered.Contains(source.Name))
            {
                await refresh.RequestAsync(source.Name, new RunRequest(IngestTrigger.Recovery, null, "Pemulihan setelah run terputus"), ct);
            }
            else if (options.Value.RefreshOnStart)
            {
                await refresh.RequestAsync(source.Name, new RunRequest(IngestTrigger.Startup, null, "Penyegaran saat aplikasi mulai"), ct);
            }
        }
        return recovered;
    }

    private async Task<List<string>> MarkInterruptedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var machine = IngestEngine.Node.Split(':')[0] + ":";
        var staleBefore = now - TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var running = await db.IngestRuns.Where(r => r.Status == IngestRunStatus.Running).ToListAsync(ct);
        // A run of a process on this machine that no longer exists cannot still be running (another instance on
        // the same machine may well be); elsewhere, trust the heartbeat.
        var orphans = running
            .Where(r => (r.Node.StartsWith(machine, StringComparison.Ordinal) && r.Node != IngestEngine.Node && !IsAlive(r.Node[machine.Length..])) ||
                        r.HeartbeatAt < staleBefore)
            .ToList();
        foreach (var run in orphans)
        {
            run.Status = IngestRunStatus.Interrupted;
            run.FinishedAt = now;
            run.Error = $"Terputus: proses {run.Node} berhenti sebelum run selesai.";
            Log.RunInterrupted(logger, run.Id, run.Source, run.Node);
            var state = await db.SourceStates.SingleOrDefaultAsync(s => s.Source == run.Source, ct);
            if (state is not null && state.RunningRunId == run.Id)
            {
                state.RunningRunId = null;
                state.LeaseExpiresAt = null;
                state.LastStatus = IngestRunStatus.Interrupted;
                state.LastRunId = run.Id;
            }
        }
        await db.SaveChangesAsync(ct);
        return [.. orphans.Select(r => r.Source).Distinct()];
    }

    private static bool IsAlive(string pid)
    {
        if (!int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
