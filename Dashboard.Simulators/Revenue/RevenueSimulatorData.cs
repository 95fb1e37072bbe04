using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Revenue;

/// <summary>One revenue code's calibration: its 2025 APBD target and how much of it the simulated city collects.</summary>
/// <param name="Ratio">Realisation over the original target in a year (docs/DOMAIN.md §5.2: PBJT-MM, parking and groundwater far above).</param>
internal sealed record RevenueCodeSpec(string Code, string Kind, string Name, double Target2025, double Ratio, double Revision);

/// <summary>A simulated self-assessed taxpayer (NPWPD) with a fixed tax, place and size.</summary>
internal sealed class SimTaxpayer
{
    public required int Index { get; init; }
    public required string Npwpd { get; init; }
    public required int Code { get; init; }
    public required string Kelurahan { get; init; }
    /// <summary>Share of its tax's yearly receipts.</summary>
    public double Share { get; set; }
    public double Size { get; init; }
    /// <summary>REKLAME: the month (1–12) its permit is renewed and paid.</summary>
    public int RenewalMonth { get; init; }
}

/// <summary>A simulated PBB-P2 tax object (NOP).</summary>
internal sealed class SimObject
{
    public required int Index { get; init; }
    public required string Nop { get; init; }
    public required string Kelurahan { get; init; }
    public double Base { get; init; }
}

/// <summary>One payment or reversal as served; immutable once planned.</summary>
internal sealed class SimPayment
{
    public required string Id { get; init; }
    public required int Code { get; init; }
    public required string TaxpayerId { get; init; }
    public string? Kelurahan { get; init; }
    public long Amount { get; init; }
    public long PaidTicks { get; init; }
    public byte Channel { get; init; }
    public bool Reversal { get; init; }
    /// <summary>For a PBB payment: the object and the assessment year it pays; else -1.</summary>
    public int PbbObject { get; init; } = -1;
    public int PbbYear { get; init; }
}

/// <summary>One PBB assessment as served.</summary>
internal readonly record struct AssessmentVersion(SimObject Object, int Year, long Due, long Paid);

/// <summary>
/// Calibration (docs/DOMAIN.md §5, §11) and rendering of the simulated revenue administration. Targets for 2025 follow
/// the sourced figures (total pajak Rp 846,06 miliar and the named types); the split of the remainder and all
/// ratios are assumptions [I]. Later years grow 5 % a year.
/// </summary>
internal static class RevenueSimulatorData
{
    public static readonly RevenueCodeSpec[] Codes =
    [
        new("PBB_P2", RevenuePayload.Pajak, "Pajak Bumi dan Bangunan Perdesaan dan Perkotaan", 54.75e9, 1.0, 1.10),
        new("BPHTB", RevenuePayload.Pajak, "Bea Perolehan Hak atas Tanah dan Bangunan", 175e9, 0.82, 1),
        new("PBJT_MAKAN_MINUM", RevenuePayload.Pajak, "PBJT atas Makanan dan/atau Minuman", 106.2e9, 1.55, 1.15),
        new("PBJT_TENAGA_LISTRIK", RevenuePayload.Pajak, "PBJT atas Tenaga Listrik", 105e9, 0.90, 1),
        new("PBJT_PERHOTELAN", RevenuePayload.Pajak, "PBJT atas Jasa Perhotelan", 77.94e9, 0.83, 1),
        new("PBJT_PARKIR", RevenuePayload.Pajak, "PBJT atas Jasa Parkir", 3e9, 1.9, 1),
        new("PBJT_HIBURAN", RevenuePayload.Pajak, "PBJT atas Jasa Kesenian dan Hiburan", 7.5e9, 1.45, 1),
        new("REKLAME", RevenuePayload.Pajak, "Pajak Reklame", 16.8e9, 1.25, 1),
        new("AIR_TANAH", RevenuePayload.Pajak, "Pajak Air Tanah", 1.57e9, 2.1, 1),
        new("OPSEN_PKB", RevenuePayload.Pajak, "Opsen Pajak Kendaraan Bermotor", 255e9, 0.88, 1),
        new("OPSEN_BBNKB", RevenuePayload.Pajak, "Opsen Bea Balik Nama Kendaraan Bermotor", 43.3e9, 1.1, 0.95),
        new("RETRIBUSI_PASAR", RevenuePayload.Retribusi, "Retribusi Pelayanan Pasar", 12e9, 0.92, 1),
        new("RETRIBUSI_PARKIR_TEPI_JALAN", RevenuePayload.Retribusi, "Retribusi Parkir di Tepi Jalan Umum", 9e9, 0.85, 1),
        new("RETRIBUSI_KEBERSIHAN", RevenuePayload.Retribusi, "Retribusi Pelayanan Kebersihan", 10e9, 0.97, 1),
        new("RETRIBUSI_PELAYANAN_KESEHATAN", RevenuePayload.Retribusi, "Retribusi Pelayanan Kesehatan", 20e9, 1.02, 1),
        new("RETRIBUSI_PBG", RevenuePayload.Retribusi, "Retribusi Persetujuan Bangunan Gedung", 8e9, 0.9, 0.8),
        new("RETRIBUSI_RPH", RevenuePayload.Retribusi, "Retribusi Rumah Potong Hewan", 1.5e9, 1.05, 1),
        new("RETRIBUSI_OLAHRAGA", RevenuePayload.Retribusi, "Retribusi Tempat Rekreasi dan Olahraga", 1.5e9, 0.8, 1),
        new("RETRIBUSI_PEMANFAATAN_ASET", RevenuePayload.Retribusi, "Retribusi Pemanfaatan Aset Daerah", 4e9, 1.1, 1),
    ];

