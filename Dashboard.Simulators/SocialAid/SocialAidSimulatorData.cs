using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.SocialAid;

/// <summary>
/// A simulated DTSEN family. Mutable fields change under the simulator's lock only; served versions copy what
/// they need, so they stay immutable.
/// </summary>
internal sealed class SimFamily
{
    public required int Index { get; init; }
    public required string RegistryId { get; init; }
    public required string HeadNik { get; init; }
    public short FirstName { get; init; }
    /// <summary>-1 for a single name.</summary>
    public short LastName { get; init; }
    public short Kelurahan { get; init; }
    /// <summary>PKH per tahap for this family's components (a quarter of the yearly amounts).</summary>
    public int PkhAmount { get; init; }
    public byte Desil { get; set; }
    /// <summary>Bit i set: <see cref="SocialAidSimulatorData.ProgramNames"/>[i].</summary>
    public byte Programs { get; set; }
    /// <summary>0 aktif, 1 graduasi, 2 nonaktif.</summary>
    public byte Status { get; set; }
    /// <summary>0 belum, 1 layak, 2 tidak_layak.</summary>
    public byte Verval { get; set; }
    /// <summary>Found to be a duplicate registration and withdrawn (served as a tombstone).</summary>
    public bool Withdrawn { get; set; }

    public bool Has(int program) => (Programs & (1 << program)) != 0;
}

internal readonly record struct FamilyVersion(SimFamily Family, byte Desil, byte Programs, byte Status, byte Verval)
{
    public static FamilyVersion Of(SimFamily f) => new(f, f.Desil, f.Programs, f.Status, f.Verval);
}

/// <summary>A simulated payment; its state changes under the simulator's lock only.</summary>
internal sealed class SimDisbursement
{
    public required int Index { get; init; }
    public required string Id { get; init; }
    public required SimFamily Family { get; init; }
    public byte Program { get; init; }
    public required string Stage { get; init; }
    public int Amount { get; init; }
    /// <summary>0 dijadwalkan, 1 tersalur, 2 gagal.</summary>
    public byte Status { get; set; }
    /// <summary>Index into <see cref="SocialAidSimulatorData.FailureReasons"/>, or -1.</summary>
    public sbyte Reason { get; set; } = -1;
    public long DisbursedTicks { get; set; }
}

internal readonly record struct DisbursementVersion(SimDisbursement Disbursement, byte Status, sbyte Reason, long DisbursedTicks)
{
    public static DisbursementVersion Of(SimDisbursement d) => new(d, d.Status, d.Reason, d.DisbursedTicks);
}

/// <summary>
/// Calibration (docs/DOMAIN.md §6, §11) and rendering of the simulated social aid registry. Every share is an assumption
/// (docs/DOMAIN.md §12: no Malang KPM counts were found): the registry leans to the lower desils; PKH reaches about a
/// third of desil 1–4, Sembako and PBI-JK desil 1–5 (docs/DOMAIN.md §6.1 eligibility), BPNTD and BLT are small regional
/// programmes, and a few recipients sit in desil 6+ (inclusion errors). PKH and Sembako pay in quarterly tahap,
/// BPNTD each quarter, BLT in the second and fourth; a window lasts three weeks, about 4 % fail (with a reason),
/// some of them paid on a retry. The DTSEN update each quarter sends about a tenth of the families back to verval.
/// </summary>
internal static class SocialAidSimulatorData
{
    public static readonly TimeSpan Wib = SimulatorJson.WibOffset;

    public static readonly string[] ProgramNames = ["PKH", "SEMBAKO", "PBI_JK", "BLT", "BPNTD"];
    public const int Pkh = 0, Sembako = 1, PbiJk = 2, Blt = 3, Bpntd = 4;

    public static readonly string[] FamilyStatusNames = ["aktif", "graduasi", "nonaktif"];
    public static readonly string[] VervalNames = ["belum", "layak", "tidak_layak"];
    public static readonly string[] DisbursementStatusNames = ["dijadwalkan", "tersalur", "gagal"];

