using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Browser;

/// <summary>One app with complaints, staffing and revenue refreshed: the sources with an agency dimension.</summary>
public sealed class AgencyDataDashboardFixture : LazyDashboardFixture
{
    public static readonly string[] Sources = ["Complaints", "Staffing", "Revenue"];

    protected override async Task<DashboardFactory> CreateAsync()
    {
        var app = new DashboardFactory();
        foreach (var source in Sources)
        {
            var run = await app.RefreshAsync(source);
            if (run.Status != Dashboard.Ingest.Reporting.IngestRunStatus.Succeeded)
            {
                await app.DisposeAsync();
                throw new InvalidOperationException($"The first {source} refresh ended {run.Status}: {run.Error}");
            }
        }
        return app;
    }
}

/// <summary>
/// Signed in as the Dishub head, a browser follows every link and tile of every page he can reach, and every download
/// its export menus offer: none leads to a refusal (<c>/ditolak</c>, 403, a refusal in place) or to a redirect (a link
/// he was shown but may not follow is one the scope rule moves elsewhere).
/// </summary>
public sealed partial class AgencyHeadWalkTests(BrowserFixture browser, AgencyDataDashboardFixture dashboard)
    : IClassFixture<BrowserFixture>, IClassFixture<AgencyDataDashboardFixture>, IAsyncLifetime
{
    /// <summary>
    /// Links that differ only in the value of a query parameter (an indicator page per agency and period) are many; the
    /// page behind each shape is read for its links, and this many of each shape are followed.
    /// </summary>
    private const int PerShape = 4;

    /// <summary>What a page refusing in place shows.</summary>
    private static readonly string[] Refusals = ["indicator-refused", "brief-refused", "home-refused"];

    /// <summary>Links that are actions, not pages (signing out, the language switch).</summary>
    private static readonly string[] NotPages = ["/keluar", "/culture/set"];

    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task DishubHead_FollowsEveryLinkTileAndDownload_AndIsNeverRefused()
    {
        BrowserFixture.RequireChromium();
        var app = await dashboard.StartAsync();
        _session = await browser.OpenSessionAsync(app.RootUri);
        var page = _session.Page;

        // The landing page after sign-in is the agency's home.
        await page.GotoAsync("/masuk");
        await page.FillAsync("#username", "dishub");
        await page.FillAsync("#password", Dashboard.Web.Auth.DemoUsers.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(new Uri(app.RootUri, "opd/DISHUB").ToString());
        await _session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid='home-source-Complaints']")).ToBeVisibleAsync();

        var seen = new HashSet<string>(StringComparer.Ordinal) { "/opd/DISHUB" };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        var pages = new List<string>();
        var circuits = new List<string>();
        var problems = new List<string>();
        var followed = 0;
        queue.Enqueue(("/opd/DISHUB", "sign-in"));
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            followed++;
            var body = response.Status == 200 ? await response.TextAsync() : "";
            if (response.Status != 200)
            {
                problems.Add($"{url} (linked from {from}): HTTP {response.Status} {response.Headers.GetValueOrDefault("location")}");
                continue;
            }
            if (Refusals.FirstOrDefault(r => body.Contains($"data-testid=\"{r}\"", StringComparison.Ordinal)) is { } refusal)
            {
                problems.Add($"{url} (linked from {from}): refused in place ({refusal})");
                continue;
            }
            if (!(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }
            pages.Add(url);
            if (body.Contains("id=\"interactive-flag\"", StringComparison.Ordinal))
            {
                circuits.Add(url);
            }
            foreach (var link in Links(body))
            {
                var shape = Shape(link);
                if (seen.Add(link) && (shapes[shape] = shapes.GetValueOrDefault(shape) + 1) <= PerShape)
                {
                    queue.Enqueue((link, url));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Downloads sit in menus drawn only in the browser: open each menu of each Blazor page (one page per path).
        var downloads = 0;
        foreach (var path in circuits.Where(p => !p.StartsWith("/indikator/", StringComparison.Ordinal)).DistinctBy(p => p.Split('?')[0]))
        {
            await _session.GotoInteractiveAsync(path);
            Assert.DoesNotContain("/ditolak", page.Url, StringComparison.Ordinal);
            var menus = page.Locator(".export-menu button");
            for (var i = 0; i < await menus.CountAsync(); i++)
            {
                await menus.Nth(i).ClickAsync();
                var items = page.Locator(".mud-popover-open a[download]");
                await Expect(items.First).ToBeVisibleAsync();
                foreach (var href in await items.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                {
                    var file = await page.APIRequest.GetAsync(href, new() { MaxRedirects = 0 });
                    downloads++;
                    if (file.Status != 200)
                    {
                        problems.Add($"{href} (download on {path}): HTTP {file.Status}");
                    }
                }
                // The menu's button toggles it closed again.
                await menus.Nth(i).ClickAsync(new() { Force = true });
                await Expect(page.Locator(".mud-popover-open a[download]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{pages.Count} pages read, {followed} links followed, {downloads} downloads, {seen.Count} distinct links seen");
        Assert.Empty(problems);
        // The walk reached every domain page, the briefs and the indicator pages.
        foreach (var domain in Dashboard.Web.Features.DomainRegistry.All)
        {
            Assert.Contains(pages, p => p.Split('?')[0] == "/" + domain.Route);
        }
        Assert.Contains("/ringkasan-opd/DISHUB", pages);
        Assert.Contains(pages, p => p.StartsWith("/indikator/", StringComparison.Ordinal) && p.Contains("opd=DISHUB", StringComparison.Ordinal));
        Assert.True(downloads > 0, "no download was offered on his own agency's pages");
    }

    /// <summary>The same-site page links of <paramref name="html"/>, as absolute paths (the app's base is <c>/</c>).</summary>
    private static IEnumerable<string> Links(string html)
    {
        foreach (Match m in Href().Matches(html))
        {
            var href = WebUtility.HtmlDecode(m.Groups[1].Value);
            if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("data:", StringComparison.Ordinal)
                || href.Contains("://", StringComparison.Ordinal) || href.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            var path = href.StartsWith('/') ? href : "/" + href;
            if (NotPages.Any(p => path.StartsWith(p, StringComparison.Ordinal)) || path.StartsWith("/_", StringComparison.Ordinal)
                || path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal)
                || path.EndsWith(".png", StringComparison.Ordinal) || path.EndsWith(".ico", StringComparison.Ordinal)
                || path.EndsWith(".svg", StringComparison.Ordinal) || path.EndsWith(".woff2", StringComparison.Ordinal))
            {
                continue;
            }
            yield return path;
        }
    }

    /// <summary>A link's path and the names of its query parameters (an indicator's code is part of its path).</summary>
    private static string Shape(string link)
    {
        var parts = link.Split('?', 2);
        var names = parts.Length == 1 ? "" : string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        return parts[0] + "?" + names;
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }

    [GeneratedRegex("<a\\b[^>]*?\\shref=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
