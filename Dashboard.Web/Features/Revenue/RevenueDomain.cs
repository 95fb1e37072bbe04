using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Domains;
using MudBlazor;

namespace Dashboard.Web.Features.Revenue;

/// <summary>The Revenue domain, declared once: its route, owner, navigation entry, wall board and downloads.</summary>
public static class RevenueDomain
{
    public const string Route = "pendapatan";

    public const string Opd = "BAPENDA";

    /// <summary>The page's policy, a constant for its <c>[Authorize]</c> attribute.</summary>
    public const string Policy = Policies.DomainPrefix + Opd;

    public static DomainDescriptor Descriptor { get; } = new()
    {
        Ingest = Dashboard.Ingest.Sources.Revenue.RevenueExtensions.Module,
        Simulator = Dashboard.Simulators.Revenue.RevenueSimulatorModule.Module,
        Route = Route,
        Opd = Opd,
        Page = typeof(RevenuePage),
        Queries = typeof(RevenueQueries),
        NavLabelKey = "revenue.nav",
        Icon = Icons.Material.Filled.Payments,
        WallTitleKey = "revenue.wall",
        Scope = DomainScope.Region,
        AgencyItems = typeof(RevenueAgencyItems),
        Exports = RevenueExports.Page,
    };
}
