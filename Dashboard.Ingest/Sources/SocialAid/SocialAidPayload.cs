using System.Globalization;
using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>The social aid contract's vocabulary (docs/SOURCES.md §4) and the rules the indicators apply to it.</summary>
public static class SocialAidPayload
{
    public const string Families = "families";
    public const string Disbursements = "disbursements";

    /// <summary>Purpose of the keyed hash of a registry id: the same for the family key and the disbursements' join.</summary>
    public const string FamilyPurpose = "dtsen-family";

    /// <summary>The programmes in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> ProgramOrder = ["PKH", "SEMBAKO", "PBI_JK", "BLT", "BPNTD"];

    /// <summary>The failure reasons the aid system uses; <c>failure_reason</c> is free text, so anything else is stored as "lainnya".</summary>
    public static readonly IReadOnlySet<string> FailureReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "Rekening tidak aktif (dormant)", "NIK tidak padan Dukcapil", "KPM meninggal dunia", "KPM pindah domisili",
        "KKS hilang atau rusak", "KPM tidak hadir saat penyaluran",
    };

    public static string KnownFailureReason(string reason) => FailureReasons.Contains(reason) ? reason : ItemReader.Unknown;

    public static readonly IReadOnlySet<string> Programs = new HashSet<string>(ProgramOrder, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> FamilyStatuses =
        new HashSet<string>(StringComparer.Ordinal) { "aktif", "graduasi", "nonaktif" };

    public static readonly IReadOnlySet<string> VervalStatuses =
        new HashSet<string>(StringComparer.Ordinal) { "belum", "layak", "tidak_layak" };

    public static readonly IReadOnlyList<string> DisbursementStatusOrder = ["dijadwalkan", "tersalur", "gagal"];

    public static readonly IReadOnlySet<string> DisbursementStatuses = new HashSet<string>(DisbursementStatusOrder, StringComparer.Ordinal);

    public const int MinDesil = 1;
    public const int MaxDesil = 10;

    /// <summary>The poorest 40 %: PKH's eligibility band and the coverage indicator's population (docs/DOMAIN.md §6.1).</summary>
    public const int PoorestDesil = 4;

    /// <summary>Recipients from this desil up are flagged as a possible inclusion error (docs/DOMAIN.md §10 #36).</summary>
    public const int InclusionErrorDesil = 6;

    /// <summary>Graduations the city aims for each year (docs/DOMAIN.md §6.2: 130 PKH families a year).</summary>
    public const int GraduationTarget = 130;

    /// <summary>A beneficiary family (KPM): active and in at least one programme.</summary>
    public static bool IsRecipient(string status, string programs) => status == "aktif" && programs.Length > 0;

    /// <summary>In the registry's population: not withdrawn from it (nonaktif: moved, deceased, found ineligible).</summary>
    public static bool InRegistry(string status) => status != "nonaktif";

    /// <summary>Verval finished for the family, whatever its outcome.</summary>
    public static bool Verified(string vervalStatus) => vervalStatus != "belum";

    /// <summary>The programmes of a stored family (comma-separated, contract order).</summary>
    public static IReadOnlyList<string> ProgramsOf(string programs) =>
        programs.Length == 0 ? [] : programs.Split(',');

    /// <summary>Programmes as stored: distinct, in <see cref="ProgramOrder"/> (unknown ones after, ordinal).</summary>
    public static string JoinPrograms(IEnumerable<string> programs) => string.Join(',', programs
        .Distinct(StringComparer.Ordinal)
        .OrderBy(ProgramRank)
        .ThenBy(p => p, StringComparer.Ordinal));

    /// <summary>A programme's place in <see cref="ProgramOrder"/>; unknown programmes last.</summary>
    public static int ProgramRank(string program)
    {
        for (var i = 0; i < ProgramOrder.Count; i++)
        {
            if (ProgramOrder[i] == program)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}

/// <summary>A disbursement round (<c>2026-T3</c>): PKH and Sembako pay in quarterly tahap; the number is 1–12.</summary>
public readonly record struct AidStage(int Year, int Number) : IComparable<AidStage>
{
    public int CompareTo(AidStage other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public static bool operator <(AidStage a, AidStage b) => a.CompareTo(b) < 0;

    public static bool operator >(AidStage a, AidStage b) => a.CompareTo(b) > 0;

    public static bool operator <=(AidStage a, AidStage b) => a.CompareTo(b) <= 0;

    public static bool operator >=(AidStage a, AidStage b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-T{Number}");

    /// <summary><c>yyyy-T{n}</c> with n from 1 to 12.</summary>
    public static bool TryParse(string? text, out AidStage stage)
    {
        stage = default;
        if (text is null || text.Length is < 7 or > 8 || text[4] != '-' || text[5] != 'T' ||
            !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 ||
            !int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 12 ||
            text[6] == '0')
        {
            return false;
        }
        stage = new AidStage(year, number);
        return true;
    }
}
