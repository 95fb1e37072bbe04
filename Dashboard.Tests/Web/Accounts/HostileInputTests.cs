using System.Net;
using System.Net.Http.Headers;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Hardening;
using Dashboard.Web.Features.Walls;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>
/// Crafted links and probes from anonymous clients get a 4xx or a redirect to this site, never a 500: return and
/// redirect addresses, culture names, wall tokens, export parameters, oversized headers; and wrong API keys are
/// refused per address before each costs a lookup.
/// All tests share one app: the per-address budgets they test are kept apart by giving each client an address of its
/// own (X-Forwarded-For from loopback, which the app trusts), so each test starts with full budgets as on a fresh app;
/// no key or token is presented by two tests (a refused key is remembered for a minute whatever the address).
/// </summary>
public sealed class HostileInputTests(HostileInputTests.App shared) : IClassFixture<HostileInputTests.App>, IAsyncLifetime
{
    private static int _addresses;

    private DashboardFactory _app = null!;

    /// <summary>The app the tests share, with a small key-failure budget.</summary>
    public sealed class App : LazyDashboardFixture
    {
        protected override Task<DashboardFactory> CreateAsync()
        {
            var app = new DashboardFactory(new Dictionary<string, string?> { ["Hardening:KeyFailuresPerMinute"] = "3" });
            _ = app.RootUri;
            return Task.FromResult(app);
        }
    }

