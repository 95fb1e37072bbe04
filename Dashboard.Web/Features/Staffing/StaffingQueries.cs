using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Codes;

namespace Dashboard.Web.Features.Staffing;

/// <summary>One OPD's attendance on the attendance day.</summary>
/// <param name="Headcount">Staff in service on that day.</param>
/// <param name="PresentPct">Present (on time, late or on duty travel) of headcount, or null without headcount.</param>
public sealed record AttendanceRow(
    string Code, string Name, int Headcount, int Present, int Late, int Unexcused, int AwayOrLeave, int Sick, double? PresentPct);

/// <summary>One OPD's structural posts: expected (an approximation of the SOTK), filled, vacant.</summary>
public sealed record PostsRow(string Code, string Name, int Expected, int Filled, int Vacant);

/// <summary>A label and a count.</summary>
public sealed record LabelCount(string Label, int Count);

/// <summary>Everything the staffing page shows for the city or one OPD.</summary>
public sealed record StaffingView : Dashboard.Web.Shared.Live.IDomainView
{
    /// <summary>The selected OPD code, or the kota code.</summary>
    public required string Scope { get; init; }
    public required IReadOnlyList<KpiTileModel> Tiles { get; init; }

    /// <summary>Today when it is a working day, else the last working day before it.</summary>
    public required DateOnly AttendanceDay { get; init; }
    public required bool AttendanceIsToday { get; init; }
    public required IReadOnlyList<AttendanceRow> Attendance { get; init; }

    /// <summary>Check-ins per 15 minutes from 06:00 to 09:00 WIB in scope (the last bucket holds later ones).</summary>
    public required IReadOnlyList<LabelCount> Arrivals { get; init; }

    /// <summary>Rank groups (PNS golongan, then PPPK) with PNS and PPPK staff in service today, in scope.</summary>
    public required IReadOnlyList<string> RankGroups { get; init; }
    public required IReadOnlyList<int> Pns { get; init; }
    public required IReadOnlyList<int> Pppk { get; init; }

    /// <summary>The quarter whose evaluations the ratings show (the latest past its deadline).</summary>
    public required string RatingsPeriod { get; init; }
    public required IReadOnlyList<LabelCount> Ratings { get; init; }

    /// <summary>Retirements per month over the next 12 months (yyyy-MM), in scope.</summary>
    public required IReadOnlyList<LabelCount> Retirements { get; init; }
    public required IReadOnlyList<PostsRow> Posts { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public bool IsRunning { get; init; }
}

/// <summary>
/// Read side of the staffing page. Tiles are the indicators ingest computed; the breakdowns (attendance by OPD,
/// arrivals, ranks, ratings, retirements, posts) are grouped here from the stored rows, which hold no personal
/// data. One short-lived DbContext per call, read-only projections.
/// </summary>
public sealed class StaffingQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    /// <summary>The OPD for a <c>?opd=</c> code, or the kota.</summary>
    public static string ResolveScope(string? code) => ReferenceData.IsAgency(code) ? code! : ReferenceData.KotaCode;

    public async Task<StaffingView> GetAsync(string? scopeCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = Wib.DateOf(now);
        var scope = ResolveScope(scopeCode);
        var all = scope == ReferenceData.KotaCode;

        await using var db = await factory.CreateDbContextAsync(ct);
        var tiles = await KpiTileLoader.LoadAsync(db, scope, StaffingIndicators.Source, now, ct);
        if (!all)
        {
            // Staff per 1,000 residents is a city figure only.
            tiles = [.. tiles.Where(t => t.Code != Codes.PerThousandResidents)];
        }
        var names = ReferenceData.Agencies.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);

        var employees = await db.Set<StaffingEmployee>().AsNoTracking()
            .Select(e => new { e.Id, e.AgencyCode, e.AsnType, e.RankGroup, e.PositionType, e.Status, e.RetirementMonth, e.UpdatedAt })
            .ToListAsync(ct);
        var agencyOf = employees.ToDictionary(e => e.Id, e => e.AgencyCode, StringComparer.Ordinal);
        var inService = employees.Where(e => StaffingPayload.InService(e.Status, e.RetirementMonth, e.UpdatedAt, today)).ToList();
        var scoped = inService.Where(e => all || e.AgencyCode == scope).ToList();

