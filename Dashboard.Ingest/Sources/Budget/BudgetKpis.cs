using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Codes = Dashboard.Ingest.Sources.Budget.BudgetIndicators.Codes;

namespace Dashboard.Ingest.Sources.Budget;

/// <summary>
/// Budget indicators #47–#56 (docs/DOMAIN.md §13) per day for the kota and per OPD. Realisation is the LS and GU lines of
/// SP2D not cancelled, dated 1 January to the day, against the current pagu of the same year's lines; a payment line
/// charging a line the feed has not (yet) served counts nowhere. The monthly band of <c>Sources:Budget:Band</c> is also
/// written as the month targets of #47 and #48 (catalogue rows: an administrator's target still wins), so that tiles,
/// alerts and the indicator page hold them to the same band as #49 here.
/// </summary>
public sealed class BudgetKpis(IOptionsMonitor<BudgetOptions> options) : ISourceKpis
{
    public IReadOnlyList<string> IndicatorCodes { get; } =
    [
        Codes.RealisationPct, Codes.AgencyRealisationPct, Codes.AgenciesBelowBand, Codes.CashPlanDeviation, Codes.PhysicalFinancialGap,
        Codes.CapitalShare, Codes.PersonnelShare, Codes.ProjectedSilpa, Codes.MonevOnTime, Codes.FundingRealisationPct,
    ];

    public async Task RecomputeAsync(ReportingDbContext db, DateOnly from, DateOnly today, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var firstYear = await db.Set<BudgetLine>().Select(l => (int?)l.Year).MinAsync(ct) ?? today.Year;
        var first = new DateOnly(firstYear, 1, 1);
        from = from < first ? first : from > today ? today : from;

        var lines = await db.Set<BudgetLine>().AsNoTracking()
            .Where(l => l.Year >= from.Year - 1 && l.Year <= today.Year)
            .Select(l => new LineFacts(l.Id, l.Year, l.AgencyCode, l.SpendingKind, l.FundingSource, l.Pagu))
            .ToListAsync(ct);
        var plans = await db.Set<BudgetCashPlan>().AsNoTracking()
            .Join(db.Set<BudgetLine>().Where(l => l.Year >= from.Year && l.Year <= today.Year), p => p.BudgetLineId, l => l.Id, (p, l) => p)
            .Select(p => new PlanFacts(p.BudgetLineId, p.Month, p.Amount))
            .ToListAsync(ct);
        var jan1 = new DateOnly(from.Year, 1, 1);
        var payments = (await db.Set<BudgetPayment>().AsNoTracking()
                .Where(p => p.Date >= jan1 && p.Date <= today && p.Status == BudgetPayload.Issued && (p.Type == BudgetPayload.Ls || p.Type == BudgetPayload.Gu))
                .Select(p => new { p.Date, p.Type, p.Status, p.Lines })
                .ToListAsync(ct))
            .Select(p => new PaymentFacts(p.Date, p.Type, p.Status, [.. BudgetPaymentLines.Parse(p.Lines)]))
            .ToList();
        var progress = await db.Set<BudgetProgress>().AsNoTracking()
            .Where(p => p.Year >= from.Year - 1 && p.Year <= today.Year)
            .Select(p => new ProgressFacts(p.BudgetLineId, p.Year, p.Month, p.PhysicalPct, p.Verified, p.SubmittedAt))
            .ToListAsync(ct);

        var current = options.CurrentValue;
        var values = Compute(lines, plans, payments, progress, from, today, current.BandFor);
        await WriteBandAsync(db, from.Year, today.Year, current, ct);
        await IndicatorWriter.ReplaceAsync(db, [.. IndicatorCodes], from, today, values, runId, now, ct);
    }

    public sealed record LineFacts(string Id, int Year, string AgencyCode, string SpendingKind, string FundingSource, long Pagu);

    public sealed record PlanFacts(string BudgetLineId, int Month, long Amount);

    public sealed record PaymentFacts(DateOnly Date, string Type, string Status, IReadOnlyList<BudgetPaymentLine> Lines);

