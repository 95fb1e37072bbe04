namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>The complaint contract's vocabulary (docs/SOURCES.md §1).</summary>
public static class ComplaintsPayload
{
    /// <summary>What an unknown category is stored as (the contract's <c>category</c> is free text and may carry anything).</summary>
    public const string OtherCategory = "Lainnya";

    /// <summary>The categories the complaint system uses; an unknown one is flagged and stored as <see cref="OtherCategory"/>.</summary>
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        "Parkir Liar", "Perhubungan", "Rambu dan Marka Jalan", "Angkutan Umum", "Lampu Lalu Lintas",
        "Administrasi Kependudukan", "KTP Elektronik", "Akta Kelahiran", "Ketertiban Umum", "Pedagang Kaki Lima",
        "Bangunan Liar", "Jalan dan Drainase", "Penerangan Jalan Umum (PJU)", "Jembatan", "Perumahan", "Perizinan",
        "Ketenagakerjaan", "Kebersihan dan Sampah", "Pencemaran Lingkungan", "Taman Kota", "Kesehatan",
        "Layanan Puskesmas", "Pendidikan", "SPMB", "Sosial", "Bantuan Sosial", "Pajak Daerah", "PBB", "Layanan Informasi",
        "Aplikasi Pemerintah", "Pasar dan Perdagangan", "Kebencanaan", "Pelayanan Publik", "Kepegawaian",
        "Pariwisata dan Olahraga", "Pertanian dan Pangan", "Aset Daerah", "Perencanaan Pembangunan", "Pengawasan Aparatur",
        OtherCategory,
    };

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
