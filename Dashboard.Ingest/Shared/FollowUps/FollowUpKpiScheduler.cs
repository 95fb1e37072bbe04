using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Ingest.Shared.FollowUps;

/// <summary>
/// Recomputes the follow-up indicators at start and every hour: a follow-up becomes overdue when its due date passes, with
/// no change to announce it, and each day gets its point of the series. Changes recompute at once (<see cref="FollowUpService"/>).
/// Runs on the nodes that run jobs.
/// </summary>
public sealed class FollowUpKpiScheduler(FollowUpService service, TimeProvider time, ILogger<FollowUpKpiScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    await service.RecomputeAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database briefly unavailable: the next hour tries again.
                    Log.RecomputeFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
