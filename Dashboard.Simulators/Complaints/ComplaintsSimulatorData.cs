using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Complaints;

public enum ComplaintEventKind : byte
{
    Submitted = 0,
    Verified,
    Responded,
    Closed,
    Rated,
    Postponed,
    NotAuthorised,
    Archived,
    Reopened,
    Withdrawn,
}

/// <summary>One step of a complaint's lifecycle, at a whole second.</summary>
public readonly record struct ComplaintEvent(long UtcTicks, ComplaintEventKind Kind, byte Rating = 0) : IPlannedEvent<ComplaintEvent>
{
    public DateTimeOffset At => new(UtcTicks, TimeSpan.Zero);

    public bool Withdraws => Kind == ComplaintEventKind.Withdrawn;

    public ComplaintEvent Retimed(long utcTicks) => this with { UtcTicks = utcTicks };
}

/// <summary>
/// A complaint's fixed attributes and its planned timeline. The simulator applies events as simulated time
/// reaches them; <see cref="Events"/> is replaced, never edited, so that served versions stay immutable.
/// </summary>
public sealed class ComplaintPlan : PlannedRecord<ComplaintEvent>
{
    public byte Channel { get; init; }
    public byte Type { get; init; }
    public byte Agency { get; init; }
    public short Category { get; init; }
    /// <summary>Index into the kelurahan table, -1 when the reporter gave no location.</summary>
    public short Kelurahan { get; init; }
    public short FirstName { get; init; }
    /// <summary>-1 for a single name, common in Java.</summary>
    public short LastName { get; init; }
    public byte PhonePrefix { get; init; }
    public int PhoneNumber { get; init; }
    public byte PhoneDigits { get; init; }
}

/// <summary>A served version: the plan as of its first <see cref="Applied"/> events.</summary>
public readonly record struct ComplaintVersion(ComplaintPlan Plan, ComplaintEvent[] Events, int Applied);

/// <summary>
/// Calibration (docs/DOMAIN.md §3.2, §11) and rendering of simulated complaints. Every share here is an assumption
/// derived from the sourced figures: about 1,834 LAPOR! reports a year plus SAMBAT SMS/web, an OPD mix led by
/// Dishub (≈24 %), a service rule of first response within 3 days and settlement within 5 working days.
/// </summary>
internal static class ComplaintsSimulatorData
{
    /// <summary>Mean complaints per day before weekday weighting: ≈14.5 a day, ≈5,300 a year.</summary>
    public const double BaseDailyRate = 15.0;

    public static readonly TimeSpan Wib = SimulatorJson.WibOffset;

    public static readonly string[] ChannelNames = ["web", "sms", "mobile", "sambat", "twitter", "whatsapp"];
    public static readonly string[] TypeNames = ["pengaduan", "aspirasi", "permintaan_informasi"];
    public static readonly string[] StatusNames =
        ["belum_terverifikasi", "belum_ditindaklanjuti", "proses", "selesai", "ditunda", "bukan_wewenang", "diarsipkan"];

    public const byte TypePengaduan = 0;
    public const byte TypeAspirasi = 1;

    /// <summary>Values outside the contract for the unknown-enum fault: what a newer source version might send.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> UnknownEnumValues = new Dictionary<string, string[]>
    {
        ["channel"] = ["telegram", "instagram", "tatap_muka"],
        ["type"] = ["whistle_blowing"],
        ["status"] = ["menunggu_konfirmasi", "dieskalasi"],
    };

    // SAMBAT began as SMS (10,035 of ~12,000 reports) and still dominates; LAPOR! web/app/Twitter follow.
    public static readonly WeightedChoice<byte> Channels = new(
    [
        (1, 30), (3, 24), (0, 17), (2, 12), (5, 12), (4, 5),
    ]);

    public static readonly WeightedChoice<byte> Types = new([(0, 80), (1, 12), (2, 8)]);

    public static readonly string[] AgencyCodes = [.. ReferenceData.Agencies.Select(a => a.Code)];

