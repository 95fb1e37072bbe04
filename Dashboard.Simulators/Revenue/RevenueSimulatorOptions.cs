using System.ComponentModel.DataAnnotations;

namespace Dashboard.Simulators.Revenue;

/// <summary>
/// Size of the simulated revenue administration (<c>Sources:Revenue:Simulator</c>). Rupiah totals follow the
/// calibration (docs/DOMAIN.md §5.2, §11) whatever the sizes: fewer taxpayers or tax objects means larger payments each.
/// </summary>
public sealed class RevenueSimulatorOptions
{
    public const string Section = "Sources:Revenue:Simulator";

    /// <summary>Self-assessed taxpayers (NPWPD: restaurants, hotels, parking, entertainment, street lighting, billboards, groundwater).</summary>
    [Range(20, 100_000, ErrorMessage = "Sources:Revenue:Simulator:Taxpayers must be between 20 and 100000.")]
    public int Taxpayers { get; set; } = 1_500;

    /// <summary>PBB-P2 tax objects (NOP): one assessment (SPPT) each a year.</summary>
    [Range(57, 1_000_000, ErrorMessage = "Sources:Revenue:Simulator:PbbObjects must be between 57 and 1000000.")]
    public int PbbObjects { get; set; } = 10_000;

    /// <summary>
    /// Days of payments before the shared history window (<c>Sources:Simulator:HistoryDays</c>), so that the
    /// page's last month of daily receipts has the same days a year earlier to compare with.
    /// </summary>
    [Range(0, 400, ErrorMessage = "Sources:Revenue:Simulator:ComparisonDays must be between 0 and 400.")]
    public int ComparisonDays { get; set; } = 35;
}
