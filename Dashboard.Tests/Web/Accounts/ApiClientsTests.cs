using System.Net;
using System.Net.Http.Headers;
using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Dashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>
/// API clients managed by administrators: scopes, key shown once and stored hashed, revocation at once, audited.
/// The tests share one app; each creates clients under names no other test uses.
/// </summary>
public sealed class ApiClientsTests : WebTestContext, IClassFixture<ApiClientsTests.App>
{
    private readonly DashboardFactory _app;

    /// <summary>The app the tests share.</summary>
    public sealed class App : IAsyncDisposable
    {
        public DashboardFactory Factory { get; } = new();

        public App() => _ = Factory.RootUri;

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    public ApiClientsTests(App shared)
    {
        _app = shared.Factory;
        Services.AddSingleton(_app.Services.GetRequiredService<ApiClientAdministration>());
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin).SetPolicies(Policies.Administer);
        UseInteractiveServerRenderer();
    }

    private ApiClientAdministration Admin => _app.Services.GetRequiredService<ApiClientAdministration>();

    [Fact]
    public async Task ReadClient_ReadsButCannotRefresh_RefreshClient_Refreshes_RevokedClient_IsRefused()
    {
        var (created, readKey) = await Admin.CreateAsync("admin", "portal-satudata", [ApiScopes.ReadIndicators], default);
        Assert.True(created.Succeeded);
        var (_, refreshKey) = await Admin.CreateAsync("admin", "sched", [ApiScopes.TriggerRefresh], default);
        using var reader = Client(readKey!);
        using var refresher = Client(refreshKey!);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("api/v1/sources", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(new Uri("api/v1/sources/Complaints/refresh", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await refresher.GetAsync(new Uri("api/v1/sources", UriKind.Relative))).StatusCode);
        var refresh = await refresher.PostAsync(new Uri("api/v1/sources/Complaints/refresh?reason=jadwal%20portal", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await refresher.PostAsync(new Uri("api/v1/sources/Tidak/refresh", UriKind.Relative), null)).StatusCode);

        var id = (await Admin.ListAsync(default)).Single(c => c.Name == "portal-satudata").Id;
        Assert.True((await Admin.RevokeAsync("admin", id, default)).Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync(new Uri("api/v1/sources", UriKind.Relative))).StatusCode);

        await using var db = await _app.Db.CreateDbContextAsync();
        var audit = await db.AuditEntries.Where(a => a.Target.StartsWith("apiclient:") || a.User == "api:sched").Select(a => a.Action + " " + a.Target + " " + a.User).ToListAsync();
        Assert.Contains("apiclient.create apiclient:portal-satudata admin", audit);
        Assert.Contains("apiclient.revoke apiclient:portal-satudata admin", audit);
        Assert.Contains("source.refresh Complaints api:sched", audit);
    }

    [Fact]
    public async Task TheKey_IsStoredOnlyAsItsHash()
    {
        var (_, key) = await Admin.CreateAsync("admin", "portal-hash", [ApiScopes.ReadIndicators], default);

        await using var scope = _app.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>().ApiClients.SingleAsync(c => c.Name == "portal-hash");
        Assert.Equal(ApiClientAdministration.Hash(key!), client.KeyHash);
        Assert.NotEqual(key, client.KeyHash);
        Assert.StartsWith(client.KeyPrefix, key, StringComparison.Ordinal);
        Assert.True(key!.Length > 40);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = await File.ReadAllBytesAsync(_app.DatabasePath);
        var wal = File.Exists(_app.DatabasePath + "-wal") ? await File.ReadAllBytesAsync(_app.DatabasePath + "-wal") : [];
        var secret = System.Text.Encoding.UTF8.GetBytes(key[12..]);
        Assert.False(file.AsSpan().IndexOf(secret) >= 0 || wal.AsSpan().IndexOf(secret) >= 0, "the key's secret part is in the database file");
    }

    [Fact]
    public async Task Page_ShowsTheKeyOnce_AndRevokes()
    {
        var cut = Render<ApiClientsPage>();
        cut.Find("input[data-testid=api-name]").Change("dashboard-provinsi");
        cut.Find("input[data-testid=scope-trigger-refresh]").Change(true);

        cut.Find("[data-testid=api-create]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("dsb_", cut.Find("[data-testid=api-key]").TextContent, StringComparison.Ordinal));
        var key = cut.Find("[data-testid=api-key]").TextContent;
        Assert.Contains("read-indicators, trigger-refresh", cut.Find("[data-testid=api-dashboard-provinsi]").TextContent, StringComparison.Ordinal);
        using var http = Client(key);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("api/v1/indicators", UriKind.Relative))).StatusCode);

        var again = Render<ApiClientsPage>();
        again.WaitForElement("[data-testid=api-dashboard-provinsi]");
        Assert.DoesNotContain(key, again.Markup, StringComparison.Ordinal);
        again.Find("[data-testid=api-dashboard-provinsi] [data-testid=api-revoke]").Click();
        again.WaitForAssertion(() => Assert.Contains("Dicabut", again.Find("[data-testid=api-dashboard-provinsi] [data-testid=api-state]").TextContent, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("api/v1/indicators", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task BadNamesAndScopes_AreRefused()
    {
        Assert.False((await Admin.CreateAsync("admin", "a b", [ApiScopes.ReadIndicators], default)).Result.Succeeded);
        Assert.False((await Admin.CreateAsync("admin", "portal", [], default)).Result.Succeeded);
        Assert.False((await Admin.CreateAsync("admin", "portal", ["delete-everything"], default)).Result.Succeeded);
        Assert.True((await Admin.CreateAsync("admin", "portal", [ApiScopes.ReadIndicators], default)).Result.Succeeded);
        Assert.Equal("ApiClientDuplicate", Assert.Single((await Admin.CreateAsync("admin", "Portal", [ApiScopes.ReadIndicators], default)).Result.Errors).Code);
    }

    private HttpClient Client(string key)
    {
        var http = _app.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }
}
