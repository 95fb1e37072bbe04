using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Web.Browser;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Dashboard.Web.Features;
using Dashboard.Web.Live;
using Dashboard.Web.Shared.Domains;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>
/// The one scope rule (docs/ARCHITECTURE.md "Access and scope") at each place it applies, over HTTP and the hub of one
/// app with complaints, staffing and revenue data: domain pages, their downloads, the agency home and sign-in landing,
/// the brief index, the API and the hub's messages. A Kepala OPD sees city-wide totals and league tables, and only their
/// own agency's rows.
/// </summary>
public sealed class ScopeRuleTests(AgencyDataDashboardFixture dashboard) : IClassFixture<AgencyDataDashboardFixture>
{
    private const string BapendaPassword = "kalimat sandi kepala bapenda";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DomainPages_OpenForAnotherAgencysHead_CityWideOrFilteredToTheirAgency_NeverRefused()
    {
        var app = await dashboard.StartAsync();
        using var dishub = await SignInAsync(app, "dishub", DemoUsers.Password, "/opd/DISHUB");
        using var admin = await SignInAsync(app, "admin", DemoUsers.Password, "/");

        foreach (var domain in DomainRegistry.All)
        {
            var route = "/" + domain.Route;
            var response = await dishub.Http.GetAsync(new Uri(route, UriKind.Relative), Ct);
            if (domain.Scope == DomainScope.Agency)
            {
                // His links lead to it filtered to his agency; the city-wide view (totals, the league) is open too; another
                // agency's view sends him to his own.
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var other = await dishub.Http.GetAsync(new Uri(domain.Href("BAPENDA"), UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
                Assert.EndsWith("/" + domain.Href("DISHUB"), other.Headers.Location!.OriginalString, StringComparison.Ordinal);
                response = await dishub.Http.GetAsync(new Uri(domain.Href("DISHUB"), UriKind.Relative), Ct);
            }
            else
            {
                // City-wide only: a region in the URL sends him back to the city.
                var region = await dishub.Http.GetAsync(new Uri(domain.Href("35.73.02"), UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.Redirect, region.StatusCode);
                Assert.EndsWith("/" + domain.Route, region.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("data-testid=\"scope-note\"", html, StringComparison.Ordinal);
            foreach (var detail in new[] { "data-testid=\"region-filter\"", "data-testid=\"regions\"", "data-testid=\"schools\"", "data-testid=\"backlog\"", "data-testid=\"pbb\"" })
            {
                Assert.DoesNotContain(detail, html, StringComparison.Ordinal);
            }

            // Everyone else: the whole page at any region.
            var full = await admin.Http.GetAsync(new Uri(domain.Href(domain.Scope == DomainScope.Agency ? "BAPENDA" : "35.73.02"), UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
            Assert.DoesNotContain("data-testid=\"scope-note\"", await full.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        // His agency's numbers beside the city's on a page with an agency dimension.
        var complaints = await dishub.Http.GetStringAsync(new Uri("/aduan", UriKind.Relative), Ct);
        Assert.Contains("data-testid=\"strip-ADUAN_MASUK\"", complaints, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"league\"", complaints, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DomainDownloads_AreRowsOfTheHeadsOwnAgencyOnly()
    {
        var app = await dashboard.StartAsync();
        using var dishub = await SignInAsync(app, "dishub", DemoUsers.Password, "/opd/DISHUB");
        using var admin = await SignInAsync(app, "admin", DemoUsers.Password, "/");
        var checkedTables = 0;

        foreach (var domain in DomainRegistry.All)
        {
            foreach (var table in domain.Exports.TableIds)
            {
                var city = $"{domain.Route}/ekspor/{table}.csv";
                Assert.Equal(HttpStatusCode.Forbidden, (await dishub.Http.GetAsync(new Uri(city, UriKind.Relative), Ct)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(new Uri(city, UriKind.Relative), Ct)).StatusCode);
                checkedTables++;
                if (domain.Scope != DomainScope.Agency)
                {
                    continue;
                }
                var own = $"{domain.Route}/ekspor/{table}.csv?{domain.ScopeParameter}=DISHUB";
                Assert.Equal(HttpStatusCode.Forbidden,
                    (await dishub.Http.GetAsync(new Uri($"{domain.Route}/ekspor/{table}.csv?{domain.ScopeParameter}=BAPENDA", UriKind.Relative), Ct)).StatusCode);
                var csv = await dishub.Http.GetStringAsync(new Uri(own, UriKind.Relative), Ct);
                var everyone = await admin.Http.GetStringAsync(new Uri(own, UriKind.Relative), Ct);
                var column = Header(csv).IndexOf(Dashboard.Web.Shared.Export.DomainExports.AgencyColumn);
                if (column >= 0)
                {
                    // A table of agencies (the attendance league, posts): his agency's row only; the others stay on screen.
                    Assert.All(Rows(csv), r => Assert.Equal("DISHUB", r[column]));
                    Assert.NotEmpty(Rows(csv));
                    Assert.Contains(Rows(everyone), r => r[column] != "DISHUB");
                }
            }
        }
        Assert.True(checkedTables > 20, $"{checkedTables} tables");
    }

    [Fact]
    public async Task Home_IsTheHeadsLanding_ShowsHisAgencyFromEverySource_AndIsRefusedToOtherHeads()
    {
        var app = await dashboard.StartAsync();
        await EnsureBapendaHeadAsync(app);
        using var dishub = await SignInAsync(app, "dishub", DemoUsers.Password, "/opd/DISHUB");
        using var bapenda = await SignInAsync(app, "kabapenda", BapendaPassword, "/opd/BAPENDA");
        using var mayor = await SignInAsync(app, "walikota", DemoUsers.Password, "/");

        var home = await dishub.Http.GetStringAsync(new Uri("/opd/DISHUB", UriKind.Relative), Ct);
        foreach (var set in Dashboard.Ingest.Reporting.IndicatorCatalog.Sets.Where(s => s.AgencyIndicators.Count > 0))
        {
            Assert.Contains($"data-testid=\"home-source-{set.Source}\"", home, StringComparison.Ordinal);
            foreach (var code in set.AgencyIndicators)
            {
                Assert.Contains($"data-testid=\"home-indicator-{code}\"", home, StringComparison.Ordinal);
                Assert.Contains($"indikator/{code}?opd=DISHUB", home, StringComparison.Ordinal);
            }
        }
        Assert.Contains("data-testid=\"home-list-aduan-lewat-sla\"", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"home-list-retribusi\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"ringkasan-opd/DISHUB\"", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"home-followups-slot\"", home, StringComparison.Ordinal);

        Assert.Contains("data-testid=\"home-refused\"", await bapenda.Http.GetStringAsync(new Uri("/opd/DISHUB", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("home-refused", await mayor.Http.GetStringAsync(new Uri("/opd/DISHUB", UriKind.Relative), Ct), StringComparison.Ordinal);
        // A page asked for is still where a sign-in lands.
        using var asked = new AccountClient(app);
        Assert.Equal("/aduan", await asked.SignInAsync("dishub", DemoUsers.Password, "/aduan"));
    }

    [Fact]
    public async Task BriefIndex_ListsWhatTheReaderMayOpen_OwnFirst()
    {
        var app = await dashboard.StartAsync();
        using var dishub = await SignInAsync(app, "dishub", DemoUsers.Password, "/opd/DISHUB");
        using var mayor = await SignInAsync(app, "walikota", DemoUsers.Password, "/");

        var own = await dishub.Http.GetStringAsync(new Uri("/ringkasan-opd", UriKind.Relative), Ct);
        Assert.Equal(["DISHUB"], BriefLinks(own));
        var all = BriefLinks(await mayor.Http.GetStringAsync(new Uri("/ringkasan-opd", UriKind.Relative), Ct));
        Assert.Contains("DISHUB", all);
        Assert.Contains("BAPENDA", all);
        Assert.True(all.Count > 7, string.Join(",", all));
    }

    [Fact]
    public async Task Api_ReadsThroughTheRule()
    {
        var app = await dashboard.StartAsync();
        using var http = app.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", DashboardFactory.ApiKey);

        // An API client reads everything, kelurahan included.
        var kelurahan = await http.GetStringAsync(new Uri("api/v1/indicators?scope=35.73.02.1001", UriKind.Relative), Ct);
        Assert.NotEmpty(JsonDocument.Parse(kelurahan).RootElement.EnumerateArray());

        // A head reading through the same filter keeps the city and every agency, and only his own agency's regions.
        var values = new List<Dashboard.Web.Live.IndicatorValueMessage>
        {
            new("ADUAN_MASUK", "3573", "Kota", default, 1, null, default, null),
            new("ADUAN_MASUK", "BAPENDA", "Opd", default, 1, null, default, null),
            new("ADUAN_MASUK", "35.73.02.1001", "Kelurahan", default, 1, null, default, null),
        };
        var head = ReaderScope.Of(Person(Roles.KepalaOpd, "DISHUB"));
        Assert.Equal(["3573", "BAPENDA"], Dashboard.Web.Api.ApiQueries.Visible(head, values).Select(v => v.ScopeCode));
        var owner = ReaderScope.Of(Person(Roles.KepalaOpd, "DISKOMINFO"));
        Assert.Equal(3, Dashboard.Web.Api.ApiQueries.Visible(owner, values).Count);
    }

    [Fact]
    public async Task Hub_SendsCityValuesToEveryone_AndAnAgencysValuesOnlyToItsHeads()
    {
        var app = await dashboard.StartAsync();
        await EnsureBapendaHeadAsync(app);
        var dishub = await ListenAsync(app, "dishub", DemoUsers.Password);
        var bapenda = await ListenAsync(app, "kabapenda", BapendaPassword);
        var mayor = await ListenAsync(app, "walikota", DemoUsers.Password);
        try
        {
            var run = await app.RefreshAsync("Complaints");
            Assert.Equal(Dashboard.Ingest.Reporting.IngestRunStatus.Succeeded, run.Status);

            await Eventually.TrueAsync(() => dishub.Agency.Any(m => m.RunId == run.Id) && bapenda.Agency.Any(m => m.RunId == run.Id)
                && mayor.City.Any(m => m.RunId == run.Id), TimeSpan.FromSeconds(20), "the run's messages reached the three connections");
            foreach (var listener in new[] { dishub, bapenda, mayor })
            {
                Assert.Contains(listener.City, m => m.RunId == run.Id);
                Assert.All(listener.City.SelectMany(m => m.Values), v => Assert.Equal("Kota", v.Kind));
            }
            Assert.All(dishub.Agency, m => Assert.All(m.Values, v => Assert.Equal(("Opd", "DISHUB"), (v.Kind, v.Scope))));
            Assert.All(bapenda.Agency, m => Assert.All(m.Values, v => Assert.Equal(("Opd", "BAPENDA"), (v.Kind, v.Scope))));
            Assert.NotEmpty(dishub.Agency.Where(m => m.RunId == run.Id).SelectMany(m => m.Values));
            // Leadership reads every agency on the pages; the hub's agency messages are for the agency's heads.
            Assert.Empty(mayor.Agency);

            // The same update as a node's snapshot check recovers it (Redis unreachable): sent to this node's connections
            // one by one, by the agencies the registry noted when each connected, with the same routing.
            const long recovered = 987_654_321;
            var codes = app.Services.GetRequiredService<SourceCatalog>().All.First(s => s.Name == "Complaints").Kpis.IndicatorCodes;
            app.Services.GetRequiredService<KpiBroadcaster>().Publish(
                new IndicatorsChanged("Complaints", TimeProvider.System.GetUtcNow(), recovered, codes) { FromNode = SnapshotVersionWatch.Origin });
            await Eventually.TrueAsync(() => dishub.Agency.Any(m => m.RunId == recovered) && bapenda.Agency.Any(m => m.RunId == recovered)
                && mayor.City.Any(m => m.RunId == recovered), TimeSpan.FromSeconds(20), "the recovered update reached the three connections");
            foreach (var listener in new[] { dishub, bapenda, mayor })
            {
                Assert.Single(listener.City, m => m.RunId == recovered);
                Assert.All(listener.City.SelectMany(m => m.Values), v => Assert.Equal("Kota", v.Kind));
            }
            Assert.All(dishub.Agency, m => Assert.All(m.Values, v => Assert.Equal(("Opd", "DISHUB"), (v.Kind, v.Scope))));
            Assert.All(bapenda.Agency, m => Assert.All(m.Values, v => Assert.Equal(("Opd", "BAPENDA"), (v.Kind, v.Scope))));
            Assert.Single(dishub.Agency, m => m.RunId == recovered);
            Assert.Empty(mayor.Agency);
        }
        finally
        {
            foreach (var listener in new[] { dishub, bapenda, mayor })
            {
                await listener.DisposeAsync();
            }
        }
    }

    private sealed record HubValue(string Kind, string Scope);

    private sealed record HubMessage(long RunId, IReadOnlyList<HubValue> Values);

    private sealed class Listener(HubConnection connection, AccountClient client) : IAsyncDisposable
    {
        public ConcurrentQueue<HubMessage> City { get; } = new();

        public ConcurrentQueue<HubMessage> Agency { get; } = new();

        public HubConnection Connection => connection;

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            client.Dispose();
        }
    }

    private static async Task<Listener> ListenAsync(DashboardFactory app, string user, string password)
    {
        var client = new AccountClient(app);
        await client.SignInAsync(user, password);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.RootUri, "hubs/kpi"), o =>
            {
                o.Cookies = client.Cookies;
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        var listener = new Listener(connection, client);
        connection.On<JsonElement>("indicatorsChanged", e => listener.City.Enqueue(Message(e)));
        connection.On<JsonElement>("agencyIndicatorsChanged", e => listener.Agency.Enqueue(Message(e)));
        await connection.StartAsync(Ct);
        return listener;
    }

    private static HubMessage Message(JsonElement e) => new(
        e.GetProperty("runId").GetInt64(),
        [.. e.GetProperty("values").EnumerateArray().Select(v => new HubValue(v.GetProperty("scopeKind").GetString()!, v.GetProperty("scopeCode").GetString()!))]);

    private static async Task EnsureBapendaHeadAsync(DashboardFactory app)
    {
        var users = app.Services.GetRequiredService<UserAdministration>();
        if ((await users.ListAsync(default)).All(u => u.UserName != "kabapenda"))
        {
            Assert.True((await users.CreateAsync("admin", "kabapenda", "Kepala Bapenda", BapendaPassword, [Roles.KepalaOpd], ["BAPENDA"], default)).Succeeded);
        }
    }

    private static async Task<AccountClient> SignInAsync(DashboardFactory app, string user, string password, string landing)
    {
        var client = new AccountClient(app);
        Assert.Equal(landing, await client.SignInAsync(user, password));
        return client;
    }

    private static List<string> BriefLinks(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"brief-link-([A-Z_]+)\"").Select(m => m.Groups[1].Value)];

    private static List<string> Header(string csv) => [.. Lines(csv)[0].Split(',')];

    private static List<string[]> Rows(string csv) => [.. Lines(csv).Skip(1).Select(l => l.Split(','))];

    private static List<string> Lines(string csv) => [.. csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    private static System.Security.Claims.ClaimsPrincipal Person(string role, string opd) => new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.Name, "x"), new(System.Security.Claims.ClaimTypes.Role, role), new(AuthExtensions.OpdClaim, opd)],
        AuthExtensions.CookieScheme));
}
