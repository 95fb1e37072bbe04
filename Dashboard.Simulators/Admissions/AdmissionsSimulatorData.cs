using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Admissions;

/// <summary>A school of the simulated portal; its quota per admission year comes from <see cref="AdmissionsCity.Quota"/>.</summary>
internal sealed class SimSchool
{
    public required int Index { get; init; }
    public required string Npsn { get; init; }
    public required string Name { get; init; }
    /// <summary>0 SD, 1 SMP.</summary>
    public byte Level { get; init; }
    public bool Public { get; init; }
    public short Kelurahan { get; init; }
    /// <summary>Classes (rombel) in the base year; seats = classes × class size.</summary>
    public int Classes { get; init; }
    public double Popularity { get; init; }
}

/// <summary>A served school version: the quota published for <see cref="Year"/>.</summary>
internal readonly record struct SchoolVersion(SimSchool School, int Year, int[] Quota);

/// <summary>A child who applies (personal data: NIK, name, birth date are served, never stored).</summary>
internal sealed class SimApplicant
{
    public required string Nik { get; init; }
    public short FirstName { get; init; }
    /// <summary>-1 for a single name.</summary>
    public short LastName { get; init; }
    public DateOnly BirthDate { get; init; }
    public short Home { get; init; }
}

/// <summary>
/// The simulated city's schools and their seats (docs/DOMAIN.md §7; Malang's school counts were not found, §12, so they scale
/// with the cohort): SD negeri of one to four classes of 28 and SMP negeri of six to eleven classes of 32, a few private
/// partner schools, quotas per route after the national floors and Malang's SMP split (domisili 40 %, afirmasi 25 %,
/// mutasi 5 %, prestasi the rest; SD domisili 75 %, afirmasi 20 %, mutasi 5 %). A school gains or loses a class now and
/// then from one year to the next. Immutable after construction.
/// </summary>
internal sealed class AdmissionsCity
{
    public const int SdClassSize = 28;
    public const int SmpClassSize = 32;

    public static readonly string[] KelurahanCodes = [.. ReferenceData.Kelurahan.Select(k => k.Code)];
    public static readonly string[] KelurahanNames = [.. ReferenceData.Kelurahan.Select(k => k.Name)];

    private static readonly string[] SdFoundations = ["Muhammadiyah", "Islam Al-Ma'arif", "Katolik Santa Maria", "Kristen Petra", "Islam Sabilillah", "Laboratorium"];
    private static readonly string[] SmpFoundations = ["Muhammadiyah", "Islam Malang", "Katolik Frateran", "Kristen Kalam Kudus", "Brawijaya Smart School", "Wahid Hasyim"];

    private readonly long _seed;

    public AdmissionsCity(long seed, int cohortSize)
    {
        _seed = seed;
        CohortSize = cohortSize;
        var r = SimulatorRandom.For(seed, -301);
        var kelurahan = new WeightedChoice<short>(ReferenceData.Kelurahan.Select((k, i) => ((short)i, (double)Math.Max(k.Population, 1))));
        var schools = new List<SimSchool>();
        var sdPerKelurahan = new int[KelurahanCodes.Length];
        var foundation = new int[2];

        void Add(byte level, bool isPublic, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var k = kelurahan.Pick(r);
                var index = schools.Count;
                string name;
                if (isPublic && level == 0)
                {
                    name = $"SD Negeri {KelurahanNames[k]} {++sdPerKelurahan[k]}";
                }
                else if (isPublic)
                {
                    name = $"SMP Negeri {i + 1} Malang";
                }
                else
                {
                    var list = level == 0 ? SdFoundations : SmpFoundations;
                    var n = foundation[level]++;
                    name = $"{(level == 0 ? "SD" : "SMP")} {list[n % list.Length]}{(n >= list.Length ? " " + (1 + (n / list.Length)).ToString(CultureInfo.InvariantCulture) : "")}";
                }
                var classes = (level, isPublic) switch
                {
                    (0, true) => 1 + (int)Math.Min(3, Math.Floor(r.Uniform(0, 1) * r.Uniform(2, 5))),
                    (0, false) => 1 + r.Next(2),
                    (_, true) => 6 + r.Next(6),
                    _ => 2 + r.Next(3),
                };
                // The oldest SMP negeri (1, 3, 4, 5…) and city-centre SD are the ones every parent wants.
                var popularity = r.LogNormal(1, 0.55) * (level == 1 && isPublic && i < 6 ? 2.2 : 1) * (isPublic ? 1 : 0.45);
                schools.Add(new SimSchool
                {
                    Index = index,
                    Npsn = (20533000 + (index * 37) + r.Next(37)).ToString(CultureInfo.InvariantCulture),
                    Name = name,
                    Level = level,
                    Public = isPublic,
                    Kelurahan = k,
                    Classes = classes,
                    Popularity = popularity,
                });
            }
        }

