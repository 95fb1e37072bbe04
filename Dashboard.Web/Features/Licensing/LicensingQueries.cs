using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Web.Shared.Scope;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Licensing.LicensingIndicators.Codes;

namespace Dashboard.Web.Features.Licensing;

/// <summary>Open files at one stage, by their age in working days (aligned with <see cref="LicensingQueries.AgeBuckets"/>).</summary>
public sealed record StageBacklog(string Stage, IReadOnlyList<int> ByAge, int Total);

/// <summary>An open file close to (or past) its SLA.</summary>
/// <param name="Remaining">Working days left before the SLA lapses; 0 is its last day, negative is past it.</param>
public sealed record DueRow(string Id, string PermitType, string Stage, DateTimeOffset SubmittedAt, int Elapsed, int SlaDays, int Remaining);

/// <summary>A PBG file approved and waiting for its retribution.</summary>
public sealed record UnpaidRow(string Id, string Kelurahan, DateTimeOffset Since, long? Amount, int DaysWaiting);

/// <summary>NIB issued in the window for one scale, per risk level (aligned with <see cref="LicensingView.RiskLevels"/>).</summary>
public sealed record NibRow(string Scale, IReadOnlyList<int> ByRisk, int Total);

/// <summary>A quarter of the current year: realised investment (cumulative) and the year's target.</summary>
public sealed record InvestmentRow(string Quarter, long Pmdn, long Pma, long CumulativeTotal, long? Target, double? Pct);

/// <summary>Everything the licensing page shows for one region.</summary>
public sealed record LicensingView : Dashboard.Web.Shared.Live.IDomainView
{
    public required Region Scope { get; init; }
    public required IReadOnlyList<ScopeStep> Trail { get; init; }
    public required IReadOnlyList<KpiTileModel> Tiles { get; init; }
    public required IReadOnlyList<DateOnly> Days { get; init; }

    /// <summary>Permits issued per day (aligned with <see cref="Days"/>) per channel (oss, sicantik, simbg).</summary>
    public required IReadOnlyList<IReadOnlyList<double?>> IssuedPerDayByChannel { get; init; }

    /// <summary>The scope's IZIN_TEPAT_WAKTU_PCT per day.</summary>
    public required IReadOnlyList<double?> OnTimePerDay { get; init; }

    public required IReadOnlyList<StageBacklog> Backlog { get; init; }
    public required IReadOnlyList<DueRow> DueSoon { get; init; }
    public int DueSoonTotal { get; init; }
    public int PastSlaAtCityStage { get; init; }
    public required IReadOnlyList<UnpaidRow> Unpaid { get; init; }
    public int UnpaidTotal { get; init; }
    public long UnpaidAmount { get; init; }
    public required IReadOnlyList<string> RiskLevels { get; init; }
    public required IReadOnlyList<NibRow> Nib { get; init; }
    public required IReadOnlyList<InvestmentRow> Investment { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public bool IsRunning { get; init; }
}

/// <summary>
/// Read side of the licensing page: tiles at the selected region, permits issued per day by channel and the on-time
/// share, the open files by stage and age (working days, perbaikan left out), the files closest to their SLA at a city
/// stage, PBG files waiting for payment, NIB by scale and risk, and investment realised against the year's target
/// (city-wide). One short-lived DbContext per call; the working calendar is the holiday table's.
/// </summary>
public sealed class LicensingQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    public const int WindowDays = 30;

    public const int Rows = 15;

    /// <summary>Upper bounds (inclusive, working days) of the age buckets; the last is open-ended.</summary>
    public static readonly IReadOnlyList<int> AgeBuckets = [5, 10, 20, 45, int.MaxValue];

    /// <summary>Open stages in the order a file moves through them.</summary>
    public static readonly IReadOnlyList<string> OpenStages = ["diajukan", "verifikasi", "perbaikan", "pertimbangan_teknis", "menunggu_bayar"];

    /// <summary>Files with at most this many working days left are listed as due soon (0: their last day).</summary>
    public const int DueSoonDays = 2;

