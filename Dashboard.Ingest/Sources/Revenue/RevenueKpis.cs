using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Revenue.RevenueIndicators.Codes;

namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>
/// Revenue indicators #21–#30 (docs/DOMAIN.md §10) per day: realisation against the year's targets for the kota (and
/// retribution per collecting OPD), daily receipts, active taxpayers and BPHTB transactions per kota, kecamatan
/// and kelurahan, and today's PBB figures per region. Realisation is cash: a payment counts on its WIB day and a
/// reversal subtracts on its own day. An assessment only says what is paid now, so PBB figures of earlier days
/// are kept as they were recorded.
/// </summary>
public sealed class RevenueKpis : ISourceKpis
{
    public IReadOnlyList<string> IndicatorCodes { get; } =
    [
        Codes.TaxRealisationPct, Codes.TaxTypesOnTrack, Codes.TaxGapToProportional, Codes.TaxDailyReceipts, Codes.PbbRealisationPct,
        Codes.PbbArrears, Codes.ActiveTaxpayers, Codes.BphtbTransactions, Codes.RetributionRealisationPct, Codes.PadRealisationPct,
    ];

    /// <summary>Indicators computed for today only; earlier days keep their recorded values.</summary>
    private static readonly string[] TodayOnly = [Codes.PbbRealisationPct, Codes.PbbArrears];

    public async Task RecomputeAsync(ReportingDbContext db, DateOnly from, DateOnly today, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = await db.Set<RevenuePayment>().Select(p => (DateOnly?)p.PaidDate).MinAsync(ct) ?? today;
        from = from < first ? first : from > today ? today : from;
        var origin = Origin(from);

        var targets = await db.Set<RevenueTarget>().AsNoTracking()
            .Select(t => new TargetFacts(t.Year, t.RevenueCode, t.Kind, t.Target))
            .ToListAsync(ct);
        var payments = await db.Set<RevenuePayment>().AsNoTracking()
            .Where(p => p.PaidDate >= origin && p.PaidDate <= today)
            .Select(p => new PaymentFacts(p.RevenueCode, p.TaxpayerKey, p.KelurahanCode, p.PaidDate, p.Amount, p.Status))
            .ToListAsync(ct);
        var assessments = await db.Set<PbbAssessment>().AsNoTracking()
            .Where(a => a.Year <= today.Year)
            .Select(a => new AssessmentFacts(a.Year, a.KelurahanCode, a.AmountDue, a.AmountPaid))
            .ToListAsync(ct);
        var recorded = await db.IndicatorValues.AsNoTracking()
            .Where(v => TodayOnly.Contains(v.IndicatorCode) && v.Date >= from && v.Date < today)
            .Select(v => new ComputedValue(v.IndicatorCode, v.ScopeKind, v.ScopeCode, v.Date, v.Value, v.Label))
            .ToListAsync(ct);

        var values = Compute(targets, payments, assessments, from, today);
        values.AddRange(recorded);
        await IndicatorWriter.ReplaceAsync(db, [.. IndicatorCodes], from, today, values, runId, now, ct);
    }

    public sealed record TargetFacts(int Year, string RevenueCode, string Kind, long Target);

    public sealed record PaymentFacts(string RevenueCode, string TaxpayerKey, string? KelurahanCode, DateOnly PaidDate, long Amount, string Status);

    public sealed record AssessmentFacts(int Year, string? KelurahanCode, long AmountDue, long AmountPaid);

    /// <summary>The first day whose payments the figures from <paramref name="from"/> on read: 1 January, or a year of activity back.</summary>
    public static DateOnly Origin(DateOnly from)
    {
        var jan1 = new DateOnly(from.Year, 1, 1);
        var window = from.AddDays(1 - RevenueIndicators.ActiveWindowDays);
        return jan1 < window ? jan1 : window;
    }

