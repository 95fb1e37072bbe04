using System.Globalization;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using static Dashboard.Simulators.Staffing.StaffingSimulatorData;

namespace Dashboard.Simulators.Staffing;

/// <summary>
/// Simulates SIMPEG, presensi and e-Kinerja (docs/SOURCES.md §2): serves <c>GET {BasePath}/v1/employees</c>,
/// <c>/v1/attendance</c> and <c>/v1/performance</c> and the control endpoints. The register holds
/// <see cref="StaffingSimulatorOptions.Headcount"/> employees at the start of <see cref="SimulatorOptions.HistoryDays"/>;
/// as time passes they retire at their retirement month, a few stop, every working day each checks in between
/// 06:30 and 07:30 WIB with a log-normal tail (after 07:30 is terlambat) or is on leave, sick, on duty travel or
/// absent (marked at 16:00, some corrected later), and after each quarter they submit evaluations whose ratings
/// follow the organisation curve. Attendance is kept for <see cref="StaffingSimulatorOptions.AttendanceWorkingDays"/>
/// working days before today. The history is built on first use, as of construction time, so a host that never
/// reads this source does not pay for it; the same seed and start time always give the same data.
/// </summary>
internal sealed class StaffingSimulator : ScheduledSimulator<SimEvent>
{
    public const string EmployeesPath = "/v1/employees";
    public const string AttendancePath = "/v1/attendance";
    public const string PerformancePath = "/v1/performance";

    private readonly StaffingSimulatorOptions _staffing;
    private readonly DateTimeOffset _anchor;
    private readonly SimulatorStore<EmployeeVersion> _employeeStore;
    private readonly SimulatorStore<AttendanceVersion> _attendanceStore;
    private readonly SimulatorStore<EvaluationVersion> _evaluationStore;
    private readonly SimulatorFeed<EmployeeVersion> _employeeFeed;
    private readonly SimulatorFeed<AttendanceVersion> _attendanceFeed;
    private readonly SimulatorFeed<EvaluationVersion> _evaluationFeed;
    private readonly List<SimEmployee> _employees = [];
    private readonly Dictionary<string, SimEmployee> _byNip = new(StringComparer.Ordinal);
    private readonly SimulatorRandom _hires;
    private readonly double[] _ratingShift;
    private List<SimulatorRecord<EmployeeVersion>>? _bulkEmployees;
    private Dictionary<string, SimulatorRecord<AttendanceVersion>>? _bulkAttendance;
    private List<SimulatorRecord<EvaluationVersion>>? _bulkEvaluations;

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public StaffingSimulator(TimeProvider time, SimulatorOptions options, StaffingSimulatorOptions staffing, string apiKey)
        : base(time, options, apiKey, StaffingIndicators.Source, StaffingExtensions.SimulatorBasePath, -21)
    {
        ArgumentNullException.ThrowIfNull(staffing);
        _staffing = staffing;
        _anchor = time.GetUtcNow();
        _hires = SimulatorRandom.For(options.Seed, -22);
        var shifts = SimulatorRandom.For(options.Seed, -23);
        _ratingShift = [.. AgencyCodes.Select(_ => shifts.Uniform(-4, 4))];
        _employeeStore = Serve(StaffingPayload.Employees, new SimulatorStore<EmployeeVersion>(Faults));
        _attendanceStore = Serve(StaffingPayload.Attendance, new SimulatorStore<AttendanceVersion>(Faults));
        _evaluationStore = Serve(StaffingPayload.Performance, new SimulatorStore<EvaluationVersion>(Faults));
        _employeeFeed = new SimulatorFeed<EmployeeVersion>(_employeeStore, Faults, time, apiKey,
            (w, v) => WriteEmployee(w, v, options), UnknownEmployeeValues, Refresh);
        _attendanceFeed = new SimulatorFeed<AttendanceVersion>(_attendanceStore, Faults, time, apiKey,
            WriteAttendance, UnknownAttendanceValues, Refresh);
        _evaluationFeed = new SimulatorFeed<EvaluationVersion>(_evaluationStore, Faults, time, apiKey,
            WriteEvaluation, UnknownPerformanceValues, Refresh);
    }

