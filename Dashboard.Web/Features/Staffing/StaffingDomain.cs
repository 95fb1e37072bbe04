using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Domains;
using MudBlazor;

namespace Dashboard.Web.Features.Staffing;

/// <summary>The Staffing domain, declared once: its route, owner, navigation entry, wall board and downloads.</summary>
public static class StaffingDomain
{
    public const string Route = "kepegawaian";

    public const string Opd = "BKPSDM";

    /// <summary>The page's policy, a constant for its <c>[Authorize]</c> attribute.</summary>
    public const string Policy = Policies.DomainPrefix + Opd;

    public static DomainDescriptor Descriptor { get; } = new()
    {
        Ingest = Dashboard.Ingest.Sources.Staffing.StaffingExtensions.Module,
        Simulator = Dashboard.Simulators.Staffing.StaffingSimulatorModule.Module,
        Route = Route,
        Opd = Opd,
        Page = typeof(StaffingPage),
        Queries = typeof(StaffingQueries),
        NavLabelKey = "staffing.nav",
        Icon = Icons.Material.Filled.Badge,
        WallTitleKey = "staffing.wall",
        Scope = DomainScope.Agency,
        Exports = StaffingExports.Page,
    };
}
