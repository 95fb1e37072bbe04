using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Browser;

/// <summary>The pages in a real browser: sign-in gate, the complaints page's charts and tables, the language switch.</summary>
public sealed partial class PagesSmokeTests(BrowserFixture browser, RefreshedDashboardFixture dashboard)
    : IClassFixture<BrowserFixture>, IClassFixture<RefreshedDashboardFixture>, IAsyncLifetime
{
    private const string ApexChartsScript = "/lib/apexcharts/apexcharts.min.js";

    // The complaints page's chart containers (ApexChart's Id parameter).
    private static readonly string[] ComplaintCharts = ["chart-daily", "chart-channel", "chart-category", "chart-agency"];

    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task SignedOut_Overview_RedirectsToSignIn()
    {
        _session = await OpenAsync();
        var page = _session.Page;

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(SignInWithReturnToOverview());
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#username")).ToBeEditableAsync();
        await Expect(page.Locator("#password")).ToBeEditableAsync();
        await Expect(page.Locator("article.kpi-tile")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ComplaintsPage_SignedIn_RendersChartsAndLeagueWithoutErrors()
    {
        _session = await OpenAsync();
        var page = _session.Page;
        var apexLoaded = page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath == ApexChartsScript);

        await _session.SignInAsync("/aduan");

        Assert.Equal(200, (await apexLoaded).Status);
        foreach (var chart in ComplaintCharts)
        {
            await Expect(page.Locator($"#{chart} .apexcharts-canvas svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }
        var league = page.Locator("[data-testid='league'] tbody tr[data-testid^='league-']");
        await Expect(league.First).ToBeVisibleAsync();
        Assert.True(await league.CountAsync() >= 5, $"the OPD league shows {await league.CountAsync()} rows");
        await Expect(league.First.Locator("td").First).Not.ToBeEmptyAsync();

        Assert.Empty(_session.ConsoleErrors);
        Assert.DoesNotContain(_session.FailedRequests, r => r.Contains(ApexChartsScript, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_ShowsEnglishTileNames()
    {
        _session = await OpenAsync();
        var page = _session.Page;
        var app = await dashboard.StartAsync();
        await using var db = await app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var names = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => (i.NameId, i.NameEn), TestContext.Current.CancellationToken);
        await _session.SignInAsync("/");
        await Expect(TileName("ADUAN_MASUK")).ToHaveTextAsync(names["ADUAN_MASUK"].NameId);

        await page.ClickAsync("[data-testid='lang-en']");

        await Expect(TileName("ADUAN_MASUK")).ToHaveTextAsync("Complaints received today");
        await _session.WaitForInteractiveAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("[data-testid='lang-en']")).ToHaveAttributeAsync("aria-pressed", "true");
        var shown = await page.Locator("article.kpi-tile").EvaluateAllAsync<string[][]>(
            "tiles => tiles.map(t => [t.dataset.testid.substring('tile-'.length), t.querySelector('h3').textContent.trim()])");
        Assert.NotEmpty(shown);
        Assert.All(shown, tile => Assert.Equal(names[tile[0]].NameEn, tile[1]));
        Assert.Empty(_session.ConsoleErrors);
    }

    [Fact]
    public async Task OperationsConsole_ShowsEverySourceAndItsHistory_AndExportsQuarantineCsv()
    {
        _session = await OpenAsync();
        var page = _session.Page;
        var app = await dashboard.StartAsync();
        var sources = app.Services.GetServices<Dashboard.Ingest.Shared.Ingest.IIngestSource>().Select(s => s.Name).ToList();

        await _session.SignInAsync("/operasi");

        foreach (var source in sources)
        {
            await Expect(page.Locator($"[data-testid='ops-source-{source}']")).ToBeVisibleAsync();
        }
        await page.ClickAsync($"[data-testid='ops-source-{sources[0]}']");
        await Expect(page.Locator("[data-testid='ops-runs'] tbody tr").First).ToBeVisibleAsync();

        var csv = await page.APIRequest.GetAsync($"/operasi/karantina.csv?sumber={sources[0]}");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("id,source,resource,source_item_id,run_id,received_at_wib,reason,payload", await csv.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(400, (await page.APIRequest.GetAsync("/operasi/karantina.csv?sumber=Tidak")).Status);
        Assert.Empty(_session.ConsoleErrors);
    }

    private Microsoft.Playwright.ILocator TileName(string code) =>
        _session!.Page.Locator($"[data-testid='tile-{code}'] h3");

    private async Task<BrowserSession> OpenAsync()
    {
        BrowserFixture.RequireChromium();
        var app = await dashboard.StartAsync();
        return await browser.OpenSessionAsync(app.RootUri);
    }

    [GeneratedRegex(@"/masuk\?ReturnUrl=%2F$")]
    private static partial Regex SignInWithReturnToOverview();

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }
}