    public sealed record ProgressFacts(string BudgetLineId, int Year, int Month, double PhysicalPct, bool Verified, DateTimeOffset SubmittedAt);

    /// <summary>The month whose monev reports #55 judges on <paramref name="day"/>: last month after the 10th, the one before until then.</summary>
    public static (int Year, int Month) MonevMonth(DateOnly day)
    {
        var month = new DateOnly(day.Year, day.Month, 1).AddMonths(day.Day > BudgetIndicators.MonevDueDay ? -1 : -2);
        return (month.Year, month.Month);
    }

    /// <summary>The latest instant a report of <paramref name="year"/>-<paramref name="month"/> counts as on time: the 10th of the next month, WIB.</summary>
    public static DateTimeOffset MonevDue(int year, int month) =>
        Wib.EndOf(new DateOnly(year, month, 1).AddMonths(1).AddDays(BudgetIndicators.MonevDueDay - 1));

    /// <summary>The cash plan to <paramref name="day"/>: earlier months whole, the day's month in proportion to its days elapsed.</summary>
    public static double PlannedToDate(long[] monthly, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        var sum = 0.0;
        for (var m = 1; m < day.Month; m++)
        {
            sum += monthly[m - 1];
        }
        return sum + (monthly[day.Month - 1] * day.Day / (double)DateTime.DaysInMonth(day.Year, day.Month));
    }