    /// <summary>Source ids (NIPs for employees) of a resource's live records (a copy).</summary>
    public IReadOnlyCollection<string> LiveIds(string resource) => RecordIds(resource, deleted: false);

    /// <summary>Source ids of a resource's tombstones (a copy).</summary>
    public IReadOnlyCollection<string> TombstoneIds(string resource) => RecordIds(resource, deleted: true);

    /// <summary>Serves a record again as of now, unchanged (a source re-sending a corrected item).</summary>
    /// <returns>False for an unknown resource or id, or a tombstone.</returns>
    public bool Touch(string resource, string id) => TouchRecord(resource, id);

    /// <summary>Withdraws a record now: from then on it is served as a tombstone.</summary>
    public bool Withdraw(string resource, string id) => WithdrawRecord(resource, id);

    protected override void MapResources(IEndpointRouteBuilder routes)
    {
        routes.MapGet(BasePath + EmployeesPath, _employeeFeed.HandleAsync);
        routes.MapGet(BasePath + AttendancePath, _attendanceFeed.HandleAsync);
        routes.MapGet(BasePath + PerformancePath, _evaluationFeed.HandleAsync);
    }

    /// <summary>Appoints <paramref name="count"/> new employees (PPPK) now and returns their NIPs.</summary>
    public override IReadOnlyList<string> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Gate)
        {
            Refresh();
            var now = Time.GetUtcNow();
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var e = Hire(now);
                Put(e, now.UtcTicks);
                ids.Add(e.Nip);
            }
            return ids;
        }
    }

    // ---- History ---------------------------------------------------------------------------------------------

    protected override void BuildHistory()
    {
        var start = _anchor - TimeSpan.FromDays(Options.HistoryDays);
        var startDay = DateOf(start);
        var today = DateOf(_anchor);

        _bulkEmployees = [];
        _bulkAttendance = new Dictionary<string, SimulatorRecord<AttendanceVersion>>(StringComparer.Ordinal);
        _bulkEvaluations = [];
        CreateRegister(start);

        // Attendance: the configured working days before today, not before the history starts; today arrives live.
        var firstDay = today;
        for (var n = 0; n < _staffing.AttendanceWorkingDays;)
        {
            var previous = firstDay.AddDays(-1);
            if (previous < startDay)
            {
                break;
            }
            firstDay = previous;
            if (WorkingCalendar.WeekendsOnly.IsWorkingDay(firstDay))
            {
                n++;
            }
        }
        while (!WorkingCalendar.WeekendsOnly.IsWorkingDay(firstDay))
        {
            firstDay = firstDay.AddDays(1);
        }
        Enqueue(SimEvent.DayOpen(firstDay.DayNumber), At(firstDay, 5));

        // Evaluations: every quarter ending up to 100 days before the history, so that the first days have figures.
        var quarter = EvaluationPeriod.QuarterOf(startDay.AddDays(-100));
        Enqueue(SimEvent.PeriodClose(quarter.Year * 10 + quarter.Quarter), LocalMidnight(quarter.End.AddDays(1).DayNumber));

        Run(_anchor.UtcTicks);

        _employeeStore.Load(_bulkEmployees);
        _attendanceStore.Load(_bulkAttendance.Values);
        _evaluationStore.Load(_bulkEvaluations);
        _bulkEmployees = null;
        _bulkAttendance = null;
        _bulkEvaluations = null;
        StartDemo(_anchor);
    }

    private void CreateRegister(DateTimeOffset start)
    {
        var startDay = DateOf(start);
        var r = SimulatorRandom.For(Options.Seed, -20);
        // Structural posts first (most filled), then the rest of the register by agency weight.
        for (byte a = 0; a < AgencyCodes.Length; a++)
        {
            var posts = StaffingPosts.For(AgencyCodes[a]);
            for (var p = 0; p < posts; p++)
            {
                if (r.Chance(PostFilledShare))
                {
                    AddInitial(NewEmployee(a, 0, false, p == 0, startDay, long.MinValue), start);
                }
            }
        }
        while (_employees.Count < _staffing.Headcount)
        {
            var a = Agencies.Pick(r);
            var code = AgencyCodes[a];
            var position = r.Chance(FungsionalShare(code)) ? (byte)1 : (byte)2;
            AddInitial(NewEmployee(a, position, r.Chance(PppkShare(code)), false, startDay, long.MinValue), start);
        }
    }

    private void AddInitial(SimEmployee e, DateTimeOffset start)
    {
        var r = SimulatorRandom.For(Options.Seed, 3_000_000_000L + e.Index);
        e.Status = r.Chance(0.015) ? (byte)1 : (byte)0;
        var updated = Seconds(start - TimeSpan.FromDays(r.Uniform(1, 720)));
        Put(e, updated);
        Enqueue(SimEvent.ForEmployee(SimEventKind.Retire, e.Index), At(e.Retirement, 8).UtcTicks);
        if (r.Chance(0.004))
        {
            Enqueue(SimEvent.ForEmployee(SimEventKind.Stop, e.Index), Seconds(start + TimeSpan.FromDays(r.Uniform(0, 365))));
        }
    }

    private SimEmployee NewEmployee(byte agency, byte position, bool pppk, bool head, DateOnly asOf, long hiredTicks)
    {
        var index = _employees.Count;
        var r = SimulatorRandom.For(Options.Seed, 4_000_000_000L + index);
        var bup = position == 1 || head ? 60 : 58;
        var minAge = position == 0 ? 35 : hiredTicks == long.MinValue ? 22 : 24;
        var maxAge = hiredTicks == long.MinValue ? bup : 40;
        var birth = asOf.AddDays(-(int)(r.Uniform(minAge, maxAge) * 365.25));
        if (birth.AddYears(bup) <= asOf)
        {
            birth = asOf.AddYears(-bup).AddDays(1 + r.Next(60));
        }
        var reached = birth.AddYears(bup);
        var retirement = new DateOnly(reached.Year, reached.Month, 1).AddMonths(1);
        var female = r.Chance(0.55);
        var appointed = pppk
            ? new DateOnly(2021 + r.Next(5), 1 + r.Next(12), 1)
            : birth.AddYears(22 + r.Next(10));
        if (appointed > asOf)
        {
            appointed = asOf;
        }
        var nip = UniqueNip(birth, appointed, female, r);
        var kecamatan = 1 + r.Next(5);
        var nik = string.Create(CultureInfo.InvariantCulture,
            $"35730{kecamatan}{birth.Day + (female ? 40 : 0):D2}{birth.Month:D2}{birth.Year % 100:D2}{1 + r.Next(9998):D4}");
        var e = new SimEmployee
        {
            Index = index,
            Nip = nip,
            Nik = nik,
            FirstName = (short)r.Next(FirstNames.Length),
            LastName = r.Chance(0.2) ? (short)-1 : (short)r.Next(LastNames.Length),
            BirthDate = birth,
            Agency = agency,
            Pppk = pppk,
            Rank = RankFor(position, pppk, head, r),
            Position = position,
            Retirement = retirement,
            HiredTicks = hiredTicks,
        };
        _employees.Add(e);
        _byNip.Add(nip, e);
        return e;
    }

    private string UniqueNip(DateOnly birth, DateOnly appointed, bool female, SimulatorRandom r)
    {
        var sequence = 1 + r.Next(30);
        while (true)
        {
            var nip = string.Create(CultureInfo.InvariantCulture,
                $"{birth:yyyyMMdd}{appointed:yyyyMM}{(female ? 2 : 1)}{sequence:D3}");
            if (!_byNip.ContainsKey(nip))
            {
                return nip;
            }
            sequence = sequence % 999 + 1;
        }
    }

    private static readonly WeightedChoice<string> PnsFungsional =
        new([("III/a", 15), ("III/b", 18), ("III/c", 18), ("III/d", 15), ("IV/a", 25), ("IV/b", 9)]);
    private static readonly WeightedChoice<string> PnsPelaksana =
        new([("II/a", 8), ("II/b", 10), ("II/c", 12), ("II/d", 10), ("III/a", 25), ("III/b", 20), ("III/c", 15)]);
    private static readonly WeightedChoice<string> PnsStruktural = new([("III/c", 15), ("III/d", 30), ("IV/a", 35), ("IV/b", 20)]);
    private static readonly WeightedChoice<string> PnsHead = new([("IV/b", 40), ("IV/c", 50), ("IV/d", 10)]);
    private static readonly WeightedChoice<string> PppkFungsional = new([("IX", 70), ("VII", 15), ("X", 10), ("XI", 5)]);
    private static readonly WeightedChoice<string> PppkPelaksana = new([("V", 40), ("VII", 35), ("IX", 15), ("III", 10)]);

    private static string RankFor(byte position, bool pppk, bool head, SimulatorRandom r) => (position, pppk) switch
    {
        (0, _) => (head ? PnsHead : PnsStruktural).Pick(r),
        (1, false) => PnsFungsional.Pick(r),
        (1, true) => PppkFungsional.Pick(r),
        (_, false) => PnsPelaksana.Pick(r),
        _ => PppkPelaksana.Pick(r),
    };

    private SimEmployee Hire(DateTimeOffset now)
    {
        var agency = Agencies.Pick(_hires);
        var position = _hires.Chance(FungsionalShare(AgencyCodes[agency])) ? (byte)1 : (byte)2;
        var e = NewEmployee(agency, position, pppk: true, head: false, DateOf(now), now.UtcTicks);
        Enqueue(SimEvent.ForEmployee(SimEventKind.Retire, e.Index), At(e.Retirement, 8).UtcTicks);
        return e;
    }

    // ---- Time ------------------------------------------------------------------------------------------------

    protected override void Apply(SimEvent e, long ticks)
    {
        switch (e.Kind)
        {
            case SimEventKind.DayOpen:
                OpenDay(e.Day);
                break;
            case SimEventKind.AttendancePut:
                PutAttendance(new AttendanceVersion(_employees[e.Employee], e.Day, e.Status, e.CheckIn, false), ticks);
                break;
            case SimEventKind.DuplicatePut:
                PutAttendance(new AttendanceVersion(_employees[e.Employee], e.Day, e.Status, e.CheckIn, true), ticks);
                break;
            case SimEventKind.DuplicateWithdraw:
                WithdrawAttendance(new AttendanceVersion(_employees[e.Employee], e.Day, e.Status, e.CheckIn, true), ticks);
                break;
            case SimEventKind.PeriodClose:
                ClosePeriod(e.Period);
                break;
            case SimEventKind.EvaluationPut:
                PutEvaluation(new EvaluationVersion(_employees[e.Employee], e.Period, e.Status, ticks), ticks);
                break;
            case SimEventKind.Retire:
            case SimEventKind.Stop:
                var employee = _employees[e.Employee];
                if (employee.InService)
                {
                    employee.Status = e.Kind == SimEventKind.Retire ? (byte)2 : (byte)3;
                    Put(employee, ticks);
                }
                break;
            default:
                break;
        }
    }

    /// <summary>A working day's attendance plan for everyone in service, queued by the time each item is recorded.</summary>
    private void OpenDay(int dayNumber)
    {
        var day = DateOnly.FromDayNumber(dayNumber);
        var nextDay = WorkingDayAfter(day, 1);
        Enqueue(SimEvent.DayOpen(nextDay.DayNumber), At(nextDay, 5));
        var midnight = LocalMidnight(dayNumber).UtcTicks;
        foreach (var e in _employees)
        {
            if (!e.InService || e.Retirement <= day || e.HiredTicks >= midnight)
            {
                continue;
            }
            var r = SimulatorRandom.For(Options.Seed, 5_000_000_000_000L + ((long)dayNumber * 100_000) + e.Index);
            var u = r.NextDouble();
            var travel = e.Position == 1 ? 0.02 : 0.045;
            if (e.Status == 1 || u < 0.022)
            {
                Plan(e, dayNumber, Cuti, -1, At(day, 6 + r.Uniform(0, 1)));
                continue;
            }
            if ((u -= 0.022) < 0.012)
            {
                Plan(e, dayNumber, Sakit, -1, At(day, 7 + r.Uniform(0, 2)));
                continue;
            }
            if ((u -= 0.012) < travel)
            {
                Plan(e, dayNumber, DinasLuar, -1, At(day, 6 + r.Uniform(0, 1)));
                continue;
            }
            var minutes = r.LogNormal(35, 0.35);
            if ((u -= travel) < 0.006 || minutes > 270)
            {
                var marked = At(day, 16 + r.Uniform(0, 0.5));
                Plan(e, dayNumber, TanpaKeterangan, -1, marked);
                if (r.Chance(0.3))
                {
                    // Leave or sick notes handed in after the fact turn some of them around.
                    var corrected = At(WorkingDayAfter(day, 1 + r.Next(3)), 8 + r.Uniform(0, 8));
                    Enqueue(SimEvent.Attendance(SimEventKind.AttendancePut, e.Index, dayNumber, r.Chance(0.6) ? Sakit : Cuti, -1),
                        Seconds(corrected));
                }
                continue;
            }
            var checkIn = (int)Math.Round((6.5 * 3600) + (minutes * 60));
            var status = checkIn > 7.5 * 3600 ? Terlambat : Hadir;
            var at = LocalMidnight(dayNumber) + TimeSpan.FromSeconds(checkIn);
            Plan(e, dayNumber, status, checkIn, at);
            if (r.Chance(0.001))
            {
                // A double tap on the terminal: recorded, then withdrawn by the admin.
                Enqueue(SimEvent.Attendance(SimEventKind.DuplicatePut, e.Index, dayNumber, status, checkIn + 40), Seconds(at) + (40 * TimeSpan.TicksPerSecond));
                Enqueue(SimEvent.Attendance(SimEventKind.DuplicateWithdraw, e.Index, dayNumber, status, checkIn + 40),
                    Seconds(at + TimeSpan.FromHours(r.Uniform(1, 3))));
            }
        }
    }

    private void Plan(SimEmployee e, int day, byte status, int checkIn, DateTimeOffset at) =>
        Enqueue(SimEvent.Attendance(SimEventKind.AttendancePut, e.Index, day, status, checkIn), Seconds(at));

    /// <summary>At the end of a quarter: each employee in service submits (mostly within 5 working days) or never does.</summary>
    private void ClosePeriod(int period)
    {
        var quarter = PeriodOf(period);
        var next = quarter.NextQuarter;
        Enqueue(SimEvent.PeriodClose(next.Year * 10 + next.Quarter), LocalMidnight(next.End.AddDays(1).DayNumber));
        var end = quarter.End;
        var closeTicks = LocalMidnight(end.AddDays(1).DayNumber).UtcTicks;
        foreach (var e in _employees)
        {
            if (!e.InService || e.HiredTicks >= closeTicks)
            {
                continue;
            }
            Submit(e, period, end, onTimeShare: 0.85, deadlineDays: StaffingPayload.QuarterDeadlineWorkingDays);
            if (quarter.Quarter == 4)
            {
                Submit(e, quarter.Year * 10, end, onTimeShare: 0.9, deadlineDays: 21);
            }
        }
    }

    private void Submit(SimEmployee e, int period, DateOnly end, double onTimeShare, int deadlineDays)
    {
        var r = SimulatorRandom.For(Options.Seed, 6_000_000_000_000L + ((long)period * 100_000) + e.Index);
        if (r.Chance(0.03))
        {
            return;
        }
        var day = r.Chance(onTimeShare / 0.97)
            ? WorkingDayAfter(end, 1 + r.Next(deadlineDays))
            : WorkingDayAfter(end, deadlineDays + 1 + (int)Math.Min(r.Exponential(6), 40));
        var at = Seconds(At(day, 8 + r.Uniform(0, 8)));
        var weights = Ratings;
        var rating = weights.Pick(r);
        // Agencies differ a little: a shift between Sangat Baik and Butuh Perbaikan, inside the curve.
        if (rating is 1 && r.NextDouble() * 100 < Math.Abs(_ratingShift[e.Agency]))
        {
            rating = _ratingShift[e.Agency] > 0 ? (byte)0 : (byte)2;
        }
        Enqueue(SimEvent.Evaluation(e.Index, period, rating), at);
    }

    protected override void DemoEvent(DateTimeOffset at)
    {
        var truncated = Seconds(at);
        if (TryPeek(out var next, out var due) && next.Kind == SimEventKind.AttendancePut &&
            next.Day == DateOf(at).DayNumber && Demo.Chance(0.8))
        {
            // The next attendance item of the morning comes now instead (a check-in at this time).
            TryDequeue(out _, out _);
            var checkIn = next.CheckIn < 0 ? -1 : (int)((truncated - LocalMidnight(next.Day).UtcTicks) / TimeSpan.TicksPerSecond);
            var status = checkIn < 0 ? next.Status : checkIn > 7.5 * 3600 ? Terlambat : Hadir;
            PutAttendance(new AttendanceVersion(_employees[next.Employee], next.Day, status, checkIn, false), truncated);
            return;
        }
        var e = _employees[Demo.Next(_employees.Count)];
        if (e.InService)
        {
            e.Status = e.Status == 0 ? (byte)1 : (byte)0;
            Put(e, truncated);
        }
    }

    // ---- Serving ---------------------------------------------------------------------------------------------

    private void Put(SimEmployee e, long ticks)
    {
        var version = new EmployeeVersion(e, e.Status);
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkEmployees is not null)
        {
            _bulkEmployees.Add(new SimulatorRecord<EmployeeVersion>(e.Nip, version, at, false));
        }
        else
        {
            _employeeStore.Upsert(e.Nip, version, at);
        }
    }

    private void PutAttendance(AttendanceVersion version, long ticks)
    {
        var id = AttendanceId(version);
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkAttendance is not null)
        {
            _bulkAttendance[id] = new SimulatorRecord<AttendanceVersion>(id, version, at, false);
        }
        else
        {
            _attendanceStore.Upsert(id, version, at);
        }
    }

    private void WithdrawAttendance(AttendanceVersion version, long ticks)
    {
        var id = AttendanceId(version);
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkAttendance is not null)
        {
            _bulkAttendance[id] = new SimulatorRecord<AttendanceVersion>(id, version, at, true);
        }
        else
        {
            _attendanceStore.Delete(id, at);
        }
    }

    private void PutEvaluation(EvaluationVersion version, long ticks)
    {
        var id = EvaluationId(version.Employee, version.Period);
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkEvaluations is not null)
        {
            _bulkEvaluations.Add(new SimulatorRecord<EvaluationVersion>(id, version, at, false));
        }
        else
        {
            _evaluationStore.Upsert(id, version, at);
        }
    }

    private void Enqueue(SimEvent e, DateTimeOffset at) => Enqueue(e, at.UtcTicks);

}

internal enum SimEventKind : byte { DayOpen, AttendancePut, DuplicatePut, DuplicateWithdraw, PeriodClose, EvaluationPut, Retire, Stop }

/// <summary>Something the simulator will do at a queued time.</summary>
internal readonly record struct SimEvent(SimEventKind Kind, int Employee, int Day, byte Status, int CheckIn, int Period)
{
    public static SimEvent DayOpen(int day) => new(SimEventKind.DayOpen, -1, day, 0, -1, 0);

    public static SimEvent PeriodClose(int period) => new(SimEventKind.PeriodClose, -1, 0, 0, -1, period);

    public static SimEvent ForEmployee(SimEventKind kind, int employee) => new(kind, employee, 0, 0, -1, 0);

    public static SimEvent Attendance(SimEventKind kind, int employee, int day, byte status, int checkIn) =>
        new(kind, employee, day, status, checkIn, 0);

    public static SimEvent Evaluation(int employee, int period, byte rating) =>
        new(SimEventKind.EvaluationPut, employee, 0, rating, -1, period);
}
