using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Web.Shared.Scope;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Revenue.RevenueIndicators.Codes;

namespace Dashboard.Web.Features.Revenue;

/// <summary>One revenue code's realisation of the APBD year so far, city-wide.</summary>
/// <param name="Target">The target in force (the APBD-P figure once revised), or 0 without one.</param>
/// <param name="Realised">Payments since 1 January less reversals.</param>
/// <param name="Pct">Realised of target, or null without a target.</param>
/// <param name="GapPp">Pct minus the share of the year elapsed, in percentage points.</param>
public sealed record RevenueTypeRow(string Code, string Name, string Kind, long Target, long Realised, double? Pct, double? GapPp);

/// <summary>A kelurahan's PBB-P2 of the current year: assessed, paid, its share paid and its arrears (all years).</summary>
public sealed record PbbRow(int? Rank, string Code, string Name, string Kecamatan, long Due, long Paid, double? Pct, long Arrears, IndicatorStatus Status);

/// <summary>Everything the revenue page shows for the city or one region.</summary>
public sealed record RevenueView : Dashboard.Web.Shared.Live.IDomainView
{
    public required Region Scope { get; init; }
    public required IReadOnlyList<ScopeStep> Trail { get; init; }
    public required IReadOnlyList<KpiTileModel> Tiles { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>The share of the APBD year elapsed, in percent (the time-proportional line).</summary>
    public required double ElapsedPct { get; init; }

    /// <summary>Every revenue code with a target or a payment this year: taxes first, then retribution.</summary>
    public required IReadOnlyList<RevenueTypeRow> Types { get; init; }
    public required RevenueTypeRow TaxTotal { get; init; }
    public required RevenueTypeRow RetributionTotal { get; init; }
    public required RevenueTypeRow PadTotal { get; init; }

    /// <summary>Days of the year so far with cumulative tax receipts and the time-proportional target (rupiah).</summary>
    public required IReadOnlyList<DateOnly> YearDays { get; init; }
    public required IReadOnlyList<double?> CumulativeTax { get; init; }
    public required IReadOnlyList<double?> ProportionalTax { get; init; }

    /// <summary>The last 30 days in scope: tax receipts, and the same dates a year earlier (null where not loaded).</summary>
    public required IReadOnlyList<DateOnly> RecentDays { get; init; }
    public required IReadOnlyList<double?> DailyReceipts { get; init; }
    public required IReadOnlyList<double?> DailyReceiptsLastYear { get; init; }

    /// <summary>The kelurahan ranked by PBB-P2 paid: of the city, of the selected kecamatan, or of the selected kelurahan's.</summary>
    public required Region RankingParent { get; init; }
    public required IReadOnlyList<PbbRow> Pbb { get; init; }

    public required int BphtbThisMonth { get; init; }
    public required long BphtbValueThisMonth { get; init; }

    /// <summary>Self-assessed taxpayers whose first payment is in the last 30 days; null while less than a year is loaded.</summary>
    public int? NewTaxpayers { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public bool IsRunning { get; init; }
}

/// <summary>
/// Read side of the revenue page. Tiles are the indicators ingest computed; realisation per type, the cumulative
/// curve, BPHTB and new taxpayers are summed here from the stored payments (which hold pseudonymised taxpayer keys
/// only); the daily comparison and the PBB ranking read the indicator series, so page and tiles agree.
/// </summary>
public sealed class RevenueQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    public const int RecentDayCount = 30;

    /// <summary>Indicators that exist per region; the others are city-wide (targets are set for the city).</summary>
    public static readonly IReadOnlySet<string> RegionalCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        Codes.TaxDailyReceipts, Codes.PbbRealisationPct, Codes.PbbArrears, Codes.ActiveTaxpayers, Codes.BphtbTransactions,
    };

