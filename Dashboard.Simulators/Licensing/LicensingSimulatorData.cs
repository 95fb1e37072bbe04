using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Licensing;

public enum PermitEventKind : byte
{
    Submitted = 0,
    Verification,
    Correction,
    TechnicalReview,
    AwaitingPayment,
    /// <summary>The retribution is paid: <c>paid_at</c> is set, the status stays until the permit is issued.</summary>
    Paid,
    Issued,
    Rejected,
    WithdrawnByApplicant,
    Cancelled,
    /// <summary>The source served the file again unchanged (a re-sync): only <c>updated_at</c> moves.</summary>
    Resent,
    /// <summary>The record is withdrawn from the source: served as a tombstone.</summary>
    Deleted,
}

/// <summary>One step of a file's lifecycle, at a whole second.</summary>
public readonly record struct PermitEvent(long UtcTicks, PermitEventKind Kind) : IPlannedEvent<PermitEvent>
{
    public DateTimeOffset At => new(UtcTicks, TimeSpan.Zero);

    public bool Withdraws => Kind == PermitEventKind.Deleted;

    public PermitEvent Retimed(long utcTicks) => this with { UtcTicks = utcTicks };
}

/// <summary>A file's fixed attributes and its planned timeline.</summary>
public sealed class PermitPlan : PlannedRecord<PermitEvent>
{
    public byte Type { get; init; }
    public short Kelurahan { get; init; }
    public bool Company { get; init; }
    public byte Risk { get; init; }
    public string? Kbli { get; init; }
    public long? Retribution { get; init; }
    public long? Investment { get; init; }
    public int Person { get; init; }
}

/// <summary>A served version: the plan as of its first <see cref="Applied"/> events.</summary>
public readonly record struct PermitVersion(PermitPlan Plan, PermitEvent[] Events, int Applied);

/// <summary>A permit type of the simulated one-stop service.</summary>
public sealed record PermitTypeSpec(string Code, string Name, string Channel, int SlaDays, string? Agency, bool Retribution, double PerYear, bool TechnicalReview);

/// <summary>A NIB as served.</summary>
public sealed record NibVersion(DateTimeOffset IssuedAt, string Kbli, string Risk, string Scale, string Kelurahan, long? Investment, int Person);

/// <summary>An LKPM aggregate as served.</summary>
public sealed record ReportVersion(string Period, string Kind, string Sector, long Value);

/// <summary>
/// Calibration and rendering of the simulated licensing service. Every number is an assumption from docs/DOMAIN.md
/// (licensing): about 12,000 files a year over 25 permit types, 8–15 % sent back for correction at least once, 80–90 %
/// of simple permits on time and fewer PBG, PBG files of which about half stall before the retribution is paid (some
/// never paid, cancelled months later), 5,000–9,000 NIB a year, mostly micro and low risk, with a December spike, and
/// investment of Rp2–3 T a year (Q1 ≈ 30 %, Q3 cumulative ≈ 74 %), PMA about a tenth.
/// </summary>
internal static class LicensingSimulatorData
{
    public static readonly TimeSpan Wib = SimulatorJson.WibOffset;

