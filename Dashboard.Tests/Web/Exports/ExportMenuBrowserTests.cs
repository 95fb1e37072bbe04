using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Web.Indicators;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Exports;

/// <summary>A domain page's download menu in Chromium: open it, take "Excel", and the file is a workbook of the card's table.</summary>
public sealed class ExportMenuBrowserTests(BrowserFixture browser, AllSourcesFixture fixture)
    : IClassFixture<BrowserFixture>, IClassFixture<AllSourcesFixture>, IAsyncLifetime
{
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task TheComplaintsPage_DailyChartsMenu_DownloadsAWorkbookOfItsRegion()
    {
        BrowserFixture.RequireChromium();
        var app = await fixture.StartAsync();
        _session = await browser.OpenSessionAsync(app.RootUri);
        var page = _session.Page;
        await _session.SignInAsync("/aduan?wilayah=35.73.02");

        await page.Locator("[data-testid=export-harian] button").ClickAsync();
        var item = page.Locator("[data-testid=export-harian-xlsx]");
        await Expect(item).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => item.ClickAsync());
        var path = await download.PathAsync();

        Assert.Equal("aduan-harian-35.73.02.xlsx", download.SuggestedFilename);
        var sheets = XlsxReader.Read(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["tanggal", "aduan_masuk"], sheets["Data"][0]);
        Assert.Equal(31, sheets["Data"].Count); // the header and the chart's 30 days
        Assert.Contains(sheets["Metadata"], row => row is ["nama_wilayah", "Klojen"]);
        Assert.Empty(_session.ConsoleErrors);
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }
}