        Add(0, true, Math.Max(2, (int)Math.Round(cohortSize * 0.0125)));
        Add(1, true, Math.Max(2, (int)Math.Round(cohortSize * 0.0024)));
        Add(0, false, Math.Max(1, (int)Math.Round(cohortSize * 0.002)));
        Add(1, false, Math.Max(1, (int)Math.Round(cohortSize * 0.0012)));
        Schools = schools;

        for (byte level = 0; level < 2; level++)
        {
            var ofLevel = schools.Where(s => s.Level == level).ToList();
            CityChoice[level] = new WeightedChoice<short>(ofLevel.Select(s => ((short)s.Index, s.Popularity)));
            for (var k = 0; k < KelurahanCodes.Length; k++)
            {
                var here = ofLevel.Where(s => s.Kelurahan == k).ToList();
                if (here.Count > 0)
                {
                    KelurahanChoice[level, k] = new WeightedChoice<short>(here.Select(s => ((short)s.Index, s.Popularity)));
                }
            }
            foreach (var kec in ReferenceData.Kecamatan)
            {
                var here = ofLevel.Where(s => KelurahanCodes[s.Kelurahan].StartsWith(kec.Code + ".", StringComparison.Ordinal)).ToList();
                if (here.Count > 0)
                {
                    KecamatanChoice[(level, kec.Code)] = new WeightedChoice<short>(here.Select(s => ((short)s.Index, s.Popularity)));
                }
            }
        }
        Homes = kelurahan;
    }

    public int CohortSize { get; }

    public IReadOnlyList<SimSchool> Schools { get; }

    public WeightedChoice<short> Homes { get; }

    public WeightedChoice<short>[] CityChoice { get; } = new WeightedChoice<short>[2];

    public WeightedChoice<short>?[,] KelurahanChoice { get; } = new WeightedChoice<short>?[2, KelurahanCodes.Length];

    public Dictionary<(byte Level, string Kecamatan), WeightedChoice<short>> KecamatanChoice { get; } = [];

    /// <summary>The quota per route (domisili, afirmasi, mutasi, prestasi) a school publishes for <paramref name="year"/>.</summary>
    public int[] Quota(SimSchool school, int year)
    {
        var r = SimulatorRandom.For(_seed, 7_000_000_000L + (school.Index * 10_000L) + year);
        var classes = Math.Max(1, school.Classes + (r.Chance(0.15) ? (r.Chance(0.5) ? 1 : -1) : 0));
        if (school.Level == 0)
        {
            var seats = classes * SdClassSize;
            var domisili = (int)Math.Round(seats * 0.75);
            var mutasi = Math.Max(1, (int)Math.Round(seats * 0.05));
            return [domisili, seats - domisili - mutasi, mutasi, 0];
        }
        var total = classes * SmpClassSize;
        var d = (int)Math.Round(total * 0.40);
        var a = (int)Math.Round(total * 0.25);
        var m = Math.Max(1, (int)Math.Round(total * 0.05));
        return [d, a, m, total - d - a - m];
    }

    /// <summary>When the year's quotas are published: 20 May, 09:00 WIB, a school every 37 seconds.</summary>
    public static DateTimeOffset PublishedAt(SimSchool school, int year) =>
        new DateTimeOffset(year, 5, 20, 9, 0, 0, SimulatorJson.WibOffset) + TimeSpan.FromSeconds(37 * school.Index);

    /// <summary>The latest year whose quotas are published at <paramref name="at"/>.</summary>
    public static int PublishedYear(DateTimeOffset at)
    {
        var local = at.ToOffset(SimulatorJson.WibOffset);
        return local >= new DateTimeOffset(local.Year, 5, 20, 9, 0, 0, SimulatorJson.WibOffset) ? local.Year : local.Year - 1;
    }
}