    public async ValueTask InitializeAsync() => _app = await shared.StartAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A client address no other test of this class uses (TEST-NET-3).</summary>
    private static string NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"203.0.113.{n % 250 + 1}";
    }

    private HttpClient Raw()
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.RootUri };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", NewAddress());
        return http;
    }

    [Theory]
    [InlineData("culture/set?culture=en-US&redirectUri=/%09/evil.com", "/")]
    [InlineData("culture/set?culture=en-US&redirectUri=/%0d%0aSet-Cookie:%20x=1", "/")]
    [InlineData("culture/set?culture=en-US&redirectUri=//evil.com", "/")]
    [InlineData("culture/set?culture=en-US&redirectUri=/%5Cevil.com", "/")]
    [InlineData("culture/set?culture=en-US&redirectUri=https://evil.com/", "/")]
    [InlineData("culture/set?culture=en-US&redirectUri=/aduan%3Fwilayah%3D35.73.01", "/aduan?wilayah=35.73.01")]
    [InlineData("culture/set?culture=en-US&redirectUri=/%C3%A9t%C3%A9", "/%C3%A9t%C3%A9")]
    [InlineData("culture/set?culture=xx-NOT-A-CULTURE-%00%FF&redirectUri=/", "/")]
    [InlineData("culture/set?culture=" + "a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a" + "&redirectUri=/", "/")]
    public async Task CultureEndpoint_RedirectsOnlyToThisSite_NeverFails(string path, string location)
    {
        using var http = Raw();

        var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/aduan?q=ü ö", "/aduan?q=%C3%BC%20%C3%B6")]
    [InlineData("/\t/evil.com", "/")]
    [InlineData("/\r\nLocation: https://evil.com", "/")]
    [InlineData("//evil.com", "/")]
    [InlineData("~/aduan", "/")]
    public async Task SignIn_WithACraftedReturnUrl_SignsIn_AndGoesOnlyToThisSite(string returnUrl, string expected)
    {
        using var client = new AccountClient(_app, NewAddress());

        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("masuk?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.Equal(expected, await client.SignInAsync("walikota", DemoUsers.Password, returnUrl));
        var refused = await client.SignInAsync("walikota", "salah", returnUrl);
        Assert.StartsWith("/masuk?ReturnUrl=", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync(refused));
    }

    [Theory]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/aduan?wilayah=35.73.01", "/aduan?wilayah=35.73.01")]
    [InlineData("/\t/evil.com", "/")]
    [InlineData("/\r\n", "/")]
    [InlineData("https://evil.com/", "/")]
    [InlineData("/\\evil.com", "/")]
    [InlineData(null, "/")]
    public void LocalRedirects_KeepLocalPaths_EncodeWhatAHeaderCannotCarry_RefuseTheRest(string? url, string expected) =>
        Assert.Equal(expected, LocalRedirects.Safe(url));

    [Fact]
    public void LocalRedirects_RefuseALoneSurrogate() =>
        Assert.Equal("/", LocalRedirects.Safe("/a" + (char)0xD800 + "b"));

    [Theory]
    [InlineData("dinding?token=bukan-token")]
    [InlineData("dinding?token=%FF%FE%00")]
    [InlineData("dinding?token=" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("?culture=%00%FF")]
    [InlineData("masuk?culture=zz-ZZZZ-invalid&ReturnUrl=%00")]
    [InlineData("masuk?ReturnUrl=/%E9")]
    [InlineData("aduan/ekspor/harian.csv?wilayah=%00%FF'--")]
    [InlineData("indikator/ADUAN_TL_5HK_PCT/ekspor.csv?periode=%FF&wilayah=<script>")]
    [InlineData("api/v1/indicators?scope=%00%FF")]
    [InlineData("hubs/kpi/negotiate?access_token=%FF")]
    public async Task AnonymousProbes_GetA4xxOrARedirect_NeverA5xx(string path)
    {
        using var http = Raw();

        var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Theory]
    [InlineData("indikator/ADUAN_TL_5HK_PCT/ekspor.csv?periode=%FF&wilayah=%00<script>&tabel=x")]
    [InlineData("indikator/ADUAN_TL_5HK_PCT/ekspor.exe")]
    [InlineData("indikator/%00%FF/ekspor.csv")]
    [InlineData("api/v1/indicators?scope=%00%FF'--")]
    public async Task ApiClientProbes_OnExportsAndTheApi_GetA4xxOrAnAnswer_NeverA5xx(string path)
    {
        using var http = Raw();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardFactory.ApiKey);

        var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Theory]
    [InlineData("aduan/ekspor/harian.csv?wilayah=%00%FF'--")]
    [InlineData("aduan/ekspor/tidak-ada.csv")]
    [InlineData("aduan/ekspor/harian.exe")]
    [InlineData("operasi/karantina.csv?sumber=%00%FF&cari=%25%25%25")]
    public async Task SignedInProbes_OnExports_GetA4xxOrAnAnswer_NeverA5xx(string path)
    {
        using var client = new AccountClient(_app, NewAddress());
        await client.SignInAsync("admin", DemoUsers.Password);

        Assert.InRange((int)await client.StatusAsync(path), 200, 499);
    }

    [Fact]
    public async Task AnOversizedHeader_Gets431()
    {
        using var http = Raw();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("masuk", UriKind.Relative));
        request.Headers.Add("Cookie", "x=" + new string('a', 64 * 1024));

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task WrongOrMissingApiKeys_AreRefused429_PerAddress_BeforeTheLookup_AConfiguredKeyStillWorks()
    {
        // Its own two addresses, set per request.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.RootUri };
        var ct = TestContext.Current.CancellationToken;

        async Task<HttpStatusCode> GetAsync(string? key, string client = "198.51.100.1")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v1/sources", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", client);
            if (key is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            return (await http.SendAsync(request, ct)).StatusCode;
        }

        var statuses = new[]
        {
            await GetAsync("dsb_bukan-kunci-yang-benar-0000000000"), await GetAsync(null), await GetAsync("dsb_salah-lagi-00000000000000000000"),
            await GetAsync("dsb_salah-ketiga-000000000000000000"), await GetAsync(null),
        };
        var configured = await GetAsync(DashboardFactory.ApiKey);
        var elsewhere = await GetAsync("dsb_bukan-kunci-yang-benar-0000000000", "198.51.100.2");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, configured);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere);
    }

    [Fact]
    public async Task ARevokedScreenPolling_DoesNotShutOutTheOtherScreensAtItsAddress()
    {
        var ct = TestContext.Current.CancellationToken;
        var screens = _app.Services.GetRequiredService<WallScreenService>();
        var (revoked, revokedToken) = await screens.CreateAsync(new WallScreenInput("Lobi", "NCC", ["kota"], false, 60, WallTheme.Dark, null, null), "tester", ct);
        var (_, token) = await screens.CreateAsync(new WallScreenInput("Ruang rapat", "NCC", ["kota"], false, 60, WallTheme.Dark, null, null), "tester", ct);
        await screens.RevokeAsync(revoked.Id, "tester", ct);
        using var http = Raw();

        var polls = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            polls.Add((await http.GetAsync(new Uri("dinding?token=" + Uri.EscapeDataString(revokedToken), UriKind.Relative), ct)).StatusCode);
        }
        var other = await http.GetAsync(new Uri("dinding?token=" + Uri.EscapeDataString(token), UriKind.Relative), ct);

        Assert.All(polls, p => Assert.Equal(HttpStatusCode.Unauthorized, p));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task WrongWallTokens_AreRefused429_PerAddress_AfterTheBudget()
    {
        using var http = Raw();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var token = Dashboard.Web.Features.Walls.WallTokens.NewToken();
            statuses.Add((await http.GetAsync(new Uri("dinding?token=" + Uri.EscapeDataString(token), UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