    // 2020 SAMBAT receivers (tugumalang): Dishub 209 of 869, Dispendukcapil 87, Satpol PP 84, DPUPRPKP 67,
    // then Disnaker-PMPTSP. The rest is spread with a tilt towards the service-heavy agencies.
    private static readonly Dictionary<string, double> AgencyWeights = new(StringComparer.Ordinal)
    {
        ["DISHUB"] = 24, ["DISPENDUKCAPIL"] = 10, ["SATPOLPP"] = 10, ["DPUPRPKP"] = 8, ["DISNAKER_PMPTSP"] = 6,
        ["DLH"] = 7, ["DINKES"] = 5, ["DISDIKBUD"] = 5, ["DINSOS"] = 5, ["BAPENDA"] = 4, ["DISKOMINFO"] = 3,
        ["DISKOPINDAG"] = 3, ["BPBD"] = 2, ["SETDA"] = 2, ["BKPSDM"] = 1.5, ["DISPORAPAR"] = 1.5,
        ["DISPANGTAN"] = 1, ["BKAD"] = 1, ["BAPPEDA"] = 1, ["INSPEKTORAT"] = 1,
    };

    public static readonly WeightedChoice<byte> Agencies = new(
        AgencyCodes.Select((code, i) => ((byte)i, AgencyWeights.GetValueOrDefault(code, 1.0))));

    private static readonly Dictionary<string, (string Name, double Weight)[]> CategoriesByAgency = new(StringComparer.Ordinal)
    {
        ["DISHUB"] = [("Parkir Liar", 45), ("Perhubungan", 30), ("Rambu dan Marka Jalan", 12), ("Angkutan Umum", 8), ("Lampu Lalu Lintas", 5)],
        ["DISPENDUKCAPIL"] = [("Administrasi Kependudukan", 70), ("KTP Elektronik", 20), ("Akta Kelahiran", 10)],
        ["SATPOLPP"] = [("Ketertiban Umum", 60), ("Pedagang Kaki Lima", 30), ("Bangunan Liar", 10)],
        ["DPUPRPKP"] = [("Jalan dan Drainase", 55), ("Penerangan Jalan Umum (PJU)", 30), ("Jembatan", 8), ("Perumahan", 7)],
        ["DISNAKER_PMPTSP"] = [("Perizinan", 65), ("Ketenagakerjaan", 35)],
        ["DLH"] = [("Kebersihan dan Sampah", 60), ("Pencemaran Lingkungan", 25), ("Taman Kota", 15)],
        ["DINKES"] = [("Kesehatan", 60), ("Layanan Puskesmas", 40)],
        ["DISDIKBUD"] = [("Pendidikan", 75), ("SPMB", 25)],
        ["DINSOS"] = [("Sosial", 45), ("Bantuan Sosial", 55)],
        ["BAPENDA"] = [("Pajak Daerah", 60), ("PBB", 40)],
        ["DISKOMINFO"] = [("Layanan Informasi", 60), ("Aplikasi Pemerintah", 40)],
        ["DISKOPINDAG"] = [("Pasar dan Perdagangan", 100)],
        ["BPBD"] = [("Kebencanaan", 100)],
        ["SETDA"] = [("Pelayanan Publik", 50), ("Lainnya", 50)],
        ["BKPSDM"] = [("Kepegawaian", 100)],
        ["DISPORAPAR"] = [("Pariwisata dan Olahraga", 100)],
        ["DISPANGTAN"] = [("Pertanian dan Pangan", 100)],
        ["BKAD"] = [("Aset Daerah", 100)],
        ["BAPPEDA"] = [("Perencanaan Pembangunan", 100)],
        ["INSPEKTORAT"] = [("Pengawasan Aparatur", 100)],
    };

    public static readonly string[] CategoryNames =
        [.. CategoriesByAgency.Values.SelectMany(c => c.Select(x => x.Name)).Append("Lainnya").Distinct(StringComparer.Ordinal)];

    private static readonly WeightedChoice<short>[] CategoriesForAgency =
    [
        .. AgencyCodes.Select(code => new WeightedChoice<short>(
            CategoriesByAgency.GetValueOrDefault(code, [("Lainnya", 1)])
                .Select(c => ((short)Array.IndexOf(CategoryNames, c.Name), c.Weight)))),
    ];

    public static readonly string[] KelurahanCodes = [.. ReferenceData.Kelurahan.Select(k => k.Code)];

    // Kelurahan populations are the kecamatan's share (ReferenceData): complaints follow where people live.
    private static readonly WeightedChoice<short> Kelurahan = new(
        ReferenceData.Kelurahan.Select((k, i) => ((short)i, (double)Math.Max(k.Population, 1))));

    public const double NoKelurahanShare = 0.05;

