using Microsoft.Playwright;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download). Outside CI a machine
/// without Chromium skips browser tests with the reason; under <c>CI=true</c> it fails them.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>Call first in every browser test.</summary>
    public static void Require()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }
        const string install = "apt-get install -y chromium";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"Chromium is required under CI=true but {ExecutablePath} is absent: {install}");
        }
        Assert.Skip($"Chromium is not installed ({ExecutablePath}); browser tests skipped. Install: {install}");
    }

    /// <summary>A fresh browser context signed in as <paramref name="user"/> on the app at <paramref name="root"/>.</summary>
    public async Task<IPage> SignedInPageAsync(Uri root, string user = "admin")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(root, "masuk").ToString());
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Auth.DemoUsersPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Opens a page and waits until the Blazor circuit is interactive (clicks before that are lost).</summary>
    public static async Task GotoInteractiveAsync(IPage page, Uri url)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(url.ToString());
        await Assertions.Expect(page.Locator("#interactive-flag")).ToHaveTextAsync("True", new() { Timeout = 30_000 });
    }

    /// <summary>Saves a screenshot for a failing test under TestResults/screenshots.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }

    private static class Auth
    {
        public const string DemoUsersPassword = Dashboard.Web.Auth.DemoUsers.Password;
    }
}
