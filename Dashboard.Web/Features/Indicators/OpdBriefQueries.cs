using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Indicators;

/// <summary>
/// One indicator on an OPD's brief: its current value at a scope (as of <paramref name="AsOf"/>), target and status, and
/// its change over 7 and 30 days between complete days (<see cref="BriefChanges"/>), ending at <paramref name="ChangeEnd"/>
/// with the value <paramref name="ChangeEndValue"/>.
/// </summary>
public sealed record BriefRow(
    string Code, string NameId, string NameEn, IndicatorUnit Unit, IndicatorDirection Direction, string ScopeCode,
    double? Value, double? Target, IndicatorStatus Status, double? Change7, double? Change30,
    DateOnly? AsOf = null, DateOnly? ChangeEnd = null, double? ChangeEndValue = null)
{
    /// <summary>The 7-day change relative to the value a week before (for ranking the biggest changes), or null.</summary>
    public double? RelativeChange7 =>
        Change7 is { } c && ChangeEndValue is { } v && v - c is var before && before != 0 ? Math.Abs(c / before) : null;
}

/// <summary>
/// Changes compared like with like: today is still under way (at 04:00 a day's transactions are near zero), so a change
/// ends at the last complete day, yesterday, and starts 7 or 30 days before it, also a complete day. A running total
/// or a state (a backlog, a headcount) compares the same way, so every row on the brief means the same thing.
/// </summary>
public static class BriefChanges
{
    /// <summary>The last complete day before <paramref name="today"/>.</summary>
    public static DateOnly LastCompleteDay(DateOnly today) => today.AddDays(-1);

    /// <summary>The change over <paramref name="days"/> days ending at the last complete day, or null when either end has no value.</summary>
    public static double? Change(IReadOnlyDictionary<DateOnly, double?> series, DateOnly today, int days)
    {
        ArgumentNullException.ThrowIfNull(series);
        var end = LastCompleteDay(today);
        return series.GetValueOrDefault(end) is { } now && series.GetValueOrDefault(end.AddDays(-days)) is { } then
            ? Math.Round(now - then, 6)
            : null;
    }
}

/// <summary>An open alert on the brief.</summary>
public sealed record BriefAlert(long Id, AlertKind Kind, AlertState State, string Summary, string SummaryEn, DateTimeOffset FiredAt);

