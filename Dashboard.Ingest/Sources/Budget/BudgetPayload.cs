namespace Dashboard.Ingest.Sources.Budget;

/// <summary>The budget contract's vocabulary (docs/SOURCES.md §7) and the rules the indicators apply to it.</summary>
public static class BudgetPayload
{
    public const string Lines = "budget-lines";
    public const string CashPlans = "cash-plans";
    public const string Payments = "payments";
    public const string Progress = "progress";

    public const string Operasi = "operasi";
    public const string Modal = "modal";
    public const string TidakTerduga = "tidak_terduga";
    public const string Transfer = "transfer";

    public const string Issued = "terbit";
    public const string Cancelled = "dibatalkan";

    public const string Ls = "LS";
    public const string Gu = "GU";

    /// <summary>Account prefix of belanja pegawai (Permendagri 90/2019: 5.1.01).</summary>
    public const string PersonnelAccountPrefix = "5.1.01";

    public static readonly IReadOnlySet<string> SpendingKinds =
        new HashSet<string>(StringComparer.Ordinal) { Operasi, Modal, TidakTerduga, Transfer };

    /// <summary>Funding sources in the order the page lists them.</summary>
    public static readonly IReadOnlyList<string> FundingSourceOrder = ["PAD", "DAU", "DAK_FISIK", "DAK_NONFISIK", "DBH", "BANKEU_PROV", "LAINNYA"];

    public static readonly IReadOnlySet<string> FundingSources = new HashSet<string>(FundingSourceOrder, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> PaymentTypes = new HashSet<string>(StringComparer.Ordinal) { "UP", Gu, "TU", Ls };

    public static readonly IReadOnlySet<string> LsKinds =
        new HashSet<string>(StringComparer.Ordinal) { "gaji", "tpp", "barang_jasa", "hibah", "bansos" };

    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal) { Issued, Cancelled };

    /// <summary>Spending realisation: LS and GU payments not cancelled. UP and TU are advances, not spending (docs/SOURCES.md §7).</summary>
    public static bool IsSpending(string type, string status) => status == Issued && type is Ls or Gu;

    /// <summary>A Permendagri 90/2019 code: digits in dot-separated groups (<c>1.02.02.2.01.0022</c>, <c>5.1.02.01.01.0024</c>).</summary>
    private const int MaxCodeSegment = 4;

    public static bool IsCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 40 || value[0] == '.' || value[^1] == '.')
        {
            return false;
        }
        var previousDot = false;
        var group = 0;
        foreach (var c in value)
        {
            if (c == '.')
            {
                if (previousDot)
                {
                    return false;
                }
                previousDot = true;
                group = 0;
            }
            // No segment of the nomenclature is longer than four digits (5.1.02.01.01.0001): a run of more is a number
            // of something else (a NIK, a phone) and is refused, never stored.
            else if (char.IsAsciiDigit(c) && ++group > MaxCodeSegment)
            {
                return false;
            }
            else if (char.IsAsciiDigit(c))
            {
                previousDot = false;
            }
            else
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>
/// The monthly band ("kurva S") realisation is held to: cumulative % of pagu expected by the end of each month
/// (docs/DOMAIN.md §13). Within a month the bounds move in a straight line from the previous month's end (0 before
/// January) to the month's own, so that a day's status neither jumps on the first of a month nor waits for its end.
/// </summary>
public sealed record BudgetBand(IReadOnlyList<double> Lower, IReadOnlyList<double> Upper)
{
    /// <summary>A pemkab's public band: red below the lower bound, amber between, green at or above the upper one.</summary>
    public static BudgetBand Default { get; } = new(
        [1, 1, 3, 5, 7, 10, 20, 30, 40, 50, 60, 70],
        [1, 5, 7, 10, 20, 30, 40, 50, 60, 70, 80, 85]);

    /// <summary>The bounds in force on <paramref name="day"/>.</summary>
    public (double Lower, double Upper) On(DateOnly day)
    {
        var m = day.Month - 1;
        var fraction = day.Day / (double)DateTime.DaysInMonth(day.Year, day.Month);
        var lower0 = m == 0 ? 0 : Lower[m - 1];
        var upper0 = m == 0 ? 0 : Upper[m - 1];
        return (lower0 + ((Lower[m] - lower0) * fraction), upper0 + ((Upper[m] - upper0) * fraction));
    }
}
