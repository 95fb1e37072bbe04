namespace Dashboard.Web.Auth;

/// <summary>The product's roles (PRODUCT.md "Who uses it").</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Pimpinan = "Pimpinan";
    public const string KepalaOpd = "KepalaOpd";
    public const string Operator = "Operator";
    public const string ApiClient = "ApiClient";
}

public static class Policies
{
    /// <summary>May trigger a data refresh (operators and administrators).</summary>
    public const string Refresh = "Refresh";

    /// <summary>May change a source's schedule or delete anything (administrators only).</summary>
    public const string Administer = "Administer";

    /// <summary>May read indicator values over the API and the hub (signed-in users or API clients).</summary>
    public const string ReadIndicators = "ReadIndicators";
}