    public async Task<RevenueView> GetAsync(string? scopeCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = Wib.DateOf(now);
        var jan1 = new DateOnly(today.Year, 1, 1);
        var elapsed = today.DayOfYear / (double)(DateTime.IsLeapYear(today.Year) ? 366 : 365);
        var scope = RegionScope.Resolve(scopeCode);
        var all = scope.Level == RegionLevel.Kota;
        var prefix = scope.Code + ".";
        var names = ReferenceData.Regions.ToDictionary(r => r.Code, StringComparer.Ordinal);

        await using var db = await factory.CreateDbContextAsync(ct);
        var tiles = await KpiTileLoader.LoadAsync(db, scope.Code, RevenueIndicators.Source, now, ct);
        if (!all)
        {
            tiles = [.. tiles.Where(t => RegionalCodes.Contains(t.Code))];
        }

        // Realisation per code this year (city-wide).
        var targets = await db.Set<RevenueTarget>().AsNoTracking().Where(t => t.Year == today.Year)
            .Select(t => new { t.RevenueCode, t.Kind, t.Name, t.Target })
            .ToListAsync(ct);
        var sums = await db.Set<RevenuePayment>().AsNoTracking()
            .Where(p => p.PaidDate >= jan1 && p.PaidDate <= today)
            .GroupBy(p => new { p.RevenueCode, p.Status })
            .Select(g => new { g.Key.RevenueCode, g.Key.Status, Amount = g.Sum(p => p.Amount) })
            .ToListAsync(ct);
        var realised = sums.GroupBy(s => s.RevenueCode)
            .ToDictionary(g => g.Key, g => g.Sum(s => RevenuePayload.NetAmount(s.Status, s.Amount)), StringComparer.Ordinal);
        RevenueTypeRow Row(string code, string name, string kind, long target, long value) => new(code, name, kind, target, value,
            target > 0 ? Math.Round(value * 100.0 / target, 1) : null,
            target > 0 ? Math.Round((value * 100.0 / target) - (elapsed * 100), 1) : null);
        var order = RevenuePayload.TaxCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var types = targets.Select(t => Row(t.RevenueCode, t.Name, t.Kind, t.Target, realised.GetValueOrDefault(t.RevenueCode)))
            .Concat(realised.Keys.Where(c => RevenuePayload.KindOf(c) is not null && targets.All(t => t.RevenueCode != c))
                .Select(c => Row(c, c, RevenuePayload.KindOf(c)!, 0, realised[c])))
            .OrderBy(r => r.Kind == RevenuePayload.Pajak ? 0 : 1)
            .ThenBy(r => order.GetValueOrDefault(r.Code, int.MaxValue))
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        RevenueTypeRow Total(string code, string kind)
        {
            var rows = types.Where(t => kind == "" ? RevenuePayload.Kinds.Contains(t.Kind) : t.Kind == kind).ToList();
            return Row(code, code, kind, rows.Sum(t => t.Target), rows.Sum(t => t.Realised));
        }

        // The cumulative tax curve of the year against the time-proportional target.
        var taxCodes = RevenuePayload.TaxCodes.ToList();
        var daily = (await db.Set<RevenuePayment>().AsNoTracking()
                .Where(p => p.PaidDate >= jan1 && p.PaidDate <= today && taxCodes.Contains(p.RevenueCode))
                .GroupBy(p => new { p.PaidDate, p.Status })
                .Select(g => new { g.Key.PaidDate, g.Key.Status, Amount = g.Sum(p => p.Amount) })
                .ToListAsync(ct))
            .GroupBy(d => d.PaidDate).ToDictionary(g => g.Key, g => g.Sum(d => RevenuePayload.NetAmount(d.Status, d.Amount)));
        var taxTarget = types.Where(t => t.Kind == RevenuePayload.Pajak).Sum(t => t.Target);
        var yearDays = Enumerable.Range(0, today.DayNumber - jan1.DayNumber + 1).Select(jan1.AddDays).ToList();
        var cumulative = new List<double?>(yearDays.Count);
        var running = 0L;
        foreach (var day in yearDays)
        {
            running += daily.GetValueOrDefault(day);
            cumulative.Add(running);
        }
        var daysInYear = DateTime.IsLeapYear(today.Year) ? 366.0 : 365.0;
        var proportional = yearDays.Select(d => taxTarget > 0 ? (double?)Math.Round(taxTarget * d.DayOfYear / daysInYear) : null).ToList();

        // Daily receipts in scope and the same dates a year earlier, from the indicator series.
        var recent = Enumerable.Range(0, RecentDayCount).Select(i => today.AddDays(i + 1 - RecentDayCount)).ToList();
        var lastYear = recent.Select(d => d.AddYears(-1)).ToList();
        var firstRecent = recent[0];
        var firstLastYear = lastYear[0];
        var lastOfLastYear = lastYear[^1];
        var series = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorCode == Codes.TaxDailyReceipts && v.ScopeCode == scope.Code &&
                        ((v.Date >= firstRecent && v.Date <= today) || (v.Date >= firstLastYear && v.Date <= lastOfLastYear)))
            .Select(v => new { v.Date, v.Value })
            .ToDictionaryAsync(v => v.Date, v => v.Value, ct);

