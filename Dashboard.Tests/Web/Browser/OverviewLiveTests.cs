using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Simulators.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Browser;

/// <summary>
/// The walking skeleton's acceptance test: complaints submitted at the source reach an open, signed-in overview
/// after a refresh, through the live push, without the page reloading.
/// </summary>
public sealed class OverviewLiveTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string ReceivedTodayValue = "[data-testid='tile-ADUAN_MASUK'] [data-testid='tile-value']";

    // Records every text the tile's value shows from now on, with the browser's wall-clock time (ms since the
    // epoch, the same clock as the ledger's timestamps on this machine), and marks the document: a reload
    // would lose both.
    private const string WatchTileScript = """
        selector => {
            window.__marker = 1;
            window.__tileChanges = [];
            let last = document.querySelector(selector).textContent.trim();
            new MutationObserver(() => {
                const text = document.querySelector(selector)?.textContent.trim();
                if (text !== undefined && text !== last) {
                    last = text;
                    window.__tileChanges.push({ text, at: Date.now() });
                }
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private DashboardFactory? _app;
    private BrowserSession? _session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task NewComplaints_AppearOnTheOpenOverview_WithoutAReload()
    {
        BrowserFixture.RequireChromium();
        // A working morning: both refreshes fall on the same WIB day, so "today's" count only grows.
        var clock = new WorkingMorningClock();
        _app = new DashboardFactory(clock: clock);
        var first = await _app.RefreshAsync();
        Assert.Equal(IngestRunStatus.Succeeded, first.Status);
        _session = await browser.OpenSessionAsync(_app.RootUri);
        var page = _session.Page;
        await _session.SignInAsync("/");

        var value = page.Locator(ReceivedTodayValue);
        var before = ParseCount(await value.TextContentAsync());
        await page.EvaluateAsync(WatchTileScript, ReceivedTodayValue);

        var generated = _app.Services.GetRequiredService<ComplaintsSimulator>().Generate(5);
        var run = await _app.RefreshAsync();
        var returned = Stopwatch.StartNew();
        var returnedAt = TimeProvider.System.GetUtcNow();

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        await using (var db = await _app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(generated.Count, await db.Set<Complaint>().CountAsync(c => generated.Contains(c.Id), TestContext.Current.CancellationToken));
        }
        // The simulator also keeps its calibrated arrivals (about 15 a day, all submitted "now"): one may land
        // between the two refreshes. The ledger counts them; they are today's complaints too.
        var natural = run.Inserted - generated.Count;
        Assert.True(natural >= 0, $"run {run.Id} inserted {run.Inserted} complaints, fewer than the {generated.Count} generated");
        var expected = (before + generated.Count + natural).ToString("N0", Indonesian);

        await Expect(value).ToHaveTextAsync(expected, new() { Timeout = 5_000 });
        var shownAfter = returned.Elapsed;

        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__marker"));
        var changes = await page.EvaluateAsync<JsonElement>("() => window.__tileChanges");
        var firstChange = changes.EnumerateArray().First();
        Assert.Equal(expected, firstChange.GetProperty("text").GetString());
        var shownAt = DateTimeOffset.FromUnixTimeMilliseconds((long)firstChange.GetProperty("at").GetDouble());

        output.WriteLine($"ADUAN_MASUK {before} -> {expected} (+{generated.Count} generated, +{natural} arrived by themselves), no reload");
        var committedAt = clock.ToSystem(run.FinishedAt!.Value);
        output.WriteLine($"run {run.Id} committed {committedAt:HH:mm:ss.fff} UTC; tile changed in the browser " +
                         $"{(shownAt - committedAt).TotalMilliseconds:0} ms after the commit, " +
                         $"{(shownAt - returnedAt).TotalMilliseconds:0} ms after RefreshAsync returned " +
                         $"(Playwright saw it after {shownAfter.TotalMilliseconds:0} ms)");
    }

    private static int ParseCount(string? text) =>
        int.Parse(text?.Trim() ?? "", NumberStyles.AllowThousands, Indonesian);

    public async ValueTask DisposeAsync()
    {
        // The session first: its failure screenshot needs the app still running.
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
