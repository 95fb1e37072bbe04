using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features.Indicators;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Indicators;

/// <summary>
/// The indicator page in Chromium after a real complaints ingest: a tile on the domain page leads to it, its trend
/// chart draws, a kecamatan link drills down and the URL alone (a reload) shows the same view.
/// </summary>
public sealed class IndicatorBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private DashboardFactory? _app;
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Tile_leads_to_the_indicator_page_and_the_region_round_trips_through_the_url()
    {
        BrowserFixture.RequireChromium();
        _app = new DashboardFactory();
        var run = await _app.RefreshAsync(ComplaintsIndicators.Source);
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        _session = await browser.OpenSessionAsync(_app.RootUri);
        var page = _session.Page;
        await _session.SignInAsync("/aduan");

        var code = ComplaintsIndicators.Codes.WithinSlaPct;
        await page.ClickAsync($"[data-testid=tile-{code}] h3 a");
        await page.WaitForURLAsync(new Uri(_app.RootUri, IndicatorLinks.Href(code)).ToString());
        await _session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=indicator-name]")).ToHaveTextAsync(IndicatorCatalog.Find(code).NameId);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('#chart-indicator-trend .apexcharts-series path')].some(p => p.getBBox().width > 0)",
            null, new() { Timeout = 15_000 });

        await page.ClickAsync("[data-testid=period-90h]");
        await page.ClickAsync("[data-testid='region-35.73.02'] a");
        var expected = new Uri(_app.RootUri, IndicatorLinks.Href(code, "35.73.02", TrendPeriod.Days90)).ToString();
        await page.WaitForURLAsync(expected);
        await Expect(page.Locator("[data-testid=scope-trail] [aria-current=page]")).ToHaveTextAsync("Klojen");
        var value = await page.Locator($"[data-testid=tile-{code}] [data-testid=tile-value]").TextContentAsync();

        // A fresh load of the same URL shows the same region, window and value.
        await _session.GotoInteractiveAsync(expected);
        await Expect(page.Locator("[data-testid=scope-trail] [aria-current=page]")).ToHaveTextAsync("Klojen");
        await Expect(page.Locator("[data-testid=period-90h]")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Locator($"[data-testid=tile-{code}] [data-testid=tile-value]")).ToHaveTextAsync(value!);
        Assert.Equal(11, await page.Locator("[data-testid^='region-35.73.02.']").CountAsync());
        Assert.True(_session.ConsoleErrors.Count == 0, string.Join(" | ", _session.ConsoleErrors));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "indikator-klojen.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