    /// <summary>
    /// Every indicator for every day from <paramref name="from"/> to <paramref name="today"/>. <paramref name="lines"/> and
    /// <paramref name="progress"/> must cover the year before <paramref name="from"/>'s (the monev month of early January),
    /// <paramref name="payments"/> 1 January of <paramref name="from"/>'s year to today.
    /// </summary>
    public static List<ComputedValue> Compute(
        IReadOnlyList<LineFacts> lines, IReadOnlyList<PlanFacts> plans, IReadOnlyList<PaymentFacts> payments, IReadOnlyList<ProgressFacts> progress,
        DateOnly from, DateOnly today, Func<int, BudgetBand> bandFor)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(bandFor);
        var values = new List<ComputedValue>();
        var linesByYear = lines.ToLookup(l => l.Year);
        var progressByYear = progress.ToLookup(p => p.Year);
        var monevCache = new Dictionary<(int, int), (int OnTime, int Agencies)>();
        for (var year = from.Year; year <= today.Year; year++)
        {
            var start = year == from.Year ? from : new DateOnly(year, 1, 1);
            var end = year == today.Year ? today : new DateOnly(year, 12, 31);
            var y = new YearFacts(year, [.. linesByYear[year]], plans, payments, [.. progressByYear[year]]);
            var band = bandFor(year);
            for (var day = start; day <= end; day = day.AddDays(1))
            {
                y.Put(values, day, band);
                var (my, mm) = MonevMonth(day);
                if (!monevCache.TryGetValue((my, mm), out var monev))
                {
                    monevCache[(my, mm)] = monev = Monev([.. linesByYear[my]], [.. progressByYear[my]], my, mm);
                }
                values.Add(new ComputedValue(Codes.MonevOnTime, ScopeKind.Kota, ReferenceData.KotaCode, day,
                    monev.Agencies > 0 ? Round(monev.OnTime * 100.0 / monev.Agencies) : null, null));
            }
        }
        return values;
    }

    /// <summary>Agencies (of those with a pagu in <paramref name="year"/>) whose every line has a verified report of the month, in by the 10th.</summary>
    private static (int OnTime, int Agencies) Monev(List<LineFacts> lines, List<ProgressFacts> progress, int year, int month)
    {
        var due = MonevDue(year, month);
        var onTime = progress.Where(p => p.Month == month && p.Verified && p.SubmittedAt <= due).Select(p => p.BudgetLineId).ToHashSet(StringComparer.Ordinal);
        var agencies = lines.Where(l => l.Pagu > 0 && ReferenceData.IsAgency(l.AgencyCode)).GroupBy(l => l.AgencyCode).ToList();
        return (agencies.Count(g => g.All(l => onTime.Contains(l.Id))), agencies.Count);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private static double? Pct(double part, double whole) => whole > 0 ? Round(part * 100.0 / whole) : null;

    /// <summary>One APBD year's lines, plans, spending and reports, indexed for the daily loop.</summary>
    private sealed class YearFacts
    {
        private readonly List<LineFacts> _lines;
        private readonly Dictionary<string, int> _lineIndex = new(StringComparer.Ordinal);
        private readonly List<string> _agencies;
        private readonly int[] _agencyOf;
        private readonly long[] _agencyPagu;
        private readonly long[][] _agencyPlan;
        private readonly long[] _kotaPlan = new long[12];
        private readonly long[] _agencyCum;
        private readonly long[] _fundingCum;
        private readonly long[] _fundingPagu;
        private readonly long[] _lineCum;
        private readonly long[,] _lineMonthEnd;
        private readonly long _pagu;
        private readonly long _capitalPagu;
        private readonly ILookup<DateOnly, PaymentFacts> _paymentsByDay;
        private readonly List<(DateOnly Day, ProgressFacts Report)> _progress;
        private readonly Dictionary<int, ProgressFacts> _latest = [];
        private int _nextProgress;
        private long _kotaCum;
        private long _personnelCum;
        private DateOnly _through;

        public YearFacts(int year, List<LineFacts> lines, IReadOnlyList<PlanFacts> plans, IReadOnlyList<PaymentFacts> payments, List<ProgressFacts> progress)
        {
            _lines = lines;
            for (var i = 0; i < lines.Count; i++)
            {
                _lineIndex[lines[i].Id] = i;
            }
            _agencies = [.. lines.Where(l => l.Pagu > 0 && ReferenceData.IsAgency(l.AgencyCode)).Select(l => l.AgencyCode).Distinct().Order(StringComparer.Ordinal)];
            var agencyIndex = _agencies.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
            _agencyOf = [.. lines.Select(l => agencyIndex.TryGetValue(l.AgencyCode, out var a) ? a : -1)];
            _agencyPagu = new long[_agencies.Count];
            _agencyPlan = [.. _agencies.Select(_ => new long[12])];
            _agencyCum = new long[_agencies.Count];
            _fundingCum = new long[BudgetPayload.FundingSourceOrder.Count];
            _fundingPagu = new long[BudgetPayload.FundingSourceOrder.Count];
            _lineCum = new long[lines.Count];
            _lineMonthEnd = new long[lines.Count, 12];
            for (var i = 0; i < lines.Count; i++)
            {
                var l = lines[i];
                _pagu += l.Pagu;
                if (l.SpendingKind == BudgetPayload.Modal)
                {
                    _capitalPagu += l.Pagu;
                }
                if (_agencyOf[i] >= 0)
                {
                    _agencyPagu[_agencyOf[i]] += l.Pagu;
                }
                var f = Funding(l.FundingSource);
                if (f >= 0)
                {
                    _fundingPagu[f] += l.Pagu;
                }
            }
            foreach (var p in plans)
            {
                if (_lineIndex.TryGetValue(p.BudgetLineId, out var i) && p.Month is >= 1 and <= 12)
                {
                    _kotaPlan[p.Month - 1] += p.Amount;
                    if (_agencyOf[i] >= 0)
                    {
                        _agencyPlan[_agencyOf[i]][p.Month - 1] += p.Amount;
                    }
                }
            }
            _paymentsByDay = payments.Where(p => p.Date.Year == year && BudgetPayload.IsSpending(p.Type, p.Status)).ToLookup(p => p.Date);
            _progress = [.. progress.Select(p => (Wib.DateOf(p.SubmittedAt), p)).OrderBy(x => x.Item1)];
            _through = new DateOnly(year, 1, 1).AddDays(-1);
        }

        private static int Funding(string code)
        {
            for (var i = 0; i < BudgetPayload.FundingSourceOrder.Count; i++)
            {
                if (BudgetPayload.FundingSourceOrder[i] == code)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Adds the spending of the days after the last one read up to <paramref name="day"/>.</summary>
        private void ReadThrough(DateOnly day)
        {
            for (var d = _through.AddDays(1); d <= day; d = d.AddDays(1))
            {
                foreach (var p in _paymentsByDay[d])
                {
                    foreach (var line in p.Lines)
                    {
                        if (!_lineIndex.TryGetValue(line.BudgetLineId, out var i))
                        {
                            continue;
                        }
                        _lineCum[i] += line.Amount;
                        _kotaCum += line.Amount;
                        if (_agencyOf[i] >= 0)
                        {
                            _agencyCum[_agencyOf[i]] += line.Amount;
                        }
                        var f = Funding(_lines[i].FundingSource);
                        if (f >= 0)
                        {
                            _fundingCum[f] += line.Amount;
                        }
                        if (line.AccountCode.StartsWith(BudgetPayload.PersonnelAccountPrefix, StringComparison.Ordinal))
                        {
                            _personnelCum += line.Amount;
                        }
                    }
                }
                if (d.Day == DateTime.DaysInMonth(d.Year, d.Month))
                {
                    for (var i = 0; i < _lines.Count; i++)
                    {
                        _lineMonthEnd[i, d.Month - 1] = _lineCum[i];
                    }
                }
            }
            _through = day;
        }

        public void Put(List<ComputedValue> values, DateOnly day, BudgetBand band)
        {
            ReadThrough(day);
            void Put(string code, ScopeKind kind, string scope, double? value, string? label = null) =>
                values.Add(new ComputedValue(code, kind, scope, day, value, label));
            const ScopeKind Kota = ScopeKind.Kota;
            var kota = ReferenceData.KotaCode;
            var (lower, _) = band.On(day);

            // #47, #48, #49, #50, #54: kota and agencies.
            Put(Codes.RealisationPct, Kota, kota, Pct(_kotaCum, _pagu));
            var kotaPlanned = PlannedToDate(_kotaPlan, day);
            Put(Codes.CashPlanDeviation, Kota, kota, _pagu > 0 ? Math.Round(_kotaCum - kotaPlanned) : null);
            Put(Codes.ProjectedSilpa, Kota, kota, Silpa(_pagu, _kotaCum, kotaPlanned, _kotaPlan.Sum()));
            string? lowest = null;
            var lowestPct = double.MaxValue;
            string? furthest = null;
            var furthestGap = double.MaxValue;
            var below = 0;
            for (var a = 0; a < _agencies.Count; a++)
            {
                var code = _agencies[a];
                var pct = _agencyCum[a] * 100.0 / _agencyPagu[a];
                Put(Codes.AgencyRealisationPct, ScopeKind.Opd, code, Round(pct));
                var planned = PlannedToDate(_agencyPlan[a], day);
                Put(Codes.CashPlanDeviation, ScopeKind.Opd, code, Math.Round(_agencyCum[a] - planned));
                Put(Codes.ProjectedSilpa, ScopeKind.Opd, code, Silpa(_agencyPagu[a], _agencyCum[a], planned, _agencyPlan[a].Sum()));
                if (pct < lowestPct)
                {
                    lowestPct = pct;
                    lowest = code;
                }
                if (Math.Round(pct, 1) < lower)
                {
                    below++;
                }
                if (pct - lower < furthestGap)
                {
                    furthestGap = pct - lower;
                    furthest = code;
                }
            }
            Put(Codes.AgencyRealisationPct, Kota, kota, lowest is null ? null : Round(lowestPct), lowest);
            Put(Codes.AgenciesBelowBand, Kota, kota, _agencies.Count == 0 ? null : below, below > 0 ? furthest : null);

            // #52, #53, #56.
            Put(Codes.CapitalShare, Kota, kota, Pct(_capitalPagu, _pagu));
            Put(Codes.PersonnelShare, Kota, kota, Pct(_personnelCum, _kotaCum));
            string? weakest = null;
            var weakestPct = double.MaxValue;
            for (var f = 0; f < _fundingPagu.Length; f++)
            {
                if (_fundingPagu[f] > 0 && _fundingCum[f] * 100.0 / _fundingPagu[f] < weakestPct)
                {
                    weakestPct = _fundingCum[f] * 100.0 / _fundingPagu[f];
                    weakest = BudgetPayload.FundingSourceOrder[f];
                }
            }
            Put(Codes.FundingRealisationPct, Kota, kota, weakest is null ? null : Round(weakestPct), weakest);

            // #51: each line's latest report submitted by the day, against its financial progress at the end of that month.
            for (; _nextProgress < _progress.Count && _progress[_nextProgress].Day <= day; _nextProgress++)
            {
                var p = _progress[_nextProgress].Report;
                if (!_lineIndex.TryGetValue(p.BudgetLineId, out var i) || _lines[i].Pagu <= 0 || new DateOnly(p.Year, p.Month, 1) > day)
                {
                    continue;
                }
                if (!_latest.TryGetValue(i, out var seen) || p.Month > seen.Month || (p.Month == seen.Month && p.SubmittedAt >= seen.SubmittedAt))
                {
                    _latest[i] = p;
                }
            }
            var latest = _latest;
            var gaps = new int[_agencies.Count];
            var gapCount = 0;
            foreach (var (i, p) in latest)
            {
                if (Math.Abs(Gap(i, p)) > BudgetIndicators.GapPoints)
                {
                    gapCount++;
                    if (_agencyOf[i] >= 0)
                    {
                        gaps[_agencyOf[i]]++;
                    }
                }
            }
            Put(Codes.PhysicalFinancialGap, Kota, kota, latest.Count == 0 ? null : gapCount);
            for (var a = 0; a < _agencies.Count; a++)
            {
                Put(Codes.PhysicalFinancialGap, ScopeKind.Opd, _agencies[a], latest.Count == 0 ? null : gaps[a]);
            }
        }

        /// <summary>Physical % − financial % of line <paramref name="i"/> at the end of the report's month (or the day, within it).</summary>
        private double Gap(int i, ProgressFacts p)
        {
            var monthEnd = new DateOnly(p.Year, p.Month, DateTime.DaysInMonth(p.Year, p.Month));
            var spent = monthEnd <= _through ? _lineMonthEnd[i, p.Month - 1] : _lineCum[i];
            return p.PhysicalPct - (spent * 100.0 / _lines[i].Pagu);
        }

        /// <summary>#54: pagu less projected spending (realised, plus the rest of the plan at the pace realised/planned so far).</summary>
        private static double? Silpa(long pagu, long realised, double planned, long planYear)
        {
            if (pagu <= 0 || planned <= 0)
            {
                return null;
            }
            var projected = realised + ((planYear - planned) * realised / planned);
            return Math.Round(pagu - Math.Min(pagu, projected));
        }
    }

    /// <summary>
    /// Writes the band of each year from <paramref name="firstYear"/> to <paramref name="lastYear"/> as the month targets of the banded
    /// indicators: value the upper bound, floor the lower one. Catalogue rows (no <c>SetBy</c>), keyed by indicator, period and start.
    /// </summary>
    public static async Task WriteBandAsync(ReportingDbContext db, int firstYear, int lastYear, BudgetOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var start = new DateOnly(firstYear, 1, 1);
        var end = new DateOnly(lastYear, 12, 31);
        var stored = (await db.IndicatorTargets
                .Where(t => BudgetIndicators.Banded.Contains(t.IndicatorCode) && t.SetBy == null && t.Period == TargetPeriod.Month &&
                            t.PeriodStart >= start && t.PeriodStart <= end)
                .ToListAsync(ct))
            .GroupBy(t => (t.IndicatorCode, t.PeriodStart))
            .ToDictionary(g => g.Key, g => g.First());
        for (var year = firstYear; year <= lastYear; year++)
        {
            var band = options.BandFor(year);
            foreach (var code in BudgetIndicators.Banded)
            {
                for (var m = 1; m <= 12; m++)
                {
                    var first = new DateOnly(year, m, 1);
                    if (!stored.TryGetValue((code, first), out var row))
                    {
                        row = new IndicatorTarget { IndicatorCode = code, Period = TargetPeriod.Month, PeriodStart = first };
                        db.IndicatorTargets.Add(row);
                    }
                    row.PeriodEnd = first.AddMonths(1).AddDays(-1);
                    row.Value = band.Upper[m - 1];
                    row.Floor = band.Lower[m - 1];
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
