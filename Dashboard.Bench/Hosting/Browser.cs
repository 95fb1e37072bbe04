using Dashboard.Web.Auth;
using Microsoft.Playwright;

namespace Dashboard.Bench.Hosting;

/// <summary>Debian's Chromium through Playwright (never Playwright's own download), as the browser tests launch it.</summary>
internal sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        // Many pages of one benchmark stay open at once: none of them may be throttled as a background tab.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Chromium = browser;
    }

    /// <summary>The version of the last Chromium started (for the machine line of the reports).</summary>
    public static string? Version { get; private set; }

    public IBrowser Chromium { get; }

    public static async Task<Browser> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is required at {ChromiumPath} (apt-get install -y chromium).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        Version = browser.Version;
        return new Browser(playwright, browser);
    }

    public Task<IBrowserContext> NewContextAsync(Uri root, int width = 1600, int height = 1000) =>
        Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = root.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height } });

    /// <summary>Signs the context in through the plain sign-in form with a Development demo user.</summary>
    public static async Task SignInAsync(IBrowserContext context, Uri root, string user = "admin")
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/masuk?ReturnUrl=%2F");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", DemoUsers.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(root.ToString());
        await page.CloseAsync();
    }

    /// <summary>Opens <paramref name="path"/> in a new page of the context and waits until its circuit is interactive.</summary>
    public static async Task<IPage> OpenInteractiveAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
        return page;
    }

    public static Task WaitForInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("#interactive-flag")).ToHaveTextAsync("True", new() { Timeout = 60_000 });

    /// <summary>Chromium's used JS heap of the page after a forced garbage collection.</summary>
    public static async Task<double> HeapBytesAsync(ICDPSession cdp)
    {
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var usage = await cdp.SendAsync("Runtime.getHeapUsage");
        return usage!.Value.GetProperty("usedSize").GetDouble();
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