    public async Task<LicensingView> GetAsync(string? scopeCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var scope = RegionScope.Resolve(scopeCode);
        var today = Wib.DateOf(now);
        var firstDay = today.AddDays(1 - WindowDays);
        var from = Wib.StartOf(firstDay);

        await using var db = await factory.CreateDbContextAsync(ct);
        var tiles = await KpiTileLoader.LoadAsync(db, scope.Code, LicensingIndicators.Source, now, ct);
        var calendar = await WorkingCalendars.LoadAsync(db, ct);
        var types = await db.Set<PermitType>().AsNoTracking()
            .Select(t => new LicensingKpis.PermitTypeFacts(t.Id, t.Channel, t.SlaDays, t.TechnicalAgencyCode, t.Retribution))
            .ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct);

        var applications = InScope(db.Set<PermitApplication>().AsNoTracking(), scope);
        var openStages = OpenStages.ToList();
        var open = await applications.Where(a => openStages.Contains(a.Status))
            .Select(a => new LicensingKpis.ApplicationFacts(a.Id, a.PermitType, a.Channel, a.KelurahanCode, a.KecamatanCode, a.Status, a.History,
                a.SubmittedAt, a.IssuedAt, a.RetributionAmount, a.PaidAt))
            .ToListAsync(ct);
        var issued = await applications.Where(a => a.Status == LicensingPayload.Issued && a.IssuedAt >= from)
            .Select(a => new { a.Channel, a.IssuedAt }).ToListAsync(ct);

