using Dashboard.Ingest.Shared.Walls;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features.Walls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Walls;

/// <summary>
/// Registered wall screens in Chromium against a real Kestrel: a screen shows its board without anyone signing in
/// (kiosk: no navigation, nothing scrolls at 1920×1080 or 3840×2160), a revoked token stops the open screen, a
/// playlist rotates on the server's clock, and "identify" from the admin page reaches only the chosen screen.
/// </summary>
public sealed class WallBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<BrowserSession> _sessions = [];
    private DashboardFactory? _app;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private DashboardFactory App(int watchdogSeconds = 60) => _app ??= new DashboardFactory(new Dictionary<string, string?>
    {
        ["Walls:HeartbeatSeconds"] = "2",
        ["Walls:WatchdogSeconds"] = watchdogSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private async Task<(int Id, string Token)> RegisterAsync(string name, string boards = "kota", int seconds = 60, bool regions = false)
    {
        var (screen, token) = await App().Services.GetRequiredService<WallScreenService>().CreateAsync(
            new WallScreenInput(name, "NCC", boards.Split(','), regions, seconds, WallTheme.Dark, null, null), "tester", TestContext.Current.CancellationToken);
        return (screen.Id, token);
    }

    private async Task<BrowserSession> OpenScreenAsync(string token)
    {
        var session = await browser.OpenSessionAsync(App().RootUri);
        _sessions.Add(session);
        await session.GotoInteractiveAsync("dinding?token=" + Uri.EscapeDataString(token));
        return session;
    }

    [Fact]
    public async Task A_registered_screen_shows_its_board_without_signing_in_and_fits_the_screen()
    {
        BrowserFixture.RequireChromium();
        await App().RefreshAsync();
        var (_, token) = await RegisterAsync("Dinding utara");
        var session = await OpenScreenAsync(token);
        var page = session.Page;

        Assert.Contains("/dinding", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByTestId("wall-board-title")).ToHaveTextAsync("Kota Malang hari ini");
        await Expect(page.GetByTestId("wall-group-Complaints")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=wall-tile-ADUAN_MASUK] [data-testid=tile-value]")).Not.ToHaveTextAsync("—");
        await Expect(page.GetByTestId("wib-clock")).ToContainTextAsync("WIB");
        // Kiosk: no app bar, no navigation, no sign-in form, no link to click away.
        Assert.Equal(0, await page.Locator("[data-testid=nav], .mud-appbar, form, a[href]").CountAsync());

        foreach (var (width, height) in new[] { (1920, 1080), (3840, 2160) })
        {
            await page.SetViewportSizeAsync(width, height);
            var fits = await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollHeight <= innerHeight + 1 && document.documentElement.scrollWidth <= innerWidth + 1");
            Assert.True(fits, $"the wall scrolls at {width}×{height}");
            // Readable across a room: tile values at least 2.5 % of the screen height.
            var valueHeight = await page.Locator("[data-testid=wall-tile-ADUAN_MASUK] .kpi-tile__number").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e.parentElement).fontSize)");
            Assert.True(valueHeight >= height * 0.025, $"tile value font {valueHeight}px at {width}×{height}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"wall-{width}.png") });
        }

        // Without a token (or with a wrong one) there is no wall, and never the people's sign-in form.
        var anonymous = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App().RootUri.ToString() });
        var other = await anonymous.NewPageAsync();
        var response = await other.GotoAsync("dinding?token=" + WallTokens.NewToken());
        Assert.Equal(401, response!.Status);
        await Expect(other.Locator("#wall-unregistered")).ToBeVisibleAsync();
        await anonymous.CloseAsync();
    }

    [Fact]
    public async Task Revoking_a_screen_stops_the_open_screen_within_a_heartbeat()
    {
        BrowserFixture.RequireChromium();
        var (id, token) = await RegisterAsync("Dinding timur");
        var session = await OpenScreenAsync(token);
        var page = session.Page;
        await Expect(page.GetByTestId("wall")).ToBeVisibleAsync();

        await App().Services.GetRequiredService<WallScreenService>().RevokeAsync(id, "tester", TestContext.Current.CancellationToken);

        await Expect(page.GetByTestId("wall-revoked")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("wall")).ToHaveCountAsync(0);
        var reload = await page.ReloadAsync();
        Assert.Equal(401, reload!.Status);
    }

    [Fact]
    public async Task A_playlist_rotates_and_two_screens_of_it_stay_in_step()
    {
        BrowserFixture.RequireChromium();
        var (_, first) = await RegisterAsync("Dinding A", "kota,aduan,pendapatan", seconds: 10);
        var (_, second) = await RegisterAsync("Dinding B", "kota,aduan,pendapatan", seconds: 10);
        var a = (await OpenScreenAsync(first)).Page;
        var b = (await OpenScreenAsync(second)).Page;

        var start = await a.GetByTestId("wall").GetAttributeAsync("data-step");
        await Expect(a.GetByTestId("wall")).Not.ToHaveAttributeAsync("data-step", start!, new() { Timeout = 15_000 });
        var next = await a.GetByTestId("wall").GetAttributeAsync("data-step");
        string[] order = ["kota", "aduan", "pendapatan"];
        Assert.Equal(order[(Array.IndexOf(order, start) + 1) % 3], next);
        await Expect(a.GetByTestId("wall-steps")).ToContainTextAsync("/3");
        // Both screens follow the server's clock, not their own start time.
        await Expect(b.GetByTestId("wall")).ToHaveAttributeAsync("data-step", next!, new() { Timeout = 3_000 });
    }

    [Fact]
    public async Task Identify_from_the_admin_page_reaches_only_the_chosen_screen()
    {
        BrowserFixture.RequireChromium();
        var (idA, tokenA) = await RegisterAsync("Dinding kiri");
        var (idB, tokenB) = await RegisterAsync("Dinding kanan");
        var a = (await OpenScreenAsync(tokenA)).Page;
        var b = (await OpenScreenAsync(tokenB)).Page;

        var admin = await browser.OpenSessionAsync(App().RootUri);
        _sessions.Add(admin);
        await admin.SignInAsync("/admin/layar");
        var rowA = admin.Page.GetByTestId($"wall-row-{idA}");
        await Expect(rowA).ToHaveAttributeAsync("data-state", "online", new() { Timeout = 15_000 });
        await Expect(admin.Page.GetByTestId($"wall-row-{idB}")).ToHaveAttributeAsync("data-state", "online", new() { Timeout = 15_000 });
        await Expect(rowA.GetByTestId("wall-resolution")).Not.ToHaveTextAsync("—", new() { Timeout = 15_000 });
        await Expect(rowA.GetByTestId("wall-on-screen")).ToHaveTextAsync("Kota Malang hari ini");

        await rowA.GetByTestId("wall-identify").ClickAsync();

        await Expect(a.GetByTestId("wall-identify")).ToContainTextAsync("Dinding kiri");
        await Expect(b.GetByTestId("wall-identify")).ToHaveCountAsync(0);
        // Still only A after a beat of B.
        await b.WaitForTimeoutAsync(2500);
        await Expect(b.GetByTestId("wall-identify")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_administrator_registers_a_screen_and_the_url_shown_once_opens_its_wall()
    {
        BrowserFixture.RequireChromium();
        var admin = await browser.OpenSessionAsync(App().RootUri);
        _sessions.Add(admin);
        await admin.SignInAsync("/admin/layar");
        await admin.Page.GetByTestId("wall-form-name").FillAsync("Dinding lobi");
        var add = admin.Page.GetByTestId("wall-playlist-add");
        await add.SelectOptionAsync("aduan");
        await add.SelectOptionAsync("pendapatan");
        await admin.Page.GetByTestId("wall-playlist-remove").First.ClickAsync();
        await Expect(admin.Page.GetByTestId("wall-playlist-item")).ToHaveCountAsync(2);
        await admin.Page.GetByTestId("wall-form-save").ClickAsync();
        var url = (await admin.Page.GetByTestId("wall-new-url").TextContentAsync())!.Trim();
        var token = new Uri(url).Query.Split("token=")[1];

        // Only the hash is stored.
        var stored = Assert.Single(await App().Services.GetRequiredService<WallScreenService>().ListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(WallTokens.Hash(Uri.UnescapeDataString(token)), stored.TokenHash);
        Assert.Equal("aduan,pendapatan", stored.Boards);

        var screen = await browser.OpenSessionAsync(App().RootUri);
        _sessions.Add(screen);
        await screen.GotoInteractiveAsync(new Uri(url).PathAndQuery.TrimStart('/'));
        await Expect(screen.Page.GetByTestId("wall")).ToBeVisibleAsync();

        // Rotating the token from the admin page stops the old URL on the open screen.
        await admin.Page.GetByTestId($"wall-row-{stored.Id}").GetByTestId("wall-rotate").ClickAsync();
        await Expect(admin.Page.GetByTestId("wall-new-url")).Not.ToHaveTextAsync(url);
        await Expect(screen.Page.GetByTestId("wall-revoked")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task The_admin_page_is_for_administrators_only()
    {
        BrowserFixture.RequireChromium();
        var mayor = await browser.OpenSessionAsync(App().RootUri);
        _sessions.Add(mayor);
        await mayor.SignInAsync("/", user: "walikota");
        await mayor.Page.GotoAsync("admin/layar");

        // A signed-in person without the role is sent to the access-denied page (not back to sign-in).
        Assert.Contains("/ditolak", mayor.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await mayor.Page.GetByTestId("wall-screens").CountAsync());
    }

    [Fact]
    public async Task The_watchdog_reloads_a_screen_that_stopped_receiving_anything()
    {
        BrowserFixture.RequireChromium();
        App(watchdogSeconds: 10);
        var (id, token) = await RegisterAsync("Dinding sunyi");
        var session = await browser.OpenSessionAsync(App().RootUri);
        _sessions.Add(session);
        // The first Blazor connection goes silent on demand (server messages dropped, the socket stays open: a
        // circuit stuck without the framework noticing); later connections pass.
        var connections = 0;
        var silent = false;
        await session.Page.Context.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), ws =>
        {
            var first = Interlocked.Increment(ref connections) == 1;
            var server = ws.ConnectToServer();
            server.OnMessage(frame =>
            {
                if (first && Volatile.Read(ref silent))
                {
                    return;
                }
                if (frame.Binary is { } bytes)
                {
                    ws.Send(bytes);
                }
                else
                {
                    ws.Send(frame.Text ?? "");
                }
            });
        });
        await session.GotoInteractiveAsync("dinding?token=" + Uri.EscapeDataString(token));
        await session.Page.EvaluateAsync("() => { window.__before = true; }");
        // The watchdog runs once the page's module has started (it reports the screen's resolution back).
        var presence = App().Services.GetRequiredService<WallPresence>();
        await Eventually.TrueAsync(() => presence.Of(id) is [{ Resolution: not null }, ..], TimeSpan.FromSeconds(15), "the wall page started its watchdog");

        Volatile.Write(ref silent, true);

        await session.Page.WaitForFunctionAsync("() => window.__before === undefined && document.getElementById('interactive-flag')?.textContent === 'True'",
            null, new() { Timeout = 30_000, PollingInterval = 250 });
        await Expect(session.Page.GetByTestId("wall")).ToBeVisibleAsync();
        Assert.True(connections >= 2);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _sessions)
        {
            await s.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
