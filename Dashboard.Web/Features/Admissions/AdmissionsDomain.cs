using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Domains;
using MudBlazor;

namespace Dashboard.Web.Features.Admissions;

/// <summary>The Admissions domain, declared once: its route, owner, navigation entry, wall board and downloads.</summary>
public static class AdmissionsDomain
{
    public const string Route = "spmb";

    public const string Opd = "DISDIKBUD";

    /// <summary>The page's policy, a constant for its <c>[Authorize]</c> attribute.</summary>
    public const string Policy = Policies.DomainPrefix + Opd;

    public static DomainDescriptor Descriptor { get; } = new()
    {
        Ingest = Dashboard.Ingest.Sources.Admissions.AdmissionsExtensions.Module,
        Simulator = Dashboard.Simulators.Admissions.AdmissionsSimulatorModule.Module,
        Route = Route,
        Opd = Opd,
        Page = typeof(AdmissionsPage),
        Queries = typeof(AdmissionsQueries),
        NavLabelKey = "admissions.nav",
        Icon = Icons.Material.Filled.School,
        WallTitleKey = "admissions.wall",
        Scope = DomainScope.Region,
        Exports = AdmissionsExports.Page,
    };
}
