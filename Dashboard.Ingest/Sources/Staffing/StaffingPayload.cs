using System.Globalization;
using Dashboard.Ingest.Shared;

namespace Dashboard.Ingest.Sources.Staffing;

/// <summary>The staffing contract's vocabulary (docs/SOURCES.md §2) and the rules the indicators apply to it.</summary>
public static class StaffingPayload
{
    public const string Employees = "employees";
    public const string Attendance = "attendance";
    public const string Performance = "performance";

    /// <summary>Purpose of the keyed hash of an NIP: the same for the employee key and the joins.</summary>
    public const string NipPurpose = "nip";
    public const string AttendanceIdPurpose = "staffing-attendance-id";
    public const string PerformanceIdPurpose = "staffing-performance-id";

    public static readonly IReadOnlySet<string> AsnTypes = new HashSet<string>(StringComparer.Ordinal) { "PNS", "PPPK" };

    public static readonly IReadOnlySet<string> PositionTypes =
        new HashSet<string>(StringComparer.Ordinal) { "struktural", "fungsional", "pelaksana" };

    public static readonly IReadOnlySet<string> EmployeeStatuses =
        new HashSet<string>(StringComparer.Ordinal) { "aktif", "cuti", "pensiun", "berhenti" };

    public static readonly IReadOnlySet<string> AttendanceStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "hadir", "terlambat", "dinas_luar", "cuti", "sakit", "tanpa_keterangan",
    };

    public static readonly IReadOnlySet<string> Ratings = new HashSet<string>(StringComparer.Ordinal)
    {
        "sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang",
    };

    /// <summary>PNS golongan/ruang I/a–IV/e, then PPPK golongan I–XVII (docs/DOMAIN.md §4.1).</summary>
    public static readonly IReadOnlyList<string> PnsRankGroups =
    [
        "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
        "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
    ];

    public static readonly IReadOnlyList<string> PppkRankGroups =
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"];

    public static readonly IReadOnlySet<string> RankGroups =
        new HashSet<string>(PnsRankGroups.Concat(PppkRankGroups), StringComparer.Ordinal);

    /// <summary>Present at work: checked in (on time or late) or on official duty elsewhere.</summary>
    public static readonly IReadOnlySet<string> Present =
        new HashSet<string>(StringComparer.Ordinal) { "hadir", "terlambat", "dinas_luar" };

    public static readonly IReadOnlySet<string> GoodRatings = new HashSet<string>(StringComparer.Ordinal) { "sangat_baik", "baik" };

    /// <summary>Late: checking in after 07:30 WIB (the check-in window opens at 06:30).</summary>
    public static readonly TimeOnly LateAfter = new(7, 30);

    /// <summary>Quarterly evaluations are due by the 5th working day after the quarter ends.</summary>
    public const int QuarterDeadlineWorkingDays = 5;

    /// <summary>
    /// A change that may move every day of the history (a new or withdrawn employee, another OPD or rank):
    /// the engine clamps it to the first day with data.
    /// </summary>
    public static readonly DateTimeOffset AllHistory = Shared.Ingest.SourceHistory.All;

    public static bool IsNip(string? value) => value is { Length: 18 } && !value.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>
    /// The day an employee leaves the register, or null: pensiun, the retirement month; berhenti, the day the source recorded it
    /// (the record's <paramref name="updatedAt"/>, WIB: the contract has no date of leaving), so that a resignation ends the
    /// figures from that day on instead of erasing the employee from every day of the history.
    /// </summary>
    public static DateOnly? ServiceEnd(string status, DateOnly retirementMonth, DateTimeOffset updatedAt) => status switch
    {
        "pensiun" => retirementMonth,
        "berhenti" => Wib.DateOf(updatedAt),
        _ => null,
    };

    /// <summary>In the register on <paramref name="day"/>: not retired (before the retirement month) and not stopped.</summary>
    public static bool InService(string status, DateOnly retirementMonth, DateTimeOffset updatedAt, DateOnly day) =>
        ServiceEnd(status, retirementMonth, updatedAt) is not { } end || day < end;

    /// <summary>The day whose attendance counts for <paramref name="day"/>: itself, or the last working day before it.</summary>
    public static DateOnly AttendanceDay(DateOnly day)
    {
        while (!WorkingCalendar.WeekendsOnly.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }
        return day;
    }
}