    private static readonly string[] FirstNames =
    [
        "Agus", "Budi", "Siti", "Sri", "Dewi", "Eko", "Bambang", "Slamet", "Wahyu", "Rina", "Indah", "Yuliana", "Joko",
        "Hadi", "Sugeng", "Suparman", "Sutrisno", "Ahmad", "Muhammad", "Nur", "Fitri", "Retno", "Endah", "Rudi", "Dian",
        "Andi", "Rizky", "Putri", "Ayu", "Dimas", "Fajar", "Ilham", "Yusuf", "Hendra", "Heru", "Teguh", "Wulan", "Lestari",
        "Nanik", "Tri", "Dwi", "Arif", "Mochamad", "Siswanto", "Supriyadi", "Kartini", "Yuni", "Anisa", "Galih", "Bagus",
        "Novi", "Rahmat", "Imam", "Ika", "Rosyid", "Zainal", "Tutik", "Sumarni", "Yoga", "Dinda",
    ];

    private static readonly string[] LastNames =
    [
        "Santoso", "Wijaya", "Prasetyo", "Susanto", "Hidayat", "Setiawan", "Kurniawan", "Saputra", "Nugroho", "Rahmawati",
        "Handayani", "Wulandari", "Pratama", "Firmansyah", "Hermawan", "Suryadi", "Utomo", "Purnama", "Anggraini",
        "Maulana", "Ramadhan", "Syahputra", "Hakim", "Fauzi", "Permatasari", "Yulianto", "Wibowo", "Budiman", "Haryanto",
        "Kusuma", "Rohman", "Efendi", "Irawan", "Puspitasari", "Sulistyowati",
    ];

    // Telkomsel, Indosat, XL/Axis, Smartfren, Tri prefixes.
    private static readonly string[] PhonePrefixes =
    [
        "0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0851", "0814", "0815", "0816", "0855", "0856",
        "0857", "0858", "0817", "0818", "0819", "0859", "0877", "0878", "0831", "0832", "0838", "0881", "0882", "0887",
        "0895", "0896", "0897", "0898",
    ];

    // Reports arrive mostly in office and evening hours (WIB), and on weekdays.
    private static readonly double[] HourWeights = Normalise(
    [
        0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 2.0, 2.2, 2.2, 2.0, 1.7, 1.8, 1.9, 1.8, 1.6, 1.4, 1.3, 1.4, 1.3, 1.0, 0.7, 0.4,
    ]);

    /// <summary>Indexed by <see cref="DayOfWeek"/> (Sunday first).</summary>
    private static readonly double[] WeekdayWeights = [0.55, 1.2, 1.15, 1.1, 1.1, 1.0, 0.65];

    public static readonly double MaxHourlyRate = BaseDailyRate / 24.0 * HourWeights.Max() * WeekdayWeights.Max();

    /// <summary>Complaints per hour at <paramref name="at"/>.</summary>
    public static double HourlyRate(DateTimeOffset at)
    {
        var local = at.ToOffset(Wib);
        return BaseDailyRate / 24.0 * HourWeights[local.Hour] * WeekdayWeights[(int)local.DayOfWeek];
    }

    /// <summary>Working day on which a settled complaint closes (0 = the day it came in), if within the rule.</summary>
    private static readonly WeightedChoice<int> OnTimeCloseDay = new([(0, 8), (1, 24), (2, 24), (3, 19), (4, 14), (5, 11)]);

    private static readonly WeightedChoice<int> ResponseDay = new([(0, 40), (1, 35), (2, 15), (3, 6), (4, 4)]);

    private static readonly WeightedChoice<byte> Ratings = new([(5, 38), (4, 30), (3, 12), (2, 8), (1, 12)]);

    /// <summary>Shares of the outcomes (the rest is verified and followed up).</summary>
    public const double WithdrawnShare = 0.003;
    private const double NeverVerifiedShare = 0.003;
    private const double NotAuthorisedShare = 0.03;
    private const double ArchivedShare = 0.03;
    private const double PostponedShare = 0.02;
    private const double NoResponseShare = 0.002;
    private const double StuckInProcessShare = 0.01;
    private const double OnTimeShare = 0.965;
    private const double AspirationOnTimeShare = 0.85;
    private const double RatedShare = 0.4;

