using Microsoft.Playwright;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright, launched once per test class (<c>IClassFixture&lt;BrowserFixture&gt;</c>);
/// each test gets its own isolated context through <see cref="OpenSessionAsync"/>. Playwright's own browser
/// download is never used. Without <see cref="ChromiumPath"/> the tests are skipped with the reason, or fail
/// when <c>CI=true</c>: a CI machine that silently skips its browser tests proves nothing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string Install = "apt-get install -y chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!IsChromiumInstalled)
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    private static bool IsChromiumInstalled => File.Exists(ChromiumPath);

    /// <summary>
    /// Skips the calling test when Chromium is absent, or fails it under <c>CI=true</c>. Call it first, before
    /// starting anything expensive.
    /// </summary>
    public static void RequireChromium()
    {
        if (IsChromiumInstalled)
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"Chromium is required under CI=true: {Install} ({ChromiumPath} is missing).");
        }
        Assert.Skip($"Browser test skipped: Chromium is not installed at {ChromiumPath} ({Install}).");
    }

    /// <summary>A fresh browser context (own cookies, own language) with one page on the app at <paramref name="root"/>.</summary>
    public async Task<BrowserSession> OpenSessionAsync(Uri root)
    {
        ArgumentNullException.ThrowIfNull(root);
        RequireChromium();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = root.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, root);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
