using Dashboard.Web.Shared.Domains;

namespace Dashboard.Web.Features;

/// <summary>
/// The domains the web host shows, one line each, in navigation order. A new domain declares its
/// <see cref="DomainDescriptor"/> in its own feature folder and adds its line here (docs/ADDING-A-SOURCE.md).
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

    /// <summary>The domain of <paramref name="source"/>, or null for a source without a page.</summary>
    public static DomainDescriptor? FindBySource(string? source) => All.FirstOrDefault(d => d.Source == source);
}