    /// <summary>Draws a complaint submitted at <paramref name="submitted"/> with its whole planned lifecycle.</summary>
    public static ComplaintPlan CreatePlan(string id, DateTimeOffset submitted, SimulatorRandom r)
    {
        var t0 = Truncate(submitted);
        var agency = Agencies.PickIndex(r);
        var type = Types.Pick(r);
        var plan = new ComplaintPlan
        {
            Id = id,
            Channel = Channels.Pick(r),
            Type = type,
            Agency = (byte)agency,
            Category = CategoriesForAgency[agency].Pick(r),
            Kelurahan = r.Chance(NoKelurahanShare) ? (short)-1 : Kelurahan.Pick(r),
            FirstName = (short)r.Next(FirstNames.Length),
            LastName = r.Chance(0.2) ? (short)-1 : (short)r.Next(LastNames.Length),
            PhonePrefix = (byte)r.Next(PhonePrefixes.Length),
            PhoneDigits = (byte)(r.Chance(0.7) ? 8 : 7),
            PhoneNumber = r.Next(1_000_000, 99_999_999),
            Events = [],
        };
        var events = new List<ComplaintEvent>(6) { new(t0.UtcTicks, ComplaintEventKind.Submitted) };
        AddLifecycle(events, t0, type, r);
        if (r.Chance(WithdrawnShare))
        {
            var withdrawn = Truncate(t0 + TimeSpan.FromHours(r.Uniform(0.5, 96))).UtcTicks;
            events.RemoveAll(e => e.Kind != ComplaintEventKind.Submitted && e.UtcTicks >= withdrawn);
            events.Add(new ComplaintEvent(withdrawn, ComplaintEventKind.Withdrawn));
        }
        plan.Events = [.. events];
        return plan;
    }

    private static void AddLifecycle(List<ComplaintEvent> events, DateTimeOffset t0, byte type, SimulatorRandom r)
    {
        // Verification by the SAMBAT/LAPOR! admin: hours to about two days, 06:00–22:00 any day.
        var verified = AdminHours(t0 + TimeSpan.FromHours(Math.Clamp(r.LogNormal(3, 1.0), 0.08, 48)), r);
        if (r.Chance(NeverVerifiedShare))
        {
            return;
        }
        var exit = r.NextDouble();
        if (exit < NotAuthorisedShare + ArchivedShare + PostponedShare)
        {
            var kind = exit < NotAuthorisedShare ? ComplaintEventKind.NotAuthorised
                : exit < NotAuthorisedShare + ArchivedShare ? ComplaintEventKind.Archived
                : ComplaintEventKind.Postponed;
            events.Add(new ComplaintEvent(verified.UtcTicks, kind));
            return;
        }
        events.Add(new ComplaintEvent(verified.UtcTicks, ComplaintEventKind.Verified));
        if (r.Chance(NoResponseShare))
        {
            return;
        }
        var onTime = r.Chance(type == TypeAspirasi ? AspirationOnTimeShare : OnTimeShare);
        var closeDay = onTime ? OnTimeCloseDay.Pick(r) : 6 + (int)Math.Min(r.Exponential(7), 50);
        // Cases that stall in "proses" (field inspections, disputes) are settled late, within the 60-day rule's reach.
        var stalled = r.Chance(StuckInProcessShare);
        if (stalled)
        {
            onTime = false;
            closeDay = 20 + (int)Math.Min(r.Exponential(15), 60);
        }
        var (responded, responseDay) = OnWorkingDay(t0, Math.Min(closeDay, ResponseDay.Pick(r)), verified, r, early: true);
        events.Add(new ComplaintEvent(responded.UtcTicks, ComplaintEventKind.Responded));
        var (closed, _) = OnWorkingDay(t0, Math.Max(closeDay, responseDay), responded, r, early: false);
        var deadline = Deadline(t0, 5);
        if (onTime && closed > deadline && deadline > responded + TimeSpan.FromMinutes(1))
        {
            closed = Truncate(responded + ((deadline - responded) * r.Uniform(0.3, 0.95)));
        }
        events.Add(new ComplaintEvent(closed.UtcTicks, ComplaintEventKind.Closed));
        if (r.Chance(RatedShare))
        {
            var rated = Truncate(closed + TimeSpan.FromHours(Math.Clamp(r.LogNormal(5, 1.3), 0.1, 240)));
            events.Add(new ComplaintEvent(rated.UtcTicks, ComplaintEventKind.Rated, Ratings.Pick(r)));
        }
    }

