using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.FollowUps;

/// <summary>
/// The evaluation meeting in Chromium: the mayor steps through the agencies with the keyboard, turns a decision into a
/// follow-up of Dishub, and the head of Dishub, signed in in another browser context, sees it arrive on his follow-up page
/// without a reload, marks it done, and the presenter's screen shows it done.
/// </summary>
public sealed class MeetingBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private DashboardFactory? _app;
    private BrowserSession? _mayor;
    private BrowserSession? _head;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_decision_in_the_meeting_reaches_the_heads_open_page_live()
    {
        BrowserFixture.RequireChromium();
        var clock = new WorkingMorningClock();
        _app = new DashboardFactory(clock: clock);
        Assert.Equal(IngestRunStatus.Succeeded, (await _app.RefreshAsync()).Status);
        await using (var db = await _app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            // Dishub off target on its own complaint compliance (the simulators give it no certain status).
            db.IndicatorSnapshots.Where(s => s.IndicatorCode == ComplaintsIndicators.Codes.OpdCompliancePct && s.ScopeCode == "DISHUB").ExecuteDelete();
            db.IndicatorSnapshots.Add(new IndicatorSnapshot
            {
                IndicatorCode = ComplaintsIndicators.Codes.OpdCompliancePct, ScopeCode = "DISHUB", ScopeKind = ScopeKind.Opd,
                AsOf = Dashboard.Ingest.Shared.Wib.DateOf(clock.GetUtcNow()), Value = 40, ComputedAt = clock.GetUtcNow(),
            });
            // Last week's meeting: the presenter compares with the values of that day.
            db.Add(new EvaluationMeeting
            {
                Date = Dashboard.Ingest.Shared.Wib.DateOf(clock.GetUtcNow()).AddDays(-7), StartedAt = clock.GetUtcNow().AddDays(-7),
                EndedAt = clock.GetUtcNow().AddDays(-7).AddHours(1), StartedBy = "walikota",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        _head = await browser.OpenSessionAsync(_app.RootUri);
        await _head.SignInAsync("/tindak-lanjut", "dishub");
        var head = _head.Page;
        await Expect(head.Locator("[data-testid=followups-empty]")).ToBeVisibleAsync();
        await head.EvaluateAsync("() => window.__marker = 1");

        _mayor = await browser.OpenSessionAsync(_app.RootUri);
        await _mayor.Page.SetViewportSizeAsync(1920, 1080);
        await _mayor.SignInAsync("/rapat", "walikota");
        var mayor = _mayor.Page;
        await Expect(mayor.Locator("[data-testid=meeting-agenda-DISHUB]")).ToBeVisibleAsync();
        await mayor.ClickAsync("[data-testid=meeting-start]");
        await Expect(mayor.Locator("[data-testid=meeting-decision]")).ToBeVisibleAsync();

        // Step with the keyboard until Dishub is on screen: one agency a key press, in agenda order.
        var agenda = await mayor.Locator("[data-testid=meeting-agenda] button").AllTextContentsAsync();
        var target = agenda.ToList().FindIndex(t => t.TrimStart().StartsWith("DISHUB ", StringComparison.Ordinal));
        Assert.True(target >= 0, string.Join(" | ", agenda));
        var seen = new List<string>();
        for (var i = 0; i < target; i++)
        {
            var before = await mayor.Locator("[data-testid=meeting-agency]").GetAttributeAsync("data-opd");
            seen.Add(before!);
            await mayor.Locator("[data-testid=meeting]").PressAsync("ArrowRight");
            await Expect(mayor.Locator("[data-testid=meeting-agency]")).Not.ToHaveAttributeAsync("data-opd", before!);
        }
        await Expect(mayor.Locator("[data-testid=meeting-agency]")).ToHaveAttributeAsync("data-opd", "DISHUB");
        await Expect(mayor.Locator("[data-testid=meeting-step]")).ToHaveTextAsync($"{target + 1}/{agenda.Count}");
        output.WriteLine("Stepped through: " + string.Join(", ", seen) + " → DISHUB");
        await mayor.Locator("[data-testid=meeting]").PressAsync("ArrowLeft");
        await Expect(mayor.Locator("[data-testid=meeting-agency]")).Not.ToHaveAttributeAsync("data-opd", "DISHUB");
        await mayor.Locator("[data-testid=meeting]").PressAsync("ArrowRight");
        await Expect(mayor.Locator("[data-testid=meeting-agency]")).ToHaveAttributeAsync("data-opd", "DISHUB");

        await mayor.Locator($"[data-testid=meeting-indicator][data-code={ComplaintsIndicators.Codes.OpdCompliancePct}] [data-testid=meeting-pick]").CheckAsync();
        await mayor.FillAsync("[data-testid=meeting-decision-text]", "Dishub menuntaskan aduan parkir liar sebelum rapat berikutnya");
        await mayor.ClickAsync("[data-testid=meeting-decision-submit]");
        await Expect(mayor.Locator("[data-testid=meeting-followup]")).ToHaveCountAsync(1);
        await mayor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "rapat.png") });

        // The head's open page shows it, without a reload.
        var row = head.Locator("[data-testid=followup-row]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-testid=followup-expected-text]")).ToHaveTextAsync("Dishub menuntaskan aduan parkir liar sebelum rapat berikutnya");
        Assert.Equal(1, await head.EvaluateAsync<int>("() => window.__marker"));

        // He marks it done with a note; the presenter's screen follows.
        await row.Locator("[data-testid=followup-done]").ClickAsync();
        await head.FillAsync("[data-testid=followup-note]", "Penertiban 3 titik parkir, 14 aduan ditutup");
        await head.ClickAsync("[data-testid=followup-note-submit]");
        await Expect(row).ToHaveAttributeAsync("data-status", "Done");
        await Expect(mayor.Locator("[data-testid=meeting-followup]")).ToHaveAttributeAsync("data-status", "Done");

        await using var check = await _app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var item = await check.Set<FollowUp>().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("DISHUB", FollowUpStatus.Done, "walikota", ComplaintsIndicators.Codes.OpdCompliancePct), (item.Opd, item.Status, item.AssignedBy, item.IndicatorCodes));
        Assert.NotNull(item.MeetingId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_mayor is not null)
        {
            await _mayor.DisposeAsync();
        }
        if (_head is not null)
        {
            await _head.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
