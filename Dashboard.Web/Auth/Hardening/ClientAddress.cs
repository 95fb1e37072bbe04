using System.Net;
using System.Net.Sockets;

namespace Dashboard.Web.Auth.Hardening;

/// <summary>
/// The client's address as the limits see it: after the forwarded-headers middleware, the address the trusted proxy
/// reported. An IPv6 client counts by its /64 prefix (one subscriber holds a whole /64, so single addresses would give
/// an attacker endless budgets).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Of(http.Connection.RemoteIpAddress);
    }

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
