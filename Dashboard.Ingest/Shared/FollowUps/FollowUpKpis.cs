using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.FollowUps;

/// <summary>
/// Computes the follow-up indicators (<see cref="FollowUpsIndicators"/>) for today from the follow-up table, for the city and
/// every agency that has follow-ups, and writes today's series point and the snapshot. Earlier days keep what was computed on
/// them (the series is the practice's history, day by day). Small: one row per agency and indicator.
/// </summary>
public static class FollowUpKpis
{
    public static readonly IReadOnlyList<string> Codes =
        [FollowUpsIndicators.Codes.ClosedOnTimePct, FollowUpsIndicators.Codes.Overdue, FollowUpsIndicators.Codes.Open];

    /// <summary>One scope's values.</summary>
    public sealed record Values(double? ClosedOnTimePct, int Overdue, int Open);

    /// <summary>The values of one set of follow-ups on <paramref name="today"/> (WIB).</summary>
    public static Values Compute(IReadOnlyCollection<FollowUp> items, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(items);
        var from = today.AddDays(1 - FollowUpsIndicators.WindowDays);
        // Rated once it is due (past its date) or done: a follow-up done early counts at once, one not due yet does not.
        var due = items.Where(f => f.DueDate >= from && (f.DueDate < today || f.Status == FollowUpStatus.Done)).ToList();
        var onTime = due.Count(f => f.Status == FollowUpStatus.Done && f.DoneAt is { } at && Wib.DateOf(at) <= f.DueDate);
        return new Values(
            due.Count == 0 ? null : Math.Round(100.0 * onTime / due.Count, 1),
            items.Count(f => f.IsOverdueOn(today)),
            items.Count(f => f.Status != FollowUpStatus.Done));
    }

    /// <summary>Recomputes and stores today's values in one transaction.</summary>
    public static async Task RecomputeAsync(ReportingDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = Wib.DateOf(now);
        var items = await db.Set<FollowUp>().AsNoTracking().ToListAsync(ct);
        var scopes = new List<(ScopeKind Kind, string Code, Values Values)> { (ScopeKind.Kota, ReferenceData.KotaCode, Compute(items, today)) };
        scopes.AddRange(items.GroupBy(f => f.Opd, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (ScopeKind.Opd, g.Key, Compute([.. g], today))));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var codes = Codes.ToList();
        await db.IndicatorValues.Where(v => codes.Contains(v.IndicatorCode) && v.Date == today).ExecuteDeleteAsync(ct);
        await db.IndicatorSnapshots.Where(s => codes.Contains(s.IndicatorCode)).ExecuteDeleteAsync(ct);
        foreach (var (kind, code, values) in scopes)
        {
            Add(db, FollowUpsIndicators.Codes.ClosedOnTimePct, kind, code, today, values.ClosedOnTimePct, now);
            Add(db, FollowUpsIndicators.Codes.Overdue, kind, code, today, values.Overdue, now);
            Add(db, FollowUpsIndicators.Codes.Open, kind, code, today, values.Open, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static void Add(ReportingDbContext db, string code, ScopeKind kind, string scope, DateOnly today, double? value, DateTimeOffset now)
    {
        if (value is not null)
        {
            db.IndicatorValues.Add(new IndicatorValue { IndicatorCode = code, ScopeKind = kind, ScopeCode = scope, Date = today, Value = value });
        }
        db.IndicatorSnapshots.Add(new IndicatorSnapshot
        {
            IndicatorCode = code, ScopeKind = kind, ScopeCode = scope, AsOf = today, Value = value, ComputedAt = now,
        });
    }
}
