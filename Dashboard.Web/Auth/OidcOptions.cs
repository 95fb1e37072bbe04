using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Optional single sign-on through the city's OpenID Connect provider (Keycloak, Microsoft Entra ID) beside the
/// local accounts (<c>Auth:Oidc:*</c>). Off while <see cref="Authority"/> is empty. The provider's groups map to our
/// roles: <c>Auth:Oidc:Groups:&lt;group&gt;</c> = <c>Admin</c> | <c>Pimpinan</c> | <c>Operator</c> | <c>KepalaOpd:&lt;OPD code&gt;</c>.
/// A person in no mapped group signs in without a role and is refused everywhere.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";
    public const string Scheme = "oidc";

    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>From the environment or user-secrets.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The token claim that lists the person's groups (Keycloak and Entra ID: <c>groups</c>).</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>Button text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "SSO Pemkot Malang";

    public Dictionary<string, string> Groups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Role and OPD claims for the person's groups (unknown groups give nothing).</summary>
    public IReadOnlyList<Claim> ClaimsFor(IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var claims = new List<Claim>();
        foreach (var group in groups)
        {
            if (!Groups.TryGetValue(group, out var target))
            {
                continue;
            }
            var parts = target.Split(':', 2, StringSplitOptions.TrimEntries);
            claims.Add(new Claim(ClaimTypes.Role, parts[0]));
            if (parts.Length == 2)
            {
                claims.Add(new Claim(AuthExtensions.OpdClaim, parts[1]));
            }
        }
        return [.. claims.DistinctBy(c => (c.Type, c.Value))];
    }
}

/// <summary>Checks <c>Auth:Oidc:*</c> when it is switched on: client id, https authority, known roles and OPD codes.</summary>
public sealed class OidcOptionsValidator(IHostEnvironment environment) : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment()))
        {
            failures.Add($"{OidcOptions.Section}:Authority must be an absolute https URL.");
        }
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{OidcOptions.Section}:ClientId is required when {OidcOptions.Section}:Authority is set.");
        }
        foreach (var (group, target) in options.Groups)
        {
            var parts = target.Split(':', 2, StringSplitOptions.TrimEntries);
            var known = parts[0] is Roles.Admin or Roles.Pimpinan or Roles.Operator
                || (parts[0] == Roles.KepalaOpd && parts.Length == 2 && Dashboard.Ingest.Reporting.ReferenceData.Agencies.Any(a => a.Code == parts[1]));
            if (!known || (parts[0] != Roles.KepalaOpd && parts.Length == 2))
            {
                failures.Add($"{OidcOptions.Section}:Groups:{group} = '{target}' must be Admin, Pimpinan, Operator or KepalaOpd:<OPD code>.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
