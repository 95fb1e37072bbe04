using System.Globalization;
using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Audit;

/// <summary>Actions recorded in the audit log.</summary>
public static class AuditActions
{
    public const string Refresh = "source.refresh";
    public const string Pause = "source.pause";
    public const string Resume = "source.resume";
    public const string AutoResume = "source.resume.expired";
    public const string QuarantineReviewed = "quarantine.reviewed";
    public const string AlertAcknowledged = "alert.acknowledged";
    public const string ScheduleChanged = "source.schedule";
}

/// <summary>
/// Pausing and resuming a source's schedule, each recorded in the audit log in the same transaction as the change.
/// While paused, scheduled runs are skipped with the pause's reason (the engine checks); a manual refresh still runs.
/// </summary>
public sealed class SourceControl(IDbContextFactory<ReportingDbContext> dbFactory, TimeProvider time)
{
    public const string System = "sistem";

    public async Task PauseAsync(string source, string user, string reason, DateTimeOffset? until, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = time.GetUtcNow();
        if (until is { } u && u <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), "A pause must end in the future.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await StateAsync(db, source, ct);
        var before = Describe(state);
        state.PausedAt = now;
        state.PausedUntil = until;
        state.PausedBy = Bound(user, 128);
        state.PauseReason = Bound(reason.Trim(), 500);
        Record(db, now, user, AuditActions.Pause, source, reason, before, Describe(state));
        await db.SaveChangesAsync(ct);
    }

    public async Task ResumeAsync(string source, string user, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await StateAsync(db, source, ct);
        if (state.PausedAt is null)
        {
            return;
        }
        var before = Describe(state);
        ClearPause(state);
        Record(db, time.GetUtcNow(), user, AuditActions.Resume, source, reason, before, Describe(state));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks quarantined items of a source as reviewed by <paramref name="user"/>; returns how many changed.</summary>
    public async Task<int> MarkReviewedAsync(string source, IReadOnlyCollection<long> ids, string user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var items = await db.QuarantinedItems.Where(q => q.Source == source && ids.Contains(q.Id) && q.ReviewedAt == null).ToListAsync(ct);
        foreach (var item in items)
        {
            item.ReviewedAt = now;
            item.ReviewedBy = Bound(user, 128);
        }
        if (items.Count > 0)
        {
            Record(db, now, user, AuditActions.QuarantineReviewed, source, null, null,
                "items " + string.Join(", ", items.Select(i => i.Id.ToString(CultureInfo.InvariantCulture))));
            await db.SaveChangesAsync(ct);
        }
        return items.Count;
    }

    /// <summary>
    /// Replaces the source's schedule with <paramref name="cron"/> (null: back to <paramref name="configured"/>), audited with the
    /// schedule before and after. Returns the schedule now in force. Who may do this is the caller's check (administrators).
    /// </summary>
    public async Task<string> ChangeScheduleAsync(string source, string configured, string? cron, string user, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        cron = string.IsNullOrWhiteSpace(cron) ? null : string.Join(' ', cron.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (cron is not null && !Ingest.CronSchedule.TryParse(cron, out _))
        {
            throw new ArgumentException($"'{cron}' is not a valid cron expression (5 fields, or 6 with seconds).", nameof(cron));
        }
        if (cron == configured)
        {
            cron = null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await StateAsync(db, source, ct);
        var before = state.ScheduleOverride ?? configured;
        var now = time.GetUtcNow();
        state.ScheduleOverride = cron;
        state.ScheduleChangedBy = Bound(user, 128);
        state.ScheduleChangedAt = now;
        var after = cron ?? configured;
        Record(db, now, user, AuditActions.ScheduleChanged, source, reason.Trim(), before, after + (cron is null ? " (bawaan)" : ""));
        await db.SaveChangesAsync(ct);
        return after;
    }

    /// <summary>Records who asked for a refresh of a source, and why.</summary>
    public async Task RecordRefreshAsync(string source, string user, string? reason, string jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Record(db, time.GetUtcNow(), user, AuditActions.Refresh, source, reason, null, "job " + jobId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// For the engine, inside its own unit of work: true when scheduled runs of <paramref name="state"/> must be
    /// skipped now; a pause whose end has come is cleared (and audited) instead.
    /// </summary>
    public static bool IsPaused(ReportingDbContext db, SourceState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(state);
        if (state.PausedAt is null)
        {
            return false;
        }
        if (state.PausedUntil is { } until && until <= now)
        {
            var before = Describe(state);
            ClearPause(state);
            Record(db, now, System, AuditActions.AutoResume, state.Source, "Masa jeda berakhir", before, Describe(state));
            return false;
        }
        return true;
    }

    public static string Describe(SourceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.PausedAt is null
            ? "aktif"
            : string.Create(CultureInfo.InvariantCulture,
                $"dijeda sejak {state.PausedAt:O} oleh {state.PausedBy}{(state.PausedUntil is { } u ? $" sampai {u:O}" : "")}: {state.PauseReason}");
    }

    private static void ClearPause(SourceState state)
    {
        state.PausedAt = null;
        state.PausedUntil = null;
        state.PausedBy = null;
        state.PauseReason = null;
    }

    private static async Task<SourceState> StateAsync(ReportingDbContext db, string source, CancellationToken ct)
    {
        var state = await db.SourceStates.SingleOrDefaultAsync(s => s.Source == source, ct);
        if (state is null)
        {
            state = new SourceState { Source = source };
            db.SourceStates.Add(state);
        }
        return state;
    }

    /// <summary>Adds an audit entry to <paramref name="db"/>'s unit of work (saved with the change it records).</summary>
    public static void Record(ReportingDbContext db, DateTimeOffset at, string user, string action, string target, string? reason, string? before, string? after) =>
        (db ?? throw new ArgumentNullException(nameof(db))).AuditEntries.Add(new AuditEntry
        {
            At = at,
            User = Bound(user, 128)!,
            Action = action,
            Target = Bound(target, 128)!,
            Reason = Bound(reason, 500),
            Before = Bound(before, 2000),
            After = Bound(after, 2000),
        });

    private static string? Bound(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;
}
