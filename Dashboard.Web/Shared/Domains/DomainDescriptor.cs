using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Shared;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Export;

namespace Dashboard.Web.Shared.Domains;

/// <summary>What a domain page's scope is chosen by: a region (<c>?wilayah=</c>) or an agency (<c>?opd=</c>).</summary>
public enum DomainScope
{
    /// <summary>The city, a kecamatan or a kelurahan (<c>?wilayah=35.73.02</c>).</summary>
    Region,

    /// <summary>The city or one OPD (<c>?opd=DISDIKBUD</c>).</summary>
    Agency,
}

/// <summary>
/// Everything the web host lists per domain, declared once in the domain's own feature folder
/// (<c>Features/Complaints/ComplaintsDomain.cs</c>) and registered with one line in <see cref="DomainRegistry"/>, which
/// also registers its ingest source and its simulator.
/// Navigation, the overview, the wall boards, the export routes, the authorization policies and the tests
/// iterate the registry instead of naming domains.
/// </summary>
public sealed record DomainDescriptor
{
    /// <summary>
    /// The source system the domain shows, registered with it: options, client, job, feeds and indicator computation,
    /// declared in its folder of Dashboard.Ingest (<c>Sources/Complaints/ComplaintsExtensions.Module</c>).
    /// </summary>
    public required SourceModule Ingest { get; init; }

    /// <summary>The source's simulator, declared in its folder of Dashboard.Simulators (<c>Complaints/ComplaintsSimulatorModule</c>).</summary>
    public required SimulatorModule Simulator { get; init; }

    /// <summary>The source system the domain shows (<c>KpiEvent.Source</c>, <c>IIndicatorSet.Source</c>).</summary>
    public string Source => Ingest.Source;

    /// <summary>The page's path without its slash (<c>aduan</c>); also the id of its wall board.</summary>
    public required string Route { get; init; }

    /// <summary>The OPD that owns the domain: its Kepala OPD may open the page (<see cref="Policy"/>).</summary>
    public required string Opd { get; init; }

    /// <summary>The routable component of the page (it carries <c>[Route("/" + Route)]</c> and <c>[Authorize(Policy)]</c>).</summary>
    public required Type Page { get; init; }

    /// <summary>The page's read-side query service, registered as a singleton.</summary>
    public required Type Queries { get; init; }

    /// <summary>Text key of the navigation entry.</summary>
    public required string NavLabelKey { get; init; }

    /// <summary>The navigation entry's MudBlazor icon (an SVG path).</summary>
    public required string Icon { get; init; }

    /// <summary>Text key of the domain's wall board title.</summary>
    public required string WallTitleKey { get; init; }

    /// <summary>What the page's scope is chosen by.</summary>
    public DomainScope Scope { get; init; } = DomainScope.Region;

    /// <summary>The page's downloads: every table and chart series it shows.</summary>
    public required IDomainExport Exports { get; init; }

    /// <summary>
    /// Optional: the source's lists about one agency on its head's home (<c>/opd/{opd}</c>), an <see cref="IAgencyItems"/>
    /// registered as a singleton (overdue complaints, revenue streams…). The agency's numbers come from the indicator
    /// set's <c>AgencyIndicators</c>.
    /// </summary>
    public Type? AgencyItems { get; init; }

    /// <summary>The page's authorization policy: <c>Domain:&lt;OPD&gt;</c>.</summary>
    public string Policy => Policies.Domain(Opd);

    /// <summary>The query parameter that carries the scope on the page and its downloads.</summary>
    public string ScopeParameter => Scope == DomainScope.Agency ? "opd" : "wilayah";

    /// <summary>The domain's indicator set (its definitions, targets and overview headlines) from the catalogue.</summary>
    public IIndicatorSet? Indicators => IndicatorCatalog.Sets.FirstOrDefault(s => s.Source == Source);

    /// <summary>The page's link for <paramref name="scopeCode"/>: the page alone for the city, else with its scope parameter.</summary>
    public string Href(string scopeCode) =>
        scopeCode == ReferenceData.KotaCode ? Route : $"{Route}?{ScopeParameter}={Uri.EscapeDataString(scopeCode)}";
}