        var days = Enumerable.Range(0, WindowDays).Select(firstDay.AddDays).ToList();
        var perDay = issued.GroupBy(a => (a.Channel, Day: Wib.DateOf(a.IssuedAt!.Value))).ToDictionary(g => g.Key, g => g.Count());
        var onTime = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorCode == Codes.OnTimePct && v.ScopeCode == scope.Code && v.Date >= firstDay && v.Date <= today)
            .ToDictionaryAsync(v => v.Date, v => v.Value, ct);

        // Each open file's clock once: its age for the backlog, what is left for the due list.
        var clocks = open.Select(a => (File: a, Clock: LicensingKpis.Clock(a, LicensingKpis.SlaOf(types, a.PermitType), calendar, now))).ToList();
        var backlog = OpenStages.Select(stage =>
        {
            var ages = new int[AgeBuckets.Count];
            foreach (var (_, clock) in clocks.Where(c => c.File.Status == stage))
            {
                ages[Bucket(clock.Elapsed)]++;
            }
            return new StageBacklog(stage, ages, ages.Sum());
        }).ToList();
        var cityStage = clocks.Where(c => LicensingPayload.CityStages.Contains(c.File.Status))
            .Select(c => new DueRow(c.File.Id, c.File.PermitType, c.File.Status, c.File.SubmittedAt, c.Clock.Elapsed, c.Clock.SlaDays,
                c.Clock.SlaDays - c.Clock.Elapsed))
            .ToList();
        var due = cityStage.Where(r => r.Remaining is >= 0 and <= DueSoonDays)
            .OrderBy(r => r.Remaining).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();

        var names = ReferenceData.Regions.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        var pbg = types.Values.Where(t => t.Retribution && t.Channel == "simbg").Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var unpaid = open.Where(a => a.Status == LicensingPayload.AwaitingPayment && pbg.Contains(a.PermitType))
            .Select(a =>
            {
                var since = clocks.First(c => c.File.Id == a.Id).Clock.History is { Count: > 0 } h ? h[^1].At : a.SubmittedAt;
                return new UnpaidRow(a.Id, a.KelurahanCode is { } k ? names.GetValueOrDefault(k, k) : "—", since, a.RetributionAmount,
                    Math.Max(0, today.DayNumber - Wib.DateOf(since).DayNumber));
            })
            .OrderBy(r => r.Since).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();

        var nib = await InScope(db.Set<BusinessId>().AsNoTracking(), scope).Where(b => b.IssuedAt >= from)
            .Select(b => new { b.Scale, b.RiskLevel }).ToListAsync(ct);
        var risks = LicensingPayload.RiskOrder.Concat(nib.Select(n => n.RiskLevel).Where(r => !LicensingPayload.RiskLevels.Contains(r)).Distinct().Order(StringComparer.Ordinal)).ToList();
        var scales = LicensingPayload.ScaleOrder.Concat(nib.Select(n => n.Scale).Where(s => !LicensingPayload.Scales.Contains(s)).Distinct().Order(StringComparer.Ordinal));
        var nibRows = scales.Select(s =>
        {
            var byRisk = risks.Select(r => nib.Count(n => n.Scale == s && n.RiskLevel == r)).ToList();
            return new NibRow(s, byRisk, byRisk.Sum());
        }).ToList();

        return new LicensingView
        {
            Scope = scope,
            Trail = RegionScope.Trail(scope),
            Tiles = tiles,
            Days = days,
            IssuedPerDayByChannel = [.. LicensingPayload.ChannelOrder.Select(c => (IReadOnlyList<double?>)[.. days.Select(d => (double?)perDay.GetValueOrDefault((c, d)))])],
            OnTimePerDay = [.. days.Select(d => onTime.GetValueOrDefault(d))],
            Backlog = backlog,
            DueSoon = [.. due.Take(Rows)],
            DueSoonTotal = due.Count,
            PastSlaAtCityStage = cityStage.Count(r => r.Remaining < 0),
            Unpaid = [.. unpaid.Take(Rows)],
            UnpaidTotal = unpaid.Count,
            UnpaidAmount = unpaid.Sum(u => u.Amount ?? 0),
            RiskLevels = risks,
            Nib = nibRows,
            Investment = await InvestmentAsync(db, today, ct),
            LastSuccessAt = tiles.Count > 0 ? tiles[0].LastSuccessAt : null,
            IsRunning = tiles.Count > 0 && tiles[0].IsRunning,
        };
    }

    private static int Bucket(int elapsed)
    {
        for (var i = 0; i < AgeBuckets.Count; i++)
        {
            if (elapsed <= AgeBuckets[i])
            {
                return i;
            }
        }
        return AgeBuckets.Count - 1;
    }

    /// <summary>The current year's quarters that have ended (the last year's until one has): realised PMDN and PMA, cumulative total, target and share.</summary>
    private static async Task<IReadOnlyList<InvestmentRow>> InvestmentAsync(ReportingDbContext db, DateOnly today, CancellationToken ct)
    {
        // Before the first quarter of the year has ended, the last year's quarters.
        var year = LicensingPayload.QuarterEnd(today.Year, 1) <= today ? today.Year : today.Year - 1;
        var reports = await db.Set<InvestmentReport>().AsNoTracking().Where(r => r.Year == year)
            .Select(r => new { r.Quarter, r.Kind, r.RealisedValue }).ToListAsync(ct);
        var targets = await db.Set<InvestmentTarget>().AsNoTracking().Where(t => t.Year == year).Select(t => t.Target).ToListAsync(ct);
        long? target = targets.Count == 0 ? null : targets.Sum();
        var rows = new List<InvestmentRow>();
        long cumulative = 0;
        for (var q = 1; q <= 4 && LicensingPayload.QuarterEnd(year, q) <= today; q++)
        {
            var pmdn = reports.Where(r => r.Quarter == q && r.Kind == "PMDN").Sum(r => r.RealisedValue);
            var pma = reports.Where(r => r.Quarter == q && r.Kind == "PMA").Sum(r => r.RealisedValue);
            cumulative += pmdn + pma;
            rows.Add(new InvestmentRow($"{year}-Q{q}", pmdn, pma, cumulative, target,
                target is > 0 ? Math.Round(cumulative * 100.0 / target.Value, 1) : null));
        }
        return rows;
    }

    private static IQueryable<PermitApplication> InScope(IQueryable<PermitApplication> rows, Region scope) => scope.Level switch
    {
        RegionLevel.Kecamatan => rows.Where(a => a.KecamatanCode == scope.Code),
        RegionLevel.Kelurahan => rows.Where(a => a.KelurahanCode == scope.Code),
        _ => rows,
    };

    private static IQueryable<BusinessId> InScope(IQueryable<BusinessId> rows, Region scope) => scope.Level switch
    {
        RegionLevel.Kecamatan => rows.Where(a => a.KecamatanCode == scope.Code),
        RegionLevel.Kelurahan => rows.Where(a => a.KelurahanCode == scope.Code),
        _ => rows,
    };
}
