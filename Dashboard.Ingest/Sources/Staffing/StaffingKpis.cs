using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Codes;

namespace Dashboard.Ingest.Sources.Staffing;

/// <summary>
/// Staffing indicators #11–#20 (docs/DOMAIN.md §10) per day for the kota and each OPD (employees have no kelurahan).
/// Attendance and evaluations reach an OPD through the employee they belong to (the pseudonymised NIP). A day's
/// attendance figures only read that day's rows, so only rows from the recomputed range are loaded.
/// </summary>
public sealed class StaffingKpis : ISourceKpis
{
    public IReadOnlyList<string> IndicatorCodes { get; } =
    [
        Codes.Headcount, Codes.AttendancePct, Codes.LatePct, Codes.Unexcused, Codes.AwayOrLeave, Codes.GoodRatingPct,
        Codes.SkpOnTimePct, Codes.Retiring12Months, Codes.VacantPosts, Codes.PerThousandResidents,
    ];

    public async Task RecomputeAsync(ReportingDbContext db, DateOnly from, DateOnly today, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The series starts with the first attendance day or evaluation. The first (indexed) is enough when the range starts
        // after it; only a range starting before it (a first load) needs the first evaluation, whose time has no index.
        var firstAttendance = await db.Set<StaffingAttendance>().Select(a => (DateOnly?)a.Date).MinAsync(ct);
        var first = today;
        if (firstAttendance is { } fa && fa < first)
        {
            first = fa;
        }
        if (from < first)
        {
            var firstSubmission = await db.Set<StaffingEvaluation>().Select(e => (DateTimeOffset?)e.SubmittedAt).MinAsync(ct);
            if (firstSubmission is { } fs && Wib.DateOf(fs) < first)
            {
                first = Wib.DateOf(fs);
            }
        }
        from = from < first ? first : from > today ? today : from;

        var employees = await db.Set<StaffingEmployee>().AsNoTracking()
            .Select(e => new EmployeeFacts(e.Id, e.AgencyCode, e.PositionType, e.Status, e.RetirementMonth, e.UpdatedAt))
            .ToListAsync(ct);
        // Non-working days repeat the last working day before them, and so does today before its first check-in.
        var attendanceFrom = StaffingPayload.AttendanceDay(StaffingPayload.AttendanceDay(from).AddDays(-1));
        var attendance = await db.Set<StaffingAttendance>().AsNoTracking()
            .Where(a => a.Date >= attendanceFrom && a.Date <= today)
            .Select(a => new AttendanceFacts(a.NipKey, a.Date, a.Status))
            .ToListAsync(ct);
        // Only the quarters the range reports on ("2026-Q3" sorts by quarter as text): an incremental run reads what it recomputes.
        var firstQuarter = EvaluationPeriod.LatestDueQuarter(from).ToString();
        var evaluations = await db.Set<StaffingEvaluation>().AsNoTracking()
            .Where(e => e.Period.Contains("-Q") && string.Compare(e.Period, firstQuarter) >= 0)
            .Select(e => new EvaluationFacts(e.NipKey, e.Period, e.Rating, e.SubmittedAt))
            .ToListAsync(ct);

        var values = Compute(employees, attendance, evaluations, from, today);
        await IndicatorWriter.ReplaceAsync(db, [.. IndicatorCodes], from, today, values, runId, now, ct);
    }

    public sealed record EmployeeFacts(string NipKey, string AgencyCode, string PositionType, string Status, DateOnly RetirementMonth, DateTimeOffset UpdatedAt);

    public sealed record AttendanceFacts(string NipKey, DateOnly Date, string Status);

    public sealed record EvaluationFacts(string NipKey, string Period, string Rating, DateTimeOffset SubmittedAt);

    private const int Hadir = 0, Terlambat = 1, DinasLuar = 2, Cuti = 3, Sakit = 4, TanpaKeterangan = 5, OtherStatus = 6, Rows = 7;

