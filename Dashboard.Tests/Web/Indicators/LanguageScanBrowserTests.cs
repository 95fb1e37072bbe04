using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Shared.Localization;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Indicators;

/// <summary>
/// Every page in Indonesian, then after switching to English with the header's language switch: no text key fell
/// through (the localizer shows a missing key as the key itself, so a key, or any dotted token starting with a key's
/// prefix, in the rendered text is an untranslated string). Every source is refreshed first so that the pages show data.
/// </summary>
public sealed partial class LanguageScanBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string[] Routes =
    [
        "/", "/aduan?wilayah=35.73.02", "/operasi", .. Dashboard.Web.Features.DomainRegistry.All.Select(d => "/" + d.Route),
        "/indikator/ADUAN_TL_5HK_PCT", "/indikator/ADUAN_TL_5HK_PCT?wilayah=35.73.02.1007&periode=apbd", "/indikator/PAJAK_REALISASI_PCT?periode=12b",
        "/ringkasan-opd", "/ringkasan-opd/DISKOMINFO", "/ringkasan-opd/BAPENDA",
    ];

    private DashboardFactory? _app;
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Every key of the Indonesian text tables (shared and features); English has the same keys (a unit test checks).</summary>
    private static HashSet<string> Keys()
    {
        var assembly = typeof(JsonStringLocalizerFactory).Assembly;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Dashboard.Web.Localization.", StringComparison.Ordinal) && (n.EndsWith(".id.json", StringComparison.Ordinal))))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            keys.UnionWith(JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.Keys);
        }
        return keys;
    }

    [Fact]
    public async Task No_page_shows_a_text_key_in_indonesian_or_english()
    {
        BrowserFixture.RequireChromium();
        var keys = Keys();
        Assert.True(keys.Count > 100, $"only {keys.Count} keys found");
        var prefixes = keys.Select(k => k.Split('.')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        var token = new Regex(@"(?<![\w./-])(?:" + string.Join('|', prefixes.Select(Regex.Escape)) + @")\.[A-Za-z0-9_.]*[A-Za-z0-9_]", RegexOptions.CultureInvariant);

        // The scan finds a key that fell through, also one built at run time, and leaves file names and URLs alone.
        Assert.Matches(token, "Status: indicator.run.Unknown");
        Assert.DoesNotMatch(token, "adu-tl.csv https://x.go.id/status.html 78,4 % status.");

        _app = new DashboardFactory();
        foreach (var source in _app.Services.GetServices<IIngestSource>())
        {
            Assert.Equal(IngestRunStatus.Succeeded, (await _app.RefreshAsync(source.Name)).Status);
        }
        _session = await browser.OpenSessionAsync(_app.RootUri);
        var page = _session.Page;
        await _session.SignInAsync("/");

        var problems = new List<string>();
        foreach (var language in new[] { "id", "en" })
        {
            if (language == "en")
            {
                await page.ClickAsync("[data-testid=lang-en]");
                await _session.WaitForInteractiveAsync();
            }
            await Expect(page.Locator($"[data-testid=lang-{language}]")).ToHaveAttributeAsync("aria-pressed", "true");
            foreach (var route in Routes)
            {
                await _session.GotoInteractiveAsync(route);
                // Pages show a progress bar until their first query is back.
                await Expect(page.Locator(".mud-main-content .mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
                var text = await page.InnerTextAsync("body");
                var title = await page.TitleAsync();
                var found = token.Matches(text + "\n" + title).Select(m => m.Value).Distinct().ToList();
                output.WriteLine($"{language} {route}: {text.Length} chars, {found.Count} keys");
                problems.AddRange(found.Select(f => $"{language} {route}: {f}"));
            }
        }
        Assert.True(problems.Count == 0, "Untranslated keys:\n" + string.Join('\n', problems));
        Assert.True(_session.ConsoleErrors.Count == 0, string.Join(" | ", _session.ConsoleErrors));
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
    }
}
