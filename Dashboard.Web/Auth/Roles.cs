using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth;

/// <summary>The product's roles (docs/OPERATIONS.md "Who may see what").</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Pimpinan = "Pimpinan";
    public const string KepalaOpd = "KepalaOpd";
    public const string Operator = "Operator";
    public const string ApiClient = "ApiClient";
}

/// <summary>
/// Every page, endpoint and hub names one of these (docs/OPERATIONS.md "Who may see what"). A page without an explicit
/// policy is refused by the router; <c>Dashboard.Tests/Web/Accounts/AccessMatrixTests</c> checks every page and endpoint.
/// </summary>
public static class Policies
{
    /// <summary>Any person with a role: the city overview, the user's own account pages.</summary>
    public const string Person = "Person";

    /// <summary>May trigger a data refresh (operators and administrators).</summary>
    public const string Refresh = "Refresh";

    /// <summary>May manage users, API clients, schedules (administrators only).</summary>
    public const string Administer = "Administer";

    /// <summary>May read indicator values over the hub (signed-in people or API clients with the read scope).</summary>
    public const string ReadIndicators = "ReadIndicators";

    /// <summary>API clients with the <c>read-indicators</c> scope (<c>GET /api/v1/*</c>).</summary>
    public const string ApiRead = "ApiRead";

    /// <summary>API clients with the <c>trigger-refresh</c> scope.</summary>
    public const string ApiRefresh = "ApiRefresh";

    /// <summary>
    /// A domain page in full detail: Admin, Pimpinan and Operator always; a Kepala OPD only for the OPD that owns the
    /// page's source (<c>Domain:&lt;OPD code&gt;</c>, one policy per agency of <c>ReferenceData.Agencies</c>; each domain
    /// names its OPD once, in its <c>DomainDescriptor</c>).
    /// </summary>
    public const string DomainPrefix = "Domain:";

    public static string Domain(string opd) => DomainPrefix + opd;
}

/// <summary>The page's owning OPD: leadership, administrators and operators pass; a Kepala OPD bound to that OPD passes.</summary>
public sealed record OwnOpdRequirement(string Opd) : IAuthorizationRequirement;

public sealed class OwnOpdHandler : AuthorizationHandler<OwnOpdRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnOpdRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (Admits(context.User, requirement.Opd))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    /// <summary>Whether the user may see the OPD's detail: leadership, administrators, operators, or its own Kepala OPD.</summary>
    public static bool Admits(System.Security.Claims.ClaimsPrincipal user, string opd)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Pimpinan) || user.IsInRole(Roles.Operator)
            || (user.IsInRole(Roles.KepalaOpd) && user.FindAll(AuthExtensions.OpdClaim).Any(c => string.Equals(c.Value, opd, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// For pages and downloads whose OPD is only known from their data (an indicator's owner, a brief's OPD): a Kepala
    /// OPD is refused another OPD's detail; everyone else who reached the page (its own policy) is not.
    /// </summary>
    public static bool RefusesDetail(System.Security.Claims.ClaimsPrincipal user, string opd)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.KepalaOpd) && !Admits(user, opd);
    }
}
