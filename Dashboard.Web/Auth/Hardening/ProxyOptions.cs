using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth.Hardening;

/// <summary>
/// The reverse proxy in front of the app (<c>Hosting:*</c>). <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed only from these addresses: then the client's address keys the rate limits and connection caps, and a
/// request that reached the proxy over HTTPS gets <c>Secure</c> cookies and HSTS. With neither list set, only a proxy
/// on the same machine (loopback) is believed.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Hosting";

    /// <summary>Addresses of the proxies (e.g. <c>10.10.1.5</c>); replace the loopback default.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form (e.g. <c>10.10.1.0/24</c>); replace the loopback default.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How long browsers remember to use HTTPS only (Strict-Transport-Security, outside Development).</summary>
    [Range(1, 730, ErrorMessage = "Hosting:HstsMaxAgeDays must be between 1 and 730.")]
    public int HstsMaxAgeDays { get; set; } = 365;

    internal IEnumerable<IPAddress> Proxies() =>
        KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var a) ? a : null).OfType<IPAddress>();

    internal IEnumerable<System.Net.IPNetwork> Networks() =>
        KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var net) ? (System.Net.IPNetwork?)net : null).OfType<System.Net.IPNetwork>();
}

/// <summary>Every proxy address and network must parse; the failure names the entry's key.</summary>
public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Length; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i].Trim(), out _))
            {
                failures.Add($"{ProxyOptions.Section}:KnownProxies:{i} ('{options.KnownProxies[i]}') is not an IP address.");
            }
        }
        for (var i = 0; i < options.KnownNetworks.Length; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i].Trim(), out _))
            {
                failures.Add($"{ProxyOptions.Section}:KnownNetworks:{i} ('{options.KnownNetworks[i]}') is not a network in CIDR form (e.g. 10.10.1.0/24).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
