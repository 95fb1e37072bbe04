using System.Threading.Channels;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Alerts;

/// <summary>
/// Evaluates alerts every <see cref="AlertOptions.EvaluateSeconds"/> (staleness needs a clock) and right after every run
/// ends (failures and off-target values show at once). Evaluations never overlap and bursts of events coalesce.
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
        // Run ends and clock ticks only ring a bell of capacity one: a burst of events (a first load publishes one per
        // page and per day of indicators) costs one more evaluation, not one each, and no evaluation runs outside this
        // method, so none outlives the host's stop (the monitor and the database are disposed after it).
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = broadcaster.Subscribe(e =>
        {
            // Another node's run is that node's to evaluate (each ingest node runs this scheduler).
            if (e.FromNode is null && e is IngestProgress { Status: not IngestRunStatus.Running } or IndicatorsChanged)
            {
                wake.Writer.TryWrite(true);
            }
            return Task.CompletedTask;
        });
        var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.CurrentValue.EvaluateSeconds), time);
        var ticks = TickAsync(timer, wake.Writer, stoppingToken);
        try
        {
            do
            {
                await EvaluateAsync(stoppingToken);
            }
            while (await wake.Reader.WaitToReadAsync(stoppingToken) && wake.Reader.TryRead(out _));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            timer.Dispose();
            await ticks;
        }
    }

    private static async Task TickAsync(PeriodicTimer timer, ChannelWriter<bool> wake, CancellationToken ct)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                wake.TryWrite(true);
            }
        }
        catch (OperationCanceledException)
        {
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