    public static List<ComputedValue> Compute(
        IReadOnlyList<EmployeeFacts> employees, IReadOnlyList<AttendanceFacts> attendance, IReadOnlyList<EvaluationFacts> evaluations,
        DateOnly from, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(employees);
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentNullException.ThrowIfNull(evaluations);

        // Scope 0 is the kota, 1..n the agencies of the reference data.
        var agencies = ReferenceData.Agencies.Select(a => a.Code).ToArray();
        var scopeOfAgency = agencies.Select((code, i) => (code, i + 1)).ToDictionary(x => x.code, x => x.Item2, StringComparer.Ordinal);
        var scopes = agencies.Length + 1;
        int ScopeOf(string agency) => scopeOfAgency.GetValueOrDefault(agency, -1);

        var staff = employees.Select(e => new Staff(
            ScopeOf(e.AgencyCode),
            e.PositionType == "struktural",
            StaffingPayload.ServiceEnd(e.Status, e.RetirementMonth, e.UpdatedAt) is { } end ? end.DayNumber : int.MaxValue,
            e.RetirementMonth.DayNumber)).ToArray();
        var agencyOfNip = new Dictionary<string, int>(StringComparer.Ordinal);
        var staffOfNip = new Dictionary<string, Staff>(StringComparer.Ordinal);
        foreach (var (e, s) in employees.Zip(staff))
        {
            agencyOfNip[e.NipKey] = s.Scope;
            staffOfNip[e.NipKey] = s;
        }

        // Attendance counts per day, scope and status.
        var byDay = new Dictionary<DateOnly, int[,]>();
        foreach (var a in attendance)
        {
            if (!byDay.TryGetValue(a.Date, out var counts))
            {
                byDay[a.Date] = counts = new int[scopes, Rows + 1];
            }
            var status = a.Status switch
            {
                "hadir" => Hadir,
                "terlambat" => Terlambat,
                "dinas_luar" => DinasLuar,
                "cuti" => Cuti,
                "sakit" => Sakit,
                "tanpa_keterangan" => TanpaKeterangan,
                _ => OtherStatus,
            };
            counts[0, status]++;
            counts[0, Rows]++;
            if (agencyOfNip.TryGetValue(a.NipKey, out var scope) && scope > 0)
            {
                counts[scope, status]++;
                counts[scope, Rows]++;
            }
        }

        // Quarterly evaluations per period.
        var byPeriod = new Dictionary<EvaluationPeriod, List<Evaluation>>();
        foreach (var e in evaluations)
        {
            if (!EvaluationPeriod.TryParse(e.Period, out var period) || period.IsAnnual)
            {
                continue;
            }
            if (!byPeriod.TryGetValue(period, out var list))
            {
                byPeriod[period] = list = [];
            }
            staffOfNip.TryGetValue(e.NipKey, out var s);
            list.Add(new Evaluation(s, Wib.DateOf(e.SubmittedAt).DayNumber, StaffingPayload.GoodRatings.Contains(e.Rating)));
        }

        var population = ReferenceData.Regions.First(r => r.Level == RegionLevel.Kota).Population;
        var values = new List<ComputedValue>((today.DayNumber - from.DayNumber + 1) * scopes * 10);
        var headcount = new int[scopes];
        var structural = new int[scopes];
        var retiring = new int[scopes];
        var good = new int[scopes];
        var rated = new int[scopes];
        var onTime = new int[scopes];
        var expected = new int[scopes];
        for (var date = from; date <= today; date = date.AddDays(1))
        {
            var day = date.DayNumber;
            var horizon = date.AddMonths(12).DayNumber;
            Headcount(staff, day, headcount, structural);
            Array.Clear(retiring);
            foreach (var s in staff)
            {
                if (day < s.ServiceEndDay && s.RetirementDay > day && s.RetirementDay <= horizon)
                {
                    Add(retiring, s.Scope);
                }
            }

            var attendanceDay = StaffingPayload.AttendanceDay(date);
            if (date == today && !byDay.ContainsKey(attendanceDay))
            {
                // Before the day's first check-in (or on a weekend morning) today shows the last working day with figures.
                attendanceDay = StaffingPayload.AttendanceDay(attendanceDay.AddDays(-1));
            }
            var attendanceHeadcount = attendanceDay == date ? headcount : Headcount(staff, attendanceDay.DayNumber, new int[scopes], new int[scopes]);
            byDay.TryGetValue(attendanceDay, out var counts);

            var quarter = EvaluationPeriod.LatestDueQuarter(date);
            Array.Clear(good);
            Array.Clear(rated);
            Array.Clear(onTime);
            var quarterEnd = quarter.End.DayNumber;
            var deadline = quarter.DeadlineDay.DayNumber;
            Headcount(staff, quarterEnd, expected, new int[scopes]);
            if (byPeriod.TryGetValue(quarter, out var submitted))
            {
                foreach (var e in submitted)
                {
                    if (e.SubmittedDay > day)
                    {
                        continue;
                    }
                    var scope = e.Staff?.Scope ?? -1;
                    Add(rated, scope);
                    if (e.Good)
                    {
                        Add(good, scope);
                    }
                    if (e.SubmittedDay <= deadline && e.Staff is { } s && quarterEnd < s.ServiceEndDay)
                    {
                        Add(onTime, scope);
                    }
                }
            }

            for (var scope = 0; scope < scopes; scope++)
            {
                var kind = scope == 0 ? ScopeKind.Kota : ScopeKind.Opd;
                var code = scope == 0 ? ReferenceData.KotaCode : agencies[scope - 1];
                void Put(string indicator, double? value, DateOnly? asOf = null) => values.Add(new ComputedValue(indicator, kind, code, date, value, null, asOf));

                Put(Codes.Headcount, headcount[scope]);
                var hasAttendance = counts is not null && counts[scope, Rows] > 0;
                if (hasAttendance)
                {
                    var present = counts![scope, Hadir] + counts[scope, Terlambat] + counts[scope, DinasLuar];
                    DateOnly? of = attendanceDay == date ? null : attendanceDay;
                    Put(Codes.AttendancePct, Percent(present, attendanceHeadcount[scope]), of);
                    Put(Codes.LatePct, Percent(counts[scope, Terlambat], counts[scope, Hadir] + counts[scope, Terlambat]), of);
                    Put(Codes.Unexcused, counts[scope, TanpaKeterangan], of);
                    Put(Codes.AwayOrLeave, counts[scope, DinasLuar] + counts[scope, Cuti], of);
                }
                else
                {
                    Put(Codes.AttendancePct, null);
                    Put(Codes.LatePct, null);
                    Put(Codes.Unexcused, null);
                    Put(Codes.AwayOrLeave, null);
                }
                Put(Codes.GoodRatingPct, Percent(good[scope], rated[scope]));
                Put(Codes.SkpOnTimePct, Percent(onTime[scope], expected[scope]));
                Put(Codes.Retiring12Months, retiring[scope]);
                if (scope == 0)
                {
                    var vacant = 0;
                    for (var a = 1; a < scopes; a++)
                    {
                        vacant += Math.Max(0, StaffingPosts.For(agencies[a - 1]) - structural[a]);
                    }
                    Put(Codes.VacantPosts, vacant);
                    Put(Codes.PerThousandResidents, population > 0 ? Math.Round(headcount[0] * 1000.0 / population, 2) : null);
                }
                else
                {
                    Put(Codes.VacantPosts, Math.Max(0, StaffingPosts.For(code) - structural[scope]));
                }
            }
        }
        return values;
    }

    /// <summary>Staff in service at the end of <paramref name="day"/> per scope, and how many of them hold a structural post.</summary>
    private static int[] Headcount(Staff[] staff, int day, int[] headcount, int[] structural)
    {
        Array.Clear(headcount);
        Array.Clear(structural);
        foreach (var s in staff)
        {
            if (day < s.ServiceEndDay)
            {
                Add(headcount, s.Scope);
                if (s.Structural)
                {
                    Add(structural, s.Scope);
                }
            }
        }
        return headcount;
    }

    private static void Add(int[] counts, int scope)
    {
        counts[0]++;
        if (scope > 0)
        {
            counts[scope]++;
        }
    }

    private static double? Percent(int numerator, int denominator) =>
        denominator == 0 ? null : Math.Round(numerator * 100.0 / denominator, 1);

    private sealed record Staff(int Scope, bool Structural, int ServiceEndDay, int RetirementDay);

    private sealed record Evaluation(Staff? Staff, int SubmittedDay, bool Good);
}
