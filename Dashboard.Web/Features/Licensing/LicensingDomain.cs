using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Domains;
using MudBlazor;

namespace Dashboard.Web.Features.Licensing;

/// <summary>The Licensing domain, declared once: its route, owner (the one-stop service), navigation entry, wall board and downloads.</summary>
public static class LicensingDomain
{
    public const string Route = "perizinan";

    public const string Opd = Dashboard.Ingest.Sources.Licensing.LicensingIndicators.OwnerOpd;

    /// <summary>The page's policy, a constant for its <c>[Authorize]</c> attribute.</summary>
    public const string Policy = Policies.DomainPrefix + Opd;

    public static DomainDescriptor Descriptor { get; } = new()
    {
        Ingest = Dashboard.Ingest.Sources.Licensing.LicensingExtensions.Module,
        Simulator = Dashboard.Simulators.Licensing.LicensingSimulatorModule.Module,
        Route = Route,
        Opd = Opd,
        Page = typeof(LicensingPage),
        Queries = typeof(LicensingQueries),
        NavLabelKey = "nav.licensing",
        Icon = Icons.Material.Filled.Verified,
        WallTitleKey = "licensing.wall",
        Scope = DomainScope.Region,
        Exports = LicensingExports.Page,
    };
}
