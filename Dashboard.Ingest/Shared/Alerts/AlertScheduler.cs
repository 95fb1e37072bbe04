using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Alerts;

/// <summary>
/// Evaluates alerts every <see cref="AlertOptions.EvaluateSeconds"/> (staleness needs a clock) and right after every run
/// ends (failures and off-target values show at once). Evaluations never overlap (the monitor serialises them).
/// </summary>
public sealed class AlertScheduler(
    AlertMonitor monitor, KpiBroadcaster broadcaster, TimeProvider time, IOptionsMonitor<AlertOptions> options, ILogger<AlertScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return;
        }
        using var subscription = broadcaster.Subscribe(e =>
            e is IngestProgress { Status: not IngestRunStatus.Running } or IndicatorsChanged
                ? EvaluateAsync(stoppingToken)
                : Task.CompletedTask);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.CurrentValue.EvaluateSeconds), time);
        do
        {
            await EvaluateAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task EvaluateAsync(CancellationToken ct)
    {
        try
        {
            await monitor.EvaluateAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // A broken evaluation must not stop the next one (e.g. the database is briefly unavailable).
            Log.EvaluationFailed(logger, ex);
        }
    }
}
