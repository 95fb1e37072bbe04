namespace Dashboard.Ingest.Sources.Letters;

/// <summary>The letter contract's vocabulary (docs/SOURCES.md §6) and the service standard the indicators hold it to.</summary>
public static class LettersPayload
{
    public const string Resource = "letters";

    /// <summary>Letter types in the contract's order.</summary>
    public static readonly IReadOnlyList<string> TypeOrder =
        ["domisili", "sktm", "pengantar_skck", "keterangan_usaha", "kematian", "lainnya"];

    public static readonly IReadOnlySet<string> Types = new HashSet<string>(TypeOrder, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["sktm"] = "SKTM",
        ["pengantar_skck"] = "SKCK",
        ["keterangan_usaha"] = "ket. usaha",
    };

    /// <summary>
    /// How a letter type reads in a breakdown on a screen: the name people use at the kelurahan counter (<c>SKCK</c>,
    /// <c>SKTM</c>), an unknown type with spaces for its underscores.
    /// </summary>
    public static string ShortName(string type) =>
        ShortNames.TryGetValue(type, out var name) ? name : type.Replace('_', ' ');

    public static readonly IReadOnlySet<string> Statuses =
        new HashSet<string>(StringComparer.Ordinal) { "diajukan", "diproses", "selesai", "ditolak" };

    public const string Completed = "selesai";
    public const string Rejected = "ditolak";

    /// <summary>
    /// Design assumption (no published Malang standard was found): the service standard in working days per letter
    /// type. Simple letters signed by the lurah (domisili, pengantar SKCK, kematian) take one working day; SKTM and
    /// keterangan usaha need a check by the RT/RW or a field visit, and "lainnya" (ahli waris, belum menikah, …)
    /// varies, so they take three.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> StandardWorkingDays = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["domisili"] = 1,
        ["sktm"] = 3,
        ["pengantar_skck"] = 1,
        ["keterangan_usaha"] = 3,
        ["kematian"] = 1,
        ["lainnya"] = 3,
    };

    /// <summary>A type the contract does not list is held to the longest standard, like "lainnya".</summary>
    public const int UnknownTypeWorkingDays = 3;

    public static int StandardDays(string letterType) =>
        StandardWorkingDays.TryGetValue(letterType, out var days) ? days : UnknownTypeWorkingDays;

    /// <summary>The instant by which a letter requested at <paramref name="requestedAt"/> should be done, in <paramref name="calendar"/>'s working days.</summary>
    public static DateTimeOffset Deadline(string letterType, DateTimeOffset requestedAt, Shared.WorkingCalendar calendar) =>
        (calendar ?? throw new ArgumentNullException(nameof(calendar))).AddWorkingDays(requestedAt, StandardDays(letterType));

    /// <summary>Still waiting: not completed or rejected (by status, or by a completion time the source already set).</summary>
    public static bool IsOpen(string status, DateTimeOffset? completedAt) =>
        completedAt is null && status is not (Completed or Rejected);
}
