using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.FollowUps;

/// <summary>A follow-up as the lists show it.</summary>
public sealed record FollowUpRow(
    long Id, string Opd, string Expected, IReadOnlyList<string> Indicators, DateOnly DueDate, string AssignedBy, DateTimeOffset AssignedAt,
    FollowUpStatus Status, string? Note, DateTimeOffset UpdatedAt, DateTimeOffset? DoneAt, DateTimeOffset? AcceptedAt, int Reopened,
    long? MeetingId, bool IsOverdue)
{
    /// <summary>Done and not yet accepted: waiting for the mayor's review.</summary>
    public bool AwaitsReview => Status == FollowUpStatus.Done && AcceptedAt is null;
}

/// <summary>One change in a follow-up's history.</summary>
public sealed record FollowUpHistoryRow(DateTimeOffset At, string User, FollowUpAction Action, FollowUpStatus? From, FollowUpStatus To, string? Note);

/// <summary>Which follow-ups a list shows: still to be handled (not done, or done and not reviewed), or every one.</summary>
public enum FollowUpFilter { Active = 0, All = 1 }

/// <summary>An agency's row of the league table: its follow-up indicators today.</summary>
public sealed record FollowUpLeagueRow(string Opd, double? ClosedOnTimePct, int Overdue, int Open, IndicatorStatus Status);

/// <summary>What the brief lists about an agency's follow-ups: open, overdue, and closed since the last meeting.</summary>
public sealed record FollowUpBrief(IReadOnlyList<FollowUpRow> Open, IReadOnlyList<FollowUpRow> Overdue, IReadOnlyList<FollowUpRow> ClosedSinceMeeting, DateOnly? LastMeeting);

/// <summary>Read side of the follow-ups: lists, history, the league table and the brief's section.</summary>
public sealed class FollowUpQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    public async Task<IReadOnlyList<FollowUpRow>> ListAsync(string? opd, FollowUpFilter filter, int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Wib.DateOf(time.GetUtcNow());
        var query = db.Set<FollowUp>().AsNoTracking();
        if (opd is not null)
        {
            query = query.Where(f => f.Opd == opd);
        }
        if (filter == FollowUpFilter.Active)
        {
            query = query.Where(f => f.Status != FollowUpStatus.Done || f.AcceptedAt == null);
        }
        var items = await query.OrderBy(f => f.Status == FollowUpStatus.Done).ThenBy(f => f.DueDate).ThenBy(f => f.Id).Take(take).ToListAsync(ct);
        return [.. items.Select(f => Row(f, today))];
    }

    public async Task<IReadOnlyList<FollowUpHistoryRow>> HistoryAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<FollowUpHistory>().AsNoTracking().Where(h => h.FollowUpId == id).OrderBy(h => h.Id)
            .Select(h => new FollowUpHistoryRow(h.At, h.User, h.Action, h.From, h.To, h.Note))
            .ToListAsync(ct);
    }

    /// <summary>Agencies by closed-on-time share (best first), from today's indicator snapshots; agencies without follow-ups are absent.</summary>
    public async Task<IReadOnlyList<FollowUpLeagueRow>> LeagueAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var codes = FollowUpKpis.Codes.ToList();
        var snapshots = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.ScopeKind == ScopeKind.Opd && codes.Contains(s.IndicatorCode))
            .Select(s => new { s.IndicatorCode, s.ScopeCode, s.Value })
            .ToListAsync(ct);
        var onTime = IndicatorCatalog.Find(FollowUpsIndicators.Codes.ClosedOnTimePct);
        var target = (await CurrentTargets.LoadAsync(db, [onTime.Code], Wib.DateOf(time.GetUtcNow()), ct)).GetValueOrDefault(onTime.Code)?.Value;
        return [.. snapshots.GroupBy(s => s.ScopeCode)
            .Select(g =>
            {
                double? Of(string code) => g.FirstOrDefault(s => s.IndicatorCode == code)?.Value;
                var pct = Of(FollowUpsIndicators.Codes.ClosedOnTimePct);
                return new FollowUpLeagueRow(g.Key, pct, (int)(Of(FollowUpsIndicators.Codes.Overdue) ?? 0), (int)(Of(FollowUpsIndicators.Codes.Open) ?? 0),
                    IndicatorStatusEvaluator.Evaluate(pct, target, onTime.Direction, onTime.Tolerance));
            })
            .OrderByDescending(r => r.ClosedOnTimePct ?? -1).ThenBy(r => r.Overdue).ThenBy(r => r.Opd, StringComparer.Ordinal)];
    }

    /// <summary>The date of the last meeting before today (WIB), or of the last one at all when <paramref name="beforeToday"/> is false.</summary>
    public async Task<DateOnly?> LastMeetingAsync(bool beforeToday, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Wib.DateOf(time.GetUtcNow());
        return await db.Set<EvaluationMeeting>().AsNoTracking()
            .Where(m => !beforeToday || m.Date < today)
            .OrderByDescending(m => m.Date)
            .Select(m => (DateOnly?)m.Date)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<FollowUpBrief> BriefAsync(string opd, CancellationToken ct)
    {
        var last = await LastMeetingAsync(beforeToday: false, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Wib.DateOf(time.GetUtcNow());
        var items = await db.Set<FollowUp>().AsNoTracking().Where(f => f.Opd == opd).OrderBy(f => f.DueDate).ThenBy(f => f.Id).ToListAsync(ct);
        var rows = items.Select(f => Row(f, today)).ToList();
        var since = last is { } d ? Wib.StartOf(d) : DateTimeOffset.MinValue;
        return new FollowUpBrief(
            [.. rows.Where(r => r.Status != FollowUpStatus.Done && !r.IsOverdue)],
            [.. rows.Where(r => r.IsOverdue)],
            [.. rows.Where(r => r.Status == FollowUpStatus.Done && r.DoneAt >= since)],
            last);
    }

    internal static FollowUpRow Row(FollowUp f, DateOnly today) => new(
        f.Id, f.Opd, f.Expected, f.Indicators, f.DueDate, f.AssignedBy, f.AssignedAt, f.Status, f.Note, f.UpdatedAt, f.DoneAt, f.AcceptedAt,
        f.Reopened, f.MeetingId, f.IsOverdueOn(today));
}

/// <summary>The follow-up actor of a signed-in user: the mayor and administrators assign and review; an agency head moves their own.</summary>
public static class FollowUpActors
{
    public static FollowUpActor Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new FollowUpActor(
            user.Identity?.Name ?? "anonim",
            MayAssign(user),
            user.IsInRole(Roles.KepalaOpd) ? [.. user.FindAll(AuthExtensions.OpdClaim).Select(c => c.Value.ToUpperInvariant())] : []);
    }

    public static bool MayAssign(ClaimsPrincipal user) =>
        user is not null && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Pimpinan));

    /// <summary>The agency a Kepala OPD's lists are limited to (their first); null for everyone else (they see every agency).</summary>
    public static string? OwnOpd(ClaimsPrincipal user) =>
        user is not null && user.IsInRole(Roles.KepalaOpd) && !MayAssign(user)
            ? user.FindAll(AuthExtensions.OpdClaim).Select(c => c.Value.ToUpperInvariant()).OrderBy(c => c, StringComparer.Ordinal).FirstOrDefault() ?? "-"
            : null;
}

/// <summary>Who may open the meeting mode and assign follow-ups (the mayor and administrators).</summary>
public static class FollowUpPolicies
{
    public const string Lead = "Lead";
}
