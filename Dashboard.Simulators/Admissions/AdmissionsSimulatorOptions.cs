using System.ComponentModel.DataAnnotations;

namespace Dashboard.Simulators.Admissions;

/// <summary>
/// Size of the simulated admissions (<c>Sources:Admissions:Simulator</c>). One knob: the children of one age cohort
/// in the city; schools, seats and applications follow from it (docs/DOMAIN.md §12 found no Malang school counts).
/// </summary>
public sealed class AdmissionsSimulatorOptions
{
    public const string Section = "Sources:Admissions:Simulator";

    /// <summary>
    /// Children of one year of age in the city (≈ 1.5 % of 850,000 residents). The default gives about 170 SD and
    /// 30 SMP in the portal and some 20,000 applications a season.
    /// </summary>
    [Range(200, 200_000, ErrorMessage = "Sources:Admissions:Simulator:CohortSize must be between 200 and 200000.")]
    public int CohortSize { get; set; } = 13_000;
}