    /// <summary>
    /// The events that follow a complaint whose plan has run out when someone acts on it now: a stalled one moves
    /// on, a settled one gets rated, a closed one is reopened (the reporter disagreed) and settled again later.
    /// </summary>
    public static ComplaintEvent[] Resume(ComplaintVersion version, DateTimeOffset now, SimulatorRandom r)
    {
        var t = Truncate(now);
        var (status, _, _, _, rating) = StateOf(version);
        var list = new List<ComplaintEvent>(3);
        switch (status)
        {
            case 0 or 4: // belum_terverifikasi, ditunda
                list.Add(new(t.UtcTicks, ComplaintEventKind.Verified));
                var (responded, _) = OnWorkingDay(t, 1, t, r, early: true);
                list.Add(new(responded.UtcTicks, ComplaintEventKind.Responded));
                list.Add(new(OnWorkingDay(t, 2, responded, r, early: false).At.UtcTicks, ComplaintEventKind.Closed));
                break;
            case 1: // belum_ditindaklanjuti
                list.Add(new(t.UtcTicks, ComplaintEventKind.Responded));
                list.Add(new(OnWorkingDay(t, 1, t, r, early: false).At.UtcTicks, ComplaintEventKind.Closed));
                break;
            case 2: // proses
                list.Add(new(t.UtcTicks, ComplaintEventKind.Closed));
                break;
            case 3 when rating is null:
                list.Add(new(t.UtcTicks, ComplaintEventKind.Rated, Ratings.Pick(r)));
                break;
            default:
                list.Add(new(t.UtcTicks, ComplaintEventKind.Reopened));
                list.Add(new(OnWorkingDay(t, 1 + r.Next(3), t, r, early: false).At.UtcTicks, ComplaintEventKind.Closed));
                break;
        }
        return [.. list];
    }

    /// <summary>Status index, verified, first response, closed and rating after the version's applied events.</summary>
    public static (int Status, DateTimeOffset? Verified, DateTimeOffset? Responded, DateTimeOffset? Closed, int? Rating)
        StateOf(ComplaintVersion version)
    {
        var status = 0;
        DateTimeOffset? verified = null, responded = null, closed = null;
        int? rating = null;
        for (var i = 0; i < version.Applied; i++)
        {
            var e = version.Events[i];
            switch (e.Kind)
            {
                case ComplaintEventKind.Verified:
                    status = 1;
                    verified = e.At;
                    break;
                case ComplaintEventKind.Responded:
                    status = 2;
                    responded = e.At;
                    break;
                case ComplaintEventKind.Closed:
                    status = 3;
                    closed = e.At;
                    break;
                case ComplaintEventKind.Rated:
                    rating = e.Rating;
                    break;
                case ComplaintEventKind.Postponed:
                    status = 4;
                    break;
                case ComplaintEventKind.NotAuthorised:
                    status = 5;
                    closed = e.At;
                    break;
                case ComplaintEventKind.Archived:
                    status = 6;
                    closed = e.At;
                    break;
                case ComplaintEventKind.Reopened:
                    status = 2;
                    closed = null;
                    rating = null;
                    break;
                default:
                    break;
            }
        }
        return (status, verified, responded, closed, rating);
    }

    private static readonly JsonEncodedText ChannelName = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText CategoryName = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText AgencyCodeName = JsonEncodedText.Encode("agency_code");
    private static readonly JsonEncodedText KelurahanCodeName = JsonEncodedText.Encode("kelurahan_code");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText SubmittedAtName = JsonEncodedText.Encode("submitted_at");
    private static readonly JsonEncodedText VerifiedAtName = JsonEncodedText.Encode("verified_at");
    private static readonly JsonEncodedText FirstResponseAtName = JsonEncodedText.Encode("first_response_at");
    private static readonly JsonEncodedText ClosedAtName = JsonEncodedText.Encode("closed_at");
    private static readonly JsonEncodedText RatingName = JsonEncodedText.Encode("rating");
    private static readonly JsonEncodedText ReporterName = JsonEncodedText.Encode("reporter");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText PhoneName = JsonEncodedText.Encode("phone");

