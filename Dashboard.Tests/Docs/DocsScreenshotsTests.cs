using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features.Walls;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Docs;

/// <summary>
/// Makes the README's pictures, docs/images/overview.png and docs/images/wall.png, from the running product: the app
/// with its simulators, every source refreshed, the overview signed in as the demo administrator and a registered wall
/// screen, both at 1920×1080. Only with <c>DASHBOARD_WRITE_DOCS=1</c>; skipped otherwise.
/// The host's clock runs from the last working-day morning (10:30 WIB) before now, so that "today" on the pictures is a
/// working day with its counter open, whenever the command is run; it runs at the normal pace from there.
/// </summary>
public sealed class DocsScreenshotsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public const string Command = "DASHBOARD_WRITE_DOCS=1 dotnet test Dashboard.Tests --filter DocsScreenshots";

    private readonly List<BrowserSession> _sessions = [];
    private DashboardFactory? _app;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task DocsScreenshots_OfTheOverviewAndTheWall()
    {
        if (!RepositoryFiles.WriteDocs)
        {
            Assert.Skip($"Writes docs/images/*.png: run `{Command}`.");
        }
        BrowserFixture.RequireChromium();
        _app = new DashboardFactory(
            new Dictionary<string, string?> { ["Sources:Simulator:HistoryDays"] = "365" }, clock: new WorkingMorningClock());
        foreach (var source in _app.Services.GetServices<IIngestSource>())
        {
            var run = await _app.RefreshAsync(source.Name);
            Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        }
        var images = RepositoryFiles.PathOf("docs", "images");
        Directory.CreateDirectory(images);

        var overview = await OpenAsync();
        await overview.SignInAsync("/");
        await Expect(overview.Page.Locator("[data-testid='tile-ADUAN_MASUK'] [data-testid='tile-value']")).Not.ToHaveTextAsync("—");
        await SettledAsync(overview.Page);
        await overview.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(images, "overview.png") });

        var (_, token) = await _app.Services.GetRequiredService<WallScreenService>().CreateAsync(
            new WallScreenInput("Ruang NCC", "NCC", [WallBoards.Overview], false, 60, WallTheme.Dark, null, null), "docs",
            TestContext.Current.CancellationToken);
        var wall = await OpenAsync();
        await wall.GotoInteractiveAsync("dinding?token=" + Uri.EscapeDataString(token));
        await Expect(wall.Page.Locator("[data-testid=wall-tile-ADUAN_MASUK] [data-testid=tile-value]")).Not.ToHaveTextAsync("—");
        await SettledAsync(wall.Page);
        await wall.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(images, "wall.png") });
    }

    private async Task<BrowserSession> OpenAsync()
    {
        var session = await browser.OpenSessionAsync(_app!.RootUri);
        _sessions.Add(session);
        await session.Page.SetViewportSizeAsync(1920, 1080);
        await session.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        return session;
    }

    /// <summary>Waits until the page's markup (charts drawing in included) is the same over half a second.</summary>
    private static async Task SettledAsync(IPage page) => await page.WaitForFunctionAsync("""
        () => {
            const now = document.body.innerHTML.length + ':' + document.querySelectorAll('.apexcharts-canvas').length;
            const settled = window.__docsLast === now && Date.now() - window.__docsSince >= 500;
            if (window.__docsLast !== now) { window.__docsLast = now; window.__docsSince = Date.now(); }
            return settled;
        }
        """, null, new() { Timeout = 30_000, PollingInterval = 100 });
}
