using System.Globalization;

namespace Dashboard.Ingest.Sources.Licensing;

/// <summary>The licensing contract's vocabulary (docs/SOURCES.md §8) and the rules the indicators read it by.</summary>
public static class LicensingPayload
{
    public const string PermitTypes = "permit-types";
    public const string Applications = "applications";
    public const string BusinessIds = "business-ids";
    public const string InvestmentReports = "investment-reports";
    public const string InvestmentTargets = "investment-targets";

    public static readonly IReadOnlyList<string> ChannelOrder = ["oss", "sicantik", "simbg"];
    public static readonly IReadOnlySet<string> Channels = new HashSet<string>(ChannelOrder, StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> RiskOrder = ["rendah", "menengah_rendah", "menengah_tinggi", "tinggi"];
    public static readonly IReadOnlySet<string> RiskLevels = new HashSet<string>(RiskOrder, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> ApplicantKinds = new HashSet<string>(StringComparer.Ordinal) { "perorangan", "badan_usaha" };

    /// <summary>Statuses in the order a file moves through them.</summary>
    public static readonly IReadOnlyList<string> StatusOrder =
        ["diajukan", "verifikasi", "perbaikan", "pertimbangan_teknis", "menunggu_bayar", "terbit", "ditolak", "dicabut", "dibatalkan"];

    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StatusOrder, StringComparer.Ordinal);

    public const string Submitted = "diajukan";
    public const string Verification = "verifikasi";
    public const string Correction = "perbaikan";
    public const string TechnicalReview = "pertimbangan_teknis";
    public const string AwaitingPayment = "menunggu_bayar";
    public const string Issued = "terbit";

    /// <summary>Statuses that end a file.</summary>
    public static readonly IReadOnlySet<string> Final = new HashSet<string>(StringComparer.Ordinal) { "terbit", "ditolak", "dicabut", "dibatalkan" };

    /// <summary>Refused, withdrawn by the applicant or cancelled: the files #62 counts.</summary>
    public static readonly IReadOnlySet<string> NotIssued = new HashSet<string>(StringComparer.Ordinal) { "ditolak", "dicabut", "dibatalkan" };

    /// <summary>
    /// Stages in the city's hands: an SLA that lapses here makes the permit count as approved (PP 28/2025, fiktif
    /// positif). In <c>perbaikan</c> the file is with the applicant and the clock stands; in <c>menunggu_bayar</c> the city
    /// has decided and waits for the retribution.
    /// </summary>
    public static readonly IReadOnlySet<string> CityStages =
        new HashSet<string>(StringComparer.Ordinal) { Submitted, Verification, TechnicalReview };

    public static readonly IReadOnlyList<string> ScaleOrder = ["mikro", "kecil", "menengah", "besar"];
    public static readonly IReadOnlySet<string> Scales = new HashSet<string>(ScaleOrder, StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> InvestmentKindOrder = ["PMDN", "PMA"];
    public static readonly IReadOnlySet<string> InvestmentKinds = new HashSet<string>(InvestmentKindOrder, StringComparer.Ordinal);

    /// <summary>The LKPM sectors the city reports by (codes); another code is kept when it looks like one, flagged.</summary>
    public static readonly IReadOnlySet<string> Sectors = new HashSet<string>(StringComparer.Ordinal)
    {
        "makanan_minuman", "perumahan", "hotel_restoran", "perdagangan", "industri", "kesehatan", "pendidikan",
        "transportasi", "jasa_lainnya",
    };

    /// <summary>The SLA an application is held to when its permit type is not (yet) known: the longest simple one.</summary>
    public const int UnknownTypeSlaDays = 5;

    /// <summary>History entries kept; a file with more changes than this is refused as implausible.</summary>
    public const int MaxHistory = 40;

    /// <summary>A KBLI code: five digits.</summary>
    public static bool IsKbli(string value) => value.Length == 5 && value.All(char.IsAsciiDigit);

    /// <summary>An LKPM period <c>2026-Q3</c>: its year and quarter, or null.</summary>
    public static (int Year, int Quarter)? ParsePeriod(string value)
    {
        if (value.Length != 7 || value[4] != '-' || value[5] != 'Q' || value[6] is < '1' or > '4' ||
            !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return null;
        }
        return (year, value[6] - '0');
    }

    /// <summary>The last day of a quarter.</summary>
    public static DateOnly QuarterEnd(int year, int quarter) => new DateOnly(year, 3 * quarter, 1).AddMonths(1).AddDays(-1);

    /// <summary>How a channel reads on a screen.</summary>
    public static string ChannelName(string channel) => channel switch
    {
        "oss" => "OSS",
        "sicantik" => "SiCantik",
        "simbg" => "SIMBG",
        _ => channel,
    };
}
