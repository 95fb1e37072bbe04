using System.Net;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>
/// Security headers, the strict CSP in Chromium on every page, rate limits, no stack traces outside Development.
/// The Development tests share one app with small limits: the sign-in limit is per address, so its test signs in from an
/// address of its own (X-Forwarded-For from loopback, which the app trusts) and starts with the full budget; only its
/// test calls the API. The Production one has its own host.
/// </summary>
public sealed class HardeningTests(BrowserFixture browser, HardeningTests.App shared)
    : IClassFixture<BrowserFixture>, IClassFixture<HardeningTests.App>, IAsyncLifetime
{
    /// <summary>The app the Development tests share, with a small sign-in and API budget.</summary>
    public sealed class App : LazyDashboardFixture
    {
        protected override Task<DashboardFactory> CreateAsync()
        {
            var app = new DashboardFactory(new Dictionary<string, string?>
            {
                ["Hardening:SignInPerMinute"] = "3",
                ["Hardening:ApiPerMinute"] = "2",
            });
            _ = app.RootUri;
            return Task.FromResult(app);
        }
    }

    private static readonly string[] Pages =
        ["/", .. Dashboard.Web.Features.DomainRegistry.All.Select(d => "/" + d.Route), "/operasi", "/admin/pengguna", "/admin/api-klien", "/not-found",
         "/admin/layar", "/indikator/ADUAN_TL_5HK_PCT", "/ringkasan-opd", "/ringkasan-opd/DISKOMINFO"];

    private DashboardFactory? _ownApp;
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
        if (_ownApp is not null)
        {
            await _ownApp.DisposeAsync();
        }
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        var app = await shared.StartAsync();
        using var client = new AccountClient(app);

        foreach (var path in new[] { "masuk", "healthz", "css/account.css" })
        {
            var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Fact]
    public async Task EveryPage_InChromium_RunsUnderTheCsp_WithoutAViolation()
    {
        BrowserFixture.RequireChromium();
        var app = await shared.StartAsync();
        await app.RefreshAsync();
        _session = await browser.OpenSessionAsync(app.RootUri);
        var page = _session.Page;
        await page.AddInitScriptAsync("""
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
            """);
        var violations = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add(m.Text);
                }
            }
        };

        await page.GotoAsync("/masuk");
        violations.AddRange(await page.EvaluateAsync<string[]>("window.__csp"));
        await _session.SignInAsync("/", "admin");
        foreach (var path in Pages)
        {
            await _session.GotoInteractiveAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // Charts draw after the circuit is up: wait until every chart container holds its SVG.
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.apex-chart')].every(c => c.querySelector('svg'))",
                null, new() { Timeout = 15_000 });
            violations.AddRange((await page.EvaluateAsync<string[]>("window.__csp")).Select(v => $"{path}: {v}"));
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"), path);
        }
        await page.GotoAsync("/akun/kata-sandi");
        violations.AddRange(await page.EvaluateAsync<string[]>("window.__csp"));

        Assert.Empty(violations);
        Assert.Empty(_session.ConsoleErrors);
    }

    [Fact]
    public async Task SignIn_IsRateLimited_PerAddress()
    {
        var app = await shared.StartAsync();
        using var client = new AccountClient(app, "198.51.100.33");
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("gagal=1", await client.SignInAsync("admin", "salah"), StringComparison.Ordinal);
        }

        var limited = await client.PostFormAsync("masuk", "masuk", new() { ["username"] = "admin", ["password"] = DemoUsers.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Api_IsRateLimited_PerClient()
    {
        var app = await shared.StartAsync();
        using var http = app.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DashboardFactory.ApiKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await http.GetAsync(new Uri("api/v1/sources", UriKind.Relative))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task OutsideDevelopment_AnError_ShowsNoStackTrace()
    {
        _ownApp = new DashboardFactory(
            new Dictionary<string, string?> { ["Api:Keys:portal"] = "k8Zq2vN4r7Xw1pLs9Tb3Hc6Jy0Md5Gf2" },
            b =>
            {
                b.UseEnvironment("Production");
                b.ConfigureServices(s => s.AddSingleton<IStringLocalizerFactory, ThrowingLocalizer>());
            });
        using var http = _ownApp.CreateHttpClient();

        var response = await http.GetAsync(new Uri("ditolak", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("request-id", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ThrowingLocalizer", body, StringComparison.Ordinal);
    }

    /// <summary>A defect in a service an anonymous page uses (the access-denied page's texts).</summary>
    private sealed class ThrowingLocalizer : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => throw new InvalidOperationException("ThrowingLocalizer: a defect");

        public IStringLocalizer Create(string baseName, string location) => throw new InvalidOperationException("ThrowingLocalizer: a defect");
    }
}
