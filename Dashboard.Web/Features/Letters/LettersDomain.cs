using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Domains;
using MudBlazor;

namespace Dashboard.Web.Features.Letters;

/// <summary>The Letters domain, declared once: its route, owner, navigation entry, wall board and downloads.</summary>
public static class LettersDomain
{
    public const string Route = "layanan-surat";

    public const string Opd = "SETDA";

    /// <summary>The page's policy, a constant for its <c>[Authorize]</c> attribute.</summary>
    public const string Policy = Policies.DomainPrefix + Opd;

    public static DomainDescriptor Descriptor { get; } = new()
    {
        Ingest = Dashboard.Ingest.Sources.Letters.LettersExtensions.Module,
        Simulator = Dashboard.Simulators.Letters.LettersSimulatorModule.Module,
        Route = Route,
        Opd = Opd,
        Page = typeof(LettersPage),
        Queries = typeof(LettersQueries),
        NavLabelKey = "nav.letters",
        Icon = Icons.Material.Filled.Description,
        WallTitleKey = "letters.wall",
        Scope = DomainScope.Region,
        Exports = LettersExports.Page,
    };
}