internal enum ApplicationEventKind : byte
{
    Submitted = 0,
    Verified,
    Accepted,
    NotAccepted,
    ReRegistered,
    Withdrawn,
    /// <summary>Served again unchanged (a re-sync): only <c>updated_at</c> moves.</summary>
    Resent,
    /// <summary>Removed by the operator (a duplicate registration): served as a tombstone.</summary>
    Deleted,
}

/// <summary>One step of an application's lifecycle, at a whole second.</summary>
internal readonly record struct ApplicationEvent(long UtcTicks, ApplicationEventKind Kind) : IPlannedEvent<ApplicationEvent>
{
    public DateTimeOffset At => new(UtcTicks, TimeSpan.Zero);

    public bool Withdraws => Kind == ApplicationEventKind.Deleted;

    public ApplicationEvent Retimed(long utcTicks) => this with { UtcTicks = utcTicks };
}

/// <summary>An application's fixed attributes and its planned timeline.</summary>
internal sealed class ApplicationPlan : PlannedRecord<ApplicationEvent>
{
    public int Year { get; init; }
    public byte Level { get; init; }
    public byte Route { get; init; }
    public required short[] Choices { get; init; }
    public required SimApplicant Applicant { get; init; }
    /// <summary>The school an acceptance places the child in, or -1.</summary>
    public short Placed { get; init; } = -1;
}

/// <summary>A served version: the plan as of its first <see cref="Applied"/> events.</summary>
internal readonly record struct ApplicationVersion(ApplicationPlan Plan, ApplicationEvent[] Events, int Applied);

/// <summary>
/// The SPMB calendar and the rendering of simulated items (docs/DOMAIN.md §7.2, §11). Per admission year, all in WIB:
/// afirmasi and mutasi register 3–5 June (announced 6 June 13:00, re-registration until 7 June 15:00), domisili
/// 10–12 June (13 June; 14 June) and, for SMP, prestasi 17–19 June (20 June; 21 June). Half of a window's
/// registrations come on its first day, most in the morning after it opens at 08:00 and again after work; the busiest
/// day of the year is the first domisili day. Outside the windows a trickle of transfers (mutasi) fills leftover seats.
/// </summary>
internal static class AdmissionsCalendar
{
    public static readonly TimeSpan WibOffset = SimulatorJson.WibOffset;

    public const byte RouteDomisili = 0, RouteAfirmasi = 1, RouteMutasi = 2, RoutePrestasi = 3;

    /// <summary>First registration day of each window (afirmasi+mutasi, domisili, prestasi) in June.</summary>
    public static readonly int[] WindowFirstDay = [3, 10, 17];

    public const int WindowDays = 3;

    /// <summary>Share of a window's registrations per day.</summary>
    public static readonly double[] DayShare = [0.5, 0.3, 0.2];

    /// <summary>Share of a day's registrations per hour (WIB): none before the portal opens at 08:00 on the first day.</summary>
    public static readonly double[] HourShare = Normalise(
    [
        0.3, 0.15, 0.1, 0.1, 0.2, 0.6, 1.5, 3.0, 9.0, 10.0, 9.0, 7.5, 6.0, 6.0, 5.5, 5.0, 4.5, 4.5, 5.0, 6.5, 7.0, 5.5, 3.0, 1.0,
    ]);

    /// <summary>Shares of a cohort that apply (SD, SMP) and their split over the windows' routes.</summary>
    public const double SdApplyShare = 0.62, SmpApplyShare = 0.85;

    public const double SdAfirmasi = 0.18, SdMutasi = 0.03, SmpAfirmasi = 0.20, SmpMutasi = 0.03, SmpPrestasi = 0.25;

    /// <summary>Of a window's registrations, the share that are children trying again after an earlier window.</summary>
    public static readonly double[] RetryShare = [0, 0.07, 0.2];

    /// <summary>Transfers a working day (mutasi, leftover seats) per 13,000 children of a cohort.</summary>
    public const double TrickleWorkingDayRate = 3.0;