/// <summary>An e-Kinerja evaluation period: a quarter (<c>2026-Q3</c>) or a year (<c>2026</c>).</summary>
public readonly record struct EvaluationPeriod(int Year, int Quarter)
{
    public bool IsAnnual => Quarter == 0;

    public DateOnly Start => IsAnnual ? new DateOnly(Year, 1, 1) : new DateOnly(Year, (3 * Quarter) - 2, 1);

    public DateOnly End => IsAnnual ? new DateOnly(Year, 12, 31) : Start.AddMonths(3).AddDays(-1);

    /// <summary>
    /// The last day of on-time submission: quarterly, the 5th working day after the quarter ends; annual, 31 January
    /// of the following year (Permenpan RB 6/2022 leaves the timetable to the agency; these are the city's [I] rules).
    /// </summary>
    public DateOnly DeadlineDay
    {
        get
        {
            if (IsAnnual)
            {
                return new DateOnly(Year + 1, 1, 31);
            }
            var day = End;
            for (var n = 0; n < StaffingPayload.QuarterDeadlineWorkingDays;)
            {
                day = day.AddDays(1);
                if (WorkingCalendar.WeekendsOnly.IsWorkingDay(day))
                {
                    n++;
                }
            }
            return day;
        }
    }

    /// <summary>Submitted on time: before the end (midnight WIB) of the deadline day.</summary>
    public bool OnTime(DateOnly submittedDay) => submittedDay <= DeadlineDay;

    public override string ToString() => IsAnnual
        ? Year.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");

    public static bool TryParse(string? text, out EvaluationPeriod period)
    {
        period = default;
        if (text is null || text.Length is not (4 or 7) || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
        {
            return false;
        }
        if (text.Length == 4)
        {
            period = new EvaluationPeriod(year, 0);
            return true;
        }
        if (text[4] != '-' || text[5] != 'Q' || text[6] is < '1' or > '4')
        {
            return false;
        }
        period = new EvaluationPeriod(year, text[6] - '0');
        return true;
    }

    /// <summary>The quarter containing <paramref name="day"/>.</summary>
    public static EvaluationPeriod QuarterOf(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    public EvaluationPeriod PreviousQuarter => Quarter <= 1 ? new EvaluationPeriod(Year - 1, 4) : new EvaluationPeriod(Year, Quarter - 1);

    public EvaluationPeriod NextQuarter => Quarter == 4 ? new EvaluationPeriod(Year + 1, 1) : new EvaluationPeriod(Year, Quarter + 1);

    /// <summary>The latest quarter whose deadline is on or before <paramref name="day"/>: the one a day's figures are about.</summary>
    public static EvaluationPeriod LatestDueQuarter(DateOnly day)
    {
        var q = QuarterOf(day).PreviousQuarter;
        while (q.DeadlineDay > day)
        {
            q = q.PreviousQuarter;
        }
        return q;
    }
}

/// <summary>
/// Structural posts (JPT pratama, administrator, pengawas) each OPD is expected to have. [I] An approximation of the
/// city's organisation (Perwal SOTK, not found: docs/DOMAIN.md §12): a kepala, a sekretaris, heads of division and of
/// sub-division; the Setda has assistants and bagian. Vacant posts = these minus the structural staff in service.
/// Acting heads (Plt) cannot be derived: the contract has no acting flag.
/// </summary>
public static class StaffingPosts
{
    public static readonly IReadOnlyDictionary<string, int> Expected = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["SETDA"] = 30, ["DISDIKBUD"] = 14, ["DINKES"] = 14, ["DPUPRPKP"] = 14, ["DISHUB"] = 12, ["DLH"] = 12,
        ["BAPENDA"] = 12, ["BKAD"] = 12, ["DINSOS"] = 12, ["DISNAKER_PMPTSP"] = 12, ["DISKOPINDAG"] = 12,
        ["DISPENDUKCAPIL"] = 10, ["SATPOLPP"] = 10, ["DISPANGTAN"] = 10, ["DISPORAPAR"] = 10, ["DISKOMINFO"] = 10,
        ["BAPPEDA"] = 10, ["BKPSDM"] = 10, ["BPBD"] = 8, ["INSPEKTORAT"] = 8,
    };

    public static int For(string agency) => Expected.GetValueOrDefault(agency);
}
