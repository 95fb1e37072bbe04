using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Indicators;

/// <summary>One indicator on an OPD's brief: its value at a scope, target and status, and its change over 7 and 30 days.</summary>
public sealed record BriefRow(
    string Code, string NameId, string NameEn, IndicatorUnit Unit, IndicatorDirection Direction, string ScopeCode,
    double? Value, double? Target, IndicatorStatus Status, double? Change7, double? Change30)
{
    /// <summary>The 7-day change relative to the value a week ago (for ranking the biggest changes), or null.</summary>
    public double? RelativeChange7 => Change7 is { } c && Value is { } v && v - c is var before && before != 0 ? Math.Abs(c / before) : null;
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
    /// <summary>The OPDs that own at least one indicator, for the index.</summary>
    public async Task<IReadOnlyList<(Agency Agency, int Indicators)>> OwnersAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await db.Indicators.AsNoTracking().GroupBy(d => d.OwnerOpd).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. ReferenceData.Agencies.Join(counts, a => a.Code, c => c.Key, (a, c) => (a, c.Count)).OrderBy(x => x.a.Code, StringComparer.Ordinal)];
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
            .Select(s => new { s.IndicatorCode, s.ScopeCode, s.Value })
            .ToListAsync(ct);
        var week = today.AddDays(-7);
        var month = today.AddDays(-30);
        var past = await db.IndicatorValues.AsNoTracking()
            .Where(v => codes.Contains(v.IndicatorCode) && scopes.Contains(v.ScopeCode) && (v.Date == week || v.Date == month))
            .Select(v => new { v.IndicatorCode, v.ScopeCode, v.Date, v.Value })
            .ToListAsync(ct);
        var targets = await CurrentTargets.LoadAsync(db, codes, today, ct);

        BriefRow Row(IndicatorDefinition d, string scope)
        {
            var value = snapshots.FirstOrDefault(s => s.IndicatorCode == d.Code && s.ScopeCode == scope)?.Value;
            double? Change(DateOnly day) =>
                value is { } v && past.FirstOrDefault(p => p.IndicatorCode == d.Code && p.ScopeCode == scope && p.Date == day)?.Value is { } then ? v - then : null;
            var target = targets.GetValueOrDefault(d.Code);
            return new BriefRow(d.Code, d.NameId, d.NameEn, d.Unit, d.Direction, scope, value, target?.Value,
                IndicatorStatusEvaluator.Evaluate(value, target?.Value, d.Direction, d.Tolerance, target?.Floor), Change(week), Change(month));
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