    public static DateTimeOffset Local(int year, int month, int day, double hours) =>
        new DateTimeOffset(year, month, day, 0, 0, 0, WibOffset) + TimeSpan.FromHours(hours);

    /// <summary>When the portal opens for a window's registration.</summary>
    public static DateTimeOffset WindowOpens(int year, int window) => Local(year, 6, WindowFirstDay[window], 8);

    /// <summary>When a window's registration closes (the end of its third day).</summary>
    public static DateTimeOffset WindowCloses(int year, int window) => Local(year, 6, WindowFirstDay[window] + WindowDays, 0);

    /// <summary>Announcement: the day after a window's registration closes, 13:00.</summary>
    public static DateTimeOffset Announcement(int year, int window) => Local(year, 6, WindowFirstDay[window] + WindowDays, 13);

    /// <summary>Re-registration closes the day after the announcement, 15:00.</summary>
    public static DateTimeOffset ReRegistrationCloses(int year, int window) => Local(year, 6, WindowFirstDay[window] + WindowDays + 1, 15);

    /// <summary>The admission year an instant belongs to: from the first window's opening, that year's.</summary>
    public static int CurrentYear(DateTimeOffset at)
    {
        var local = at.ToOffset(WibOffset);
        return at >= WindowOpens(local.Year, 0) ? local.Year : local.Year - 1;
    }

    /// <summary>The registration window open at <paramref name="at"/> (0–2), or -1.</summary>
    public static int WindowAt(DateTimeOffset at, out int year, out int day, out int hour)
    {
        var local = at.ToOffset(WibOffset);
        year = local.Year;
        hour = local.Hour;
        day = -1;
        if (local.Month != 6)
        {
            return -1;
        }
        for (var w = 0; w < WindowFirstDay.Length; w++)
        {
            var d = local.Day - WindowFirstDay[w];
            if (d is >= 0 and < WindowDays && at >= WindowOpens(year, w))
            {
                day = d;
                return w;
            }
        }
        return -1;
    }

    /// <summary>The season's quiet time: from the first window's opening to the last re-registration, no transfers.</summary>
    public static bool InSeason(DateTimeOffset at)
    {
        var year = at.ToOffset(WibOffset).Year;
        return at >= WindowOpens(year, 0) && at < ReRegistrationCloses(year, 2) + TimeSpan.FromHours(9);
    }

    private static double[] Normalise(double[] weights)
    {
        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }
}

internal static class AdmissionsSimulatorData
{
    public static readonly string[] LevelNames = ["SD", "SMP"];
    public static readonly string[] RouteNames = ["domisili", "afirmasi", "mutasi", "prestasi"];
    public static readonly string[] StatusNames = ["terdaftar", "terverifikasi", "diterima", "tidak_diterima", "daftar_ulang", "mengundurkan_diri"];