    /// <summary>
    /// Every indicator for every day from <paramref name="from"/> to <paramref name="today"/>, except the PBB ones
    /// (#25, #26), which are computed for <paramref name="today"/> only. <paramref name="payments"/> must cover
    /// <see cref="Origin"/> of <paramref name="from"/> up to today.
    /// </summary>
    public static List<ComputedValue> Compute(
        IReadOnlyList<TargetFacts> targets, IReadOnlyList<PaymentFacts> payments, IReadOnlyList<AssessmentFacts> assessments,
        DateOnly from, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(assessments);
        var origin = Origin(from);
        var days = today.DayNumber - origin.DayNumber + 1;

        // Regions: 0 the kota, then kecamatan and kelurahan in reference order.
        var regions = ReferenceData.Regions;
        var regionIndex = regions.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        int[] RegionsOf(string? kelurahan) =>
            kelurahan is not null && regionIndex.TryGetValue(kelurahan, out var kel) && ReferenceData.KecamatanOf(kelurahan) is { } kec
                ? [0, regionIndex[kec], kel]
                : [0];

        var taxByCode = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var retByCode = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var taxByRegion = new long[regions.Count, days];
        var bphtbByRegion = new int[regions.Count, days];
        var active = new Dictionary<(string Taxpayer, int Region), List<int>>();
        foreach (var p in payments)
        {
            var day = p.PaidDate.DayNumber - origin.DayNumber;
            if (day < 0 || day >= days)
            {
                continue;
            }
            var net = RevenuePayload.NetAmount(p.Status, p.Amount);
            var kind = RevenuePayload.KindOf(p.RevenueCode);
            if (kind == RevenuePayload.Pajak)
            {
                Series(taxByCode, p.RevenueCode, days)[day] += net;
                foreach (var region in RegionsOf(p.KelurahanCode))
                {
                    taxByRegion[region, day] += net;
                    if (p.RevenueCode == RevenuePayload.Bphtb)
                    {
                        bphtbByRegion[region, day] += Math.Sign(net);
                    }
                    if (p.Status == RevenuePayload.Posted && RevenuePayload.SelfAssessed.Contains(p.RevenueCode))
                    {
                        if (!active.TryGetValue((p.TaxpayerKey, region), out var list))
                        {
                            active[(p.TaxpayerKey, region)] = list = [];
                        }
                        list.Add(day);
                    }
                }
            }
            else if (kind == RevenuePayload.Retribusi)
            {
                Series(retByCode, p.RevenueCode, days)[day] += net;
            }
        }

        // Active taxpayers: each taxpayer's payment days become merged windows of a year, counted once per day.
        var activeCount = new int[regions.Count, days + 1];
        foreach (var ((_, region), list) in active)
        {
            list.Sort();
            var start = -1;
            var end = -1;
            foreach (var d in list)
            {
                if (d > end)
                {
                    if (start >= 0)
                    {
                        Mark(activeCount, region, start, end, days);
                    }
                    start = d;
                }
                end = d + RevenueIndicators.ActiveWindowDays - 1;
            }
            Mark(activeCount, region, start, end, days);
        }
        for (var r = 0; r < regions.Count; r++)
        {
            for (var d = 1; d <= days; d++)
            {
                activeCount[r, d] += activeCount[r, d - 1];
            }
        }

        var agencies = RevenuePayload.RetributionAgency.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var values = new List<ComputedValue>((today.DayNumber - from.DayNumber + 1) * ((regions.Count * 4) + agencies.Count + 6));
        var targetsByYear = targets.ToLookup(t => t.Year);
        for (var date = from; date <= today; date = date.AddDays(1))
        {
            var day = date.DayNumber - origin.DayNumber;
            var jan1 = Math.Max(0, new DateOnly(date.Year, 1, 1).DayNumber - origin.DayNumber);
            var monthStart = Math.Max(0, new DateOnly(date.Year, date.Month, 1).DayNumber - origin.DayNumber);
            var elapsed = date.DayOfYear / (double)(DateTime.IsLeapYear(date.Year) ? 366 : 365);
            var yearTargets = targetsByYear[date.Year].ToList();
            void Put(string code, ScopeKind kind, string scope, double? value, string? label = null) =>
                values.Add(new ComputedValue(code, kind, scope, date, value, label));

            // Taxes against the year's targets (city only: targets are city-wide).
            var taxTargets = yearTargets.Where(t => t.Kind == RevenuePayload.Pajak).ToList();
            var taxTarget = taxTargets.Sum(t => t.Target);
            var taxCum = taxByCode.Values.Sum(s => Sum(s, jan1, day));
            double? taxPct = taxTarget > 0 ? taxCum * 100.0 / taxTarget : null;
            Put(Codes.TaxRealisationPct, ScopeKind.Kota, ReferenceData.KotaCode, Round(taxPct));
            Put(Codes.TaxGapToProportional, ScopeKind.Kota, ReferenceData.KotaCode, taxPct is { } pct ? Math.Round(pct - (elapsed * 100), 1) : null);
            var onTrack = 0;
            string? behind = null;
            var worst = double.MaxValue;
            foreach (var t in taxTargets.Where(t => t.Target > 0).OrderBy(t => t.RevenueCode, StringComparer.Ordinal))
            {
                var cum = taxByCode.TryGetValue(t.RevenueCode, out var s) ? Sum(s, jan1, day) : 0;
                var ratio = cum / (t.Target * elapsed);
                if (ratio >= 1)
                {
                    onTrack++;
                }
                if (ratio < worst)
                {
                    worst = ratio;
                    behind = t.RevenueCode;
                }
            }
            Put(Codes.TaxTypesOnTrack, ScopeKind.Kota, ReferenceData.KotaCode, behind is null ? null : onTrack, behind);

            // Retribution and PAD.
            var retTargets = yearTargets.Where(t => t.Kind == RevenuePayload.Retribusi).ToList();
            var retTarget = retTargets.Sum(t => t.Target);
            var retCum = retByCode.Values.Sum(s => Sum(s, jan1, day));
            Put(Codes.RetributionRealisationPct, ScopeKind.Kota, ReferenceData.KotaCode, retTarget > 0 ? Round(retCum * 100.0 / retTarget) : null);
            foreach (var agency in agencies)
            {
                var codes = retTargets.Where(t => RevenuePayload.AgencyOf(t.RevenueCode) == agency).ToList();
                var target = codes.Sum(t => t.Target);
                var cum = RevenuePayload.RetributionAgency.Where(x => x.Value == agency)
                    .Sum(x => retByCode.TryGetValue(x.Key, out var s) ? Sum(s, jan1, day) : 0);
                Put(Codes.RetributionRealisationPct, ScopeKind.Opd, agency, target > 0 ? Round(cum * 100.0 / target) : null);
            }
            var padTarget = taxTarget + retTarget;
            Put(Codes.PadRealisationPct, ScopeKind.Kota, ReferenceData.KotaCode, padTarget > 0 && taxTarget > 0 && retTarget > 0
                ? Round((taxCum + retCum) * 100.0 / padTarget)
                : null);

            // Per region: daily receipts, active taxpayers, BPHTB transactions of the month.
            for (var r = 0; r < regions.Count; r++)
            {
                var kind = (ScopeKind)(int)regions[r].Level;
                var scope = regions[r].Code;
                Put(Codes.TaxDailyReceipts, kind, scope, taxByRegion[r, day]);
                Put(Codes.ActiveTaxpayers, kind, scope, activeCount[r, day]);
                var bphtb = 0;
                for (var d = monthStart; d <= day; d++)
                {
                    bphtb += bphtbByRegion[r, d];
                }
                Put(Codes.BphtbTransactions, kind, scope, bphtb);
            }
        }

        // PBB: today's state of the assessments.
        var dueDate = RevenuePayload.PbbDueDate(today.Year);
        var due = new long[regions.Count];
        var paid = new long[regions.Count];
        var arrears = new long[regions.Count];
        foreach (var a in assessments)
        {
            foreach (var region in RegionsOf(a.KelurahanCode))
            {
                if (a.Year == today.Year)
                {
                    due[region] += a.AmountDue;
                    paid[region] += a.AmountPaid;
                }
                if (a.Year < today.Year || (a.Year == today.Year && today > dueDate))
                {
                    arrears[region] += Math.Max(0, a.AmountDue - a.AmountPaid);
                }
            }
        }
        for (var r = 0; r < regions.Count; r++)
        {
            var kind = (ScopeKind)(int)regions[r].Level;
            values.Add(new ComputedValue(Codes.PbbRealisationPct, kind, regions[r].Code, today, due[r] > 0 ? Round(paid[r] * 100.0 / due[r]) : null, null));
            values.Add(new ComputedValue(Codes.PbbArrears, kind, regions[r].Code, today, arrears[r], null));
        }
        return values;
    }

    private static long[] Series(Dictionary<string, long[]> series, string code, int days)
    {
        if (!series.TryGetValue(code, out var s))
        {
            series[code] = s = new long[days];
        }
        return s;
    }

    private static long Sum(long[] series, int from, int to)
    {
        var sum = 0L;
        for (var d = from; d <= to; d++)
        {
            sum += series[d];
        }
        return sum;
    }

    private static void Mark(int[,] counts, int region, int start, int end, int days)
    {
        counts[region, start]++;
        counts[region, Math.Min(end + 1, days)]--;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
