using System.Security.Claims;
using Dashboard.Ingest.Reporting;
using Dashboard.Web.Shared.Domains;

namespace Dashboard.Web.Auth;

/// <summary>What a domain page shows its reader (<see cref="ReaderScope.On"/>).</summary>
public enum DomainAccess
{
    /// <summary>Everything, at any scope: leadership, administrators, operators, the owning agency's head.</summary>
    Full,

    /// <summary>
    /// An agency head on a page with an agency dimension (<see cref="DomainScope.Agency"/>): their links lead to it filtered
    /// to their own agency (the city-wide figure beside it), the city-wide view is open too; league rows of other agencies
    /// without links into them; downloads of their own agency only.
    /// </summary>
    OwnAgency,

    /// <summary>An agency head on another agency's region page: city-wide figures and league tables; no region detail, no item lists, no downloads.</summary>
    CityTotals,
}

/// <summary>
/// The one scope rule (docs/ARCHITECTURE.md "Access and scope"), consulted by the domain pages, their downloads, the
/// indicator page and its downloads, the OPD brief and home, the navigation, the API and the <c>/hubs/kpi</c> hub.
/// Visible to every reader: city-wide values and the values per agency (the league tables that rank agencies).
/// Own agency only, for a Kepala OPD: item lists, values per kecamatan or kelurahan of another agency's indicators,
/// downloads of rows, the agency's brief and home. Everyone else who signs in (or an API client with the read scope)
/// reads everything.
/// </summary>
public sealed class ReaderScope
{
    private ReaderScope(bool seesAll, IReadOnlyList<string> agencies)
    {
        SeesAll = seesAll;
        Agencies = agencies;
    }

    /// <summary>A reader with no limit (a registered wall screen, an API client with the read scope).</summary>
    public static ReaderScope Everything { get; } = new(true, []);

    /// <summary>A reader who may read nothing (signed out, or a role the product does not know).</summary>
    public static ReaderScope Nothing { get; } = new(false, []);

    /// <summary>Leadership, administrators, operators and API clients: no limit.</summary>
    public bool SeesAll { get; }

    /// <summary>The agencies a Kepala OPD answers for (their OPD claims, in the order they were bound); empty otherwise.</summary>
    public IReadOnlyList<string> Agencies { get; }

    /// <summary>True for a Kepala OPD without a role that reads everything.</summary>
    public bool IsAgencyHead => !SeesAll && Agencies.Count > 0;

    /// <summary>The agency whose home the reader lands on after signing in, or null.</summary>
    public string? HomeAgency => IsAgencyHead ? Agencies[0] : null;

    /// <summary>
    /// The scope of <paramref name="user"/>: a Kepala OPD without another role is limited to their agencies; anyone else
    /// the endpoint's policy let in reads everything; nobody signed in reads nothing.
    /// </summary>
    public static ReaderScope Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Nothing;
        }
        if (!user.IsInRole(Roles.KepalaOpd) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Pimpinan) || user.IsInRole(Roles.Operator))
        {
            return Everything;
        }
        var agencies = user.FindAll(AuthExtensions.OpdClaim)
            .Select(c => ReferenceData.Agencies.FirstOrDefault(a => string.Equals(a.Code, c.Value, StringComparison.OrdinalIgnoreCase))?.Code)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new ReaderScope(false, agencies);
    }

    /// <summary>
    /// The scope of a component's reader. Every page of the app runs under the cascading authentication state
    /// (<c>AddCascadingAuthenticationState</c>), so a missing one is a component rendered on its own (a test): no limit.
    /// </summary>
    public static async Task<ReaderScope> OfAsync(Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? state) =>
        state is null ? Everything : Of((await state).User);

    /// <summary>Whether the reader answers for <paramref name="opd"/> or reads everything: item lists, region detail, downloads, brief, home.</summary>
    public bool OwnsDetailOf(string? opd) => SeesAll || (opd is not null && Agencies.Contains(opd, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the reader may see an indicator's value at a scope: the city and every agency for everyone (totals and
    /// league tables); a kecamatan, kelurahan or school only for the indicator's owner.
    /// </summary>
    public bool MayReadValue(ScopeKind kind, string ownerOpd) =>
        SeesAll || kind is ScopeKind.Kota or ScopeKind.Opd || OwnsDetailOf(ownerOpd);

    /// <summary>Whether the reader may download an indicator's rows at <paramref name="scopeKind"/>/<paramref name="scopeCode"/>.</summary>
    public bool MayDownloadIndicator(string ownerOpd, ScopeKind scopeKind, string scopeCode) =>
        OwnsDetailOf(ownerOpd) || (scopeKind == ScopeKind.Opd && OwnsDetailOf(scopeCode));

    /// <summary>What <paramref name="domain"/>'s page shows this reader (it opens for every person).</summary>
    public DomainAccess On(DomainDescriptor domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (OwnsDetailOf(domain.Opd))
        {
            return DomainAccess.Full;
        }
        return domain.Scope == DomainScope.Agency && Agencies.Count > 0 ? DomainAccess.OwnAgency : DomainAccess.CityTotals;
    }

    /// <summary>Whether the reader may open <paramref name="domain"/>'s page at the scope code of its URL (null: the city).</summary>
    public bool MayOpenScope(DomainDescriptor domain, string? scopeCode) => On(domain) switch
    {
        DomainAccess.Full => true,
        DomainAccess.OwnAgency => IsCity(scopeCode) || OwnsDetailOf(scopeCode),
        _ => IsCity(scopeCode),
    };

    /// <summary>
    /// Whether the reader may download a table of <paramref name="domain"/>'s page at <paramref name="scopeCode"/>:
    /// downloads are rows, so only of the reader's own agency.
    /// </summary>
    public bool MayDownload(DomainDescriptor domain, string? scopeCode) => On(domain) switch
    {
        DomainAccess.Full => true,
        DomainAccess.OwnAgency => !IsCity(scopeCode) && OwnsDetailOf(scopeCode),
        _ => false,
    };

    /// <summary>Where a link to <paramref name="domain"/>'s page takes this reader: the page itself, or their agency's view of it.</summary>
    public string PageHref(DomainDescriptor domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return On(domain) == DomainAccess.OwnAgency ? domain.Href(Agencies[0]) : domain.Route;
    }

    /// <summary>The agencies whose brief and home the reader may open, own first (everyone's for a reader without limit).</summary>
    public IReadOnlyList<Agency> BriefAgencies(IEnumerable<string> withIndicators)
    {
        ArgumentNullException.ThrowIfNull(withIndicators);
        if (!SeesAll)
        {
            return [.. Agencies.Select(code => ReferenceData.Agencies.First(a => a.Code == code))];
        }
        var listed = withIndicators.ToHashSet(StringComparer.Ordinal);
        return [.. ReferenceData.Agencies.Where(a => listed.Contains(a.Code)).OrderBy(a => a.Code, StringComparer.Ordinal)];
    }

    private static bool IsCity(string? scopeCode) => string.IsNullOrEmpty(scopeCode) || scopeCode == ReferenceData.KotaCode;
}
