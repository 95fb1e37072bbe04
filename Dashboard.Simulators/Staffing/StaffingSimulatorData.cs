using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Staffing;

/// <summary>
/// A simulated employee's fixed attributes. <see cref="Status"/> and <see cref="Version"/> change under the
/// simulator's lock only; served versions copy what they need, so they stay immutable.
/// </summary>
internal sealed class SimEmployee
{
    public required int Index { get; init; }
    public required string Nip { get; init; }
    public required string Nik { get; init; }
    public short FirstName { get; init; }
    /// <summary>-1 for a single name.</summary>
    public short LastName { get; init; }
    public DateOnly BirthDate { get; init; }
    public byte Agency { get; init; }
    public bool Pppk { get; init; }
    public required string Rank { get; init; }
    /// <summary>0 struktural, 1 fungsional, 2 pelaksana.</summary>
    public byte Position { get; init; }
    /// <summary>TMT pensiun: the first day of the month after the birthday month at the retirement age (BUP).</summary>
    public DateOnly Retirement { get; init; }
    /// <summary>When a new hire joined; <see cref="long.MinValue"/> for the register at the start of the history.</summary>
    public long HiredTicks { get; init; } = long.MinValue;
    /// <summary>0 aktif, 1 cuti, 2 pensiun, 3 berhenti.</summary>
    public byte Status { get; set; }

    public bool InService => Status is 0 or 1;
}

internal readonly record struct EmployeeVersion(SimEmployee Employee, byte Status);

/// <summary>One attendance item: <see cref="CheckIn"/> is seconds after midnight WIB, or -1.</summary>
internal readonly record struct AttendanceVersion(SimEmployee Employee, int Day, byte Status, int CheckIn, bool Duplicate);

/// <summary>One evaluation; <see cref="Period"/> is year × 10 + quarter (0 = annual).</summary>
internal readonly record struct EvaluationVersion(SimEmployee Employee, int Period, byte Rating, long SubmittedTicks);

/// <summary>
/// Calibration (docs/DOMAIN.md §4, §11) and rendering of the simulated workforce. Every share here is an assumption:
/// the domain found no Malang headcount, so the register is parameterised (default 7,000 incl. teachers).
/// </summary>
internal static class StaffingSimulatorData
{
    public static readonly TimeSpan Wib = SimulatorJson.WibOffset;

    public static readonly string[] EmployeeStatusNames = ["aktif", "cuti", "pensiun", "berhenti"];
    public static readonly string[] PositionNames = ["struktural", "fungsional", "pelaksana"];
    public static readonly string[] AttendanceStatusNames = ["hadir", "terlambat", "dinas_luar", "cuti", "sakit", "tanpa_keterangan"];
    public static readonly string[] RatingNames = ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"];

    public const byte Hadir = 0, Terlambat = 1, DinasLuar = 2, Cuti = 3, Sakit = 4, TanpaKeterangan = 5;