        // The latest day with attendance up to today: just after midnight (or before the first check-in) that is the last
        // working day, labelled as such, rather than an empty table for a day that has not begun.
        var attendanceDay = await db.Set<StaffingAttendance>().AsNoTracking()
            .Where(a => a.Date <= today)
            .MaxAsync(a => (DateOnly?)a.Date, ct) ?? StaffingPayload.AttendanceDay(today);
        var day = await db.Set<StaffingAttendance>().AsNoTracking()
            .Where(a => a.Date == attendanceDay)
            .Select(a => new { a.NipKey, a.Status, a.CheckInAt })
            .ToListAsync(ct);
        var headcountOnDay = employees.Where(e => StaffingPayload.InService(e.Status, e.RetirementMonth, e.UpdatedAt, attendanceDay))
            .GroupBy(e => e.AgencyCode).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var attendance = day
            .GroupBy(a => agencyOf.GetValueOrDefault(a.NipKey) ?? "")
            .Where(g => names.ContainsKey(g.Key))
            .Select(g =>
            {
                var headcount = headcountOnDay.GetValueOrDefault(g.Key);
                var present = g.Count(a => StaffingPayload.Present.Contains(a.Status));
                return new AttendanceRow(g.Key, names[g.Key], headcount, present,
                    g.Count(a => a.Status == "terlambat"), g.Count(a => a.Status == "tanpa_keterangan"),
                    g.Count(a => a.Status is "dinas_luar" or "cuti"), g.Count(a => a.Status == "sakit"),
                    headcount == 0 ? null : Math.Round(present * 100.0 / headcount, 1));
            })
            .OrderBy(r => r.PresentPct ?? double.MaxValue).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();

        var arrivals = Enumerable.Range(0, 12).Select(i => new LabelCount($"{6 + (i / 4):00}.{i % 4 * 15:00}", 0)).ToArray();
        foreach (var a in day.Where(a => a.CheckInAt is not null && (all || agencyOf.GetValueOrDefault(a.NipKey) == scope)))
        {
            var local = Wib.ToWib(a.CheckInAt!.Value);
            var bucket = Math.Clamp((int)((local.TimeOfDay.TotalMinutes - 360) / 15), 0, arrivals.Length - 1);
            arrivals[bucket] = arrivals[bucket] with { Count = arrivals[bucket].Count + 1 };
        }

        var order = StaffingPayload.PnsRankGroups.Concat(StaffingPayload.PppkRankGroups).Select((g, i) => (g, i))
            .ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        var ranks = scoped.Select(e => e.RankGroup).Distinct()
            .OrderBy(g => order.GetValueOrDefault(g, int.MaxValue)).ThenBy(g => g, StringComparer.Ordinal).ToList();

        var quarter = EvaluationPeriod.LatestDueQuarter(today);
        var period = quarter.ToString();
        var ratingRows = await db.Set<StaffingEvaluation>().AsNoTracking()
            .Where(e => e.Period == period)
            .Select(e => new { e.NipKey, e.Rating })
            .ToListAsync(ct);
        var ratings = StaffingPayload.Ratings.Order(RatingOrder.Instance)
            .Select(r => new LabelCount(r, ratingRows.Count(x => x.Rating == r && (all || agencyOf.GetValueOrDefault(x.NipKey) == scope))))
            .ToList();

        var firstMonth = new DateOnly(today.Year, today.Month, 1);
        var retirements = Enumerable.Range(0, 13).Select(firstMonth.AddMonths)
            .Where(m => m > today && m <= today.AddMonths(12))
            .Select(m => new LabelCount(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                scoped.Count(e => e.Status != "berhenti" && e.RetirementMonth == m)))
            .ToList();

        var filled = inService.Where(e => e.PositionType == "struktural")
            .GroupBy(e => e.AgencyCode).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var posts = ReferenceData.Agencies
            .Where(a => all || a.Code == scope)
            .Select(a =>
            {
                var expected = StaffingPosts.For(a.Code);
                var f = filled.GetValueOrDefault(a.Code);
                return new PostsRow(a.Code, a.Name, expected, f, Math.Max(0, expected - f));
            })
            .OrderByDescending(r => r.Vacant).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();

        return new StaffingView
        {
            Scope = scope,
            Tiles = tiles,
            AttendanceDay = attendanceDay,
            AttendanceIsToday = attendanceDay == today,
            Attendance = attendance,
            Arrivals = arrivals,
            RankGroups = ranks,
            Pns = [.. ranks.Select(g => scoped.Count(e => e.RankGroup == g && e.AsnType == "PNS"))],
            Pppk = [.. ranks.Select(g => scoped.Count(e => e.RankGroup == g && e.AsnType == "PPPK"))],
            RatingsPeriod = period,
            Ratings = ratings,
            Retirements = retirements,
            Posts = posts,
            LastSuccessAt = tiles.Count > 0 ? tiles[0].LastSuccessAt : null,
            IsRunning = tiles.Count > 0 && tiles[0].IsRunning,
        };
    }

    private sealed class RatingOrder : IComparer<string>
    {
        public static readonly RatingOrder Instance = new();

        private static readonly string[] Order = ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"];

        public int Compare(string? x, string? y) => Array.IndexOf(Order, x).CompareTo(Array.IndexOf(Order, y));
    }
}
