using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Budget;

/// <summary>
/// One agency's calibration: its share of belanja, of which personnel and capital, how late it spends (months its
/// capital works slip) and what share of its programme it spends by the year's end.
/// </summary>
internal sealed record AgencySpec(string Code, string Urusan, double Weight, double Personnel, double Capital, int Lag, double Execution);

/// <summary>A budget line as served: immutable, a new version on revision.</summary>
internal sealed record SimLine(
    string Id, int Year, int Agency, int Number, string Kind, string Funding, long Pagu, long PaguOriginal, string? Kelurahan,
    DateTimeOffset? RevisedAt, string Name, string SubActivity, bool Personnel);

internal sealed record SimPlan(string Id, string LineId, int Month, long Amount);

internal sealed record SimPaymentLine(string LineId, string Account, long Amount);

internal sealed record SimPayment(
    string Id, DateOnly Date, string Agency, string Type, string? LsKind, long Amount, bool Cancelled, IReadOnlyList<SimPaymentLine> Lines,
    string Vendor, string Description);

internal sealed record SimProgress(string Id, string LineId, int Year, int Month, double Physical, bool Verified, DateTimeOffset SubmittedAt, string? Problems);

/// <summary>
/// Calibration (docs/DOMAIN.md §13) and rendering of the simulated APBD. Belanja 2026 is the approved Rp2.417 T; other
/// years move 4 % a year. Salaries are paid monthly; goods and services follow the cash plan, capital works are planned
/// back-loaded and slip further, with the December bunching; DPUPRPKP and DINKES trail. The split between agencies and
/// all ratios are assumptions [I].
/// </summary>
internal static class BudgetSimulatorData
{
    public static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);

    public static readonly AgencySpec[] Agencies =
    [
        new("DISDIKBUD", "1.01", 0.24, 0.55, 0.10, 1, 0.93),
        new("DINKES", "1.02", 0.14, 0.35, 0.14, 2, 0.86),
        new("DPUPRPKP", "1.03", 0.13, 0.08, 0.55, 2, 0.80),
        new("SATPOLPP", "1.05", 0.02, 0.45, 0.05, 0, 0.95),
        new("BPBD", "1.05", 0.01, 0.35, 0.15, 1, 0.90),
        new("DINSOS", "1.06", 0.04, 0.20, 0.03, 0, 0.94),
        new("DISNAKER_PMPTSP", "2.07", 0.015, 0.45, 0.05, 0, 0.93),
        new("DISPANGTAN", "2.09", 0.015, 0.40, 0.10, 1, 0.90),
        new("DLH", "2.11", 0.05, 0.25, 0.20, 1, 0.88),
        new("DISPENDUKCAPIL", "2.12", 0.01, 0.50, 0.05, 0, 0.95),
        new("DISHUB", "2.15", 0.03, 0.30, 0.20, 1, 0.89),
        new("DISKOMINFO", "2.16", 0.02, 0.25, 0.25, 1, 0.90),
        new("DISKOPINDAG", "2.17", 0.02, 0.35, 0.20, 1, 0.88),
        new("DISPORAPAR", "2.19", 0.02, 0.30, 0.25, 1, 0.87),
        new("BAPPEDA", "5.01", 0.01, 0.50, 0.02, 0, 0.92),
        new("BKAD", "5.02", 0.07, 0.25, 0.02, 0, 0.95),
        new("BAPENDA", "5.02", 0.02, 0.45, 0.05, 0, 0.94),
        new("BKPSDM", "5.03", 0.01, 0.55, 0.02, 0, 0.94),
        new("INSPEKTORAT", "6.01", 0.01, 0.60, 0.02, 0, 0.95),
        new("SETDA", "4.01", 0.095, 0.30, 0.05, 0, 0.92),
    ];

    /// <summary>Goods and services: the cash plan by month (shares, January first).</summary>
    public static readonly double[] GoodsPlan = Normalise([3, 6, 7, 8, 9, 9, 9, 9, 9, 9, 9, 13]);

    /// <summary>Capital works: tendered in Q1–Q2, paid by termin from Q3, the rest in December.</summary>
    public static readonly double[] CapitalPlan = Normalise([0, 1, 2, 3, 4, 6, 9, 11, 13, 14, 15, 22]);

    public static readonly double[] EvenPlan = Normalise([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

    public const string PersonnelName = "Penyediaan Gaji dan Tunjangan ASN";

    public static readonly string[] GoodsNames =
    [
        "Penyediaan Jasa Pelayanan Umum Kantor", "Penyediaan Bahan Logistik Kantor", "Pemeliharaan Barang Milik Daerah Penunjang Urusan",
        "Koordinasi dan Penyusunan Laporan Capaian Kinerja", "Penyelenggaraan Rapat Koordinasi dan Konsultasi", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
        "Pelaksanaan Sosialisasi dan Pembinaan", "Fasilitasi Kegiatan Masyarakat", "Pengelolaan Layanan Publik", "Penyediaan Makanan dan Minuman Kegiatan",
    ];

    public static readonly string[] CapitalNames =
    [
        "Pembangunan Jalan", "Rehabilitasi Jalan", "Pembangunan Saluran Drainase", "Pengadaan Alat Kesehatan", "Rehabilitasi Gedung Sekolah",
        "Pengadaan Kendaraan Dinas Operasional", "Pembangunan Taman Kota", "Pengadaan Peralatan dan Mesin", "Pembangunan Gedung Kantor",
        "Pengadaan Sarana Teknologi Informasi",
    ];

    public static readonly string[] Problems =
    [
        "Menunggu revisi dokumen kontrak dengan {0}", "Penyedia a.n. {0} terlambat mengirim material", "Koordinasi lapangan dengan {0} belum selesai",
        "Cuaca hujan, pekerjaan fisik tertunda", "Proses lelang ulang",
    ];

    public static readonly string[] Vendors = ["Budi Santoso", "Siti Rahmawati", "Agus Wibowo", "Dewi Lestari", "Hendra Gunawan", "Rina Kusuma"];

    public static readonly string[] Banks = ["Bank Jatim", "BRI", "BNI", "Mandiri", "BSI"];

    public static readonly IReadOnlyDictionary<string, string[]> UnknownLineValues = new Dictionary<string, string[]>
    {
        ["spending_kind"] = ["belanja_lain", "pembiayaan"],
        ["funding_source"] = ["DANA_DESA", "BLUD"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> UnknownPaymentValues = new Dictionary<string, string[]>
    {
        ["type"] = ["NIHIL", "KKPD"],
        ["status"] = ["ditangguhkan", "draf"],
    };

    /// <summary>Belanja (whole APBD spending) of <paramref name="year"/>.</summary>
    public static double Belanja(int year) => 2.417e12 * Math.Pow(1.04, year - 2026);

    public static DateTimeOffset Local(DateOnly day, double hours) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), WibOffset) + TimeSpan.FromHours(hours);

    public static string LineId(int year, int number) => string.Create(CultureInfo.InvariantCulture, $"BL-{year}-{number:D5}");

    /// <summary>FNV-1a: the same digits for the same SP2D in every process (string hashes are randomised).</summary>
    public static ulong StableHash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    private static double[] Normalise(double[] weights)
    {
        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    // ---- Rendering -----------------------------------------------------------------------------------------

    private static readonly JsonEncodedText YearName = JsonEncodedText.Encode("year");
    private static readonly JsonEncodedText AgencyName = JsonEncodedText.Encode("agency_code");
    private static readonly JsonEncodedText AmountName = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText LineIdName = JsonEncodedText.Encode("budget_line_id");
    private static readonly JsonEncodedText MonthName = JsonEncodedText.Encode("month");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");

    public static void WriteLine(Utf8JsonWriter writer, SimLine l)
    {
        var a = Agencies[l.Agency];
        var program = string.Create(CultureInfo.InvariantCulture, $"{a.Urusan}.{1 + (l.Number % 3):D2}");
        writer.WriteNumber(YearName, l.Year);
        writer.WriteString(AgencyName, a.Code);
        writer.WriteString("program_code", program);
        writer.WriteString("activity_code", string.Create(CultureInfo.InvariantCulture, $"{program}.2.{1 + (l.Number % 7):D2}"));
        writer.WriteString("sub_activity_code", l.SubActivity);
        writer.WriteString("sub_activity_name", l.Name);
        writer.WriteString("spending_kind", l.Kind);
        writer.WriteString("funding_source", l.Funding);
        writer.WriteNumber("pagu", l.Pagu);
        writer.WriteNumber("pagu_original", l.PaguOriginal);
        if (l.Kelurahan is null)
        {
            writer.WriteNull("kelurahan_code");
        }
        else
        {
            writer.WriteString("kelurahan_code", l.Kelurahan);
        }
        writer.WriteStartObject("output_indicator");
        writer.WriteString(NameName, "Persentase capaian " + l.Name);
        writer.WriteNumber("target", 100);
        writer.WriteString("unit", "persen");
        writer.WriteEndObject();
        SimulatorJson.WriteTimestamp(writer, JsonEncodedText.Encode("revised_at"), l.RevisedAt);
    }

    public static void WritePlan(Utf8JsonWriter writer, SimPlan p)
    {
        writer.WriteString(LineIdName, p.LineId);
        writer.WriteNumber(MonthName, p.Month);
        writer.WriteNumber(AmountName, p.Amount);
    }

    public static void WritePayment(Utf8JsonWriter writer, SimPayment p, SimulatorOptions options, long seed)
    {
        writer.WriteString("date", p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString(AgencyName, p.Agency);
        writer.WriteString("type", p.Type);
        if (p.LsKind is null)
        {
            writer.WriteNull("ls_kind");
        }
        else
        {
            writer.WriteString("ls_kind", p.LsKind);
        }
        writer.WriteNumber(AmountName, p.Amount);
        writer.WriteString("status", p.Cancelled ? "dibatalkan" : "terbit");
        writer.WriteStartArray("lines");
        foreach (var line in p.Lines)
        {
            writer.WriteStartObject();
            writer.WriteString(LineIdName, line.LineId);
            writer.WriteString("account_code", line.Account);
            writer.WriteNumber(AmountName, line.Amount);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        var vendor = options.PersonalName(p.Vendor);
        writer.WriteString("description", p.Description.Replace("{0}", vendor, StringComparison.Ordinal));
        writer.WriteStartObject("third_party");
        writer.WriteString(NameName, vendor);
        var h = (StableHash(p.Id) ^ (ulong)seed) % 9_000_000_000UL;
        writer.WriteString("bank_account", string.Create(CultureInfo.InvariantCulture, $"0{1_000_000_000UL + h}"));
        writer.WriteString("npwp", string.Create(CultureInfo.InvariantCulture, $"0{(100_000_000_000_000UL + (h * 7919)) % 1_000_000_000_000_000UL:D15}"));
        writer.WriteString("bank", Banks[(int)(h % (ulong)Banks.Length)]);
        writer.WriteEndObject();
    }

    public static void WriteProgress(Utf8JsonWriter writer, SimProgress p, SimulatorOptions options)
    {
        writer.WriteString(LineIdName, p.LineId);
        writer.WriteString(MonthName, string.Create(CultureInfo.InvariantCulture, $"{p.Year:D4}-{p.Month:D2}"));
        writer.WriteNumber("physical_pct", p.Physical);
        if (p.Problems is null)
        {
            writer.WriteNull("problems");
        }
        else
        {
            writer.WriteString("problems", p.Problems.Replace("{0}", options.PersonalName(Vendors[p.Id.Length % Vendors.Length]), StringComparison.Ordinal));
        }
        writer.WriteBoolean("verified", p.Verified);
        SimulatorJson.WriteTimestamp(writer, JsonEncodedText.Encode("submitted_at"), p.SubmittedAt);
    }
}
