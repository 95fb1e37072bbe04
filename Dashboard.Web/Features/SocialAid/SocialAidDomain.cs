using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Domains;
using MudBlazor;

namespace Dashboard.Web.Features.SocialAid;

/// <summary>The SocialAid domain, declared once: its route, owner, navigation entry, wall board and downloads.</summary>
public static class SocialAidDomain
{
    public const string Route = "bansos";

    public const string Opd = "DINSOS";

    /// <summary>The page's policy, a constant for its <c>[Authorize]</c> attribute.</summary>
    public const string Policy = Policies.DomainPrefix + Opd;

    public static DomainDescriptor Descriptor { get; } = new()
    {
        Ingest = Dashboard.Ingest.Sources.SocialAid.SocialAidExtensions.Module,
        Simulator = Dashboard.Simulators.SocialAid.SocialAidSimulatorModule.Module,
        Route = Route,
        Opd = Opd,
        Page = typeof(SocialAidPage),
        Queries = typeof(SocialAidQueries),
        NavLabelKey = "socialaid.nav",
        Icon = Icons.Material.Filled.VolunteerActivism,
        WallTitleKey = "socialaid.wall",
        Scope = DomainScope.Region,
        Exports = SocialAidExports.Page,
    };
}
