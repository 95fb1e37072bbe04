using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Domains;
using MudBlazor;

namespace Dashboard.Web.Features.Complaints;

/// <summary>The Complaints domain, declared once: its route, owner, navigation entry, wall board and downloads.</summary>
public static class ComplaintsDomain
{
    public const string Route = "aduan";

    public const string Opd = "DISKOMINFO";

    /// <summary>The page's policy, a constant for its <c>[Authorize]</c> attribute.</summary>
    public const string Policy = Policies.DomainPrefix + Opd;

    public static DomainDescriptor Descriptor { get; } = new()
    {
        Ingest = Dashboard.Ingest.Sources.Complaints.ComplaintsExtensions.Module,
        Simulator = Dashboard.Simulators.Complaints.ComplaintsSimulatorModule.Module,
        Route = Route,
        Opd = Opd,
        Page = typeof(ComplaintsPage),
        Queries = typeof(ComplaintsQueries),
        NavLabelKey = "nav.complaints",
        Icon = Icons.Material.Filled.Campaign,
        WallTitleKey = "complaints.wall",
        Scope = DomainScope.Region,
        AgencyItems = typeof(ComplaintsAgencyItems),
        Exports = ComplaintsExports.Page,
    };
}