    public static readonly IReadOnlyDictionary<string, string[]> UnknownApplicationValues = new Dictionary<string, string[]>
    {
        ["level"] = ["SMA", "PAUD"],
        ["route"] = ["zonasi", "anak_guru"],
        ["status"] = ["cadangan", "dibatalkan"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> UnknownSchoolValues = new Dictionary<string, string[]>
    {
        ["level"] = ["MI", "SMA"],
        ["ownership"] = ["yayasan", "kemenag"],
    };

    public static readonly string[] FirstNames =
    [
        "Aisyah", "Muhammad", "Ahmad", "Naufal", "Alya", "Zahra", "Rafi", "Keisha", "Arkana", "Nadhira", "Daffa", "Kirana",
        "Raditya", "Salsabila", "Fathan", "Azzahra", "Bima", "Khalisa", "Dzaky", "Aurelia", "Gibran", "Shafa", "Rizky",
        "Nayla", "Athar", "Queenara", "Fadhil", "Arsyila", "Kenzo", "Hafiz", "Syifa", "Alvaro", "Almira", "Zidan", "Inara",
    ];

    public static readonly string[] LastNames =
    [
        "Pratama", "Ramadhan", "Putri", "Saputra", "Maulana", "Hidayat", "Nugraha", "Wijaya", "Permana", "Kusuma", "Azzahra",
        "Firmansyah", "Aditya", "Rahman", "Setiawan", "Anggraini", "Putra", "Safitri", "Al Fatih", "Wibisono",
    ];

    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText LevelName = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText OwnershipName = JsonEncodedText.Encode("ownership");
    private static readonly JsonEncodedText KelurahanCodeName = JsonEncodedText.Encode("kelurahan_code");
    private static readonly JsonEncodedText QuotaName = JsonEncodedText.Encode("quota");
    private static readonly JsonEncodedText YearName = JsonEncodedText.Encode("year");
    private static readonly JsonEncodedText RouteName = JsonEncodedText.Encode("route");
    private static readonly JsonEncodedText ChoicesName = JsonEncodedText.Encode("choices");
    private static readonly JsonEncodedText ApplicantName = JsonEncodedText.Encode("applicant");
    private static readonly JsonEncodedText NikName = JsonEncodedText.Encode("nik");
    private static readonly JsonEncodedText BirthDateName = JsonEncodedText.Encode("birth_date");
    private static readonly JsonEncodedText HomeKelurahanCodeName = JsonEncodedText.Encode("home_kelurahan_code");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText PlacedSchoolIdName = JsonEncodedText.Encode("placed_school_id");
    private static readonly JsonEncodedText SubmittedAtName = JsonEncodedText.Encode("submitted_at");
    private static readonly JsonEncodedText[] RouteKeys = [.. RouteNames.Select(n => JsonEncodedText.Encode(n))];

    public static void WriteSchool(Utf8JsonWriter writer, SchoolVersion version)
    {
        var s = version.School;
        writer.WriteString(NameName, s.Name);
        writer.WriteString(LevelName, LevelNames[s.Level]);
        writer.WriteString(OwnershipName, s.Public ? "negeri" : "swasta");
        writer.WriteString(KelurahanCodeName, AdmissionsCity.KelurahanCodes[s.Kelurahan]);
        writer.WriteStartObject(QuotaName);
        for (var i = 0; i < RouteKeys.Length; i++)
        {
            writer.WriteNumber(RouteKeys[i], version.Quota[i]);
        }
        writer.WriteEndObject();
    }

    public static void WriteApplication(Utf8JsonWriter writer, ApplicationVersion version, IReadOnlyList<SimSchool> schools, SimulatorOptions options)
    {
        var p = version.Plan;
        var status = StatusOf(version);
        writer.WriteNumber(YearName, p.Year);
        writer.WriteString(LevelName, LevelNames[p.Level]);
        writer.WriteString(RouteName, RouteNames[p.Route]);
        writer.WriteStartArray(ChoicesName);
        foreach (var c in p.Choices)
        {
            writer.WriteStringValue(schools[c].Npsn);
        }
        writer.WriteEndArray();
        writer.WriteStartObject(ApplicantName);
        writer.WriteString(NikName, p.Applicant.Nik);
        writer.WriteString(NameName, options.PersonalName(FullName(p.Applicant)));
        writer.WriteString(BirthDateName, p.Applicant.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteString(HomeKelurahanCodeName, AdmissionsCity.KelurahanCodes[p.Applicant.Home]);
        writer.WriteString(StatusName, StatusNames[status]);
        if (status is 2 or 4 && p.Placed >= 0)
        {
            writer.WriteString(PlacedSchoolIdName, schools[p.Placed].Npsn);
        }
        else
        {
            writer.WriteNull(PlacedSchoolIdName);
        }
        SimulatorJson.WriteTimestamp(writer, SubmittedAtName, version.Events[0].At);
    }

    /// <summary>The status index (<see cref="StatusNames"/>) after the version's applied events.</summary>
    public static int StatusOf(ApplicationVersion version)
    {
        var status = 0;
        for (var i = 0; i < version.Applied; i++)
        {
            status = version.Events[i].Kind switch
            {
                ApplicationEventKind.Verified => 1,
                ApplicationEventKind.Accepted => 2,
                ApplicationEventKind.NotAccepted => 3,
                ApplicationEventKind.ReRegistered => 4,
                ApplicationEventKind.Withdrawn => 5,
                _ => status,
            };
        }
        return status;
    }

    public static string FullName(SimApplicant a) =>
        a.LastName < 0 ? FirstNames[a.FirstName] : FirstNames[a.FirstName] + " " + LastNames[a.LastName];
}
