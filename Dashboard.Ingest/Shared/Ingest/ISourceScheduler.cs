using Dashboard.Ingest.Reporting;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Puts a source's schedule in force in the job scheduler (shared by every node through its storage).</summary>
public interface ISourceScheduler
{
    Task ApplyAsync(string source, string? cron, CancellationToken ct);
}

/// <summary>Hangfire's recurring jobs, registered with the administrator's override where one is stored.</summary>
public sealed class HangfireSourceScheduler(SourceCatalog catalog, IRecurringJobManager manager, IDbContextFactory<ReportingDbContext> dbFactory)
    : ISourceScheduler
{
    public Task ApplyAsync(string source, string? cron, CancellationToken ct)
    {
        catalog.Get(source).Schedule(manager, Wib.Zone, cron);
        return Task.CompletedTask;
    }

    /// <summary>Registers every source at start-up, each on its stored override or its configured schedule.</summary>
    public async Task ApplyAllAsync(CancellationToken ct)
    {
        Dictionary<string, string?> overrides;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            overrides = await db.SourceStates.AsNoTracking()
                .Where(s => s.ScheduleOverride != null)
                .ToDictionaryAsync(s => s.Source, s => s.ScheduleOverride, ct);
        }
        foreach (var source in catalog.All)
        {
            source.Schedule(manager, Wib.Zone, overrides.GetValueOrDefault(source.Name));
        }
    }
}

/// <summary>No scheduler (<c>Hangfire:Storage=None</c>, tests): the override is stored and shown, nothing runs on it.</summary>
public sealed class NoSourceScheduler : ISourceScheduler
{
    public Task ApplyAsync(string source, string? cron, CancellationToken ct) => Task.CompletedTask;
}
