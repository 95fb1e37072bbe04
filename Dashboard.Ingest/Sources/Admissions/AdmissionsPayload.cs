using System.Globalization;
using Dashboard.Ingest.Shared;

namespace Dashboard.Ingest.Sources.Admissions;

/// <summary>The SPMB contract's vocabulary (docs/SOURCES.md §5) and the rules the indicators apply to it (docs/DOMAIN.md §7).</summary>
public static class AdmissionsPayload
{
    public const string Schools = "schools";
    public const string Applications = "applications";

    /// <summary>Purpose of the keyed hash of an applicant's NIK (the only stable applicant key in the contract).</summary>
    public const string NikPurpose = "nik";

    public static readonly IReadOnlyList<string> LevelOrder = ["SD", "SMP"];
    public static readonly IReadOnlySet<string> Levels = new HashSet<string>(LevelOrder, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Ownerships = new HashSet<string>(StringComparer.Ordinal) { "negeri", "swasta" };

    /// <summary>Routes (jalur) in the contract's order; <c>domisili</c> replaced <c>zonasi</c> in 2025.</summary>
    public static readonly IReadOnlyList<string> RouteOrder = ["domisili", "afirmasi", "mutasi", "prestasi"];
    public static readonly IReadOnlySet<string> Routes = new HashSet<string>(RouteOrder, StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> StatusOrder =
        ["terdaftar", "terverifikasi", "diterima", "tidak_diterima", "daftar_ulang", "mengundurkan_diri"];
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StatusOrder, StringComparer.Ordinal);

    public const string Registered = "terdaftar";
    public const string Accepted = "diterima";
    public const string NotAccepted = "tidak_diterima";
    public const string ReRegistered = "daftar_ulang";
    public const string Withdrawn = "mengundurkan_diri";

    /// <summary>Holding a seat: accepted, or accepted and re-registered.</summary>
    public static bool Placed(string status) => status is Accepted or ReRegistered;

    /// <summary>The documents were processed: verified or decided (every status but terdaftar and a withdrawal).</summary>
    public static bool Verified(string status) => status is not (Registered or Withdrawn);

    /// <summary>
    /// A change that may move every day of the history (a school's quota, a new or closed school): the indicators
    /// clamp it to their first day with data. 1900-01-01, never a plausible date of birth.
    /// </summary>
    public static readonly DateTimeOffset AllHistory = Shared.Ingest.SourceHistory.All;

    /// <summary>An admission season begins on 1 June (SPMB registration opens in the first weeks of June).</summary>
    public static DateOnly SeasonStart(int year) => new(year, 6, 1);

    /// <summary>
    /// The admission year whose figures a day shows: from 1 June the year's own season, before it the previous
    /// year's (its placements and leftover seats stay the news until the next season opens).
    /// </summary>
    public static int AdmissionYear(DateOnly day) => day >= SeasonStart(day.Year) ? day.Year : day.Year - 1;

    /// <summary>An NPSN: eight digits.</summary>
    public static bool IsNpsn(string? value) => value is { Length: 8 } && value.All(char.IsAsciiDigit);

    /// <summary>A NIK: sixteen digits.</summary>
    public static bool IsNik(string? value) => value is { Length: 16 } && value.All(char.IsAsciiDigit);

    public static string YearText(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first instant after <paramref name="day"/> in WIB.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => Wib.EndOf(day);
}
