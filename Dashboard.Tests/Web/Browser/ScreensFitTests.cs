using System.Globalization;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features;
using Dashboard.Web.Features.Walls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Browser;

/// <summary>
/// Screens that fit, measured in Chromium on one shared host (one complaint refresh: the other domains' tiles carry
/// their longest "no data yet" text, the tallest a tile gets): the overview on a full-HD desk, every page on a phone,
/// the wall's headers and axis type, the drill-down's scroll position and the remembered dark theme.
/// </summary>
public sealed class ScreensFitTests(BrowserFixture browser, RefreshedDashboardFixture dashboard)
    : IClassFixture<BrowserFixture>, IClassFixture<RefreshedDashboardFixture>, IAsyncLifetime
{
    private readonly List<BrowserSession> _sessions = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Overview_at_1920x1080_fits_the_first_screen_in_both_themes()
    {
        var session = await OpenAsync(1920, 1080);
        await session.SignInAsync("/", user: "walikota");
        var page = session.Page;
        await Expect(page.GetByTestId("overview-grid")).ToBeVisibleAsync();

        await AssertNoVerticalScrollAsync(page, "light");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.Locator(".dashboard-layout--wall")).ToBeVisibleAsync();
        await AssertNoVerticalScrollAsync(page, "dark");

        // The grid uses the width: the rightmost tile ends in the last fifth of the screen.
        var right = await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('.kpi-tile')].map(t => t.getBoundingClientRect().right))");
        Assert.True(right > 1920 * 0.8, $"the tiles end at {right} px of 1920");
        await page.GetByTestId("theme-toggle").ClickAsync();
    }

    [Fact]
    public async Task Every_page_fits_a_390px_phone_and_sign_out_is_in_the_side_menu()
    {
        var session = await OpenAsync(390, 844);
        await session.SignInAsync("/");
        var page = session.Page;
        string[] paths = ["/", .. DomainRegistry.All.Select(d => "/" + d.Route), "/operasi", "/admin/layar", "/admin/pengguna"];
        foreach (var path in paths)
        {
            await session.GotoInteractiveAsync(path.TrimStart('/'));
            var widths = await page.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.querySelector('.mud-appbar .mud-toolbar').scrollWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a {widths[1]} px phone");
            Assert.True(widths[2] <= widths[1], $"{path}: the app bar is {widths[2]} px wide on a {widths[1]} px phone");
        }

        await page.GetByLabel("Buka/tutup menu").ClickAsync();
        var signOut = page.GetByTestId("nav-sign-out");
        await Expect(signOut).ToBeInViewportAsync();
        await Expect(page.GetByTestId("nav-change-password")).ToBeInViewportAsync();
        await signOut.ClickAsync();
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wall_at_1920x1080_cuts_no_header_and_its_axis_type_is_at_least_16px()
    {
        var app = await dashboard.StartAsync();
        var (_, token) = await app.Services.GetRequiredService<WallScreenService>().CreateAsync(
            new WallScreenInput("Ruang komando", "Balai Kota", [WallBoards.Overview], false, 60, WallTheme.Dark, null, null),
            "tester", TestContext.Current.CancellationToken);
        var (_, domainToken) = await app.Services.GetRequiredService<WallScreenService>().CreateAsync(
            new WallScreenInput("Aduan", null, ["aduan"], false, 60, WallTheme.Dark, null, null), "tester", TestContext.Current.CancellationToken);

        var session = await OpenAsync(1920, 1080);
        var page = session.Page;
        await session.GotoInteractiveAsync($"dinding?token={Uri.EscapeDataString(token)}");
        await Expect(page.GetByTestId("wall")).ToBeVisibleAsync();
        Assert.Empty(await CutHeadersAsync(page));

        await session.GotoInteractiveAsync($"dinding?token={Uri.EscapeDataString(domainToken)}");
        await Expect(page.Locator(".apexcharts-yaxis-label").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Empty(await CutHeadersAsync(page));
        var sizes = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('.apexcharts-xaxis-label, .apexcharts-yaxis-label')].map(e => parseFloat(getComputedStyle(e).fontSize))");
        Assert.NotEmpty(sizes);
        Assert.All(sizes, size => Assert.True(size >= 16, $"an axis label is {size} px"));
        // Counts start at zero.
        var lowest = await page.Locator(".apexcharts-yaxis-label tspan").Last.TextContentAsync();
        Assert.Equal("0", lowest?.Trim());
    }

    [Fact]
    public async Task Choosing_a_kecamatan_lands_at_the_top_and_the_city_wide_table_says_so()
    {
        var session = await OpenAsync(1366, 768);
        await session.SignInAsync("/aduan");
        var page = session.Page;
        var link = page.Locator("[data-testid='regions'] tbody a").First;
        await link.ScrollIntoViewIfNeededAsync();
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 300, "the regions table is further down the page");

        await link.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("wilayah="));
        await Expect(page.GetByTestId("league-citywide")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.scrollY === 0", null, new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task The_dark_theme_is_remembered_across_a_reload_and_a_new_tab()
    {
        var session = await OpenAsync(1366, 768);
        await session.SignInAsync("/", user: "operator");
        var page = session.Page;
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.Locator(".dashboard-layout--wall")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator(".dashboard-layout--wall")).ToBeVisibleAsync();

        var tab = await page.Context.NewPageAsync();
        await tab.GotoAsync("operasi");
        await Expect(tab.Locator(".dashboard-layout--wall")).ToBeVisibleAsync();
        await tab.CloseAsync();

        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.Locator(".dashboard-layout--wall")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator(".dashboard-layout--wall")).ToHaveCountAsync(0);
    }

    private static async Task AssertNoVerticalScrollAsync(IPage page, string theme)
    {
        var heights = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollHeight, document.documentElement.clientHeight]");
        Assert.True(heights[0] <= heights[1], string.Create(CultureInfo.InvariantCulture, $"{theme}: the overview is {heights[0]} px tall on a {heights[1]} px screen"));
    }

    private static Task<string[]> CutHeadersAsync(IPage page) => page.EvaluateAsync<string[]>(
        "() => [...document.querySelectorAll('h1, h2, h3, th')].filter(e => e.scrollWidth > e.clientWidth).map(e => e.textContent.trim())");

    private async Task<BrowserSession> OpenAsync(int width, int height)
    {
        BrowserFixture.RequireChromium();
        var app = await dashboard.StartAsync();
        var session = await browser.OpenSessionAsync(app.RootUri);
        _sessions.Add(session);
        await session.Page.SetViewportSizeAsync(width, height);
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }
    }
}