    public static readonly IReadOnlyList<PermitTypeSpec> Types =
    [
        new("pbg_rumah", "PBG rumah tinggal", "simbg", 10, "DPUPRPKP", true, 1100, true),
        new("pbg_usaha", "PBG bangunan usaha", "simbg", 45, "DPUPRPKP", true, 700, true),
        new("slf", "Sertifikat laik fungsi", "simbg", 10, "DPUPRPKP", false, 400, true),
        new("pkkpr", "Persetujuan kesesuaian kegiatan pemanfaatan ruang", "oss", 20, "DPUPRPKP", false, 500, true),
        new("ss_menengah_tinggi", "Sertifikat standar risiko menengah tinggi", "oss", 5, "DISNAKER_PMPTSP", false, 1600, false),
        new("izin_risiko_tinggi", "Izin usaha risiko tinggi", "oss", 10, "DISNAKER_PMPTSP", false, 500, true),
        new("ss_kesehatan", "Sertifikat standar sektor kesehatan", "oss", 10, "DINKES", false, 350, true),
        new("sip_dokter", "Surat izin praktik dokter", "sicantik", 3, "DINKES", false, 900, false),
        new("sip_dokter_gigi", "Surat izin praktik dokter gigi", "sicantik", 3, "DINKES", false, 250, false),
        new("sip_bidan", "Surat izin praktik bidan", "sicantik", 3, "DINKES", false, 500, false),
        new("sip_perawat", "Surat izin praktik perawat", "sicantik", 3, "DINKES", false, 900, false),
        new("sipa_apoteker", "Surat izin praktik apoteker", "sicantik", 3, "DINKES", false, 400, false),
        new("sia_apotek", "Surat izin apotek", "sicantik", 5, "DINKES", false, 150, true),
        new("sik_fisioterapis", "Surat izin kerja fisioterapis", "sicantik", 3, "DINKES", false, 150, false),
        new("izin_klinik", "Izin operasional klinik pratama", "sicantik", 10, "DINKES", false, 80, true),
        new("reklame_tetap", "Izin penyelenggaraan reklame tetap", "sicantik", 5, "DISNAKER_PMPTSP", false, 700, false),
        new("reklame_insidental", "Izin reklame insidental", "sicantik", 1, "DISNAKER_PMPTSP", false, 1200, false),
        new("izin_penelitian", "Rekomendasi izin penelitian", "sicantik", 2, "DISNAKER_PMPTSP", false, 1000, false),
        new("tdup", "Tanda daftar usaha pariwisata", "oss", 5, "DISPORAPAR", false, 300, false),
        new("izin_toko_modern", "Izin usaha toko swalayan", "oss", 10, "DISKOPINDAG", false, 60, true),
        new("persetujuan_lingkungan", "Persetujuan lingkungan UKL-UPL", "oss", 25, "DLH", false, 150, true),
        new("izin_angkutan", "Izin penyelenggaraan angkutan", "sicantik", 7, "DISHUB", false, 100, true),
        new("andalalin", "Persetujuan analisis dampak lalu lintas", "sicantik", 20, "DISHUB", false, 60, true),
        new("izin_satuan_pendidikan", "Izin operasional satuan pendidikan", "sicantik", 14, "DISDIKBUD", false, 50, true),
        new("izin_lpk", "Izin lembaga pelatihan kerja", "sicantik", 10, "DISNAKER_PMPTSP", false, 30, true),
    ];

    public static readonly double FilesPerYear = Types.Sum(t => t.PerYear);

    private static readonly WeightedChoice<byte> TypeChoice = new(Types.Select((t, i) => ((byte)i, t.PerYear)));

    public static readonly string[] KelurahanCodes = [.. ReferenceData.Kelurahan.Select(k => k.Code)];

    private static readonly WeightedChoice<short> Kelurahan = new(
        ReferenceData.Kelurahan.Select((k, i) => ((short)i, (double)Math.Max(k.Population, 1))));

    public static readonly string[] RiskNames = ["rendah", "menengah_rendah", "menengah_tinggi", "tinggi"];
    public static readonly string[] ScaleNames = ["mikro", "kecil", "menengah", "besar"];
    public static readonly string[] Kbli = ["56101", "56103", "47111", "47724", "55110", "68111", "41011", "86103", "85139", "96111", "10792", "46100"];
    public static readonly string[] SectorNames =
        ["makanan_minuman", "perumahan", "hotel_restoran", "perdagangan", "industri", "kesehatan", "pendidikan", "transportasi", "jasa_lainnya"];
    private static readonly double[] SectorWeights = [0.22, 0.2, 0.15, 0.12, 0.08, 0.07, 0.06, 0.04, 0.06];

