using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Domains;
using MudBlazor;

namespace Dashboard.Web.Features.Budget;

/// <summary>The Budget domain (APBD execution and monev), declared once: route, owner, navigation entry, wall board, downloads.</summary>
public static class BudgetDomain
{
    public const string Route = "anggaran";

    /// <summary>BKAD keeps the treasury and reports realisation (docs/DOMAIN.md §13).</summary>
    public const string Opd = "BKAD";

    /// <summary>The page's policy, a constant for its <c>[Authorize]</c> attribute.</summary>
    public const string Policy = Policies.DomainPrefix + Opd;

    public static DomainDescriptor Descriptor { get; } = new()
    {
        Ingest = Dashboard.Ingest.Sources.Budget.BudgetExtensions.Module,
        Simulator = Dashboard.Simulators.Budget.BudgetSimulatorModule.Module,
        Route = Route,
        Opd = Opd,
        Page = typeof(BudgetPage),
        Queries = typeof(BudgetQueries),
        NavLabelKey = "budget.nav",
        Icon = Icons.Material.Filled.AccountBalanceWallet,
        WallTitleKey = "budget.wall",
        Scope = DomainScope.Agency,
        Exports = BudgetExports.Page,
    };
}
