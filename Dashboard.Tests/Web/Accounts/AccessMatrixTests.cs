using System.Net;
using System.Reflection;
using System.Security.Claims;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Dashboard.Web.Features;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>
/// Who may open what: every routable page (Blazor <c>@page</c> components found by reflection), every endpoint of the
/// running app (its EndpointDataSource) and the hub, refused anonymously and allowed only to the intended roles.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.App shared) : IClassFixture<AccessMatrixTests.App>, IAsyncLifetime
{
    private const string Admin = "admin";
    private const string Pimpinan = "walikota";
    private const string Operator = "operator";
    private const string KepalaDishub = "dishub";
    private const string KepalaBapenda = "kabapenda";
    private const string Password = "kalimat sandi kepala bapenda";

    private static readonly string[] Everyone = [Admin, Pimpinan, Operator, KepalaDishub, KepalaBapenda];

    // Declared before Pages: static fields initialise in order.
    private static readonly Dictionary<string, string> KepalaOpdOf = new() { [KepalaDishub] = "DISHUB", [KepalaBapenda] = "BAPENDA" };

    /// <summary>
    /// Each page's policy and who passes it. A new page fails this test until it is added here; a domain page comes from
    /// the registry and opens for every person (what it shows an agency head is the scope rule's, ScopeRuleTests).
    /// </summary>
    private static readonly Dictionary<string, (string Policy, string[] Allowed)> Pages = new Dictionary<string, (string Policy, string[] Allowed)>
    {
        ["/"] = (Policies.Person, Everyone),
        ["/not-found"] = (Policies.Person, Everyone),
        ["/operasi"] = (Policies.Refresh, [Admin, Operator]),
        ["/admin/pengguna"] = (Policies.Administer, [Admin]),
        ["/admin/api-klien"] = (Policies.Administer, [Admin]),
        ["/admin/layar"] = (Policies.Administer, [Admin]),
        ["/admin/hari-libur"] = (Policies.Administer, [Admin]),
        // The indicator page, the OPD brief and the agency home admit every person; the scope rule decides what they show
        // (ScopeRuleTests): a brief or home of another agency is refused in place.
        ["/indikator/{Code}"] = (Policies.Person, Everyone),
        ["/opd/{Opd}"] = (Policies.Person, Everyone),
        ["/ringkasan-opd"] = (Policies.Person, Everyone),
        ["/ringkasan-opd/{Opd}"] = (Policies.Person, Everyone),
        // Follow-ups: every person (a Kepala OPD's list is limited to their own agency in place); the meeting: leadership.
        ["/tindak-lanjut"] = (Policies.Person, Everyone),
        ["/rapat"] = (Dashboard.Web.Features.FollowUps.FollowUpPolicies.Lead, [Admin, Pimpinan]),
        // Wall screens, never people: their own token scheme (Web/Walls tests cover it over HTTP and in Chromium).
        ["/dinding"] = (Dashboard.Web.Features.Walls.WallPolicies.Screen, []),
    }.Concat(DomainRegistry.All.ToDictionary(d => "/" + d.Route, d => (d.Policy, Everyone))).ToDictionary();

    /// <summary>Where each user lands after signing in without asking for a page: an agency head on their agency's home.</summary>
    private static string Landing(string user) => KepalaOpdOf.TryGetValue(user, out var opd) ? "/opd/" + opd : "/";

    /// <summary>Endpoints anyone may reach (sign-in before an account exists, health probes, static files, simulated sources).</summary>
    private static readonly string[] AnonymousRoutes =
    [
        "/masuk", "/keluar", "/ditolak", "/culture/set", "/healthz", "/error",
    ];

    /// <summary>Endpoints MapRazorComponents adds for the circuit and its redirects; they stay under the authenticated fallback.</summary>
    private static readonly string[] BlazorFrameworkRoutes = ["/_blazor", "/_framework/opaque-redirect", "/{**path:file}"];

    private DashboardFactory _app = null!;

    /// <summary>
    /// The app the tests share (they only sign in and read): the demo accounts plus a head of Bapenda created once.
    /// Their sign-ins stay well under the per-address sign-in limit.
    /// </summary>
    public sealed class App : LazyDashboardFixture
    {
        protected override async Task<DashboardFactory> CreateAsync()
        {
            var app = new DashboardFactory();
            try
            {
                _ = app.RootUri;
                var result = await app.Services.GetRequiredService<UserAdministration>().CreateAsync(
                    "admin", KepalaBapenda, "Kepala Bapenda", Password, [Roles.KepalaOpd], ["BAPENDA"], default);
                Assert.True(result.Succeeded);
                return app;
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
    }

    public async ValueTask InitializeAsync() => _app = await shared.StartAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void EveryRoutablePage_NamesItsPolicy_AndIsInThisTable()
    {
        var pages = typeof(Dashboard.Web.Components.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Route: r.Template, Type: t)))
            .ToList();

        Assert.Equal(Pages.Keys.Order(StringComparer.Ordinal), pages.Select(p => p.Route).Order(StringComparer.Ordinal));
        foreach (var (route, type) in pages)
        {
            Assert.True(PagePolicy.IsDeclared(type), $"{route} declares no policy");
            Assert.False(type.IsDefined(typeof(AllowAnonymousAttribute)), $"{route} is anonymous");
            var policy = Assert.Single(type.GetCustomAttributes<AuthorizeAttribute>()).Policy;
            Assert.Equal(Pages[route].Policy, policy);
        }
    }

    [Fact]
    public async Task EveryPolicy_AdmitsExactlyTheIntendedRoles()
    {
        var authorization = _app.Services.GetRequiredService<IAuthorizationService>();
        var principals = new Dictionary<string, ClaimsPrincipal>
        {
            [Admin] = Person(Roles.Admin),
            [Pimpinan] = Person(Roles.Pimpinan),
            [Operator] = Person(Roles.Operator),
            [KepalaDishub] = Person(Roles.KepalaOpd, "DISHUB"),
            [KepalaBapenda] = Person(Roles.KepalaOpd, "BAPENDA"),
        };
        foreach (var (route, (policy, allowed)) in Pages)
        {
            Assert.False((await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), policy)).Succeeded, $"anonymous on {route}");
            Assert.False((await authorization.AuthorizeAsync(ApiClient(), policy)).Succeeded, $"an API client on {route}");
            Assert.False((await authorization.AuthorizeAsync(Person(), policy)).Succeeded, $"a user without a role on {route}");
            foreach (var (name, principal) in principals)
            {
                Assert.True((await authorization.AuthorizeAsync(principal, policy)).Succeeded == allowed.Contains(name), $"{name} on {route}");
            }
        }
    }

    [Fact]
    public async Task EveryPage_OverHttp_RefusesAnonymous_AndAdmitsOnlyItsRoles()
    {
        using var anonymous = new AccountClient(_app);
        var clients = new Dictionary<string, AccountClient>();
        try
        {
            foreach (var user in Everyone)
            {
                var client = new AccountClient(_app);
                clients[user] = client;
                Assert.Equal(Landing(user), await client.SignInAsync(user, user == KepalaBapenda ? Password : DemoUsers.Password));
            }
            foreach (var (route, (policy, allowed)) in Pages)
            {
                if (policy == Dashboard.Web.Features.Walls.WallPolicies.Screen)
                {
                    continue; // a screen without its token gets a plain 401, not the people's sign-in (Web/Walls tests)
                }
                var refused = await anonymous.Http.GetAsync(new Uri(route, UriKind.Relative));
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.StartsWith("/masuk", refused.Headers.Location?.AbsolutePath ?? refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
                foreach (var (user, client) in clients)
                {
                    var response = await client.Http.GetAsync(new Uri(route, UriKind.Relative));
                    if (allowed.Contains(user) && response.StatusCode == HttpStatusCode.Redirect)
                    {
                        // An agency-scoped page sends an agency head to their own agency, never to a refusal.
                        var to = response.Headers.Location!.OriginalString;
                        Assert.True(KepalaOpdOf.ContainsKey(user) && to.EndsWith("?opd=" + KepalaOpdOf[user], StringComparison.Ordinal), $"{user} on {route}: to {to}");
                        response = await client.Http.GetAsync(new Uri(to, UriKind.RelativeOrAbsolute));
                    }
                    if (allowed.Contains(user))
                    {
                        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} on {route}: {(int)response.StatusCode}");
                    }
                    else
                    {
                        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} on {route}: {(int)response.StatusCode}");
                        Assert.Contains("/ditolak", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task AKepalaOpd_SeesAnotherOpdsIndicatorCityWide_AndItsDetailAndExportsOnlyForTheirOwn()
    {
        const string page = "/indikator/" + Dashboard.Ingest.Sources.Revenue.RevenueIndicators.Codes.TaxRealisationPct;
        var ct = TestContext.Current.CancellationToken;
        using var dishub = new AccountClient(_app);
        Assert.Equal("/opd/DISHUB", await dishub.SignInAsync(KepalaDishub, DemoUsers.Password));
        using var bapenda = new AccountClient(_app);
        Assert.Equal("/opd/BAPENDA", await bapenda.SignInAsync(KepalaBapenda, Password));
        using var mayor = new AccountClient(_app);
        Assert.Equal("/", await mayor.SignInAsync(Pimpinan, DemoUsers.Password));

        // City-wide: open, without the region table, the map, the owner's brief or a download link.
        var shown = await dishub.Http.GetStringAsync(new Uri(page, UriKind.Relative), ct);
        Assert.Contains("data-testid=\"indicator-name\"", shown, StringComparison.Ordinal);
        foreach (var hidden in new[] { "indicator-refused", "indicator-regions", "indicator-map", "export-csv", "meta-brief" })
        {
            Assert.DoesNotContain($"data-testid=\"{hidden}\"", shown, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await dishub.Http.GetAsync(new Uri(page + "/ekspor.csv", UriKind.Relative), ct)).StatusCode);
        // A kecamatan of another agency's indicator: back to the city, never a refusal.
        var region = await dishub.Http.GetAsync(new Uri(page + "?wilayah=35.73.02", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.Redirect, region.StatusCode);
        Assert.EndsWith(page, region.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // Their own agency's value of it: open, and its rows download.
        Assert.Equal(HttpStatusCode.OK, (await dishub.Http.GetAsync(new Uri(page + "/ekspor.csv?opd=DISHUB", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dishub.Http.GetAsync(new Uri(page + "/ekspor.csv?opd=BAPENDA", UriKind.Relative), ct)).StatusCode);
        var brief = await dishub.Http.GetStringAsync(new Uri("/ringkasan-opd/BAPENDA", UriKind.Relative), ct);
        Assert.Contains("data-testid=\"brief-refused\"", brief, StringComparison.Ordinal);

        foreach (var allowed in new[] { bapenda, mayor })
        {
            var full = await allowed.Http.GetStringAsync(new Uri(page, UriKind.Relative), ct);
            Assert.Contains("data-testid=\"indicator-regions\"", full, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"export-csv\"", full, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await allowed.Http.GetAsync(new Uri(page + "/ekspor.csv", UriKind.Relative), ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await allowed.Http.GetAsync(new Uri(page + "?wilayah=35.73.02", UriKind.Relative), ct)).StatusCode);
            var ownBrief = await allowed.Http.GetStringAsync(new Uri("/ringkasan-opd/BAPENDA", UriKind.Relative), ct);
            Assert.DoesNotContain("brief-refused", ownBrief, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryEndpoint_HasExplicitAuthorisation()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var unexplained = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
                || endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Any();
            if (anonymous)
            {
                var allowed = AnonymousRoutes.Any(r => route == r || route.StartsWith(r + "/", StringComparison.Ordinal))
                    || route.StartsWith("/sim/", StringComparison.Ordinal)                  // the simulated source systems (Sources:Simulator:Enabled)
                    || endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"); // scripts, styles, fonts
                if (!allowed)
                {
                    unexplained.Add($"{route} is anonymous");
                }
            }
            else if (!named && !BlazorFrameworkRoutes.Any(r => route.StartsWith(r, StringComparison.Ordinal)))
            {
                // Blazor's own circuit endpoints stay under the authenticated fallback; the pages they serve name their policies.
                unexplained.Add($"{route} names no policy");
            }
        }
        Assert.Empty(unexplained);
    }

    [Theory]
    [InlineData("api/v1/sources", HttpStatusCode.Unauthorized)]
    [InlineData("api/v1/indicators", HttpStatusCode.Unauthorized)]
    [InlineData("operasi/karantina.csv?sumber=Complaints", HttpStatusCode.Redirect)]
    [InlineData("akun/kata-sandi", HttpStatusCode.Redirect)]
    public async Task Endpoints_RefuseAnonymous(string path, HttpStatusCode expected)
    {
        using var client = new AccountClient(_app);

        Assert.Equal(expected, await client.StatusAsync(path));
    }

    [Fact]
    public async Task Hub_RefusesAnonymous_AndPeopleWithoutARole()
    {
        using var client = new AccountClient(_app);
        using var empty = new StringContent("");

        var response = await client.Http.PostAsync(new Uri("hubs/kpi/negotiate?negotiateVersion=1", UriKind.Relative), empty);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await _app.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(Person(), Policies.ReadIndicators)).Succeeded);
        Assert.True((await _app.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(Person(Roles.KepalaOpd, "DISHUB"), Policies.ReadIndicators)).Succeeded);
    }

    [Theory]
    [InlineData(Operator, HttpStatusCode.OK)]
    [InlineData(Admin, HttpStatusCode.OK)]
    [InlineData(Pimpinan, HttpStatusCode.Redirect)]
    [InlineData(KepalaDishub, HttpStatusCode.Redirect)]
    public async Task QuarantineExport_IsForOperatorsAndAdministrators(string user, HttpStatusCode expected)
    {
        using var client = new AccountClient(_app);
        await client.SignInAsync(user, DemoUsers.Password);

        Assert.Equal(expected, await client.StatusAsync("operasi/karantina.csv?sumber=Complaints"));
    }

    private static ClaimsPrincipal Person(string? role = null, string? opd = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "x") };
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }
        if (opd is not null)
        {
            claims.Add(new Claim(AuthExtensions.OpdClaim, opd));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthExtensions.CookieScheme));
    }

    private static ClaimsPrincipal ApiClient() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "portal"), new Claim(ClaimTypes.Role, Roles.ApiClient), new Claim(ApiScopes.ClaimType, ApiScopes.ReadIndicators)],
        ApiKeyAuthenticationHandler.SchemeName));
}
