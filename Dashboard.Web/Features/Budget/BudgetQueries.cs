using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Budget;

/// <summary>One agency's realisation to date against its pagu, its cash plan and the band of the day.</summary>
public sealed record LeagueRow(string Code, string Name, long Pagu, long Realised, double? Pct, double? PlannedPct, IndicatorStatus Status);

/// <summary>One month of the S-curve: cumulative % of pagu realised (null for months to come), planned, and the band.</summary>
public sealed record CurvePoint(int Month, double? RealisedPct, double? PlannedPct, double Lower, double Upper);

/// <summary>A sub-kegiatan whose latest physical progress differs from its financial progress by more than 15 points.</summary>
public sealed record GapRow(string LineId, string Agency, string SubActivityCode, string SubActivityName, string Month, double PhysicalPct, double FinancialPct, double Gap);

/// <summary>One funding source's realisation.</summary>
public sealed record FundingRow(string Code, long Pagu, long Realised, double? Pct);

/// <summary>The projected unspent balance at the current pace against the cash plan.</summary>
public sealed record SilpaRow(long Pagu, long Realised, long Planned, long PlanYear, long? ProjectedSpending, long? Silpa);

/// <summary>Everything the budget page shows for the city or one agency.</summary>
public sealed record BudgetView : Dashboard.Web.Shared.Live.IDomainView
{
    /// <summary>The selected OPD code, or the kota code.</summary>
    public required string Scope { get; init; }
    public required IReadOnlyList<KpiTileModel> Tiles { get; init; }
    public required int Year { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>Every agency with a pagu, lowest realisation first: visible to every head whatever the scope.</summary>
    public required IReadOnlyList<LeagueRow> League { get; init; }
    public required IReadOnlyList<CurvePoint> Curve { get; init; }
    public required IReadOnlyList<GapRow> Gaps { get; init; }

    /// <summary>Lines of the scope with a monev report (the base of <see cref="Gaps"/>).</summary>
    public required int ReportedLines { get; init; }
    public required IReadOnlyList<FundingRow> Funding { get; init; }
    public required SilpaRow Silpa { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public bool IsRunning { get; init; }
}

/// <summary>
/// Read side of the budget page. Tiles are the indicators ingest computed; the league, the S-curve, the physical vs
/// financial gaps, the funding sources and the projected SiLPA are computed here from the stored lines, cash plan,
/// SP2D lines and monev reports of the current year, with the same rules (<see cref="BudgetPayload.IsSpending"/>, the
/// band of <c>Sources:Budget:Band</c>). One short-lived DbContext per call, read-only projections.
/// </summary>
public sealed class BudgetQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time, IOptionsMonitor<BudgetOptions> options)
{
    /// <summary>The OPD for a <c>?opd=</c> code, or the kota.</summary>
    public static string ResolveScope(string? code) => ReferenceData.IsAgency(code) ? code! : ReferenceData.KotaCode;

