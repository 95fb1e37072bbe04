using System.Net;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Dashboard.Web.Features.Walls;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy (the app on plain HTTP, the test client acting as the proxy on loopback): the proxy's
/// forwarded headers are believed only from <c>Hosting:KnownProxies</c>/<c>KnownNetworks</c>; then cookies are Secure,
/// HSTS is sent outside Development, and limits count the forwarded client, not the proxy.
/// </summary>
public sealed class ProxyTests
{
    private const string RealKey = "k8Zq2vN4r7Xw1pLs9Tb3Hc6Jy0Md5Gf2";
    private const string Password = "kalimat sandi walikota yang panjang";

    private static DashboardFactory App(string environment, string knownProxy, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Api:Keys:portal"] = RealKey;
        settings["Hosting:KnownProxies:0"] = knownProxy;
        return new DashboardFactory(settings, b => b.UseEnvironment(environment));
    }

    /// <summary>A request as nginx sends it after TLS: the public host, the client's address, the original scheme.</summary>
    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string client = "203.0.113.7", string scheme = "https")
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Host = "dasbor.malangkota.go.id";
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", scheme);
        return request;
    }

    private static HttpClient RawClient(DashboardFactory app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.RootUri };

    private static Dictionary<string, string> SetCookies(HttpResponseMessage response) =>
        (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            .ToDictionary(c => c[..c.IndexOf('=', StringComparison.Ordinal)], c => c, StringComparer.Ordinal);

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every cookie the app sets for a browser: antiforgery (sign-in form), culture, dasbor.auth, dasbor.layar.</summary>
    private static async Task<Dictionary<string, string>> CookiesThroughProxyAsync(DashboardFactory app, string scheme)
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = app.Services.GetRequiredService<UserAdministration>();
        Assert.True((await admin.CreateAsync("tester", "walikota", "Wali Kota", Password, [Roles.Pimpinan], [], ct)).Succeeded);
        var (_, token) = await app.Services.GetRequiredService<WallScreenService>().CreateAsync(
            new WallScreenInput("Lobi", "NCC", ["kota"], false, 60, WallTheme.Dark, null, null), "tester", ct);
        using var http = RawClient(app);
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);

        var form = await http.SendAsync(Forwarded(HttpMethod.Get, "masuk", scheme: scheme), ct);
        var formCookies = SetCookies(form);
        var antiforgery = Assert.Single(formCookies, c => c.Key.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        cookies["antiforgery"] = antiforgery.Value;
        var html = await form.Content.ReadAsStringAsync(ct);
        var requestToken = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);

        var signIn = Forwarded(HttpMethod.Post, "masuk", scheme: scheme);
        signIn.Headers.Add("Cookie", antiforgery.Value.Split(';')[0]);
        signIn.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "walikota", ["password"] = Password, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = requestToken,
        });
        var signedIn = await http.SendAsync(signIn, ct);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        cookies["auth"] = SetCookies(signedIn)["dasbor.auth"];

        var culture = await http.SendAsync(Forwarded(HttpMethod.Get, "culture/set?culture=en-US&redirectUri=/", scheme: scheme), ct);
        cookies["culture"] = SetCookies(culture)[".AspNetCore.Culture"];

        var wall = await http.SendAsync(Forwarded(HttpMethod.Get, "dinding?token=" + Uri.EscapeDataString(token), scheme: scheme), ct);
        cookies["wall"] = SetCookies(wall)[WallScreenAuthenticationHandler.CookieName];
        return cookies;
    }

    [Fact]
    public async Task FromAKnownProxy_AnHttpsRequest_GetsSecureCookies_AndHsts_InProduction()
    {
        await using var app = App("Production", "127.0.0.1");

        var cookies = await CookiesThroughProxyAsync(app, "https");
        using var http = RawClient(app);
        var response = await http.SendAsync(Forwarded(HttpMethod.Get, "masuk"), TestContext.Current.CancellationToken);

        Assert.All(cookies, c => Assert.True(IsSecure(c.Value), $"{c.Key}: {c.Value}"));
        Assert.Equal(["antiforgery", "auth", "culture", "wall"], cookies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task FromAnUnknownProxy_TheForwardedHeadersAreIgnored_NoSecure_NoHsts()
    {
        await using var app = App("Production", "10.10.1.5");

        var cookies = await CookiesThroughProxyAsync(app, "https");
        using var http = RawClient(app);
        var response = await http.SendAsync(Forwarded(HttpMethod.Get, "masuk"), TestContext.Current.CancellationToken);

        Assert.All(cookies, c => Assert.False(IsSecure(c.Value), $"{c.Key}: {c.Value}"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task PlainHttpThroughTheProxy_AndDevelopment_NeverGetHsts()
    {
        await using var production = App("Production", "127.0.0.1");
        await using var development = App("Development", "127.0.0.1");
        var ct = TestContext.Current.CancellationToken;
        using var productionHttp = RawClient(production);
        using var developmentHttp = RawClient(development);

        var plain = await productionHttp.SendAsync(Forwarded(HttpMethod.Get, "masuk", scheme: "http"), ct);
        var dev = await developmentHttp.SendAsync(Forwarded(HttpMethod.Get, "masuk"), ct);

        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.False(IsSecure(Assert.Single(SetCookies(plain)).Value));
        Assert.False(dev.Headers.Contains("Strict-Transport-Security"));
        Assert.True(IsSecure(Assert.Single(SetCookies(dev)).Value), "an HTTPS request in Development still gets Secure cookies");
    }

    [Fact]
    public async Task SignInLimit_CountsTheForwardedClient_TwoClientsBehindOneProxy_DoNotShareABudget()
    {
        await using var app = App("Development", "127.0.0.1", new() { ["Hardening:SignInPerMinute"] = "2" });
        using var http = RawClient(app);
        var ct = TestContext.Current.CancellationToken;

        async Task<HttpStatusCode> PostAsync(string client)
        {
            var request = Forwarded(HttpMethod.Post, "masuk", client);
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "x", ["password"] = "y" });
            return (await http.SendAsync(request, ct)).StatusCode;
        }

        var first = new[] { await PostAsync("203.0.113.1"), await PostAsync("203.0.113.1"), await PostAsync("203.0.113.1") };
        var second = await PostAsync("203.0.113.2");
        // One IPv6 subscriber (a /64) is one client however many addresses it uses.
        var v6 = new[] { await PostAsync("2001:db8:1:2::10"), await PostAsync("2001:db8:1:2::11"), await PostAsync("2001:db8:1:2::12") };

        // No antiforgery token: a counted request is refused 400 by the form, an uncounted one 429 by the limiter.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], v6);
    }

    [Fact]
    public async Task SignInLimit_FromAnUnknownProxy_CountsTheProxy()
    {
        await using var app = App("Development", "10.10.1.5", new() { ["Hardening:SignInPerMinute"] = "2" });
        using var http = RawClient(app);
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            var request = Forwarded(HttpMethod.Post, "masuk", client);
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "x" });
            statuses.Add((await http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("Hosting:KnownProxies:0", "nginx.local", "Hosting:KnownProxies:0 ('nginx.local') is not an IP address")]
    [InlineData("Hosting:KnownNetworks:0", "10.10.1.0/33", "Hosting:KnownNetworks:0 ('10.10.1.0/33') is not a network in CIDR form")]
    public async Task AMalformedProxySetting_StopsStartup_NamingTheKey(string key, string value, string message)
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
