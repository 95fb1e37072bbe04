using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Alerts;

/// <summary>
/// The alert lifecycle: evaluates the conditions, opens an alert for a new one (firing), keeps one alert per open
/// condition however often it is seen, resolves it when the condition ends, reopens it silently when it comes back within
/// <see cref="AlertOptions.ReopenWithinMinutes"/>, and hands fired and resolved alerts to the notification channels.
/// Screens are told through <see cref="KpiBroadcaster"/>.
/// </summary>
public sealed class AlertMonitor(
    IDbContextFactory<ReportingDbContext> dbFactory,
    IEnumerable<IIngestSource> sources,
    AlertNotifier notifier,
    KpiBroadcaster broadcaster,
    TimeProvider time,
    IOptionsMonitor<AlertOptions> options,
    ILogger<AlertMonitor> logger,
    IEnumerable<IAlertRule>? rules = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IIngestSource> _sources = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>Evaluates once; returns the alerts that fired, reopened or resolved in this evaluation.</summary>
    public async Task<IReadOnlyList<Alert>> EvaluateAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await EvaluateCoreAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Acknowledges a firing alert (who, when, note), audited. False when it is not firing any more.</summary>
    public async Task<bool> AcknowledgeAsync(long id, string user, string note, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await db.Set<Alert>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is not { State: AlertState.Firing })
        {
            return false;
        }
        var now = time.GetUtcNow();
        alert.State = AlertState.Acknowledged;
        alert.AcknowledgedAt = now;
        alert.AcknowledgedBy = Bound(user, 128);
        alert.AcknowledgeNote = Bound(note.Trim(), 500);
        SourceControl.Record(db, now, user, AuditActions.AlertAcknowledged, $"alert #{alert.Id} {alert.Key}", note.Trim(),
            nameof(AlertState.Firing), nameof(AlertState.Acknowledged));
        await db.SaveChangesAsync(ct);
        broadcaster.Publish(new AlertsChanged(alert.Source, now));
        return true;
    }

    private async Task<IReadOnlyList<Alert>> EvaluateCoreAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conditions = (await AlertConditions.EvaluateAsync(db, now, settings.FailedRuns, IsEnabled, ct)).ToList();
        foreach (var rule in (rules ?? []).Where(r => IsEnabled(r.Source)))
        {
            conditions.AddRange(await rule.EvaluateAsync(db, now, ct));
        }
        var holding = conditions.ToDictionary(c => c.Key);
        try
        {
            await AnnotateStaleSourcesAsync(db, holding.Values, now, ct);
        }
        catch (Exception ex) when (SourceOutages.IsWriteFailure(ex) && !ct.IsCancellationRequested)
        {
            // An annotation is a note on the trend: it must never stop the alerts themselves.
            Log.OutageAnnotationFailed(logger, ex);
        }
        var open = await db.Set<Alert>().Where(a => a.OpenKey != null).ToListAsync(ct);
        var changed = new List<Alert>();
        var notify = new List<Alert>();

        foreach (var alert in open)
        {
            if (holding.Remove(alert.Key, out var condition))
            {
                alert.Summary = Bound(condition.Summary, 500)!;
                alert.SummaryEn = Bound(condition.SummaryEn, 500)!;
                alert.LastSeenAt = now;
                continue;
            }
            alert.State = AlertState.Resolved;
            alert.ResolvedAt = now;
            alert.OpenKey = null;
            changed.Add(alert);
            notify.Add(alert);
        }

        var reopenSince = now - TimeSpan.FromMinutes(settings.ReopenWithinMinutes);
        foreach (var condition in holding.Values)
        {
            var recent = await db.Set<Alert>()
                .Where(a => a.Key == condition.Key && a.ResolvedAt != null)
                .OrderByDescending(a => a.Id)
                .FirstOrDefaultAsync(ct);
            if (recent is not null && recent.ResolvedAt >= reopenSince)
            {
                // Flapping: the same alert again, without telling anyone twice.
                recent.State = AlertState.Firing;
                recent.OpenKey = condition.Key;
                recent.ResolvedAt = null;
                recent.AcknowledgedAt = null;
                recent.AcknowledgedBy = null;
                recent.AcknowledgeNote = null;
                recent.Reopened++;
                recent.LastSeenAt = now;
                recent.Summary = Bound(condition.Summary, 500)!;
                recent.SummaryEn = Bound(condition.SummaryEn, 500)!;
                changed.Add(recent);
                continue;
            }
            var alert = new Alert
            {
                Key = condition.Key,
                OpenKey = condition.Key,
                Kind = condition.Kind,
                State = AlertState.Firing,
                Source = condition.Source,
                IndicatorCode = condition.IndicatorCode,
                OwnerOpd = condition.OwnerOpd,
                Summary = Bound(condition.Summary, 500)!,
                SummaryEn = Bound(condition.SummaryEn, 500)!,
                FiredAt = now,
                LastSeenAt = now,
            };
            db.Add(alert);
            changed.Add(alert);
            notify.Add(alert);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another node opened or closed the same alert a moment earlier: its evaluation stands.
            Log.AlertRace(logger, ex.InnerException?.Message ?? ex.Message);
            return [];
        }

        foreach (var alert in changed)
        {
            Log.AlertChanged(logger, alert.Id, alert.Key, alert.State);
        }
        if (notify.Count > 0)
        {
            var errors = await notifier.NotifyAsync(notify, ct);
            if (errors.Count > 0)
            {
                foreach (var alert in notify)
                {
                    alert.NotifyError = errors.TryGetValue(alert.Id, out var error) ? Bound(error, 500) : null;
                }
                await db.SaveChangesAsync(ct);
            }
        }
        foreach (var source in changed.Select(a => a.Source).Distinct())
        {
            broadcaster.Publish(new AlertsChanged(source, now));
        }
        return changed;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// A source whose data outlived its freshness limit (not paused, with data once) gets an outage annotation from its
    /// last success; the next successful run closes it.
    /// </summary>
    private async Task AnnotateStaleSourcesAsync(ReportingDbContext db, IEnumerable<AlertCondition> conditions, DateTimeOffset now, CancellationToken ct)
    {
        var stale = conditions.Where(c => c.Kind == AlertKind.DataStale).Select(c => c.Source).ToList();
        if (stale.Count == 0)
        {
            return;
        }
        var states = await db.SourceStates.AsNoTracking()
            // A run that succeeded after this evaluation began ended the staleness: no outage from its success.
            .Where(s => stale.Contains(s.Source) && s.PausedAt == null && s.LastSuccessAt != null && s.LastSuccessAt < now)
            .Select(s => new { s.Source, s.LastSuccessAt })
            .ToListAsync(ct);
        foreach (var state in states)
        {
            await SourceOutages.OpenAsync(dbFactory, state.Source, state.LastSuccessAt!.Value, time.GetUtcNow(), ct);
        }
    }

    private bool IsEnabled(string source) => !_sources.TryGetValue(source, out var s) || s.Options.Enabled;

    private static string? Bound(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;
}
