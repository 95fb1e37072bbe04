using System.ComponentModel.DataAnnotations;

namespace Dashboard.Simulators.Budget;

/// <summary>
/// Size of the simulated APBD (<c>Sources:Budget:Simulator</c>). Rupiah totals follow the calibration (docs/DOMAIN.md §13)
/// whatever the size: fewer lines means larger lines.
/// </summary>
public sealed class BudgetSimulatorOptions
{
    public const string Section = "Sources:Budget:Simulator";

    /// <summary>Budget lines (sub-kegiatan) a year, over every agency (the city has about 2,500).</summary>
    [Range(40, 20_000, ErrorMessage = "Sources:Budget:Simulator:Lines must be between 40 and 20000.")]
    public int Lines { get; set; } = 1_200;
}
