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
    /// A domain page and its downloads (<c>Domain:&lt;OPD code&gt;</c>, one policy per agency of <c>ReferenceData.Agencies</c>;
    /// each domain names its OPD once, in its <c>DomainDescriptor</c>): every person may open it; what they see there,
    /// and which downloads they get, is decided by <see cref="ReaderScope"/> (the owning agency's head and everyone who
    /// reads everything see it in full).
    /// </summary>
    public const string DomainPrefix = "Domain:";

    public static string Domain(string opd) => DomainPrefix + opd;
}
