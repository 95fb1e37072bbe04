using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.FollowUps;

/// <summary>Who acts on a follow-up: the mayor or an administrator may assign, review and reopen; an agency head moves their agency's own.</summary>
/// <param name="User">The user name written in the history and the audit log.</param>
/// <param name="MayAssign">Pimpinan or administrator.</param>
/// <param name="Opds">The agencies the user heads (Kepala OPD); empty for everyone else.</param>
public sealed record FollowUpActor(string User, bool MayAssign, IReadOnlyCollection<string> Opds)
{
    public bool Heads(string opd) => Opds.Any(o => string.Equals(o, opd, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A new follow-up: for which agency, what is expected, about which indicators, by when.</summary>
public sealed record FollowUpRequest(string Opd, string Expected, IReadOnlyList<string> IndicatorCodes, DateOnly DueDate)
{
    public long? MeetingId { get; init; }
    public long? AlertId { get; init; }
}

/// <summary>The user may not make this change (another agency's follow-up, or not the mayor or an administrator).</summary>
public sealed class FollowUpDeniedException(string message) : Exception(message);

/// <summary>Audit actions of the follow-ups and meetings.</summary>
public static class FollowUpAuditActions
{
    public const string Assigned = "followup.assigned";
    public const string Started = "followup.started";
    public const string Done = "followup.done";
    public const string Reopened = "followup.reopened";
    public const string Accepted = "followup.accepted";
    public const string MeetingStarted = "meeting.started";
    public const string MeetingEnded = "meeting.ended";
}

/// <summary>
/// The follow-up lifecycle: assign (mayor, administrator) → in progress → done with a note (the agency's head only) → accepted
/// or reopened (mayor, administrator). Each change writes the follow-up, a <see cref="FollowUpHistory"/> row and an audit entry
/// in one transaction, then recomputes the follow-up indicators and tells the screens (<see cref="FollowUpsChanged"/>,
/// <see cref="IndicatorsChanged"/>; the alert evaluation wakes on the latter). Also records the evaluation meetings.
/// </summary>
public sealed class FollowUpService(IDbContextFactory<ReportingDbContext> dbFactory, KpiBroadcaster broadcaster, TimeProvider time)
{
    public const int MaxText = 1000;

    public async Task<long> AssignAsync(FollowUpActor actor, FollowUpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.MayAssign)
        {
            throw new FollowUpDeniedException("Only the mayor (Pimpinan) or an administrator assigns follow-ups.");
        }
        var opd = ReferenceData.Agencies.FirstOrDefault(a => string.Equals(a.Code, request.Opd?.Trim(), StringComparison.OrdinalIgnoreCase))?.Code
            ?? throw new ArgumentException($"'{request.Opd}' is not an agency.", nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Expected);
        var now = time.GetUtcNow();
        if (request.DueDate < Wib.DateOf(now))
        {
            throw new ArgumentException("The due date has passed.", nameof(request));
        }
        var codes = request.IndicatorCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await db.Indicators.AsNoTracking().Where(d => codes.Contains(d.Code)).Select(d => d.Code).ToListAsync(ct);
        if (codes.Except(known, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is not an indicator.", nameof(request));
        }
        var item = new FollowUp
        {
            Opd = opd,
            Expected = Bound(request.Expected.Trim(), MaxText)!,
            IndicatorCodes = Bound(string.Join(',', codes), 500)!,
            DueDate = request.DueDate,
            AssignedBy = Bound(actor.User, 128)!,
            AssignedAt = now,
            Status = FollowUpStatus.Open,
            UpdatedAt = now,
            UpdatedBy = Bound(actor.User, 128),
            MeetingId = request.MeetingId,
            AlertId = request.AlertId,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(item);
            await db.SaveChangesAsync(ct); // the id, for the history and the audit entry
            Record(db, item, actor, FollowUpAction.Assigned, null, FollowUpAuditActions.Assigned, null, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await ChangedAsync(db, item.Opd, now, ct);
        return item.Id;
    }

    /// <summary>Open → in progress, by the agency's head; an optional note on what is being done.</summary>
    public Task StartAsync(FollowUpActor actor, long id, string? note, CancellationToken ct) =>
        MoveAsync(actor, id, note, FollowUpAction.Started, ct);

    /// <summary>Open or in progress → done, by the agency's head, with a note on what was done (required).</summary>
    public Task CompleteAsync(FollowUpActor actor, long id, string note, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return MoveAsync(actor, id, note, FollowUpAction.Done, ct);
    }

    /// <summary>Done → open again, by the mayor or an administrator, with the reason (required).</summary>
    public Task ReopenAsync(FollowUpActor actor, long id, string note, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return MoveAsync(actor, id, note, FollowUpAction.Reopened, ct);
    }

    /// <summary>The mayor or an administrator accepts a done item (reviewed); it stays done.</summary>
    public Task AcceptAsync(FollowUpActor actor, long id, string? note, CancellationToken ct) =>
        MoveAsync(actor, id, note, FollowUpAction.Accepted, ct);

    private async Task MoveAsync(FollowUpActor actor, long id, string? note, FollowUpAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<FollowUp>().SingleOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new KeyNotFoundException($"No follow-up #{id}.");
        var reviewer = action is FollowUpAction.Reopened or FollowUpAction.Accepted;
        if (reviewer ? !actor.MayAssign : !actor.Heads(item.Opd))
        {
            throw new FollowUpDeniedException(reviewer
                ? "Only the mayor (Pimpinan) or an administrator reviews follow-ups."
                : $"Only the head of {item.Opd} moves this follow-up.");
        }
        var (allowed, to) = action switch
        {
            FollowUpAction.Started => (item.Status == FollowUpStatus.Open, FollowUpStatus.InProgress),
            FollowUpAction.Done => (item.Status != FollowUpStatus.Done, FollowUpStatus.Done),
            FollowUpAction.Reopened => (item.Status == FollowUpStatus.Done, FollowUpStatus.Open),
            FollowUpAction.Accepted => (item.Status == FollowUpStatus.Done && item.AcceptedAt is null, FollowUpStatus.Done),
            _ => (false, item.Status),
        };
        if (!allowed)
        {
            throw new InvalidOperationException($"Follow-up #{id} is {item.Status}: it cannot be {action}.");
        }
        var now = time.GetUtcNow();
        var from = item.Status;
        item.Status = to;
        item.UpdatedAt = now;
        item.UpdatedBy = Bound(actor.User, 128);
        if (!string.IsNullOrWhiteSpace(note))
        {
            item.Note = Bound(note.Trim(), MaxText);
        }
        switch (action)
        {
            case FollowUpAction.Done:
                item.DoneAt = now;
                item.AcceptedAt = null;
                item.AcceptedBy = null;
                break;
            case FollowUpAction.Reopened:
                item.DoneAt = null;
                item.AcceptedAt = null;
                item.AcceptedBy = null;
                item.Reopened++;
                break;
            case FollowUpAction.Accepted:
                item.AcceptedAt = now;
                item.AcceptedBy = Bound(actor.User, 128);
                break;
        }
        Record(db, item, actor, action, from, AuditOf(action), note, now);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(db, item.Opd, now, ct);
    }

    /// <summary>Recomputes the indicators (the daily run and after a change) and tells the screens.</summary>
    public async Task RecomputeAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        await FollowUpKpis.RecomputeAsync(db, now, ct);
        broadcaster.Publish(new IndicatorsChanged(FollowUpsIndicators.Source, now, null, FollowUpKpis.Codes));
    }

    /// <summary>
    /// Starts today's meeting (or returns the one already running today), recorded in the audit log. "Since the last meeting"
    /// compares with the date of the meeting before it.
    /// </summary>
    public async Task<EvaluationMeeting> StartMeetingAsync(FollowUpActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.MayAssign)
        {
            throw new FollowUpDeniedException("Only the mayor (Pimpinan) or an administrator runs a meeting.");
        }
        var now = time.GetUtcNow();
        var today = Wib.DateOf(now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Set<EvaluationMeeting>().Where(m => m.Date == today && m.EndedAt == null).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        if (meeting is not null)
        {
            return meeting;
        }
        meeting = new EvaluationMeeting { Date = today, StartedAt = now, StartedBy = Bound(actor.User, 128)! };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        SourceControl.Record(db, now, actor.User, FollowUpAuditActions.MeetingStarted, $"meeting #{meeting.Id}", null, null,
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        broadcaster.Publish(new MeetingChanged(FollowUpsIndicators.Source, now, meeting.Id, null));
        return meeting;
    }

    /// <summary>Puts an agency on screen in a running meeting (walls following the meeting show it too).</summary>
    public async Task ShowAsync(long meetingId, string opd, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var changed = await db.Set<EvaluationMeeting>().Where(m => m.Id == meetingId && m.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CurrentOpd, opd), ct);
        if (changed > 0)
        {
            broadcaster.Publish(new MeetingChanged(FollowUpsIndicators.Source, now, meetingId, opd));
        }
    }

    public async Task EndMeetingAsync(FollowUpActor actor, long meetingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.MayAssign)
        {
            throw new FollowUpDeniedException("Only the mayor (Pimpinan) or an administrator runs a meeting.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Set<EvaluationMeeting>().SingleOrDefaultAsync(m => m.Id == meetingId && m.EndedAt == null, ct);
        if (meeting is null)
        {
            return;
        }
        var now = time.GetUtcNow();
        meeting.EndedAt = now;
        meeting.CurrentOpd = null;
        SourceControl.Record(db, now, actor.User, FollowUpAuditActions.MeetingEnded, $"meeting #{meeting.Id}", null, null, null);
        await db.SaveChangesAsync(ct);
        broadcaster.Publish(new MeetingChanged(FollowUpsIndicators.Source, now, meeting.Id, null));
    }

    private async Task ChangedAsync(ReportingDbContext db, string opd, DateTimeOffset now, CancellationToken ct)
    {
        await FollowUpKpis.RecomputeAsync(db, now, ct);
        broadcaster.Publish(new FollowUpsChanged(FollowUpsIndicators.Source, now, opd));
        broadcaster.Publish(new IndicatorsChanged(FollowUpsIndicators.Source, now, null, FollowUpKpis.Codes));
    }

    private static void Record(
        ReportingDbContext db, FollowUp item, FollowUpActor actor, FollowUpAction action, FollowUpStatus? from, string audit, string? note, DateTimeOffset now)
    {
        db.Add(new FollowUpHistory
        {
            FollowUpId = item.Id,
            At = now,
            User = Bound(actor.User, 128)!,
            Action = action,
            From = from,
            To = item.Status,
            Note = Bound(note?.Trim(), MaxText),
        });
        var target = string.Create(CultureInfo.InvariantCulture, $"follow-up #{item.Id} {item.Opd}");
        var after = action == FollowUpAction.Assigned
            ? string.Create(CultureInfo.InvariantCulture, $"{item.Status}; tenggat {item.DueDate:yyyy-MM-dd}; {item.IndicatorCodes}; {item.Expected}")
            : item.Status.ToString();
        SourceControl.Record(db, now, actor.User, audit, target, note?.Trim(), from?.ToString(), after);
    }

    private static string AuditOf(FollowUpAction action) => action switch
    {
        FollowUpAction.Started => FollowUpAuditActions.Started,
        FollowUpAction.Done => FollowUpAuditActions.Done,
        FollowUpAction.Reopened => FollowUpAuditActions.Reopened,
        FollowUpAction.Accepted => FollowUpAuditActions.Accepted,
        _ => FollowUpAuditActions.Assigned,
    };

    private static string? Bound(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;
}

/// <summary>A follow-up of <paramref name="Opd"/> was assigned or changed.</summary>
public sealed record FollowUpsChanged(string Source, DateTimeOffset At, string Opd) : KpiEvent(Source, At);

/// <summary>An evaluation meeting started, moved to another agency (<paramref name="CurrentOpd"/>) or ended.</summary>
public sealed record MeetingChanged(string Source, DateTimeOffset At, long MeetingId, string? CurrentOpd) : KpiEvent(Source, At);