    /// <summary>The contract's fields of a complaint version, between <c>id</c> and <c>updated_at</c>.</summary>
    public static void WritePayload(Utf8JsonWriter writer, ComplaintVersion version, SimulatorOptions options)
    {
        var p = version.Plan;
        var (status, verified, responded, closed, rating) = StateOf(version);
        writer.WriteString(ChannelName, ChannelNames[p.Channel]);
        writer.WriteString(TypeName, TypeNames[p.Type]);
        writer.WriteString(CategoryName, CategoryNames[p.Category]);
        writer.WriteString(AgencyCodeName, AgencyCodes[p.Agency]);
        if (p.Kelurahan < 0)
        {
            writer.WriteNull(KelurahanCodeName);
        }
        else
        {
            writer.WriteString(KelurahanCodeName, KelurahanCodes[p.Kelurahan]);
        }
        writer.WriteString(StatusName, StatusNames[status]);
        SimulatorJson.WriteTimestamp(writer, SubmittedAtName, version.Events[0].At);
        SimulatorJson.WriteTimestamp(writer, VerifiedAtName, verified);
        SimulatorJson.WriteTimestamp(writer, FirstResponseAtName, responded);
        SimulatorJson.WriteTimestamp(writer, ClosedAtName, closed);
        if (rating is { } value)
        {
            writer.WriteNumber(RatingName, value);
        }
        else
        {
            writer.WriteNull(RatingName);
        }
        writer.WriteStartObject(ReporterName);
        writer.WriteString(NameName, options.PersonalName(p.LastName < 0 ? FirstNames[p.FirstName] : FirstNames[p.FirstName] + " " + LastNames[p.LastName]));
        writer.WriteString(PhoneName, PhonePrefixes[p.PhonePrefix] +
            (p.PhoneNumber % (p.PhoneDigits == 8 ? 100_000_000 : 10_000_000)).ToString(p.PhoneDigits == 8 ? "D8" : "D7", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    /// <summary>The WIB date and time of an instant, at whole seconds.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) => SimulatorJson.Truncate(t);

    public static bool IsWorkingDay(DateOnly day) => WorkingCalendar.WeekendsOnly.IsWorkingDay(day);

    public static DateOnly DateOf(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(Wib).DateTime);

    private static DateTimeOffset At(DateOnly day, double hours) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wib) + TimeSpan.FromHours(hours);

    /// <summary>The deadline <paramref name="days"/> working days after <paramref name="start"/>, by the city's working calendar.</summary>
    public static DateTimeOffset Deadline(DateTimeOffset start, int days) => WorkingCalendar.WeekendsOnly.AddWorkingDays(start, days).ToOffset(Wib);

    /// <summary>
    /// The date of working day <paramref name="k"/> counted from <paramref name="t0"/>'s date: 0 is that date when it
    /// is a working day, k &gt; 0 the k-th working day after it.
    /// </summary>
    private static DateOnly WorkingDate(DateTimeOffset t0, int k)
    {
        var day = DateOf(t0);
        if (k == 0 && IsWorkingDay(day))
        {
            return day;
        }
        for (var n = 0; n < Math.Max(k, 1);)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                n++;
            }
        }
        return day;
    }

    /// <summary>
    /// An agency action in office hours (07:30–16:00 WIB) of working day <paramref name="k"/> after
    /// <paramref name="t0"/>, later than <paramref name="after"/>; some happen in overtime, otherwise the action
    /// slips to the next working day.
    /// </summary>
    private static (DateTimeOffset At, int Day) OnWorkingDay(DateTimeOffset t0, int k, DateTimeOffset after, SimulatorRandom r, bool early)
    {
        for (; ; k++)
        {
            var date = WorkingDate(t0, k);
            var open = At(date, 7.5);
            var close = At(date, 16);
            var start = after + TimeSpan.FromMinutes(2) > open ? after + TimeSpan.FromMinutes(2) : open;
            if (start < close)
            {
                var u = r.NextDouble();
                return (Truncate(start + ((close - start) * (early ? u * u : u))), k);
            }
            if (start < At(date, 21) && r.Chance(0.4))
            {
                return (Truncate(start + TimeSpan.FromMinutes(r.Uniform(2, 45))), k);
            }
        }
    }

    /// <summary>Admin desk hours, 06:00–22:00 WIB, any day.</summary>
    private static DateTimeOffset AdminHours(DateTimeOffset t, SimulatorRandom r)
    {
        var local = t.ToOffset(Wib);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < 6)
        {
            return Truncate(At(date, 6 + r.Uniform(0, 2)));
        }
        if (local.Hour >= 22)
        {
            return Truncate(At(date.AddDays(1), 6 + r.Uniform(0, 2)));
        }
        return Truncate(t);
    }

    private static double[] Normalise(double[] weights)
    {
        var mean = weights.Average();
        return [.. weights.Select(w => w / mean)];
    }
}
