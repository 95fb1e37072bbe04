using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Admissions;

/// <summary>The SPMB page in a real browser after a real refresh: charts drawn, tables filled, school and region filters, no errors.</summary>
public sealed class AdmissionsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Charts = ["chart-admissions-levels", "chart-admissions-routes", "chart-admissions-statuses", "chart-admissions-days"];

    [Fact]
    public async Task AdmissionsPage_SignedIn_RendersChartsAndTables_AndFiltersBySchoolAndRegion()
    {
        BrowserFixture.RequireChromium();
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Sources:Admissions:Simulator:CohortSize"] = "600",
            ["Sources:Simulator:HistoryDays"] = "400",
        });
        var run = await app.RefreshAsync("Admissions");
        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        await using var session = await browser.OpenSessionAsync(app.RootUri);
        var page = session.Page;

        await session.SignInAsync("/spmb");

        foreach (var chart in Charts)
        {
            await Expect(page.Locator($"#{chart} .apexcharts-canvas svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }
        await Expect(page.Locator("[data-testid='tile-SPMB_PENDAFTAR_PER_DAYA_TAMPUNG'] [data-testid='tile-value']")).Not.ToBeEmptyAsync();
        var schools = page.Locator("[data-testid='schools'] tbody tr[data-testid^='school-']");
        Assert.True(await schools.CountAsync() >= 5, $"schools shows {await schools.CountAsync()} rows");
        await Expect(page.Locator("[data-testid='not-placed']")).ToBeVisibleAsync();

        await schools.First.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("spmb\\?sekolah=[0-9]{8}$"));
        await Expect(page.Locator("[data-testid='schools'] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='tile-SPMB_TIDAK_TERTAMPUNG']")).ToHaveCountAsync(0);

        await page.ClickAsync("[data-testid='filter-35.73.05']");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("spmb\\?wilayah=35\\.73\\.05$"));
        await Expect(page.Locator("[data-testid='scope-trail'] [aria-current=page]")).ToHaveTextAsync("Lowokwaru");

        Assert.Empty(session.ConsoleErrors);
    }
}
