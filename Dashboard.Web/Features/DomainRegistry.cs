using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Shared;
using Dashboard.Web.Shared.Domains;

namespace Dashboard.Web.Features;

/// <summary>
/// The domains, one line each, in navigation order: the only list of sources. A new source declares its
/// <see cref="DomainDescriptor"/> in its own feature folder and adds its line here (docs/ADDING-A-SOURCE.md); the host
/// registers its ingest source and its simulator from it (<see cref="Sources"/>, <see cref="Simulators"/>).
/// </summary>
public static class DomainRegistry
{
    public static IReadOnlyList<DomainDescriptor> All { get; } =
    [
        Complaints.ComplaintsDomain.Descriptor,
        Letters.LettersDomain.Descriptor,
        Staffing.StaffingDomain.Descriptor,
        Revenue.RevenueDomain.Descriptor,
        SocialAid.SocialAidDomain.Descriptor,
        Admissions.AdmissionsDomain.Descriptor,
        Budget.BudgetDomain.Descriptor,
        Licensing.LicensingDomain.Descriptor,
    ];

    /// <summary>Every registered source's ingest registration, for <c>AddSources</c>.</summary>
    public static IEnumerable<SourceModule> Sources => All.Select(d => d.Ingest);

    /// <summary>Every registered source's simulator, for <c>AddSourceSimulators</c>.</summary>
    public static IEnumerable<SimulatorModule> Simulators => All.Select(d => d.Simulator);

    /// <summary>The domain of <paramref name="source"/>, or null for a source without a page.</summary>
    public static DomainDescriptor? FindBySource(string? source) => All.FirstOrDefault(d => d.Source == source);
}