/// <summary>The one-page brief of an OPD for the weekly evaluation meeting.</summary>
public sealed record OpdBrief
{
    public required Agency Agency { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>The indicators the OPD owns, city-wide.</summary>
    public required IReadOnlyList<BriefRow> Owned { get; init; }

    /// <summary>Indicators measured for this OPD (its own compliance, backlog…), at the OPD's scope.</summary>
    public required IReadOnlyList<BriefRow> AboutOpd { get; init; }

    /// <summary>The five largest 7-day changes among both lists.</summary>
    public required IReadOnlyList<BriefRow> BiggestChanges { get; init; }
    public required IReadOnlyList<BriefAlert> Alerts { get; init; }
}

/// <summary>
/// Read side of the OPD brief (<c>/ringkasan-opd/{opd}</c>): the OPD's indicators with status and change, the indicators
/// measured per OPD at its scope, the biggest changes, and the open alerts about its indicators or itself.
/// </summary>
public sealed class OpdBriefQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    /// <summary>
    /// The OPDs with a brief, for the index: those that own an indicator or have a value measured for them, with how many
    /// indicators their brief shows.
    /// </summary>
    public async Task<IReadOnlyList<(Agency Agency, int Indicators)>> OwnersAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var owned = await db.Indicators.AsNoTracking().Select(d => new { d.OwnerOpd, d.Code }).ToListAsync(ct);
        var about = await db.IndicatorSnapshots.AsNoTracking().Where(s => s.ScopeKind == ScopeKind.Opd)
            .Select(s => new { s.ScopeCode, s.IndicatorCode }).ToListAsync(ct);
        var counts = owned.Select(o => (Opd: o.OwnerOpd, o.Code)).Concat(about.Select(a => (Opd: a.ScopeCode, Code: a.IndicatorCode)))
            .Distinct().GroupBy(x => x.Opd).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. ReferenceData.Agencies.Where(a => counts.ContainsKey(a.Code)).OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => (a, counts[a.Code]))];
    }

    public async Task<OpdBrief?> GetAsync(string opd, CancellationToken ct)
    {
        var agency = ReferenceData.Agencies.FirstOrDefault(a => a.Code == opd);
        if (agency is null)
        {
            return null;
        }
        var today = Wib.DateOf(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(ct);
        var definitions = await db.Indicators.AsNoTracking().OrderBy(d => d.DisplayOrder).ToListAsync(ct);
        var owned = definitions.Where(d => d.OwnerOpd == opd).ToList();
        var aboutCodes = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.ScopeKind == ScopeKind.Opd && s.ScopeCode == opd).Select(s => s.IndicatorCode).ToListAsync(ct);
        var about = definitions.Where(d => aboutCodes.Contains(d.Code)).ToList();

        var codes = owned.Concat(about).Select(d => d.Code).Distinct().ToList();
        var scopes = new[] { ReferenceData.KotaCode, opd };
        var snapshots = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => codes.Contains(s.IndicatorCode) && scopes.Contains(s.ScopeCode))
            .Select(s => new { s.IndicatorCode, s.ScopeCode, s.Value, s.AsOf })
            .ToListAsync(ct);
        var end = BriefChanges.LastCompleteDay(today);
        var days = new[] { end, end.AddDays(-7), end.AddDays(-30) };
        var past = (await db.IndicatorValues.AsNoTracking()
                .Where(v => codes.Contains(v.IndicatorCode) && scopes.Contains(v.ScopeCode) && days.Contains(v.Date))
                .Select(v => new { v.IndicatorCode, v.ScopeCode, v.Date, v.Value })
                .ToListAsync(ct))
            .ToLookup(v => (v.IndicatorCode, v.ScopeCode));
        var targets = await CurrentTargets.LoadAsync(db, codes, today, ct);

        BriefRow Row(IndicatorDefinition d, string scope)
        {
            var snapshot = snapshots.FirstOrDefault(s => s.IndicatorCode == d.Code && s.ScopeCode == scope);
            var value = snapshot?.Value;
            var series = past[(d.Code, scope)].ToDictionary(p => p.Date, p => p.Value);
            var target = targets.GetValueOrDefault(d.Code);
            return new BriefRow(d.Code, d.NameId, d.NameEn, d.Unit, d.Direction, scope, value, target?.Value,
                IndicatorStatusEvaluator.Evaluate(value, target?.Value, d.Direction, d.Tolerance, target?.Floor),
                BriefChanges.Change(series, today, 7), BriefChanges.Change(series, today, 30),
                snapshot?.AsOf, end, series.GetValueOrDefault(end));
        }

        var ownedRows = owned.Select(d => Row(d, ReferenceData.KotaCode)).ToList();
        var aboutRows = about.Select(d => Row(d, opd)).ToList();
        // Alerts about what the OPD answers for: its own indicators, and its sources' failures and staleness.
        var sources = owned.Select(d => d.Source).Distinct().ToList();
        var ownedCodes = owned.Select(d => d.Code).ToList();
        var alerts = await db.Set<Alert>().AsNoTracking()
            .Where(a => a.State != AlertState.Resolved
                && (a.OwnerOpd == opd || (a.IndicatorCode != null && ownedCodes.Contains(a.IndicatorCode)) || (a.IndicatorCode == null && sources.Contains(a.Source))))
            .OrderBy(a => a.State).ThenByDescending(a => a.FiredAt)
            .Select(a => new BriefAlert(a.Id, a.Kind, a.State, a.Summary, a.SummaryEn, a.FiredAt))
            .ToListAsync(ct);

        return new OpdBrief
        {
            Agency = agency,
            Today = today,
            Owned = ownedRows,
            AboutOpd = aboutRows,
            BiggestChanges = [.. ownedRows.Concat(aboutRows).Where(r => r.RelativeChange7 is > 0).OrderByDescending(r => r.RelativeChange7).Take(5)],
            Alerts = alerts,
        };
    }
}
