using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.SocialAid;

/// <summary>The social aid page in a real browser after a real refresh: charts drawn, tables filled, region filter, no errors.</summary>
public sealed class SocialAidBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Charts =
        ["chart-aid-programs", "chart-aid-progress", "chart-aid-desil", "chart-aid-verval", "chart-aid-graduations"];

    [Fact]
    public async Task SocialAidPage_SignedIn_RendersChartsAndTables_AndFiltersByRegion()
    {
        BrowserFixture.RequireChromium();
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Sources:SocialAid:Simulator:Families"] = "600",
            ["Sources:Simulator:HistoryDays"] = "120",
        });
        var run = await app.RefreshAsync("SocialAid");
        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        await using var session = await browser.OpenSessionAsync(app.RootUri);
        var page = session.Page;

        await session.SignInAsync("/bansos");

        foreach (var chart in Charts)
        {
            await Expect(page.Locator($"#{chart} .apexcharts-canvas svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }
        await Expect(page.Locator("[data-testid='tile-BANSOS_KPM'] [data-testid='tile-value']")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("[data-testid='regions'] tbody tr")).ToHaveCountAsync(5);
        Assert.True(await page.Locator("[data-testid='stages'] tbody tr").CountAsync() >= 1);

        await page.ClickAsync("[data-testid='region-35.73.03'] a");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("bansos\\?wilayah=35\\.73\\.03$"));
        await Expect(page.Locator("[data-testid='regions'] tbody tr")).ToHaveCountAsync(12);
        await Expect(page.Locator("[data-testid='scope-trail']")).ToContainTextAsync("Kedungkandang");

        Assert.Empty(session.ConsoleErrors);
    }
}