    public static readonly IReadOnlyDictionary<string, string[]> UnknownEmployeeValues = new Dictionary<string, string[]>
    {
        ["asn_type"] = ["PPPK_PARUH_WAKTU"],
        ["position_type"] = ["jpt", "administrator"],
        ["status"] = ["tugas_belajar", "mpp"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> UnknownAttendanceValues = new Dictionary<string, string[]>
    {
        ["status"] = ["izin", "pulang_cepat", "tugas_belajar"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> UnknownPerformanceValues = new Dictionary<string, string[]>
    {
        ["rating"] = ["istimewa", "cukup"],
    };

    public static readonly string[] AgencyCodes = [.. ReferenceData.Agencies.Select(a => a.Code)];

    // Teachers make about half of a kota's ASN; health staff (puskesmas, RSUD) the next block.
    private static readonly Dictionary<string, double> AgencyWeights = new(StringComparer.Ordinal)
    {
        ["DISDIKBUD"] = 48, ["DINKES"] = 14, ["SETDA"] = 5, ["DLH"] = 4, ["DPUPRPKP"] = 3.5, ["DISHUB"] = 3.5,
        ["SATPOLPP"] = 3.5, ["BAPENDA"] = 2, ["BKAD"] = 1.8, ["DINSOS"] = 1.5, ["DISPENDUKCAPIL"] = 1.5,
        ["DISKOPINDAG"] = 1.5, ["DISNAKER_PMPTSP"] = 1.3, ["DISPANGTAN"] = 1.3, ["DISPORAPAR"] = 1.2,
        ["DISKOMINFO"] = 1.2, ["BKPSDM"] = 1.1, ["BAPPEDA"] = 1, ["BPBD"] = 1, ["INSPEKTORAT"] = 1,
    };

    public static readonly WeightedChoice<byte> Agencies = new(
        AgencyCodes.Select((code, i) => ((byte)i, AgencyWeights.GetValueOrDefault(code, 1.0))));

    /// <summary>Share of structural posts filled: the rest are vacant (DOMAIN §10 #19).</summary>
    public const double PostFilledShare = 0.9;

    public static double FungsionalShare(string agency) => agency switch
    {
        "DISDIKBUD" => 0.88,
        "DINKES" => 0.72,
        "INSPEKTORAT" => 0.6,
        _ => 0.25,
    };

    public static double PppkShare(string agency) => agency switch
    {
        "DISDIKBUD" => 0.35,
        "DINKES" => 0.25,
        _ => 0.15,
    };

    /// <summary>Ratings within the organisation curve (Baik ≤ 70 %, some Butuh Perbaikan/Kurang).</summary>
    public static readonly WeightedChoice<byte> Ratings = new([(0, 12), (1, 66), (2, 15), (3, 5), (4, 2)]);

    public static readonly string[] FirstNames =
    [
        "Agus", "Budi", "Siti", "Sri", "Dewi", "Eko", "Bambang", "Slamet", "Wahyu", "Rina", "Indah", "Yuliana", "Joko",
        "Hadi", "Sugeng", "Suparman", "Sutrisno", "Ahmad", "Muhammad", "Nur", "Fitri", "Retno", "Endah", "Rudi", "Dian",
        "Andi", "Rizky", "Putri", "Ayu", "Dimas", "Fajar", "Ilham", "Yusuf", "Hendra", "Heru", "Teguh", "Wulan", "Lestari",
        "Nanik", "Tri", "Dwi", "Arif", "Mochamad", "Siswanto", "Supriyadi", "Kartini", "Yuni", "Anisa", "Galih", "Bagus",
    ];

    public static readonly string[] LastNames =
    [
        "Santoso", "Wibowo", "Setiawan", "Prasetyo", "Hidayat", "Kurniawan", "Susanto", "Purnomo", "Rahayu", "Wahyuni",
        "Handayani", "Saputra", "Nugroho", "Utomo", "Hartono", "Suryani", "Pratiwi", "Firmansyah", "Maulana", "Ramadhan",
        "Sulistyo", "Kusuma", "Widodo", "Haryanto", "Mulyadi", "Fauzi", "Anggraini", "Puspitasari", "Syahputra", "Lestari",
    ];

    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText NikName = JsonEncodedText.Encode("nik");
    private static readonly JsonEncodedText AgencyCodeName = JsonEncodedText.Encode("agency_code");
    private static readonly JsonEncodedText AsnTypeName = JsonEncodedText.Encode("asn_type");
    private static readonly JsonEncodedText RankGroupName = JsonEncodedText.Encode("rank_group");
    private static readonly JsonEncodedText PositionTypeName = JsonEncodedText.Encode("position_type");
    private static readonly JsonEncodedText BirthDateName = JsonEncodedText.Encode("birth_date");
    private static readonly JsonEncodedText RetirementDateName = JsonEncodedText.Encode("retirement_date");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText NipName = JsonEncodedText.Encode("nip");
    private static readonly JsonEncodedText DateName = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText CheckInAtName = JsonEncodedText.Encode("check_in_at");
    private static readonly JsonEncodedText PeriodName = JsonEncodedText.Encode("period");
    private static readonly JsonEncodedText RatingName = JsonEncodedText.Encode("rating");
    private static readonly JsonEncodedText SubmittedAtName = JsonEncodedText.Encode("submitted_at");

    public static void WriteEmployee(Utf8JsonWriter writer, EmployeeVersion version, SimulatorOptions options)
    {
        var e = version.Employee;
        writer.WriteString(NameName, options.PersonalName(FullName(e)));
        writer.WriteString(NikName, e.Nik);
        writer.WriteString(AgencyCodeName, AgencyCodes[e.Agency]);
        writer.WriteString(AsnTypeName, e.Pppk ? "PPPK" : "PNS");
        writer.WriteString(RankGroupName, e.Rank);
        writer.WriteString(PositionTypeName, PositionNames[e.Position]);
        writer.WriteString(BirthDateName, IsoDate(e.BirthDate));
        writer.WriteString(RetirementDateName, IsoDate(e.Retirement));
        writer.WriteString(StatusName, EmployeeStatusNames[version.Status]);
    }

    public static void WriteAttendance(Utf8JsonWriter writer, AttendanceVersion version)
    {
        writer.WriteString(NipName, version.Employee.Nip);
        writer.WriteString(DateName, IsoDate(DateOnly.FromDayNumber(version.Day)));
        writer.WriteString(StatusName, AttendanceStatusNames[version.Status]);
        SimulatorJson.WriteTimestamp(writer, CheckInAtName,
            version.CheckIn < 0 ? null : LocalMidnight(version.Day) + TimeSpan.FromSeconds(version.CheckIn));
    }

    public static void WriteEvaluation(Utf8JsonWriter writer, EvaluationVersion version)
    {
        writer.WriteString(NipName, version.Employee.Nip);
        writer.WriteString(PeriodName, PeriodText(version.Period));
        writer.WriteString(RatingName, RatingNames[version.Rating]);
        SimulatorJson.WriteTimestamp(writer, SubmittedAtName, new DateTimeOffset(version.SubmittedTicks, TimeSpan.Zero));
    }

    public static string FullName(SimEmployee e) =>
        e.LastName < 0 ? FirstNames[e.FirstName] : FirstNames[e.FirstName] + " " + LastNames[e.LastName];

    public static string AttendanceId(AttendanceVersion v) =>
        $"PRS-{DateOnly.FromDayNumber(v.Day):yyyyMMdd}-{v.Employee.Nip}{(v.Duplicate ? "-2" : "")}";

    public static string EvaluationId(SimEmployee e, int period) => $"SKP-{PeriodText(period)}-{e.Nip}";

    public static string PeriodText(int period) => period % 10 == 0
        ? (period / 10).ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{period / 10}-Q{period % 10}");

    public static EvaluationPeriod PeriodOf(int period) => new(period / 10, period % 10);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Midnight WIB at the start of a day (by <see cref="DateOnly.DayNumber"/>).</summary>
    public static DateTimeOffset LocalMidnight(int day) =>
        new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue), Wib).ToUniversalTime();

    public static DateTimeOffset At(DateOnly day, double hours) => LocalMidnight(day.DayNumber) + TimeSpan.FromHours(hours);

    public static DateOnly DateOf(DateTimeOffset t) => Dashboard.Ingest.Shared.Wib.DateOf(t);

    /// <summary>The <paramref name="k"/>-th working day after <paramref name="day"/> (k ≥ 1).</summary>
    public static DateOnly WorkingDayAfter(DateOnly day, int k)
    {
        for (var n = 0; n < k;)
        {
            day = day.AddDays(1);
            if (WorkingCalendar.WeekendsOnly.IsWorkingDay(day))
            {
                n++;
            }
        }
        return day;
    }

    /// <summary>Whole seconds, so that served timestamps have no fractions.</summary>
    public static long Seconds(DateTimeOffset t) => t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond);
}
