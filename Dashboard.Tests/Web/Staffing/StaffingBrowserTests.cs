using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Staffing;

/// <summary>The staffing page in a real browser after a real staffing refresh: charts drawn, tables filled, OPD filter, no errors.</summary>
public sealed class StaffingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Charts = ["chart-attendance", "chart-arrivals", "chart-ratings", "chart-ranks", "chart-retirements"];

    [Fact]
    public async Task StaffingPage_SignedIn_RendersChartsAndTables_AndFiltersByOpd()
    {
        BrowserFixture.RequireChromium();
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Sources:Staffing:Simulator:Headcount"] = "500",
            ["Sources:Staffing:Simulator:AttendanceWorkingDays"] = "3",
        }, clock: new WorkingMorningClock()); // the attendance table counts the agencies that checked in "today"
        var run = await app.RefreshAsync("Staffing");
        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        await using var session = await browser.OpenSessionAsync(app.RootUri);
        var page = session.Page;

        await session.SignInAsync("/kepegawaian");

        foreach (var chart in Charts)
        {
            await Expect(page.Locator($"#{chart} .apexcharts-canvas svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }
        await Expect(page.Locator("[data-testid='tile-ASN_JUMLAH'] [data-testid='tile-value']")).Not.ToBeEmptyAsync();
        var rows = page.Locator("[data-testid='attendance'] tbody tr[data-testid^='attendance-']");
        Assert.True(await rows.CountAsync() >= 10, $"attendance shows {await rows.CountAsync()} agencies");
        await Expect(page.Locator("[data-testid='posts'] tbody tr")).ToHaveCountAsync(20);

        await page.ClickAsync("[data-testid='posts-DISDIKBUD'] a");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kepegawaian\\?opd=DISDIKBUD$"));
        await Expect(page.Locator("[data-testid='posts'] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='tile-ASN_PER_1000_PENDUDUK']")).ToHaveCountAsync(0);

        Assert.Empty(session.ConsoleErrors);
    }
}
