namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>The revenue contract's vocabulary (docs/SOURCES.md §3) and the rules the indicators apply to it.</summary>
public static class RevenuePayload
{
    public const string Targets = "targets";
    public const string Payments = "payments";
    public const string Assessments = "pbb-assessments";

    /// <summary>Purpose of the keyed hash of a taxpayer id (NPWPD, or the NOP of a PBB payment).</summary>
    public const string TaxpayerPurpose = "npwpd";

    /// <summary>Purpose of the keyed hash of a PBB assessment id (it embeds the NOP).</summary>
    public const string AssessmentIdPurpose = "pbb-assessment-id";

    public const string Pajak = "pajak";
    public const string Retribusi = "retribusi";
    public const string RetributionPrefix = "RETRIBUSI_";

    public const string Posted = "posted";
    public const string Reversed = "reversed";

    public const string Pbb = "PBB_P2";
    public const string Bphtb = "BPHTB";

    /// <summary>The tax codes of the contract, in the order the page lists them (PBJT first by size).</summary>
    public static readonly IReadOnlyList<string> TaxCodes =
    [
        "PBB_P2", "BPHTB", "PBJT_MAKAN_MINUM", "PBJT_TENAGA_LISTRIK", "PBJT_PERHOTELAN", "PBJT_PARKIR", "PBJT_HIBURAN",
        "REKLAME", "AIR_TANAH", "SARANG_WALET", "OPSEN_PKB", "OPSEN_BBNKB",
    ];

    private static readonly HashSet<string> TaxCodeSet = new(TaxCodes, StringComparer.Ordinal);

    /// <summary>Taxes a taxpayer registers for with an NPWPD and declares (self-assessment): the base of #27.</summary>
    public static readonly IReadOnlySet<string> SelfAssessed = new HashSet<string>(StringComparer.Ordinal)
    {
        "PBJT_MAKAN_MINUM", "PBJT_TENAGA_LISTRIK", "PBJT_PERHOTELAN", "PBJT_PARKIR", "PBJT_HIBURAN", "REKLAME", "AIR_TANAH",
        "SARANG_WALET",
    };

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { Pajak, Retribusi };

    public static readonly IReadOnlySet<string> Channels =
        new HashSet<string>(StringComparer.Ordinal) { "bank", "qris", "teller", "marketplace" };

    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal) { Posted, Reversed };

    /// <summary>
    /// [I] The OPD that collects each retribution (UU 1/2022 jenis retribusi; docs/DOMAIN.md §5.4): the scope of #29 per OPD.
    /// Retribution codes not listed here count city-wide only.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RetributionAgency = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["RETRIBUSI_PASAR"] = "DISKOPINDAG",
        ["RETRIBUSI_PARKIR_TEPI_JALAN"] = "DISHUB",
        ["RETRIBUSI_KEBERSIHAN"] = "DLH",
        ["RETRIBUSI_PELAYANAN_KESEHATAN"] = "DINKES",
        ["RETRIBUSI_PBG"] = "DPUPRPKP",
        ["RETRIBUSI_RPH"] = "DISPANGTAN",
        ["RETRIBUSI_OLAHRAGA"] = "DISPORAPAR",
        ["RETRIBUSI_PEMANFAATAN_ASET"] = "BKAD",
    };

    /// <summary>PBB-P2 falls due on 31 July of the assessment year (docs/DOMAIN.md §5.1, Malang's historical due date).</summary>
    public static DateOnly PbbDueDate(int year) => new(year, 7, 31);

    public static bool IsTax(string code) => TaxCodeSet.Contains(code);

    public static bool IsRetribution(string code) =>
        code.StartsWith(RetributionPrefix, StringComparison.Ordinal) && code.Length > RetributionPrefix.Length;

    /// <summary>A code of the contract: one of the tax codes or a <c>RETRIBUSI_*</c> code.</summary>
    public static bool IsKnownCode(string code) => IsTax(code) || IsRetribution(code);

    /// <summary>pajak, retribusi, or null for a code outside the contract.</summary>
    public static string? KindOf(string code) => IsTax(code) ? Pajak : IsRetribution(code) ? Retribusi : null;

    /// <summary>What a payment adds to realisation: a posted payment its amount, a reversal minus its amount, anything else nothing.</summary>
    public static long NetAmount(string status, long amount) => status switch
    {
        Posted => amount,
        Reversed => -amount,
        _ => 0,
    };

    /// <summary>The agency that collects a retribution code, or null.</summary>
    public static string? AgencyOf(string code) => RetributionAgency.GetValueOrDefault(code);
}
