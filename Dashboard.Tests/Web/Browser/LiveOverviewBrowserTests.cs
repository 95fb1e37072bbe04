using System.Diagnostics;
using System.Globalization;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Web.Browser;

/// <summary>The walking skeleton's acceptance test: new complaints reach an open overview without a reload.</summary>
public sealed class LiveOverviewBrowserTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    private const string ReceivedToday = "[data-testid=tile-ADUAN_MASUK] .kpi-tile__number";

    [Fact]
    public async Task NewComplaints_AppearOnTheOpenOverview_WithoutAReload()
    {
        Chromium.Require();
        await using var app = new DashboardFactory();
        Assert.Equal(Dashboard.Ingest.Reporting.IngestRunStatus.Succeeded, (await app.RefreshAsync()).Status);
        var page = await chromium.SignedInPageAsync(app.RootUri);
        try
        {
            await Chromium.GotoInteractiveAsync(page, app.RootUri);
            var before = ParseCount(await page.Locator(ReceivedToday).InnerTextAsync());
            await page.EvaluateAsync("() => { window.__noReload = 'still-here'; }");

            app.Services.GetRequiredService<ComplaintsSimulator>().Generate(5);
            var run = await app.RefreshAsync();
            var committed = Stopwatch.StartNew();
            await Assertions.Expect(page.Locator(ReceivedToday))
                .ToHaveTextAsync((before + 5).ToString("N0", CultureInfo.GetCultureInfo("id-ID")), new() { Timeout = 10_000 });
            output.WriteLine($"run {run.Id} ({run.Inserted} new): tile changed {committed.ElapsedMilliseconds} ms after the run returned");

            Assert.Equal("still-here", await page.EvaluateAsync<string>("() => window.__noReload"));
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, nameof(NewComplaints_AppearOnTheOpenOverview_WithoutAReload));
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static int ParseCount(string text) =>
        int.Parse(text.Trim().Replace(".", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
