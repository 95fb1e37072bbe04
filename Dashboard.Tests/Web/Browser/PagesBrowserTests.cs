using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.Tests.Web.Browser;

public sealed class PagesBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task SignedOut_TheOverviewRedirectsToSignIn()
    {
        Chromium.Require();
        await using var app = new DashboardFactory();
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.RootUri.ToString());

        Assert.Contains("/masuk", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task ComplaintsPage_RendersChartsAndLeague_WithoutConsoleErrors_AndSwitchesToEnglish()
    {
        Chromium.Require();
        await using var app = new DashboardFactory();
        await app.RefreshAsync();
        var page = await chromium.SignedInPageAsync(app.RootUri);
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.RequestFailed += (_, r) => errors.Add($"request failed: {r.Url}");
        try
        {
            await Chromium.GotoInteractiveAsync(page, new Uri(app.RootUri, "aduan"));

            await Assertions.Expect(page.Locator(".apex-chart .apexcharts-canvas").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Assert.True(await page.Locator("[data-testid^=league-]").CountAsync() > 5);
            await Assertions.Expect(page.Locator("[data-testid=tile-ADUAN_MASUK]")).ToContainTextAsync("Jumlah aduan masuk");

            await page.ClickAsync("[data-testid=lang-en]");
            await Assertions.Expect(page.Locator("[data-testid=tile-ADUAN_MASUK]")).ToContainTextAsync("Complaints received", new() { Timeout = 15_000 });
            Assert.Empty(errors);
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, nameof(ComplaintsPage_RendersChartsAndLeague_WithoutConsoleErrors_AndSwitchesToEnglish));
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
