using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Budget;

/// <summary>The budget page in a real browser after a real budget refresh: charts drawn, tables filled, agency scope, no errors.</summary>
public sealed class BudgetBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Charts = ["chart-budget-curve", "chart-budget-league", "chart-budget-funding"];

    [Fact]
    public async Task BudgetPage_SignedIn_RendersChartsAndTables_AndScopesByAgency()
    {
        BrowserFixture.RequireChromium();
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Sources:Budget:Simulator:Lines"] = "200",
        });
        var run = await app.RefreshAsync("Budget");
        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        await using var session = await browser.OpenSessionAsync(app.RootUri);
        var page = session.Page;

        await session.SignInAsync("/anggaran");

        foreach (var chart in Charts)
        {
            await Expect(page.Locator($"#{chart} .apexcharts-canvas svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        await Expect(page.Locator("[data-testid='tile-BELANJA_REALISASI_PCT'] [data-testid='tile-value']")).Not.ToBeEmptyAsync();
        var league = page.Locator("[data-testid='budget-league'] tbody tr[data-testid^='league-']");
        Assert.Equal(20, await league.CountAsync());
        await Expect(page.Locator("[data-testid='budget-silpa-value']")).ToContainTextAsync("Rp");
        await Expect(page.Locator("[data-testid='budget-gaps'] h2")).ToContainTextAsync("15");

        await page.ClickAsync("[data-testid='league-DPUPRPKP'] a");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("anggaran\\?opd=DPUPRPKP$"));
        // The league stays whole for an agency head; the selected agency is marked.
        await Expect(page.Locator("[data-testid='budget-league'] tbody tr[data-testid^='league-']")).ToHaveCountAsync(20);
        await Expect(page.Locator("[data-testid='league-DPUPRPKP'].row--selected")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart-budget-curve .apexcharts-canvas svg.apexcharts-svg")).ToBeVisibleAsync();

        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>
    /// Screenshots of the page and its wall board at 1920×1080 with a default-size year of history, written to the folder in
    /// <c>DASHBOARD_SCREENSHOTS</c> (explicit: for the closing note, not for CI).
    /// </summary>
    [Fact(Explicit = true)]
    public async Task Screenshots_OfThePage_AndItsWallBoard()
    {
        BrowserFixture.RequireChromium();
        var folder = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") ?? Path.GetTempPath();
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Sources:Simulator:HistoryDays"] = "30" });
        var run = await app.RefreshAsync("Budget");
        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        var (_, token) = await app.Services.GetRequiredService<Dashboard.Web.Features.Walls.WallScreenService>().CreateAsync(
            new Dashboard.Web.Features.Walls.WallScreenInput("Dinding anggaran", "NCC", ["anggaran"], false, 60, Dashboard.Ingest.Shared.Walls.WallTheme.Dark, null, null),
            "tester", TestContext.Current.CancellationToken);

        await using var session = await browser.OpenSessionAsync(app.RootUri);
        var page = session.Page;
        await page.SetViewportSizeAsync(1920, 1080);
        await session.SignInAsync("/anggaran");
        foreach (var chart in Charts)
        {
            await Expect(page.Locator($"#{chart} .apexcharts-canvas svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        await page.WaitForTimeoutAsync(1500);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "budget-page.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "budget-page-full.png"), FullPage = true });

        await using var wall = await browser.OpenSessionAsync(app.RootUri);
        await wall.Page.SetViewportSizeAsync(1920, 1080);
        await wall.GotoInteractiveAsync("dinding?token=" + Uri.EscapeDataString(token));
        await Expect(wall.Page.Locator("[data-testid='wall-board-title']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await wall.Page.WaitForTimeoutAsync(2500);
        await wall.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "budget-wall.png") });
        Assert.Empty(session.ConsoleErrors);
        Assert.Empty(wall.ConsoleErrors);
    }
}
