using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features.Walls;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Walls;

/// <summary>
/// Never a dead screen: the server process behind an open wall is stopped and started again on the same port (a real
/// Kestrel, the same database). Meanwhile the screen keeps its last values under "Koneksi terputus sejak HH:mm"; once
/// the server is back it reloads by itself (the old circuit is gone) and shows live data again within 30 s.
/// </summary>
public sealed partial class WallRecoveryBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"dasbor-wall-{Guid.NewGuid():N}.db");
    private readonly int _port = FreePort();
    private DashboardFactory? _app;
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private DashboardFactory StartApp()
    {
        var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={_dbPath}",
            ["Walls:HeartbeatSeconds"] = "2",
            ["Walls:WatchdogSeconds"] = "60",
        });
        app.UseKestrel(_port);
        Assert.Equal(_port, app.RootUri.Port);
        return app;
    }

    [Fact]
    public async Task After_a_server_restart_the_open_screen_shows_live_data_again_by_itself()
    {
        BrowserFixture.RequireChromium();
        _app = StartApp();
        var (screen, token) = await _app.Services.GetRequiredService<WallScreenService>().CreateAsync(
            new WallScreenInput("Dinding utama", "NCC", ["aduan"], false, 60, WallTheme.Dark, null, null), "tester", TestContext.Current.CancellationToken);
        _session = await browser.OpenSessionAsync(_app.RootUri);
        var page = _session.Page;
        await _session.GotoInteractiveAsync("dinding?token=" + Uri.EscapeDataString(token));
        await page.EvaluateAsync("() => { window.__before = true; }");
        var tile = page.Locator("[data-testid=wall-tile-ADUAN_MASUK]");
        await Expect(tile).ToBeVisibleAsync();

        await _app.DisposeAsync();
        _app = null;

        var banner = page.Locator("#components-reconnect-modal");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(banner).ToContainTextAsync(BannerText(), new() { Timeout = 15_000 });
        // The last values stay on screen.
        await Expect(tile).ToBeVisibleAsync();
        await Expect(page.GetByTestId("wall")).ToHaveAttributeAsync("data-screen", screen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // An outage longer than the first quick retries.
        await page.WaitForTimeoutAsync(8_000);
        await Expect(banner).ToBeVisibleAsync();

        _app = StartApp();
        var back = Stopwatch.StartNew();

        // The old circuit is gone: the page reloads itself (the marker disappears) and becomes interactive again.
        await page.WaitForFunctionAsync("() => window.__before === undefined && document.getElementById('interactive-flag')?.textContent === 'True'",
            null, new() { Timeout = 30_000, PollingInterval = 200 });
        await Expect(banner).Not.ToBeVisibleAsync(new() { Timeout = 5_000 });

        // Live: a value committed now reaches the screen through the push, without another reload.
        await page.EvaluateAsync("() => { window.__afterReload = true; }");
        await SetComplaintsReceivedAsync(_app, 4242);
        await Expect(page.Locator("[data-testid=wall-tile-ADUAN_MASUK] [data-testid=tile-value]")).ToHaveTextAsync("4.242", new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__afterReload === true"));
        Assert.True(back.Elapsed < TimeSpan.FromSeconds(30), $"live again {back.Elapsed.TotalSeconds:0.0} s after the server was back");
    }

    private static async Task SetComplaintsReceivedAsync(DashboardFactory app, double value)
    {
        var now = TimeProvider.System.GetUtcNow();
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            var snapshot = db.IndicatorSnapshots.SingleOrDefault(s => s.IndicatorCode == "ADUAN_MASUK" && s.ScopeCode == ReferenceData.KotaCode);
            if (snapshot is null)
            {
                snapshot = new IndicatorSnapshot { IndicatorCode = "ADUAN_MASUK", ScopeCode = ReferenceData.KotaCode, ScopeKind = ScopeKind.Kota };
                db.IndicatorSnapshots.Add(snapshot);
            }
            snapshot.Value = value;
            snapshot.ComputedAt = now;
            snapshot.AsOf = DateOnly.FromDateTime(now.UtcDateTime);
            await db.SaveChangesAsync();
        }
        app.Services.GetRequiredService<KpiBroadcaster>().Publish(new IndicatorsChanged("Complaints", now, null, ["ADUAN_MASUK"]));
    }

    [GeneratedRegex(@"Koneksi terputus sejak \d{2}:\d{2}")]
    private static partial Regex BannerText();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_dbPath + suffix);
        }
    }
}
