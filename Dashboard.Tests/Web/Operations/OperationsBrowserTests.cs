using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Simulators.Letters;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Web.Operations;

/// <summary>An operator's morning in a real browser: refresh with a reason, see it in the history, pause with an end, acknowledge an alert.</summary>
public sealed class OperationsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Operator_refreshes_with_a_reason_pauses_with_an_end_and_acknowledges_an_alert()
    {
        BrowserFixture.RequireChromium();
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Sources:Simulator:HistoryDays"] = "7",
            ["Alerts:FailedRuns"] = "1",
        });
        _ = app.RootUri;
        app.Services.GetRequiredService<Dashboard.Simulators.Letters.LettersSimulator>().Faults.ServerError(50, 503);
        var failed = await app.RefreshAsync("Letters");
        Assert.Equal(IngestRunStatus.Failed, failed.Status);
        await app.Services.GetRequiredService<AlertMonitor>().EvaluateAsync(TestContext.Current.CancellationToken);

        await using var session = await browser.OpenSessionAsync(app.RootUri);
        var page = session.Page;
        await session.SignInAsync("/operasi", "operator");

        // A year whose days off nobody entered is named at the top (next year from October, or the current year).
        int? uncovered;
        await using (var calendarDb = await app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            uncovered = await WorkingCalendars.UncoveredYearAsync(calendarDb, Wib.Today(TimeProvider.System), TestContext.Current.CancellationToken);
        }
        var notice = page.Locator("[data-testid='calendar-missing-year']");
        if (uncovered is { } year)
        {
            await Expect(notice).ToContainTextAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // The operator may not edit the calendar: no link to the administrators' page.
            await Expect(notice.Locator("[data-testid='calendar-missing-year-link']")).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(notice).ToHaveCountAsync(0);
        }

        // Refresh now, with a reason; it lands in the history with who and why.
        var complaints = page.Locator("[data-testid='ops-source-Complaints']");
        await complaints.Locator("[data-testid='refresh-button']").ClickAsync();
        await page.FillAsync("[data-testid='refresh-reason']", "Rapat pimpinan jam 9");
        await page.ClickAsync("[data-testid='refresh-submit']");
        await Expect(complaints).ToHaveAttributeAsync("data-health", "Healthy", new() { Timeout = 60_000 });
        await complaints.ClickAsync();
        var manual = page.Locator("[data-testid='ops-runs'] tbody tr", new() { HasText = "Rapat pimpinan jam 9" });
        await Expect(manual).ToContainTextAsync("operator");
        await Expect(manual).ToHaveAttributeAsync("data-status", "Succeeded");

        // Pause for one hour, then resume.
        await complaints.Locator("[data-testid='pause-button']").ClickAsync();
        await page.FillAsync("[data-testid='pause-reason']", "Perawatan server SAMBAT");
        await page.ClickAsync("[data-testid='pause-duration']");
        await page.ClickAsync(".mud-popover-open .mud-list-item >> text=1 jam");
        await page.ClickAsync("[data-testid='pause-submit']");
        await Expect(complaints).ToHaveAttributeAsync("data-health", "Paused");
        await Expect(complaints.Locator("[data-testid='ops-pause']")).ToContainTextAsync("Perawatan server SAMBAT");
        await Expect(complaints.Locator("[data-testid='ops-pause']")).ToContainTextAsync("sampai");

        // The failing source's alert: in the header bell and on the console; acknowledged with a note.
        await Expect(page.Locator("[data-testid='alert-bell'] .mud-badge")).ToHaveTextAsync("1");
        var alert = page.Locator("[data-testid='alert-row'][data-key='source-failing:Letters']");
        await Expect(alert).ToHaveAttributeAsync("data-state", "Firing");
        await alert.Locator("[data-testid='alert-ack']").ClickAsync();
        await page.FillAsync("[data-testid='ack-note']", "Vendor sudah dihubungi");
        await page.ClickAsync("[data-testid='ack-submit']");
        await Expect(alert).ToHaveAttributeAsync("data-state", "Acknowledged");
        await Expect(alert).ToContainTextAsync("Vendor sudah dihubungi");

        await using var db = await app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var actions = await db.AuditEntries.Where(a => a.User == "operator").Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["source.refresh", "source.pause", "alert.acknowledged"], actions);
        Assert.Empty(session.ConsoleErrors);
    }
}
