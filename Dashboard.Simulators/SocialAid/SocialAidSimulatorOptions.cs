using System.ComponentModel.DataAnnotations;

namespace Dashboard.Simulators.SocialAid;

/// <summary>
/// Size of the simulated registry (<c>Sources:SocialAid:Simulator</c>). Each recipient family gets one disbursement
/// per programme and tahap, so a year of history holds roughly twice as many disbursements as families: the
/// default first load stays well under a minute, and a benchmark asks for more.
/// </summary>
public sealed class SocialAidSimulatorOptions
{
    public const string Section = "Sources:SocialAid:Simulator";

    /// <summary>
    /// Families in the registry at the start of the history (docs/DOMAIN.md §6.2: Malang's KPM counts were not found, so
    /// the registry is parameterised; the default is the lower desils plus a tail of better-off families).
    /// </summary>
    [Range(100, 500_000, ErrorMessage = "Sources:SocialAid:Simulator:Families must be between 100 and 500000.")]
    public int Families { get; set; } = 20_000;
}
