using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features.Indicators;
using Microsoft.Extensions.DependencyInjection;
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
        await page.WaitForURLAsync(new Uri(_app.RootUri, IndicatorLinks.Href(code, null, TrendPeriod.Days90)).ToString());
        // The region links are re-rendered with the new window before they are followed.
        await Expect(page.Locator("[data-testid=period-90h]")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Locator("[data-testid='region-35.73.02'] a")).ToHaveAttributeAsync("href", IndicatorLinks.Href(code, "35.73.02", TrendPeriod.Days90));
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

        // The page's Excel link, fetched as an API client, holds the same series as the page's query.
        var href = await page.Locator("[data-testid=export-xlsx]").GetAttributeAsync("href");
        Assert.Equal(IndicatorExport.XlsxHref(code, "35.73.02", TrendPeriod.Days90), href);
        using var client = _app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DashboardFactory.ApiKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var sheets = XlsxReader.Read(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var view = await _app.Services.GetRequiredService<IndicatorDetailQueries>().GetAsync(code, "35.73.02", TrendPeriod.Days90, TestContext.Current.CancellationToken);
        Assert.Equal(view!.Trend.Days.Count + 1, sheets["Data"].Count);
        var last = sheets["Data"][^1];
        Assert.Equal(view.Trend.Values[^1], last.Count > 1 && last[1] is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null);
        Assert.Equal("35.73.02", sheets["Metadata"].Single(r => r[0] == "wilayah")[1]);

        // Without credentials there is no file.
        using var anonymous = await client.GetAsync(href, TestContext.Current.CancellationToken);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_opd_brief_prints_on_one_page_without_the_app_chrome()
    {
        BrowserFixture.RequireChromium();
        _app = new DashboardFactory();
        Assert.Equal(IngestRunStatus.Succeeded, (await _app.RefreshAsync(ComplaintsIndicators.Source)).Status);
        _session = await browser.OpenSessionAsync(_app.RootUri);
        var page = _session.Page;
        await _session.SignInAsync("/ringkasan-opd/DISKOMINFO");

        await Expect(page.Locator("[data-testid=brief-owned] tbody tr")).ToHaveCountAsync(
            IndicatorCatalog.Definitions.Count(d => d.OwnerOpd == "DISKOMINFO"));
        await Expect(page.Locator(".mud-appbar")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=brief-print]")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "ringkasan-opd.png"), FullPage = true });
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
        Assert.Equal(1, pages);
        Assert.True(_session.ConsoleErrors.Count == 0, string.Join(" | ", _session.ConsoleErrors));
    }

    [Fact]
    public async Task The_citys_boundary_file_draws_57_clickable_kelurahan_that_drill_down()
    {
        BrowserFixture.RequireChromium();
        _app = new DashboardFactory(new Dictionary<string, string?> { ["Map:BoundaryGeoJson"] = KelurahanBoundaryMapTests.Fixture });
        Assert.Equal(IngestRunStatus.Succeeded, (await _app.RefreshAsync(Dashboard.Ingest.Sources.Letters.LettersIndicators.Source)).Status);
        _session = await browser.OpenSessionAsync(_app.RootUri);
        var page = _session.Page;
        var code = Dashboard.Ingest.Sources.Letters.LettersIndicators.Codes.WithinStandardPct;
        await _session.SignInAsync("/" + IndicatorLinks.Href(code));

        var shapes = page.Locator("[data-testid=boundarymap] a[data-testid^='map-35.73.']");
        await Expect(shapes).ToHaveCountAsync(57);
        await Expect(page.Locator("[data-testid=tilemap]")).ToHaveCountAsync(0);
        // Every polygon is drawn with an area (the projection fitted the file into the box).
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('[data-testid=boundarymap] path')].every(p => { const b = p.getBBox(); return b.width > 1 && b.height > 1; })"));

        await page.Locator("[data-testid='map-35.73.02.1007'] path").ClickAsync();
        await page.WaitForURLAsync(new Uri(_app.RootUri, IndicatorLinks.Href(code, "35.73.02.1007")).ToString());
        await Expect(page.Locator("[data-testid=scope-trail] [aria-current=page]")).ToHaveTextAsync("Kauman");
        await Expect(page.Locator("[data-testid='map-35.73.02.1007'] path")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("boundarymap__shape--selected"));
        Assert.True(_session.ConsoleErrors.Count == 0, string.Join(" | ", _session.ConsoleErrors));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "indikator-peta-batas.png"), FullPage = true });
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
