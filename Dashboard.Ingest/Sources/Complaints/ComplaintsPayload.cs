namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>The complaint contract's vocabulary (SOURCES.md §1).</summary>
public static class ComplaintsPayload
{
    public const string Resource = "complaints";

    public static readonly IReadOnlySet<string> Channels =
        new HashSet<string>(StringComparer.Ordinal) { "web", "sms", "mobile", "sambat", "twitter", "whatsapp" };

    public static readonly IReadOnlySet<string> Types =
        new HashSet<string>(StringComparer.Ordinal) { "pengaduan", "aspirasi", "permintaan_informasi" };

    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "belum_terverifikasi", "belum_ditindaklanjuti", "proses", "selesai", "ditunda", "bukan_wewenang", "diarsipkan",
    };

    /// <summary>Side exits of the lifecycle: no longer awaiting anything, not counted against the service rules.</summary>
    public static readonly IReadOnlySet<string> SideExits =
        new HashSet<string>(StringComparer.Ordinal) { "ditunda", "bukan_wewenang", "diarsipkan" };

    /// <summary>Types the "settled within 5 working days" rule applies to.</summary>
    public static readonly IReadOnlySet<string> SlaTypes =
        new HashSet<string>(StringComparer.Ordinal) { "pengaduan", "permintaan_informasi" };

    public const int SettleWorkingDays = 5;
}
