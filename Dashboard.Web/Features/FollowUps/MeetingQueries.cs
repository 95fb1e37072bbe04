using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Shared.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.FollowUps;

/// <summary>An indicator on an agency's meeting screen: value, target, status, its last 30 days and the value at the last meeting.</summary>
public sealed record MeetingIndicator(
    string Code, string NameId, string NameEn, IndicatorUnit Unit, IndicatorDirection Direction, string ScopeCode,
    double? Value, double? Target, IndicatorStatus Status, IReadOnlyList<double?> Trend, double? AtLastMeeting)
{
    /// <summary>Value now minus value at the last meeting, when both exist.</summary>
    public double? SinceLastMeeting => Value is { } v && AtLastMeeting is { } then ? v - then : null;
}

/// <summary>One agency's screen in the meeting.</summary>
public sealed record MeetingAgency(Agency Agency, IReadOnlyList<MeetingIndicator> Indicators, IReadOnlyList<FollowUpRow> FollowUps, DateOnly? LastMeeting);

/// <summary>An agency on the meeting's agenda, with what puts it there.</summary>
public sealed record AgendaItem(string Opd, string Name, int OffOrAtRisk, int FollowUps);

/// <summary>
/// Read side of the evaluation meeting: the agenda (agencies with an indicator off target or at risk, or a follow-up to
/// handle) and one agency's screen: its off-target and at-risk indicators (those it owns, city-wide, and those measured for
/// it) with trend and the change since the last meeting, and its follow-ups still to be handled.
/// </summary>
public sealed class MeetingQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    public const int TrendDays = 30;

    /// <summary>The meeting running today (started, not ended), if any.</summary>
    public async Task<EvaluationMeeting?> RunningAsync(CancellationToken ct)
    {
        var today = Wib.DateOf(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<EvaluationMeeting>().AsNoTracking()
            .Where(m => m.Date == today && m.EndedAt == null).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The date of the last meeting before today: what "since the last meeting" compares with.</summary>
    public async Task<DateOnly?> LastMeetingAsync(CancellationToken ct)
    {
        var today = Wib.DateOf(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<EvaluationMeeting>().AsNoTracking()
            .Where(m => m.Date < today).OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<AgendaItem>> AgendaAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Wib.DateOf(time.GetUtcNow());
        var rows = await RowsAsync(db, null, today, ct);
        var followUps = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.Status != FollowUpStatus.Done || f.AcceptedAt == null)
            .GroupBy(f => f.Opd).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. ReferenceData.Agencies
            .Select(a => new AgendaItem(a.Code, a.Name, rows.Count(r => r.Opd == a.Code), followUps.GetValueOrDefault(a.Code)))
            .Where(a => a.OffOrAtRisk > 0 || a.FollowUps > 0)];
    }

    public async Task<MeetingAgency?> AgencyAsync(string opd, DateOnly? lastMeeting, CancellationToken ct)
    {
        var agency = ReferenceData.Agencies.FirstOrDefault(a => string.Equals(a.Code, opd, StringComparison.OrdinalIgnoreCase));
        if (agency is null)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Wib.DateOf(time.GetUtcNow());
        var rows = (await RowsAsync(db, agency.Code, today, ct)).Select(r => r.Row).ToList();
        var codes = rows.Select(r => r.Code).Distinct().ToList();
        var scopes = new[] { ReferenceData.KotaCode, agency.Code };
        var from = today.AddDays(1 - TrendDays);
        var series = (await db.IndicatorValues.AsNoTracking()
                .Where(v => codes.Contains(v.IndicatorCode) && scopes.Contains(v.ScopeCode) && v.Date >= from && v.Date <= today)
                .Select(v => new { v.IndicatorCode, v.ScopeCode, v.Date, v.Value })
                .ToListAsync(ct))
            .ToLookup(v => (v.IndicatorCode, v.ScopeCode));
        // The value at the last meeting: that day's point, else the latest before it (a source that published nothing that day).
        var atMeeting = lastMeeting is { } day
            ? (await db.IndicatorValues.AsNoTracking()
                    .Where(v => codes.Contains(v.IndicatorCode) && scopes.Contains(v.ScopeCode) && v.Date <= day && v.Date > day.AddDays(-7))
                    .Select(v => new { v.IndicatorCode, v.ScopeCode, v.Date, v.Value })
                    .ToListAsync(ct))
                .GroupBy(v => (v.IndicatorCode, v.ScopeCode))
                .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Date).First().Value)
            : [];
        var indicators = rows.Select(r =>
        {
            var byDate = series[(r.Code, r.ScopeCode)].ToDictionary(v => v.Date, v => v.Value);
            return r with
            {
                Trend = [.. Enumerable.Range(0, TrendDays).Select(i => byDate.GetValueOrDefault(from.AddDays(i)))],
                AtLastMeeting = atMeeting.GetValueOrDefault((r.Code, r.ScopeCode)),
            };
        }).ToList();
        var followUps = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.Opd == agency.Code && (f.Status != FollowUpStatus.Done || f.AcceptedAt == null))
            .OrderBy(f => f.DueDate).ThenBy(f => f.Id).ToListAsync(ct);
        return new MeetingAgency(agency, indicators, [.. followUps.Select(f => FollowUpQueries.Row(f, today))], lastMeeting);
    }

    /// <summary>The off-target and at-risk indicators of one agency (or every agency): those it owns at city scope and those measured at its scope.</summary>
    private static async Task<List<(string Opd, MeetingIndicator Row)>> RowsAsync(ReportingDbContext db, string? opd, DateOnly today, CancellationToken ct)
    {
        var definitions = await db.Indicators.AsNoTracking().Where(d => d.Direction != IndicatorDirection.Neutral)
            .OrderBy(d => d.DisplayOrder).ToListAsync(ct);
        var codes = definitions.Select(d => d.Code).ToList();
        var targets = await CurrentTargets.LoadAsync(db, codes, today, ct);
        var snapshots = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => codes.Contains(s.IndicatorCode) && (s.ScopeCode == ReferenceData.KotaCode || s.ScopeKind == ScopeKind.Opd)
                && (opd == null || s.ScopeCode == ReferenceData.KotaCode || s.ScopeCode == opd))
            .Select(s => new { s.IndicatorCode, s.ScopeCode, s.ScopeKind, s.Value })
            .ToListAsync(ct);
        var byCode = definitions.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var result = new List<(string, MeetingIndicator)>();
        foreach (var s in snapshots)
        {
            var d = byCode[s.IndicatorCode];
            var owner = s.ScopeKind == ScopeKind.Opd ? s.ScopeCode : s.ScopeCode == ReferenceData.KotaCode ? d.OwnerOpd : null;
            if (owner is null || (opd is not null && owner != opd))
            {
                continue;
            }
            var target = targets.GetValueOrDefault(d.Code)?.Value;
            var status = IndicatorStatusEvaluator.Evaluate(s.Value, target, d.Direction, d.Tolerance);
            if (status is IndicatorStatus.OffTrack or IndicatorStatus.AtRisk)
            {
                result.Add((owner, new MeetingIndicator(d.Code, d.NameId, d.NameEn, d.Unit, d.Direction, s.ScopeCode, s.Value, target, status, [], null)));
            }
        }
        return [.. result.OrderByDescending(r => r.Item2.Status).ThenBy(r => byCode[r.Item2.Code].DisplayOrder).ThenBy(r => r.Item2.ScopeCode, StringComparer.Ordinal)];
    }
}
