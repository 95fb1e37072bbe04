using Cronos;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Operations;

/// <summary>How a source is doing, as an operator reads it.</summary>
public enum SourceHealth { Healthy, Running, Late, Failing, NeverRun, Disabled, Paused }

/// <summary>One source's row of the operations console.</summary>
/// <param name="FreshnessLimit">The strictest freshness limit among the source's indicators.</param>
public sealed record SourceRow(
    string Source, bool Enabled, string Schedule, DateTimeOffset? NextRun, SourceHealth Health, long? RunningRunId,
    RunRow? LastRun, DateTimeOffset? LastSuccessAt, TimeSpan? DataAge, TimeSpan FreshnessLimit, int ConsecutiveFailures,
    int OpenQuarantine, Pause? Pause, string ConfiguredSchedule, string? ScheduleChangedBy)
{
    /// <summary>True when an administrator replaced the configured schedule.</summary>
    public bool ScheduleOverridden => Schedule != ConfiguredSchedule;
}

/// <summary>A source's schedule pause: who, why, until when (null: until resumed).</summary>
public sealed record Pause(string? By, string? Reason, DateTimeOffset At, DateTimeOffset? Until);

/// <summary>One run of the ledger.</summary>
public sealed record RunRow(
    long Id, string Source, IngestTrigger Trigger, string? RequestedBy, string? Reason, IngestRunStatus Status,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int Pages, int ItemsRead, int Inserted, int Updated, int Deleted,
    int Rejected, int Flagged, DateTimeOffset? WatermarkAfter, string? Error, long? RetryOfRunId = null, int Attempt = 1)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;
}

/// <summary>A quarantined item as shown (and exported): personal fields were removed before it was stored.</summary>
public sealed record QuarantineRow(long Id, string Resource, string? SourceItemId, long RunId, string Reason, string Payload, DateTimeOffset ReceivedAt, string? ReviewedBy);

/// <summary>One audit log entry.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string User, string Action, string Target, string? Reason, string? Before, string? After);

/// <summary>Read side of the operations console: sources, run history and quarantine, from the run ledger.</summary>
public sealed class OperationsQueries(IDbContextFactory<ReportingDbContext> factory, SourceCatalog catalog, TimeProvider time)
{
    public const int HistoryLimit = 200;
    public const int QuarantineLimit = 500;

    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public async Task<IReadOnlyList<SourceRow>> SourcesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var states = await db.SourceStates.AsNoTracking().ToDictionaryAsync(s => s.Source, ct);
        var lastIds = states.Values.Where(s => s.LastRunId != null).Select(s => s.LastRunId!.Value).ToList();
        var lastRuns = await Runs(db.IngestRuns.Where(r => lastIds.Contains(r.Id))).ToDictionaryAsync(r => r.Source, ct);
        var freshness = await db.Indicators.AsNoTracking()
            .GroupBy(d => d.Source)
            .Select(g => new { Source = g.Key, Minutes = g.Min(d => d.FreshnessMinutes) })
            .ToDictionaryAsync(x => x.Source, x => x.Minutes, ct);
        var quarantine = await db.QuarantinedItems.AsNoTracking()
            .Where(q => q.SupersededAt == null)
            .GroupBy(q => q.Source)
            .Select(g => new { Source = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Source, x => x.Count, ct);

        return [.. catalog.All.OrderBy(s => s.Name, StringComparer.Ordinal).Select(source =>
        {
            states.TryGetValue(source.Name, out var state);
            lastRuns.TryGetValue(source.Name, out var last);
            var limit = TimeSpan.FromMinutes(freshness.GetValueOrDefault(source.Name, 60));
            var age = state?.LastSuccessAt is { } success ? now - success : (TimeSpan?)null;
            var pause = state?.PausedAt is { } pausedAt && (state.PausedUntil is null || state.PausedUntil > now)
                ? new Pause(state.PausedBy, state.PauseReason, pausedAt, state.PausedUntil)
                : null;
            var health = !source.Options.Enabled ? SourceHealth.Disabled
                : state?.RunningRunId is not null ? SourceHealth.Running
                : pause is not null ? SourceHealth.Paused
                : state?.LastSuccessAt is null && last is null ? SourceHealth.NeverRun
                : state?.LastStatus == IngestRunStatus.Failed ? SourceHealth.Failing
                : age is null || age > limit ? SourceHealth.Late
                : SourceHealth.Healthy;
            var schedule = state?.ScheduleOverride ?? source.Options.Schedule;
            return new SourceRow(source.Name, source.Options.Enabled, schedule,
                source.Options.Enabled ? NextRun(schedule, now) : null, health, state?.RunningRunId, last,
                state?.LastSuccessAt, age, limit, state?.ConsecutiveFailures ?? 0, quarantine.GetValueOrDefault(source.Name), pause,
                source.Options.Schedule, state?.ScheduleOverride is null ? null : state.ScheduleChangedBy);
        })];
    }

    /// <summary>The source's runs, newest first, optionally of one status and from a day on (WIB).</summary>
    public async Task<IReadOnlyList<RunRow>> RunsAsync(string source, IngestRunStatus? status, DateTimeOffset? since, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var runs = db.IngestRuns.AsNoTracking().Where(r => r.Source == source);
        if (status is { } s)
        {
            runs = runs.Where(r => r.Status == s);
        }
        if (since is { } from)
        {
            runs = runs.Where(r => r.StartedAt >= from);
        }
        return await Runs(runs.OrderByDescending(r => r.Id).Take(HistoryLimit)).ToListAsync(ct);
    }

    /// <summary>The source's open quarantine (not yet superseded by a valid version), newest first; <paramref name="search"/> matches id, reason or payload.</summary>
    public async Task<IReadOnlyList<QuarantineRow>> QuarantineAsync(string source, string? search, int limit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var items = db.QuarantinedItems.AsNoTracking().Where(q => q.Source == source && q.SupersededAt == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            items = items.Where(q => (q.SourceItemId != null && q.SourceItemId.Contains(term)) || q.Reason.Contains(term) || q.Payload.Contains(term));
        }
        return await items.OrderByDescending(q => q.Id).Take(limit)
            .Select(q => new QuarantineRow(q.Id, q.Resource, q.SourceItemId, q.RunId, q.Reason, q.Payload, q.ReceivedAt, q.ReviewedBy))
            .ToListAsync(ct);
    }

    /// <summary>The newest audit entries (administrators only; the app never edits them).</summary>
    public async Task<IReadOnlyList<AuditRow>> AuditAsync(int limit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(limit)
            .Select(a => new AuditRow(a.Id, a.At, a.User, a.Action, a.Target, a.Reason, a.Before, a.After))
            .ToListAsync(ct);
    }

    /// <summary>The next occurrence of a schedule in Asia/Jakarta time.</summary>
    public static DateTimeOffset? NextRun(string schedule, DateTimeOffset now) =>
        CronSchedule.TryParse(schedule, out var cron) ? cron!.GetNextOccurrence(now, Jakarta) : null;

    private static IQueryable<RunRow> Runs(IQueryable<IngestRun> runs) => runs.AsNoTracking().Select(r => new RunRow(
        r.Id, r.Source, r.Trigger, r.RequestedBy, r.Reason, r.Status, r.StartedAt, r.FinishedAt, r.Pages, r.ItemsRead,
        r.Inserted, r.Updated, r.Deleted, r.Rejected, r.Flagged, r.WatermarkAfter, r.Error, r.RetryOfRunId, r.Attempt));
}