    public static int CodeIndex(string code) => Array.FindIndex(Codes, c => c.Code == code);

    public static readonly int Pbb = CodeIndex("PBB_P2");
    public static readonly int Bphtb = CodeIndex("BPHTB");
    public static readonly int[] Opsen = [CodeIndex("OPSEN_PKB"), CodeIndex("OPSEN_BBNKB")];

    /// <summary>Self-assessed taxes by share of registered taxpayers (restaurants and cafés are most of them).</summary>
    public static readonly WeightedChoice<int> TaxpayerCodes = new(
    [
        (CodeIndex("PBJT_MAKAN_MINUM"), 62), (CodeIndex("PBJT_PERHOTELAN"), 7), (CodeIndex("PBJT_PARKIR"), 5),
        (CodeIndex("PBJT_HIBURAN"), 5), (CodeIndex("PBJT_TENAGA_LISTRIK"), 1), (CodeIndex("REKLAME"), 14), (CodeIndex("AIR_TANAH"), 6),
    ]);

    /// <summary>Units that deposit retribution weekly, by code: the kelurahan of each (markets, parking zones, puskesmas…).</summary>
    public static readonly IReadOnlyDictionary<int, string[]> RetributionUnits = new Dictionary<int, string[]>
    {
        [CodeIndex("RETRIBUSI_PASAR")] = ["35.73.02.1005", "35.73.01.1005", "35.73.05.1004", "35.73.02.1008", "35.73.03.1001", "35.73.01.1008"],
        [CodeIndex("RETRIBUSI_PARKIR_TEPI_JALAN")] = ["35.73.01.1005", "35.73.02.1001", "35.73.03.1008", "35.73.04.1005", "35.73.05.1005"],
        [CodeIndex("RETRIBUSI_KEBERSIHAN")] = ["35.73.01.1008", "35.73.02.1006", "35.73.03.1006", "35.73.04.1002", "35.73.05.1011"],
        [CodeIndex("RETRIBUSI_PELAYANAN_KESEHATAN")] = ["35.73.01.1010", "35.73.02.1003", "35.73.03.1009", "35.73.04.1003", "35.73.05.1004"],
        [CodeIndex("RETRIBUSI_PBG")] = ["35.73.02.1001"],
        [CodeIndex("RETRIBUSI_RPH")] = ["35.73.04.1001"],
        [CodeIndex("RETRIBUSI_OLAHRAGA")] = ["35.73.02.1008"],
        [CodeIndex("RETRIBUSI_PEMANFAATAN_ASET")] = ["35.73.02.1001", "35.73.02.1007"],
    };

