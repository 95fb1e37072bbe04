using System.Collections.Concurrent;
using Dashboard.Web.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// One browser context and page of a test: signs in through the plain sign-in form, waits until the Blazor
/// circuit is interactive (clicks on prerendered HTML are lost), records console errors and failed requests,
/// and on disposal after a failed test saves a screenshot to
/// <c>TestResults/screenshots/&lt;class&gt;.&lt;test&gt;.png</c> in the solution folder.
/// Dispose it from the test class's <c>DisposeAsync</c>: xunit only knows the test's outcome by then.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>First load of a circuit in a cold test process (JIT, MudBlazor, first query) can take seconds.</summary>
    public const float InteractiveTimeoutMs = 30_000;

    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _failedRequests = new();

    internal BrowserSession(IBrowserContext context, IPage page, Uri root)
    {
        _context = context;
        Page = page;
        Root = root;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Enqueue($"{message.Text} ({message.Location})");
            }
        };
        page.RequestFailed += (_, request) => _failedRequests.Enqueue($"{request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _failedRequests.Enqueue($"{response.Request.Method} {response.Url}: HTTP {response.Status}");
            }
        };
    }

    public IPage Page { get; }

    public Uri Root { get; }

    /// <summary>Console messages of type error so far, with their source location.</summary>
    public IReadOnlyList<string> ConsoleErrors => [.. _consoleErrors];

    /// <summary>Requests that failed at the network level or answered 400 or above, so far.</summary>
    public IReadOnlyList<string> FailedRequests => [.. _failedRequests];

    /// <summary>
    /// Signs in through <c>/masuk</c> with a Development demo user, lands on <paramref name="path"/> (the form's
    /// ReturnUrl) and waits until its circuit is interactive.
    /// </summary>
    public async Task SignInAsync(string path = "/", string user = "admin")
    {
        await Page.GotoAsync("/masuk?ReturnUrl=" + Uri.EscapeDataString(path));
        await Page.FillAsync("#username", user);
        await Page.FillAsync("#password", DemoUsers.Password);
        await Page.ClickAsync("#sign-in");
        await Page.WaitForURLAsync(new Uri(Root, path).ToString());
        await WaitForInteractiveAsync();
    }

    /// <summary>Opens <paramref name="path"/> and waits until its circuit is interactive.</summary>
    public async Task GotoInteractiveAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    /// <summary>Waits for the layout's <c>#interactive-flag</c> (<c>@RendererInfo.IsInteractive</c>) to read True.</summary>
    public Task WaitForInteractiveAsync() =>
        Expect(Page.Locator("#interactive-flag")).ToHaveTextAsync("True", new() { Timeout = InteractiveTimeoutMs });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (TestContext.Current.TestState?.Result == TestResult.Failed)
            {
                await SaveDiagnosticsAsync();
            }
        }
        finally
        {
            await _context.CloseAsync();
        }
    }

    private async Task SaveDiagnosticsAsync()
    {
        var output = TestContext.Current.TestOutputHelper;
        var test = $"{TestContext.Current.TestClass?.TestClassSimpleName}.{TestContext.Current.TestMethod?.MethodName}";
        var directory = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, string.Concat(test.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)) + ".png");
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            output?.WriteLine($"Screenshot of the failed test: {file} (page {Page.Url})");
        }
        catch (PlaywrightException ex)
        {
            output?.WriteLine($"No screenshot: {ex.Message}");
        }
        foreach (var error in ConsoleErrors)
        {
            output?.WriteLine($"console error: {error}");
        }
        foreach (var request in FailedRequests)
        {
            output?.WriteLine($"failed request: {request}");
        }
    }

    // The solution's folder (TestResults/ there is gitignored); the test binaries' folder when run elsewhere.
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