    public async Task<BudgetView> GetAsync(string? scopeCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = Wib.DateOf(now);
        var year = today.Year;
        var scope = ResolveScope(scopeCode);
        var all = scope == ReferenceData.KotaCode;
        var band = options.CurrentValue.BandFor(year);

        await using var db = await factory.CreateDbContextAsync(ct);
        var tiles = await KpiTileLoader.LoadAsync(db, scope, BudgetIndicators.Source, now, ct);
        var lines = await db.Set<BudgetLine>().AsNoTracking()
            .Where(l => l.Year == year)
            .Select(l => new { l.Id, l.AgencyCode, l.SubActivityCode, l.SubActivityName, l.FundingSource, l.Pagu })
            .ToListAsync(ct);
        var lineById = lines.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var jan1 = new DateOnly(year, 1, 1);
        var payments = await db.Set<BudgetPayment>().AsNoTracking()
            .Where(p => p.Date >= jan1 && p.Date <= today && p.Status == BudgetPayload.Issued && (p.Type == BudgetPayload.Ls || p.Type == BudgetPayload.Gu))
            .Select(p => new { p.Date, p.Lines })
            .ToListAsync(ct);
        var spent = payments
            .SelectMany(p => BudgetPaymentLines.Parse(p.Lines).Select(l => (p.Date, l.BudgetLineId, l.Amount)))
            .Where(x => lineById.ContainsKey(x.BudgetLineId))
            .ToList();
        var plans = await db.Set<BudgetCashPlan>().AsNoTracking()
            .Join(db.Set<BudgetLine>().Where(l => l.Year == year), p => p.BudgetLineId, l => l.Id, (p, l) => new { p.BudgetLineId, p.Month, p.Amount })
            .ToListAsync(ct);
        var reports = await db.Set<BudgetProgress>().AsNoTracking()
            .Where(p => p.Year == year)
            .Select(p => new { p.BudgetLineId, p.Month, p.PhysicalPct, p.SubmittedAt })
            .ToListAsync(ct);

        bool InScope(string lineId) => all || lineById[lineId].AgencyCode == scope;
        double PlannedToDate(IEnumerable<(int Month, long Amount)> monthly)
        {
            var months = new long[12];
            foreach (var (m, amount) in monthly)
            {
                months[m - 1] += amount;
            }
            return BudgetKpis.PlannedToDate(months, today);
        }

        // The league: every agency with a pagu, whatever the scope.
        var (lowerToday, upperToday) = band.On(today);
        var names = ReferenceData.Agencies.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var spentByLine = spent.GroupBy(s => s.BudgetLineId).ToDictionary(g => g.Key, g => g.Sum(s => s.Amount), StringComparer.Ordinal);
        var plansPerLine = plans.ToLookup(p => p.BudgetLineId, StringComparer.Ordinal);
        var league = lines.Where(l => names.ContainsKey(l.AgencyCode) && l.Pagu > 0).GroupBy(l => l.AgencyCode)
            .Select(g =>
            {
                var pagu = g.Sum(l => l.Pagu);
                var realised = g.Sum(l => spentByLine.GetValueOrDefault(l.Id));
                var planned = PlannedToDate(g.SelectMany(l => plansPerLine[l.Id]).Select(p => (p.Month, p.Amount)));
                var pct = Math.Round(realised * 100.0 / pagu, 1);
                return new LeagueRow(g.Key, names[g.Key], pagu, realised, pct, Math.Round(planned * 100.0 / pagu, 1),
                    IndicatorStatusEvaluator.Evaluate(pct, upperToday, IndicatorDirection.HigherIsBetter, 0, lowerToday));
            })
            .OrderBy(r => r.Pct).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();

        // The S-curve of the scope: month ends (the current month to date).
        var scopedLines = lines.Where(l => all || l.AgencyCode == scope).ToList();
        var scopedPagu = scopedLines.Sum(l => l.Pagu);
        var scopedPlans = plans.Where(p => InScope(p.BudgetLineId)).GroupBy(p => p.Month).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var scopedSpent = spent.Where(s => InScope(s.BudgetLineId)).ToList();
        var curve = new List<CurvePoint>(12);
        long plannedCum = 0;
        for (var m = 1; m <= 12; m++)
        {
            plannedCum += scopedPlans.GetValueOrDefault(m);
            var end = new DateOnly(year, m, DateTime.DaysInMonth(year, m));
            double? realisedPct = scopedPagu > 0 && m <= today.Month
                ? Math.Round(scopedSpent.Where(s => s.Date <= end).Sum(s => s.Amount) * 100.0 / scopedPagu, 1)
                : null;
            curve.Add(new CurvePoint(m, realisedPct, scopedPagu > 0 ? Math.Round(plannedCum * 100.0 / scopedPagu, 1) : null, band.Lower[m - 1], band.Upper[m - 1]));
        }

        // Physical vs financial: each line's latest report, against its spending to the end of that month.
        var latest = reports.Where(r => lineById.TryGetValue(r.BudgetLineId, out var l) && l.Pagu > 0 && InScope(r.BudgetLineId) && Wib.DateOf(r.SubmittedAt) <= today)
            .GroupBy(r => r.BudgetLineId)
            .Select(g => g.OrderBy(r => r.Month).ThenBy(r => r.SubmittedAt).Last())
            .ToList();
        var spentPerLine = spent.ToLookup(s => s.BudgetLineId, StringComparer.Ordinal);
        var gaps = latest
            .Select(r =>
            {
                var line = lineById[r.BudgetLineId];
                var end = new DateOnly(year, r.Month, DateTime.DaysInMonth(year, r.Month));
                var financial = spentPerLine[r.BudgetLineId].Where(s => s.Date <= end).Sum(s => s.Amount) * 100.0 / line.Pagu;
                return new GapRow(line.Id, line.AgencyCode, line.SubActivityCode, line.SubActivityName,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year:D4}-{r.Month:D2}"),
                    r.PhysicalPct, Math.Round(financial, 1), Math.Round(r.PhysicalPct - financial, 1));
            })
            .Where(g => Math.Abs(g.PhysicalPct - g.FinancialPct) > BudgetIndicators.GapPoints)
            .OrderByDescending(g => Math.Abs(g.Gap)).ThenBy(g => g.LineId, StringComparer.Ordinal)
            .ToList();

        var funding = BudgetPayload.FundingSourceOrder
            .Select(code =>
            {
                var ids = scopedLines.Where(l => l.FundingSource == code).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
                var pagu = scopedLines.Where(l => l.FundingSource == code).Sum(l => l.Pagu);
                var realised = ids.Sum(id => spentByLine.GetValueOrDefault(id));
                return new FundingRow(code, pagu, realised, pagu > 0 ? Math.Round(realised * 100.0 / pagu, 1) : null);
            })
            .Where(f => f.Pagu > 0)
            .ToList();

        var scopedRealised = scopedSpent.Sum(s => s.Amount);
        var planned = PlannedToDate(scopedPlans.Select(p => (p.Key, p.Value)));
        var planYear = scopedPlans.Values.Sum();
        long? projected = planned > 0 ? (long)Math.Round(Math.Min(scopedPagu, scopedRealised + ((planYear - planned) * scopedRealised / planned))) : null;
        var silpa = new SilpaRow(scopedPagu, scopedRealised, (long)Math.Round(planned), planYear, projected, projected is { } p ? scopedPagu - p : null);

        return new BudgetView
        {
            Scope = scope,
            Tiles = tiles,
            Year = year,
            Today = today,
            League = league,
            Curve = curve,
            Gaps = gaps,
            ReportedLines = latest.Count,
            Funding = funding,
            Silpa = silpa,
            LastSuccessAt = tiles.Count > 0 ? tiles[0].LastSuccessAt : null,
            IsRunning = tiles.Count > 0 && tiles[0].IsRunning,
        };
    }
}