    /// <summary>Where businesses are: the city centre and the student quarter more than the edges.</summary>
    public static double BusinessWeight(string kecamatan) => kecamatan switch
    {
        "35.73.02" => 2.5,
        "35.73.05" => 1.8,
        "35.73.01" => 1.0,
        "35.73.04" => 0.9,
        _ => 0.8,
    };

    /// <summary>Self-assessed receipts by month of payment (December holidays, Lebaran in March–April), mean 1.</summary>
    public static readonly double[] Season = Normalised([1.0, 0.95, 1.0, 1.08, 0.98, 1.02, 1.1, 1.0, 0.95, 1.0, 0.97, 1.12]);

    /// <summary>Billboard permits are mostly renewed early in the year.</summary>
    public static readonly WeightedChoice<int> RenewalMonths = new(
        [(1, 18), (2, 14), (3, 12), (4, 8), (5, 7), (6, 7), (7, 7), (8, 6), (9, 6), (10, 6), (11, 5), (12, 4)]);

    public static readonly WeightedChoice<byte> SelfAssessedChannels = new([(0, 45), (1, 25), (2, 15), (3, 15)]);
    public static readonly WeightedChoice<byte> PbbChannels = new([(0, 35), (1, 25), (2, 15), (3, 25)]);

    public static readonly string[] ChannelNames = ["bank", "qris", "teller", "marketplace"];

    /// <summary>The PBB-P2 assessed in a year (pokok ketetapan), above the target: not every SPPT is paid [I].</summary>
    public static double PbbAssessed(int year) => 80e9 * Growth(year);

    /// <summary>BPHTB transactions a year, by the simulated size: about 2.7 for every self-assessed taxpayer.</summary>
    public static int BphtbPerYear(int taxpayers) => Math.Max(250, taxpayers * 8 / 3);

    public static double Growth(int year) => Math.Pow(1.05, year - 2025);

    /// <summary>The APBD target of a code for a year as adopted (rounded to the million).</summary>
    public static long OriginalTarget(RevenueCodeSpec spec, int year) => Million(spec.Target2025 * Growth(year));

    /// <summary>The APBD-P figure (the original when the code is not revised).</summary>
    public static long RevisedTarget(RevenueCodeSpec spec, int year) => Million(spec.Target2025 * Growth(year) * spec.Revision);

    /// <summary>What the simulated city collects of a code in a year.</summary>
    public static double Collected(RevenueCodeSpec spec, int year) => spec.Target2025 * Growth(year) * spec.Ratio;

    /// <summary>The APBD of a year is adopted on 28 November of the year before (docs/DOMAIN.md §5.5).</summary>
    public static DateTimeOffset Adopted(int year) => LocalTime(new DateOnly(year - 1, 11, 28), 10);

    /// <summary>The APBD-P is adopted on 25 September (the provincial evaluation runs in September).</summary>
    public static DateTimeOffset Revised(int year) => LocalTime(new DateOnly(year, 9, 25), 10);

    /// <summary>SPPT massal: the year's PBB assessments are issued on 2 March.</summary>
    public static DateTimeOffset PbbIssued(int year) => LocalTime(new DateOnly(year, 3, 2), 8);

    public const string SamsatTaxpayer = "P.9.0000001.35.73";