        // PBB per kelurahan: the indicator snapshots (as the tiles) with the assessed and paid sums beside them.
        var rankingParent = scope.Level == RegionLevel.Kelurahan ? RegionScope.Resolve(scope.ParentCode) : scope;
        var kelurahan = ReferenceData.Kelurahan
            .Where(k => rankingParent.Level == RegionLevel.Kota || k.ParentCode == rankingParent.Code).ToList();
        var codes = kelurahan.Select(k => k.Code).ToList();
        var pbbSnapshots = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => (s.IndicatorCode == Codes.PbbRealisationPct || s.IndicatorCode == Codes.PbbArrears) && codes.Contains(s.ScopeCode))
            .Select(s => new { s.IndicatorCode, s.ScopeCode, s.Value })
            .ToListAsync(ct);
        var assessed = await db.Set<PbbAssessment>().AsNoTracking()
            .Where(a => a.Year == today.Year && a.KelurahanCode != null && codes.Contains(a.KelurahanCode))
            .GroupBy(a => a.KelurahanCode!)
            .Select(g => new { Code = g.Key, Due = g.Sum(a => a.AmountDue), Paid = g.Sum(a => a.AmountPaid) })
            .ToDictionaryAsync(g => g.Code, ct);
        // Through CurrentTargets: an administrator's target (and not a retired one) applies, as on the tiles.
        var pbbTarget = (await CurrentTargets.LoadAsync(db, [Codes.PbbRealisationPct], today, ct)).GetValueOrDefault(Codes.PbbRealisationPct)?.Value;
        var pbbDefinition = IndicatorCatalog.Find(Codes.PbbRealisationPct);
        var pbb = kelurahan.Select(k =>
            {
                var pct = pbbSnapshots.FirstOrDefault(s => s.ScopeCode == k.Code && s.IndicatorCode == Codes.PbbRealisationPct)?.Value;
                var arrears = pbbSnapshots.FirstOrDefault(s => s.ScopeCode == k.Code && s.IndicatorCode == Codes.PbbArrears)?.Value ?? 0;
                assessed.TryGetValue(k.Code, out var a);
                return (Row: new PbbRow(null, k.Code, k.Name, names[k.ParentCode!].Name, a?.Due ?? 0, a?.Paid ?? 0, pct, (long)arrears,
                    IndicatorStatusEvaluator.Evaluate(pct, pbbTarget, pbbDefinition.Direction, pbbDefinition.Tolerance)), Pct: pct);
            })
            .OrderByDescending(x => x.Pct ?? double.MinValue).ThenBy(x => x.Row.Code, StringComparer.Ordinal)
            .Select((x, i) => x.Row with { Rank = x.Pct is null ? null : i + 1 })
            .ToList();

        // BPHTB this month in scope, and taxpayers new in the last 30 days (city or region).
        var month = new DateOnly(today.Year, today.Month, 1);
        var bphtb = await db.Set<RevenuePayment>().AsNoTracking()
            .Where(p => p.RevenueCode == RevenuePayload.Bphtb && p.PaidDate >= month && p.PaidDate <= today &&
                        (all || (p.KelurahanCode != null && (p.KelurahanCode == scope.Code || p.KelurahanCode.StartsWith(prefix)))))
            .GroupBy(p => p.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Amount = g.Sum(p => p.Amount) })
            .ToListAsync(ct);
        var selfAssessed = RevenuePayload.SelfAssessed.ToList();
        var firstLoaded = await db.Set<RevenuePayment>().Select(p => (DateOnly?)p.PaidDate).MinAsync(ct);
        int? newTaxpayers = null;
        if (firstLoaded is { } loaded && loaded <= today.AddDays(-RevenueIndicators.ActiveWindowDays - RecentDayCount))
        {
            var since = today.AddDays(1 - RecentDayCount);
            newTaxpayers = await db.Set<RevenuePayment>().AsNoTracking()
                .Where(p => selfAssessed.Contains(p.RevenueCode) && p.Status == RevenuePayload.Posted &&
                            (all || (p.KelurahanCode != null && (p.KelurahanCode == scope.Code || p.KelurahanCode.StartsWith(prefix)))))
                .GroupBy(p => p.TaxpayerKey)
                .Where(g => g.Min(p => p.PaidDate) >= since)
                .CountAsync(ct);
        }

        return new RevenueView
        {
            Scope = scope,
            Trail = RegionScope.Trail(scope),
            Tiles = tiles,
            Today = today,
            ElapsedPct = Math.Round(elapsed * 100, 1),
            Types = types,
            TaxTotal = Total("pajak", RevenuePayload.Pajak),
            RetributionTotal = Total("retribusi", RevenuePayload.Retribusi),
            PadTotal = Total("pad", ""),
            YearDays = yearDays,
            CumulativeTax = cumulative,
            ProportionalTax = proportional,
            RecentDays = recent,
            DailyReceipts = [.. recent.Select(d => series.GetValueOrDefault(d))],
            DailyReceiptsLastYear = [.. lastYear.Select(d => series.GetValueOrDefault(d))],
            RankingParent = rankingParent,
            Pbb = pbb,
            BphtbThisMonth = bphtb.Sum(b => b.Status == RevenuePayload.Posted ? b.Count : b.Status == RevenuePayload.Reversed ? -b.Count : 0),
            BphtbValueThisMonth = bphtb.Sum(b => RevenuePayload.NetAmount(b.Status, b.Amount)),
            NewTaxpayers = newTaxpayers,
            LastSuccessAt = tiles.Count > 0 ? tiles[0].LastSuccessAt : null,
            IsRunning = tiles.Count > 0 && tiles[0].IsRunning,
        };
    }
}
