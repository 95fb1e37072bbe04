using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Revenue;

/// <summary>The revenue page in a real browser after a real revenue refresh: charts drawn, tables filled, region filter, no errors.</summary>
public sealed class RevenueBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Charts = ["chart-revenue-cumulative", "chart-revenue-types", "chart-revenue-daily", "chart-revenue-pbb"];

    [Fact]
    public async Task RevenuePage_SignedIn_RendersChartsAndTables_AndFiltersByRegion()
    {
        BrowserFixture.RequireChromium();
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Sources:Revenue:Simulator:Taxpayers"] = "150",
            ["Sources:Revenue:Simulator:PbbObjects"] = "600",
        });
        var run = await app.RefreshAsync("Revenue");
        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        await using var session = await browser.OpenSessionAsync(app.RootUri);
        var page = session.Page;

        await session.SignInAsync("/pendapatan");

        foreach (var chart in Charts)
        {
            await Expect(page.Locator($"#{chart} .apexcharts-canvas svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }
        await Expect(page.Locator("[data-testid='tile-PAJAK_REALISASI_PCT'] [data-testid='tile-value']")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("[data-testid='total-pajak'] td").First).ToContainTextAsync("Rp");
        await Expect(page.Locator("[data-testid='pbb'] tbody tr")).ToHaveCountAsync(57);

        await page.ClickAsync("[data-testid='filter-35.73.05']");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("pendapatan\\?wilayah=35\\.73\\.05$"));
        await Expect(page.Locator("[data-testid='pbb'] tbody tr")).ToHaveCountAsync(12);
        await Expect(page.Locator("[data-testid='tile-PAJAK_REALISASI_PCT']")).ToHaveCountAsync(0);

        Assert.Empty(session.ConsoleErrors);
    }
}