    public static readonly IReadOnlyDictionary<string, string[]> UnknownPaymentValues = new Dictionary<string, string[]>
    {
        ["revenue_code"] = ["PAJAK_ROKOK", "MBLB"],
        ["channel"] = ["edc", "pos_indonesia"],
        ["status"] = ["pending", "settled"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> UnknownTargetValues = new Dictionary<string, string[]>
    {
        ["kind"] = ["transfer", "lain_lain_pad"],
    };

    private static readonly JsonEncodedText RevenueCodeName = JsonEncodedText.Encode("revenue_code");
    private static readonly JsonEncodedText TaxpayerIdName = JsonEncodedText.Encode("taxpayer_id");
    private static readonly JsonEncodedText KelurahanCodeName = JsonEncodedText.Encode("kelurahan_code");
    private static readonly JsonEncodedText AmountName = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText PaidAtName = JsonEncodedText.Encode("paid_at");
    private static readonly JsonEncodedText ChannelName = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText YearName = JsonEncodedText.Encode("year");
    private static readonly JsonEncodedText AmountDueName = JsonEncodedText.Encode("amount_due");
    private static readonly JsonEncodedText AmountPaidName = JsonEncodedText.Encode("amount_paid");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText TargetName = JsonEncodedText.Encode("target");
    private static readonly JsonEncodedText RevisedAtName = JsonEncodedText.Encode("revised_at");

    public static void WritePayment(Utf8JsonWriter writer, SimPayment p)
    {
        writer.WriteString(RevenueCodeName, Codes[p.Code].Code);
        writer.WriteString(TaxpayerIdName, p.TaxpayerId);
        if (p.Kelurahan is null)
        {
            writer.WriteNull(KelurahanCodeName);
        }
        else
        {
            writer.WriteString(KelurahanCodeName, p.Kelurahan);
        }
        writer.WriteNumber(AmountName, p.Amount);
        SimulatorJson.WriteTimestamp(writer, PaidAtName, new DateTimeOffset(p.PaidTicks, TimeSpan.Zero));
        writer.WriteString(ChannelName, ChannelNames[p.Channel]);
        writer.WriteString(StatusName, p.Reversal ? RevenuePayload.Reversed : RevenuePayload.Posted);
    }

    public static void WriteAssessment(Utf8JsonWriter writer, AssessmentVersion a)
    {
        writer.WriteNumber(YearName, a.Year);
        writer.WriteString(KelurahanCodeName, a.Object.Kelurahan);
        writer.WriteNumber(AmountDueName, a.Due);
        writer.WriteNumber(AmountPaidName, a.Paid);
    }

    public static void WriteTarget(Utf8JsonWriter writer, RevenueCodeSpec spec, int year, long target, DateTimeOffset revisedAt)
    {
        writer.WriteStartObject();
        writer.WriteNumber(YearName, year);
        writer.WriteString(RevenueCodeName, spec.Code);
        writer.WriteString(KindName, spec.Kind);
        writer.WriteString(NameName, spec.Name);
        writer.WriteNumber(TargetName, target);
        SimulatorJson.WriteTimestamp(writer, RevisedAtName, revisedAt);
        writer.WriteEndObject();
    }

    /// <summary>The assessment id: the NOP and the year (<c>35.73.020.005.001-0042.0-2026</c>).</summary>
    public static string AssessmentId(SimObject o, int year) => string.Create(CultureInfo.InvariantCulture, $"{o.Nop}-{year}");

    /// <summary>A formatted NOP: province, city, kecamatan, kelurahan, block, number, kind.</summary>
    public static string Nop(string kelurahan, int n)
    {
        var kecamatan = int.Parse(kelurahan.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var village = int.Parse(kelurahan.AsSpan(10, 3), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"35.73.{kecamatan * 10:D3}.{village:D3}.{1 + (n / 500):D3}-{1 + (n % 500):D4}.0");
    }

    public static string Npwpd(int personal, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"P.{personal}.{number:D7}.35.73");

    /// <summary>A payment id (nomor transaksi penerimaan daerah): its WIB day and 40 random bits.</summary>
    public static string PaymentId(long paidTicks, SimulatorRandom r) =>
        string.Create(CultureInfo.InvariantCulture,
            $"NTPD{Dashboard.Ingest.Shared.Wib.DateOf(new DateTimeOffset(paidTicks, TimeSpan.Zero)):yyMMdd}{r.NextUInt64() & 0xFF_FFFF_FFFFUL:X10}");

    public static IReadOnlyList<string> Kelurahan { get; } = [.. ReferenceData.Kelurahan.Select(k => k.Code)];

    public static DateTimeOffset LocalTime(DateOnly day, double hours) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), SimulatorJson.WibOffset).ToUniversalTime() + TimeSpan.FromHours(hours);

    /// <summary>Whole seconds, so that served timestamps have no fractions.</summary>
    public static long Seconds(DateTimeOffset t) => t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond);

    private static long Million(double value) => (long)Math.Round(value / 1e6) * 1_000_000;

    private static double[] Normalised(double[] values)
    {
        var mean = values.Average();
        return [.. values.Select(v => v / mean)];
    }
}
