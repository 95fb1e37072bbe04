using System.Net;
using Dashboard.Web.Auth.Hardening;

namespace Dashboard.Tests.Web.Hosting;

/// <summary>The address the limits and the connection cap count: IPv4 as is, IPv6 by its /64, mapped IPv4 as IPv4.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2::10", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::10", "2001:db8:1:3::/64")]
    [InlineData("::1", "::1")]
    public void Of_GroupsAnIpv6SubscriberByItsPrefix(string address, string expected) =>
        Assert.Equal(expected, ClientAddress.Of(IPAddress.Parse(address)));

    [Fact]
    public void Of_NoAddress_IsOneUnknownClient() => Assert.Equal("unknown", ClientAddress.Of((IPAddress?)null));
}