    public static readonly IReadOnlyDictionary<string, string[]> UnknownEnumValues = new Dictionary<string, string[]>
    {
        ["status"] = ["ditangguhkan", "menunggu_ttd"],
        ["channel"] = ["sipd", "manual"],
        ["risk_level"] = ["sangat_tinggi"],
        ["applicant_kind"] = ["koperasi"],
        ["scale"] = ["ultra_mikro"],
        ["kind"] = ["PMDN_KHUSUS"],
        ["sector"] = ["ekonomi_kreatif"],
    };

    /// <summary>Permit types were last revised on this day (their <c>updated_at</c>).</summary>
    public static readonly DateTimeOffset TypesRevisedAt = new(2025, 1, 2, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Share of a day's files per WIB hour: the counters open at 08:00; OSS and SiCantik take files online at night too.</summary>
    private static readonly double[] HourShare = Normalise(
    [
        0.1, 0.05, 0.03, 0.03, 0.05, 0.1, 0.3, 1.0, 6.0, 9.0, 9.5, 8.5, 6.0, 7.5, 7.0, 4.5, 1.5, 1.0, 0.9, 0.9, 0.8, 0.6, 0.4, 0.2,
    ]);

    /// <summary>Indexed by <see cref="DayOfWeek"/> (Sunday first).</summary>
    private static readonly double[] WeekdayWeights = [0.08, 1.25, 1.1, 1.05, 1.0, 0.85, 0.1];

    private static readonly double[] MonthWeights = [1.0, 0.95, 0.85, 0.9, 1.0, 1.05, 1.05, 1.0, 1.0, 1.05, 1.05, 1.1];

    private static readonly double WorkingDayRate = FilesPerYear / 250.0;

    public static readonly double MaxHourlyRate = WorkingDayRate * HourShare.Max() * WeekdayWeights.Max() * MonthWeights.Max() * 1.1;

    public static double HourlyRate(DateTimeOffset at)
    {
        var local = at.ToOffset(Wib);
        var day = DateOnly.FromDateTime(local.DateTime);
        // The counters are shut on holidays; online submissions go on at a weekend's pace.
        var weekday = WorkingCalendar.Official.IsWorkingDay(day) ? WeekdayWeights[(int)local.DayOfWeek] : 0.08;
        return WorkingDayRate * HourShare[local.Hour] * weekday * MonthWeights[local.Month - 1];
    }

    public const double CorrectionShare = 0.11;
    public const double PbgCorrectionShare = 0.25;
    public const double RejectedShare = 0.05;
    public const double WithdrawnShare = 0.015;
    public const double DeletedShare = 0.002;

    /// <summary>PBG files approved whose retribution is paid within days; the others stall.</summary>
    public const double PbgPromptPayment = 0.5;

    /// <summary>Of the stalled PBG files, those never paid: cancelled after three to six months.</summary>
    public const double PbgNeverPaid = 0.25;

    /// <summary>Draws a file submitted at <paramref name="submitted"/> with its whole planned lifecycle.</summary>
    public static PermitPlan CreatePlan(string id, DateTimeOffset submitted, SimulatorRandom r)
    {
        var t0 = SimulatorJson.Truncate(submitted);
        var typeIndex = TypeChoice.Pick(r);
        var type = Types[typeIndex];
        var pbg = type.Retribution;
        var events = new List<PermitEvent> { new(t0.UtcTicks, PermitEventKind.Submitted) };
        // The city's working days on the file, as a share of its SLA.
        var share = pbg ? r.LogNormal(0.6, 0.5) : r.LogNormal(0.45, 0.55);
        if (r.Chance(0.03))
        {
            share += r.Uniform(0.5, 3); // stuck at a desk
        }
        var cityHours = Math.Max(type.SlaDays, 1) * 8 * share;
        var t = AddWorkingHours(t0, Math.Min(cityHours * 0.15, r.Uniform(0.2, 6)));
        events.Add(new(Next(t, events).UtcTicks, PermitEventKind.Verification));

        var correction = r.Chance(pbg ? PbgCorrectionShare : CorrectionShare);
        if (correction)
        {
            t = AddWorkingHours(t, cityHours * 0.2);
            events.Add(new(Next(t, events).UtcTicks, PermitEventKind.Correction));
            if (r.Chance(WithdrawnShare / CorrectionShare * 0.5))
            {
                t += TimeSpan.FromDays(r.Uniform(3, 40));
                events.Add(new(Next(t, events).UtcTicks, PermitEventKind.WithdrawnByApplicant));
                return Finish(id, typeIndex, r, events, pbg);
            }
            // The applicant answers in days to weeks.
            t += TimeSpan.FromDays(Math.Min(r.LogNormal(5, 0.8), 60));
            events.Add(new(Next(t, events).UtcTicks, PermitEventKind.Verification));
        }
        if (type.TechnicalReview)
        {
            t = AddWorkingHours(t, cityHours * 0.3);
            events.Add(new(Next(t, events).UtcTicks, PermitEventKind.TechnicalReview));
        }
        t = AddWorkingHours(t, cityHours * (type.TechnicalReview ? 0.45 : 0.7));
        if (r.Chance(RejectedShare))
        {
            events.Add(new(Next(t, events).UtcTicks, PermitEventKind.Rejected));
            return Finish(id, typeIndex, r, events, pbg);
        }
        if (pbg)
        {
            events.Add(new(Next(t, events).UtcTicks, PermitEventKind.AwaitingPayment));
            if (!r.Chance(PbgPromptPayment) && r.Chance(PbgNeverPaid))
            {
                t += TimeSpan.FromDays(r.Uniform(90, 180));
                events.Add(new(Next(t, events).UtcTicks, PermitEventKind.Cancelled));
                return Finish(id, typeIndex, r, events, pbg);
            }
            t = r.Chance(PbgPromptPayment / (1 - ((1 - PbgPromptPayment) * PbgNeverPaid)))
                ? t + TimeSpan.FromHours(r.Uniform(2, 60))
                : t + TimeSpan.FromDays(Math.Min(r.LogNormal(35, 0.7), 240));
            events.Add(new(Next(t, events).UtcTicks, PermitEventKind.Paid));
            t = AddWorkingHours(t, r.Uniform(1, 10));
        }
        events.Add(new(Next(t, events).UtcTicks, PermitEventKind.Issued));
        return Finish(id, typeIndex, r, events, pbg);
    }

    private static PermitPlan Finish(string id, byte typeIndex, SimulatorRandom r, List<PermitEvent> events, bool pbg)
    {
        if (r.Chance(DeletedShare))
        {
            var at = events[0].UtcTicks + TimeSpan.FromHours(r.Uniform(1, 72)).Ticks;
            events.RemoveAll(e => e.Kind != PermitEventKind.Submitted && e.UtcTicks >= at);
            events.Add(new PermitEvent(SimulatorJson.Truncate(new DateTimeOffset(at, TimeSpan.Zero)).UtcTicks, PermitEventKind.Deleted));
        }
        var type = Types[typeIndex];
        var company = type.Channel == "oss" ? r.Chance(0.55) : type.Channel == "simbg" ? r.Chance(0.3) : r.Chance(0.05);
        var risk = type.Channel == "oss" ? (byte)(type.Code.Contains("tinggi", StringComparison.Ordinal) ? (type.Code == "izin_risiko_tinggi" ? 3 : 2) : r.Next(1, 4)) : byte.MaxValue;
        long? retribution = pbg ? RoundTo(type.Code == "pbg_usaha" ? r.LogNormal(45_000_000, 0.9) : r.LogNormal(4_500_000, 0.7), 1000) : null;
        long? investment = type.Channel == "oss" ? RoundTo(r.LogNormal(350_000_000, 1.3), 1_000_000) : type.Code == "pbg_usaha" ? RoundTo(r.LogNormal(2_500_000_000, 0.9), 1_000_000) : null;
        return new PermitPlan
        {
            Id = id,
            Type = typeIndex,
            Kelurahan = r.Chance(0.04) ? (short)-1 : Kelurahan.Pick(r),
            Company = company,
            Risk = risk,
            Kbli = type.Channel == "oss" ? Kbli[r.Next(Kbli.Length)] : null,
            Retribution = retribution,
            Investment = investment,
            Person = r.Next(1_000_000),
            Events = [.. events],
        };
    }

    private static long RoundTo(double value, long unit) => Math.Max(unit, (long)Math.Round(value / unit) * unit);

    /// <summary>A step never before the previous one: whole seconds, at least a minute later.</summary>
    private static DateTimeOffset Next(DateTimeOffset t, List<PermitEvent> events)
    {
        var previous = new DateTimeOffset(events[^1].UtcTicks, TimeSpan.Zero);
        var at = SimulatorJson.Truncate(t);
        return at <= previous ? previous + TimeSpan.FromMinutes(1) : at;
    }

    /// <summary>Status, history, issue and payment time after the version's applied events.</summary>
    public static (string Status, List<(string Status, DateTimeOffset At)> History, DateTimeOffset? Issued, DateTimeOffset? Paid) StateOf(PermitVersion version)
    {
        var history = new List<(string, DateTimeOffset)>();
        var status = "diajukan";
        DateTimeOffset? issued = null, paid = null;
        for (var i = 0; i < version.Applied; i++)
        {
            var e = version.Events[i];
            string? next = e.Kind switch
            {
                PermitEventKind.Submitted => "diajukan",
                PermitEventKind.Verification => "verifikasi",
                PermitEventKind.Correction => "perbaikan",
                PermitEventKind.TechnicalReview => "pertimbangan_teknis",
                PermitEventKind.AwaitingPayment => "menunggu_bayar",
                PermitEventKind.Issued => "terbit",
                PermitEventKind.Rejected => "ditolak",
                PermitEventKind.WithdrawnByApplicant => "dicabut",
                PermitEventKind.Cancelled => "dibatalkan",
                _ => null,
            };
            if (e.Kind == PermitEventKind.Paid)
            {
                paid = e.At;
            }
            if (e.Kind == PermitEventKind.Issued)
            {
                issued = e.At;
            }
            if (next is not null)
            {
                status = next;
                history.Add((next, e.At));
            }
        }
        return (status, history, issued, paid);
    }

    /// <summary>The next step of a file someone acts on now: an open one moves on, a closed one is re-sent.</summary>
    public static PermitEvent Resume(PermitVersion version, DateTimeOffset now)
    {
        var (status, _, _, _) = StateOf(version);
        var kind = status switch
        {
            "diajukan" => PermitEventKind.Verification,
            "verifikasi" or "perbaikan" => PermitEventKind.TechnicalReview,
            "pertimbangan_teknis" or "menunggu_bayar" => PermitEventKind.Issued,
            _ => PermitEventKind.Resent,
        };
        return new PermitEvent(SimulatorJson.Truncate(now).UtcTicks, kind);
    }

    private static readonly string[] FirstNames = ["Agus", "Sri", "Budi", "Dewi", "Eko", "Siti", "Hendra", "Rina", "Wahyu", "Lestari", "Yoga", "Indah"];
    private static readonly string[] LastNames = ["Santoso", "Wulandari", "Prasetyo", "Rahayu", "Hidayat", "Kusuma", "Saputra", "Maharani"];
    private static readonly string[] Streets = ["Jl. Ijen", "Jl. Soekarno Hatta", "Jl. Kawi", "Jl. Veteran", "Jl. Borobudur", "Jl. Sulfat", "Jl. Danau Toba"];

    public static string PersonName(int person) => FirstNames[person % FirstNames.Length] + " " + LastNames[person / 7 % LastNames.Length];

    public static string Nik(int person) => string.Create(CultureInfo.InvariantCulture, $"3573{(person % 5) + 1:D2}{person % 2_000_000:D10}");

    public static string Phone(int person) => string.Create(CultureInfo.InvariantCulture, $"08{(person * 7919L % 10_000_000_000L):D10}");

    public static string Address(int person) => string.Create(CultureInfo.InvariantCulture, $"{Streets[person % Streets.Length]} No. {(person % 180) + 1}");

    private static readonly JsonEncodedText PermitTypeName = JsonEncodedText.Encode("permit_type");
    private static readonly JsonEncodedText ChannelName = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText KbliName = JsonEncodedText.Encode("kbli");
    private static readonly JsonEncodedText RiskName = JsonEncodedText.Encode("risk_level");
    private static readonly JsonEncodedText ApplicantKindName = JsonEncodedText.Encode("applicant_kind");
    private static readonly JsonEncodedText ApplicantName = JsonEncodedText.Encode("applicant");
    private static readonly JsonEncodedText OwnerName = JsonEncodedText.Encode("owner");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText NikName = JsonEncodedText.Encode("nik");
    private static readonly JsonEncodedText AddressName = JsonEncodedText.Encode("address");
    private static readonly JsonEncodedText PhoneName = JsonEncodedText.Encode("phone");
    private static readonly JsonEncodedText KelurahanName = JsonEncodedText.Encode("kelurahan_code");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText HistoryName = JsonEncodedText.Encode("history");
    private static readonly JsonEncodedText AtName = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText SubmittedName = JsonEncodedText.Encode("submitted_at");
    private static readonly JsonEncodedText IssuedName = JsonEncodedText.Encode("issued_at");
    private static readonly JsonEncodedText RetributionName = JsonEncodedText.Encode("retribution_amount");
    private static readonly JsonEncodedText PaidName = JsonEncodedText.Encode("paid_at");
    private static readonly JsonEncodedText InvestmentName = JsonEncodedText.Encode("investment_value");
    private static readonly JsonEncodedText IssuedAtName = JsonEncodedText.Encode("issued_at");
    private static readonly JsonEncodedText ScaleName = JsonEncodedText.Encode("scale");
    private static readonly JsonEncodedText PeriodName = JsonEncodedText.Encode("period");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText SectorName = JsonEncodedText.Encode("sector");
    private static readonly JsonEncodedText RealisedName = JsonEncodedText.Encode("realised_value");

    /// <summary>The contract's fields of a file version, between <c>id</c> and <c>updated_at</c>.</summary>
    public static void WriteApplication(Utf8JsonWriter writer, PermitVersion version, Ingest.Shared.Ingest.SimulatorOptions options)
    {
        var p = version.Plan;
        var type = Types[p.Type];
        var (status, history, issued, paid) = StateOf(version);
        writer.WriteString(PermitTypeName, type.Code);
        writer.WriteString(ChannelName, type.Channel);
        WriteNullable(writer, KbliName, p.Kbli);
        WriteNullable(writer, RiskName, p.Risk == byte.MaxValue ? null : RiskNames[p.Risk]);
        writer.WriteString(ApplicantKindName, p.Company ? "badan_usaha" : "perorangan");
        writer.WriteStartObject(ApplicantName);
        writer.WriteString(NameName, options.PersonalName(PersonName(p.Person)));
        writer.WriteString(NikName, Nik(p.Person));
        writer.WriteString(AddressName, options.PersonalName(Address(p.Person)));
        writer.WriteString(PhoneName, Phone(p.Person));
        writer.WriteEndObject();
        WriteNullable(writer, KelurahanName, p.Kelurahan < 0 ? null : KelurahanCodes[p.Kelurahan]);
        writer.WriteString(StatusName, status);
        writer.WriteStartArray(HistoryName);
        foreach (var (s, at) in history)
        {
            writer.WriteStartObject();
            writer.WriteString(StatusName, s);
            SimulatorJson.WriteTimestamp(writer, AtName, at);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        SimulatorJson.WriteTimestamp(writer, SubmittedName, version.Events[0].At);
        SimulatorJson.WriteTimestamp(writer, IssuedName, issued);
        WriteNullable(writer, RetributionName, status is "menunggu_bayar" or "terbit" || paid is not null ? p.Retribution : null);
        SimulatorJson.WriteTimestamp(writer, PaidName, paid);
        WriteNullable(writer, InvestmentName, p.Investment);
    }

    public static void WriteNib(Utf8JsonWriter writer, NibVersion n, Ingest.Shared.Ingest.SimulatorOptions options)
    {
        SimulatorJson.WriteTimestamp(writer, IssuedAtName, n.IssuedAt);
        writer.WriteString(KbliName, n.Kbli);
        writer.WriteString(RiskName, n.Risk);
        writer.WriteString(ScaleName, n.Scale);
        writer.WriteString(KelurahanName, n.Kelurahan);
        WriteNullable(writer, InvestmentName, n.Investment);
        writer.WriteStartObject(OwnerName);
        writer.WriteString(NameName, options.PersonalName(PersonName(n.Person)));
        writer.WriteString(NikName, Nik(n.Person));
        writer.WriteEndObject();
    }

    public static void WriteReport(Utf8JsonWriter writer, ReportVersion report)
    {
        writer.WriteString(PeriodName, report.Period);
        writer.WriteString(KindName, report.Kind);
        writer.WriteString(SectorName, report.Sector);
        writer.WriteNull(KelurahanName);
        writer.WriteNumber(RealisedName, report.Value);
    }

    private static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    // ---- NIB ------------------------------------------------------------------------------------------------

    /// <summary>NIB a day on average (before the weekday and December factors): about 7,000 a year.</summary>
    public const double NibPerWorkingDay = 26;

    /// <summary>The NIB issued on a WIB day (deterministic for a seed): any hour, mostly in office hours; December up to 2.5×.</summary>
    public static List<(string Id, NibVersion Nib)> NibsOf(DateOnly day, int seed)
    {
        var r = SimulatorRandom.For(seed, 7_000_000L + day.DayNumber);
        var working = WorkingCalendar.Official.IsWorkingDay(day);
        var mean = NibPerWorkingDay * (working ? 1 : 0.15) * (day.Month == 12 ? 2.5 : 1) * (1 + (0.08 * (day.Year - 2026)));
        var count = Poisson(mean, r);
        var result = new List<(string, NibVersion)>(count);
        for (var i = 0; i < count; i++)
        {
            var hour = working ? r.Uniform(7.5, 17) : r.Uniform(0, 24);
            var at = SimulatorJson.Truncate(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wib).AddHours(hour));
            var u = r.NextDouble();
            var risk = u < 0.72 ? 0 : u < 0.92 ? 1 : u < 0.985 ? 2 : 3;
            var s = r.NextDouble();
            var scale = s < 0.9 ? 0 : s < 0.98 ? 1 : s < 0.995 ? 2 : 3;
            long? investment = scale switch
            {
                0 => r.Chance(0.6) ? RoundTo(r.LogNormal(40_000_000, 0.8), 100_000) : null,
                1 => RoundTo(r.LogNormal(1_500_000_000, 0.6), 1_000_000),
                2 => RoundTo(r.LogNormal(8_000_000_000, 0.5), 1_000_000),
                _ => RoundTo(r.LogNormal(40_000_000_000, 0.6), 1_000_000),
            };
            var id = string.Create(CultureInfo.InvariantCulture, $"912{day.DayNumber % 1_000_000:D6}{i:D4}");
            result.Add((id, new NibVersion(at, Kbli[r.Next(Kbli.Length)], RiskNames[risk], ScaleNames[scale],
                KelurahanCodes[Kelurahan.Pick(r)], investment, r.Next(1_000_000))));
        }
        return result;
    }

    private static int Poisson(double mean, SimulatorRandom r)
    {
        // Knuth's method is fine for the means here (at most about 70).
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= r.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }

    // ---- Investment ---------------------------------------------------------------------------------------

    private static readonly double[] QuarterShares = [0.30, 0.22, 0.22, 0.26];

    /// <summary>Investment realised in a year (Rp): Rp2.8 T in 2024, growing about 6 % a year.</summary>
    public static double YearInvestment(int year) => 2.8e12 * Math.Pow(1.06, year - 2024);

    /// <summary>An LKPM report of a quarter is filed by the 10th of the month after it.</summary>
    public static DateTimeOffset ReportedAt(int year, int quarter) =>
        new(new DateOnly(year, 3 * quarter, 1).AddMonths(1).AddDays(9).ToDateTime(new TimeOnly(10, 0)), Wib);

    /// <summary>The LKPM aggregates of a quarter (deterministic for a seed): per kind and sector.</summary>
    public static List<(string Id, ReportVersion Report)> ReportsOf(int year, int quarter, int seed)
    {
        var r = SimulatorRandom.For(seed, 8_000_000L + (year * 10) + quarter);
        var total = YearInvestment(year) * QuarterShares[quarter - 1] * r.Uniform(0.85, 1.15);
        var period = string.Create(CultureInfo.InvariantCulture, $"{year}-Q{quarter}");
        var result = new List<(string, ReportVersion)>();
        foreach (var (kind, share) in new[] { ("PMDN", 0.9), ("PMA", 0.1) })
        {
            for (var s = 0; s < SectorNames.Length; s++)
            {
                var value = RoundTo(total * share * SectorWeights[s] * r.Uniform(0.7, 1.3), 1_000_000);
                result.Add(($"LKPM-{period}-{kind}-{SectorNames[s]}", new ReportVersion(period, kind, SectorNames[s], value)));
            }
        }
        return result;
    }

    /// <summary>The year's investment targets (RPJMD-style, below what the city realises): PMDN and PMA.</summary>
    public static (long Pmdn, long Pma) TargetsOf(int year)
    {
        var total = 1.4e12 * Math.Pow(1.3, Math.Max(year - 2024, 0));
        return ((long)Math.Round(total * 0.88 / 1e9) * 1_000_000_000L, (long)Math.Round(total * 0.12 / 1e9) * 1_000_000_000L);
    }

    /// <summary>Targets are adopted on the first working day of the year.</summary>
    public static DateTimeOffset TargetsAdoptedAt(int year) => new(year, 1, 2, 9, 0, 0, Wib);

    /// <summary>
    /// The instant <paramref name="hours"/> working hours (08:00–16:00 WIB on working days, holidays off) after
    /// <paramref name="start"/>; work on a file received out of hours starts at the next opening.
    /// </summary>
    public static DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        var local = start.ToOffset(Wib);
        var day = DateOnly.FromDateTime(local.DateTime);
        var left = TimeSpan.FromHours(Math.Max(hours, 0));
        for (var guard = 0; guard < 3660; guard++, day = day.AddDays(1))
        {
            if (!WorkingCalendar.Official.IsWorkingDay(day))
            {
                continue;
            }
            var open = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), Wib);
            var close = new DateTimeOffset(day.ToDateTime(new TimeOnly(16, 0)), Wib);
            var from = local > open ? local : open;
            if (from >= close)
            {
                continue;
            }
            if (from + left <= close)
            {
                return from + left;
            }
            left -= close - from;
        }
        throw new InvalidOperationException("Working hours beyond ten years.");
    }

    private static double[] Normalise(double[] weights)
    {
        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }
}
