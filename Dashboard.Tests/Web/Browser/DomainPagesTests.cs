using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Browser;

/// <summary>
/// Every domain page in a real browser after every source has been refreshed once: each renders its ApexCharts
/// charts with data drawn and no console errors. Every registered domain's page is walked.
/// </summary>
public sealed class DomainPagesTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    /// <summary>The domain pages to walk through, in the registry's order.</summary>
    private static readonly string[] Routes = [.. Dashboard.Web.Features.DomainRegistry.All.Select(d => "/" + d.Route)];

    // Per chart container (ApexChart renders div.apex-chart): whether ApexCharts drew its SVG, how many series
    // shapes (bars, lines, areas, slices) have a size, and the "no data" text if it shows one.
    private const string ChartsScript = """
        () => [...document.querySelectorAll('div.apex-chart')].map(el => ({
            id: el.id,
            svg: el.querySelector('svg.apexcharts-svg') !== null,
            drawn: [...el.querySelectorAll('.apexcharts-series path')]
                .filter(p => { const b = p.getBBox(); return b.width > 0 || b.height > 0; }).length,
            noData: el.querySelector('.apexcharts-text-nodata')?.textContent.trim() ?? ''
        }))
        """;

    // True once every chart container on the page has its SVG and at least one drawn series shape.
    private const string AllDrawnScript = """
        () => {
            const charts = [...document.querySelectorAll('div.apex-chart')];
            return charts.length > 0 && charts.every(el => el.querySelector('svg.apexcharts-svg') !== null &&
                [...el.querySelectorAll('.apexcharts-series path')].some(p => { const b = p.getBBox(); return b.width > 0 || b.height > 0; }));
        }
        """;

    private DashboardFactory? _app;
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task EveryDomainPage_DrawsItsChartsWithData_WithoutConsoleErrors()
    {
        BrowserFixture.RequireChromium();
        // Attendance, arrivals and payments "today" exist only after the morning's first records: run at a working morning.
        _app = new DashboardFactory(clock: new WorkingMorningClock());
        foreach (var source in _app.Services.GetServices<IIngestSource>())
        {
            var run = await _app.RefreshAsync(source.Name);
            Assert.True(run.Status == IngestRunStatus.Succeeded, $"{source.Name}: {run.Status} {run.Error}");
        }
        _session = await browser.OpenSessionAsync(_app.RootUri);
        var page = _session.Page;
        await _session.SignInAsync("/");

        foreach (var route in Routes)
        {
            await _session.GotoInteractiveAsync(route);
            await Expect(page.Locator("div.apex-chart").First).ToBeAttachedAsync();
            var drawn = true;
            try
            {
                await page.WaitForFunctionAsync(AllDrawnScript, null, new() { Timeout = 15_000 });
            }
            catch (Microsoft.Playwright.PlaywrightException)
            {
                drawn = false;
            }
            var charts = (await page.EvaluateAsync<JsonElement>(ChartsScript)).EnumerateArray()
                .Select(c => (Id: c.GetProperty("id").GetString(), Svg: c.GetProperty("svg").GetBoolean(),
                    Drawn: c.GetProperty("drawn").GetInt32(), NoData: c.GetProperty("noData").GetString()))
                .ToList();
            output.WriteLine($"{route}: {string.Join(", ", charts.Select(c => $"{c.Id} ({c.Drawn} shapes)"))}");

            Assert.True(drawn, $"{route}: not every chart was drawn: {string.Join("; ", charts)}");
            Assert.NotEmpty(charts);
            Assert.All(charts, c =>
            {
                Assert.True(c.Svg, $"{route} {c.Id}: no ApexCharts SVG");
                Assert.True(c.Drawn > 0, $"{route} {c.Id}: no series drawn");
                Assert.True(string.IsNullOrEmpty(c.NoData), $"{route} {c.Id}: shows \"{c.NoData}\"");
            });
            Assert.True(_session.ConsoleErrors.Count == 0, $"{route}: {string.Join(" | ", _session.ConsoleErrors)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The session first: its failure screenshot needs the app still running.
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