    public const byte Aktif = 0, Graduasi = 1, Nonaktif = 2;
    public const byte Belum = 0, Layak = 1, TidakLayak = 2;
    public const byte Dijadwalkan = 0, Tersalur = 1, Gagal = 2;

    public static readonly string[] FailureReasons =
    [
        "Rekening tidak aktif (dormant)", "NIK tidak padan Dukcapil", "KPM meninggal dunia", "KPM pindah domisili",
        "KKS hilang atau rusak", "KPM tidak hadir saat penyaluran",
    ];

    public static readonly WeightedChoice<sbyte> FailureReasonChoice = new([(0, 30), (1, 20), (2, 10), (3, 15), (4, 10), (5, 15)]);

    public static readonly IReadOnlyDictionary<string, string[]> UnknownFamilyValues = new Dictionary<string, string[]>
    {
        ["status"] = ["meninggal", "pindah"],
        ["verval_status"] = ["tidak_ditemukan", "ganda"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> UnknownDisbursementValues = new Dictionary<string, string[]>
    {
        ["program"] = ["PIP", "ATENSI"],
        ["status"] = ["proses", "retur"],
    };

    public static readonly string[] KelurahanCodes = [.. ReferenceData.Kelurahan.Select(k => k.Code)];

    /// <summary>Poorer kecamatan hold more of the registry: Kedungkandang and Sukun above, Klojen below.</summary>
    private static readonly Dictionary<string, double> KecamatanPoverty = new(StringComparer.Ordinal)
    {
        ["35.73.01"] = 1.0, ["35.73.02"] = 0.7, ["35.73.03"] = 1.35, ["35.73.04"] = 1.2, ["35.73.05"] = 0.85,
    };

    /// <summary>Per kelurahan, a poverty factor: its kecamatan's, spread a little (0.5 to 2).</summary>
    public static readonly double[] Poverty = BuildPoverty();

    public static readonly WeightedChoice<short> Kelurahan = new(
        ReferenceData.Kelurahan.Select((k, i) => ((short)i, Math.Max(k.Population, 1) * Poverty[i])));

    private static double[] BuildPoverty()
    {
        var r = SimulatorRandom.For(20260601, 3100);
        return [.. ReferenceData.Kelurahan.Select(k => Math.Clamp(KecamatanPoverty[k.ParentCode!] * Math.Exp(r.Normal() * 0.25), 0.5, 2.0))];
    }

    /// <summary>Registry desil weights (1 first): the lower desils dominate what Dinsos holds.</summary>
    private static readonly double[] DesilWeights = [14, 14, 13, 12, 11, 10, 8, 7, 6, 5];

    public static byte PickDesil(int kelurahan, SimulatorRandom r)
    {
        var f = Poverty[kelurahan];
        Span<double> w = stackalloc double[10];
        var total = 0.0;
        for (var k = 0; k < 10; k++)
        {
            // Poorer kelurahan tilt towards desil 1, better-off ones towards 10.
            w[k] = DesilWeights[k] * Math.Pow(f, (5.5 - (k + 1)) / 4.5);
            total += w[k];
        }
        var u = r.NextDouble() * total;
        for (var k = 0; k < 10; k++)
        {
            u -= w[k];
            if (u < 0)
            {
                return (byte)(k + 1);
            }
        }
        return 10;
    }

    // Chance of each programme by desil (index 0 = desil 1): eligibility bands with a little leakage above them.
    private static readonly double[][] ProgramChance =
    [
        [0.42, 0.36, 0.30, 0.22, 0.04, 0.02, 0.01, 0.005, 0.005, 0.005], // PKH: desil 1–4
        [0.50, 0.45, 0.40, 0.35, 0.25, 0.02, 0.01, 0.005, 0.005, 0.005], // Sembako: desil 1–5
        [0.80, 0.75, 0.70, 0.60, 0.50, 0.05, 0.03, 0.02, 0.01, 0.01],    // PBI-JK: desil 1–5
        [0.07, 0.06, 0.05, 0, 0, 0, 0, 0, 0, 0],                         // BLT (local)
        [0.10, 0.10, 0.08, 0.06, 0, 0, 0, 0, 0, 0],                      // BPNTD (regional)
    ];

    public static byte PickPrograms(byte desil, SimulatorRandom r)
    {
        byte programs = 0;
        for (var p = 0; p < ProgramNames.Length; p++)
        {
            if (r.Chance(ProgramChance[p][desil - 1]))
            {
                programs |= (byte)(1 << p);
            }
        }
        return programs;
    }

    /// <summary>PKH components per year (Kemensos indices [K]): early childhood/pregnancy, SD, SMP, SMA, disability, elderly.</summary>
    private static readonly int[] PkhComponents = [3_000_000, 900_000, 1_500_000, 2_000_000, 2_400_000, 2_400_000];

    public static int PickPkhAmount(SimulatorRandom r)
    {
        var n = 1 + r.Next(3);
        var yearly = 0;
        for (var i = 0; i < n; i++)
        {
            yearly += PkhComponents[r.Next(PkhComponents.Length)];
        }
        return yearly / 4;
    }

    /// <summary>Per tahap: Sembako Rp200k a month for three months; BLT Rp300k a month; BPNTD Rp100k a month.</summary>
    public static int AmountOf(int program, SimFamily family) => program switch
    {
        Pkh => family.PkhAmount,
        Sembako => 600_000,
        Blt => 900_000,
        _ => 300_000,
    };

    /// <summary>The day the payment window of a programme opens in a quarter, or null when it does not pay then.</summary>
    public static DateOnly? WindowOpens(int program, int year, int quarter) => program switch
    {
        Pkh => new DateOnly(year, (3 * quarter) - 1, 10),
        Sembako => new DateOnly(year, (3 * quarter) - 1, 20),
        Bpntd => new DateOnly(year, 3 * quarter, 3),
        Blt when quarter is 2 or 4 => new DateOnly(year, 3 * quarter, 10),
        _ => null,
    };

    public const int WindowDays = 21;

    public const double FailShare = 0.04;
    public const double RetryShare = 0.4;

    /// <summary>Share of the registry sent back to verval by each quarterly DTSEN update, and new registrations.</summary>
    public const double VervalShare = 0.10;
    public const double NewFamiliesShare = 0.012;
    public const double IneligibleShare = 0.08;
    public const double DuplicateShare = 0.005;
    public const double UnresolvedShare = 0.04;

    /// <summary>Graduations a year per 20,000 families (docs/DOMAIN.md §6.2: 130 a year city-wide).</summary>
    public const double GraduationsPerYear = 140;

    public static readonly string[] FirstNames =
    [
        "Sumiati", "Suparmi", "Sulastri", "Siti", "Sri", "Tumini", "Painem", "Sukarti", "Mulyono", "Ngatini", "Kasiyem",
        "Poniman", "Sugiarto", "Ahmad", "Muhammad", "Abdul", "Nur", "Samsul", "Rohmah", "Kholifah", "Mariyam", "Ngadiran",
        "Supini", "Sumarno", "Tukiman", "Wagiman", "Jumiati", "Kusnadi", "Sunarti", "Yatmi", "Legiman", "Endang", "Rukmini",
        "Paijo", "Sarmi", "Misdi", "Juwariyah", "Rofiah", "Subandi", "Tarmuji",
    ];

    public static readonly string[] LastNames =
    [
        "Wahyudi", "Susilo", "Rahmawati", "Hariyanto", "Mulyani", "Purwanto", "Suryadi", "Fatimah", "Zainal", "Hasanah",
        "Sutrisno", "Wulandari", "Riyanto", "Yulianti", "Sholeh", "Maskur", "Ningsih", "Budiono", "Sugianto", "Mashuri",
    ];

    private static readonly JsonEncodedText HeadNikName = JsonEncodedText.Encode("head_nik");
    private static readonly JsonEncodedText HeadNameName = JsonEncodedText.Encode("head_name");
    private static readonly JsonEncodedText KelurahanCodeName = JsonEncodedText.Encode("kelurahan_code");
    private static readonly JsonEncodedText DesilName = JsonEncodedText.Encode("desil");
    private static readonly JsonEncodedText ProgramsName = JsonEncodedText.Encode("programs");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText VervalStatusName = JsonEncodedText.Encode("verval_status");
    private static readonly JsonEncodedText FamilyIdName = JsonEncodedText.Encode("family_id");
    private static readonly JsonEncodedText ProgramName = JsonEncodedText.Encode("program");
    private static readonly JsonEncodedText StageName = JsonEncodedText.Encode("stage");
    private static readonly JsonEncodedText AmountName = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText FailureReasonName = JsonEncodedText.Encode("failure_reason");
    private static readonly JsonEncodedText DisbursedAtName = JsonEncodedText.Encode("disbursed_at");

    public static void WriteFamily(Utf8JsonWriter writer, FamilyVersion version, SimulatorOptions options)
    {
        var f = version.Family;
        writer.WriteString(HeadNikName, f.HeadNik);
        writer.WriteString(HeadNameName, options.PersonalName(HeadName(f)));
        writer.WriteString(KelurahanCodeName, KelurahanCodes[f.Kelurahan]);
        writer.WriteNumber(DesilName, version.Desil);
        writer.WriteStartArray(ProgramsName);
        for (var p = 0; p < ProgramNames.Length; p++)
        {
            if ((version.Programs & (1 << p)) != 0)
            {
                writer.WriteStringValue(ProgramNames[p]);
            }
        }
        writer.WriteEndArray();
        writer.WriteString(StatusName, FamilyStatusNames[version.Status]);
        writer.WriteString(VervalStatusName, VervalNames[version.Verval]);
    }

    public static void WriteDisbursement(Utf8JsonWriter writer, DisbursementVersion version)
    {
        var d = version.Disbursement;
        writer.WriteString(FamilyIdName, d.Family.RegistryId);
        writer.WriteString(ProgramName, ProgramNames[d.Program]);
        writer.WriteString(StageName, d.Stage);
        writer.WriteNumber(AmountName, d.Amount);
        writer.WriteString(StatusName, DisbursementStatusNames[version.Status]);
        if (version.Reason >= 0)
        {
            writer.WriteString(FailureReasonName, FailureReasons[version.Reason]);
        }
        else
        {
            writer.WriteNull(FailureReasonName);
        }
        SimulatorJson.WriteTimestamp(writer, DisbursedAtName,
            version.DisbursedTicks == 0 ? null : new DateTimeOffset(version.DisbursedTicks, TimeSpan.Zero));
    }

    public static string HeadName(SimFamily f) =>
        f.LastName < 0 ? FirstNames[f.FirstName] : FirstNames[f.FirstName] + " " + LastNames[f.LastName];

    public static string StageText(int year, int quarter) => string.Create(CultureInfo.InvariantCulture, $"{year}-T{quarter}");

    /// <summary>Midnight WIB at the start of a day.</summary>
    public static DateTimeOffset LocalMidnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wib).ToUniversalTime();

    public static DateTimeOffset At(DateOnly day, double hours) => LocalMidnight(day) + TimeSpan.FromHours(hours);

    public static DateOnly DateOf(DateTimeOffset t) => Dashboard.Ingest.Shared.Wib.DateOf(t);

    /// <summary>The day itself when it is a working day, else the next working day.</summary>
    public static DateOnly WorkingDayFrom(DateOnly day)
    {
        while (!WorkingCalendar.WeekendsOnly.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>A time in office hours (08:00–15:00 WIB) on a working day <paramref name="days"/> days after <paramref name="from"/>.</summary>
    public static long OfficeTime(DateOnly from, double days, SimulatorRandom r) =>
        Seconds(At(WorkingDayFrom(from.AddDays((int)days)), 8 + r.Uniform(0, 7)));

    /// <summary>Whole seconds, so that served timestamps have no fractions.</summary>
    public static long Seconds(DateTimeOffset t) => t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond);
}
