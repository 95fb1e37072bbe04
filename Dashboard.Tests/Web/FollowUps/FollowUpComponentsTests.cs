using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.FollowUps;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.FollowUps;

/// <summary>The follow-up panel and the meeting presenter, over a real (in-memory) reporting database and the real service.</summary>
public sealed class FollowUpComponentsTests : WebTestContext
{
    private static readonly FollowUpActor Mayor = new("walikota", MayAssign: true, []);

    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();
    private readonly BunitAuthorizationContext _auth;
    private readonly FollowUpService _service;

    public FollowUpComponentsTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        _auth = AddAuthorization();
        UseInteractiveServerRenderer();
        _service = new FollowUpService(_db, _broadcaster, Time);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _db.Dispose();
        }
        base.Dispose(disposing);
    }

    private void SignIn(string user, string role, string? opd = null)
    {
        var auth = _auth.SetAuthorized(user).SetRoles(role);
        if (role is Roles.Pimpinan or Roles.Admin)
        {
            auth.SetPolicies(FollowUpPolicies.Lead);
        }
        if (opd is not null)
        {
            auth.SetClaims(new Claim(AuthExtensions.OpdClaim, opd));
        }
    }

    private Task<long> AssignAsync(string opd, string expected, int dueInDays = 5) =>
        _service.AssignAsync(Mayor, new FollowUpRequest(opd, expected, [], Wib.DateOf(Start).AddDays(dueInDays)), CancellationToken.None);

    [Fact]
    public async Task Panel_lets_the_head_move_their_own_and_shows_another_agencys_to_nobody_else()
    {
        var dishub = await AssignAsync("DISHUB", "Tertibkan parkir Jl. Ijen");
        await AssignAsync("DINKES", "Percepat tanggapan aduan puskesmas");
        SignIn("dishub", Roles.KepalaOpd, "DISHUB");
        var dialogs = Render<MudBlazor.MudDialogProvider>();

        // Asked for DINKES, the head of Dishub still sees only Dishub's.
        var cut = Render<FollowUpsPanel>(p => p.Add(x => x.Opd, "DINKES"));
        cut.WaitForAssertion(() => Assert.Equal(dishub.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(cut.FindAll("[data-testid=followup-row]")).GetAttribute("data-id")));
        Assert.Empty(cut.FindAll("[data-testid=followup-reopen]"));

        cut.Find("[data-testid=followup-done]").Click();
        // Done needs a note: the button stays disabled until one is written.
        dialogs.WaitForAssertion(() => Assert.True(dialogs.Find("[data-testid=followup-note-submit]").HasAttribute("disabled")));
        dialogs.WaitForElement("textarea").Input("Petugas ditempatkan setiap pagi");
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=followup-note-submit]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=followup-note-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Done", cut.Find("[data-testid=followup-row]").GetAttribute("data-status")));
        Assert.Contains("Petugas ditempatkan setiap pagi", cut.Markup, StringComparison.Ordinal);
        cut.Find("[data-testid=followup-history-toggle]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=followup-history-row]").Count));
    }

    [Fact]
    public async Task Panel_shows_a_new_follow_up_live_and_the_mayor_reviews_done_items()
    {
        SignIn("walikota", Roles.Pimpinan);
        var cut = Render<FollowUpsPanel>(p => p.Add(x => x.Opd, "DISHUB"));
        cut.WaitForElement("[data-testid=followups-empty]");

        var id = await AssignAsync("DISHUB", "Evaluasi jadwal angkot");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=followup-row]")));
        Assert.Empty(cut.FindAll("[data-testid=followup-done]")); // the mayor does not do the agency's work

        await _service.CompleteAsync(new FollowUpActor("dishub", false, ["DISHUB"]), id, "Jadwal baru terbit", CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1)); // past the reload throttle's interval
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=followup-reopen]")));
        Assert.Single(cut.FindAll("[data-testid=followup-accept]"));
    }

    [Fact]
    public async Task Meeting_steps_through_the_agencies_by_keyboard_and_turns_a_decision_into_a_follow_up()
    {
        // DISKOMINFO owns the complaint indicators (one off target city-wide); DISHUB is off target on its own compliance.
        await _db.SetSnapshotAsync(ComplaintsIndicators.Codes.WithinSlaPct, 50, Start);
        await _db.SetSnapshotAsync(ComplaintsIndicators.Codes.OpdCompliancePct, 40, Start, "DISHUB", ScopeKind.Opd);
        SignIn("walikota", Roles.Pimpinan);
        Render<MudBlazor.MudSnackbarProvider>();

        var cut = Render<MeetingPage>();
        cut.WaitForAssertion(() => Assert.Equal("DISKOMINFO", cut.Find("[data-testid=meeting-agency]").GetAttribute("data-opd")));
        Assert.Equal("1/2", cut.Find("[data-testid=meeting-step]").TextContent.Trim());
        Assert.Equal(ComplaintsIndicators.Codes.WithinSlaPct, cut.Find("[data-testid=meeting-indicator]").GetAttribute("data-code"));

        cut.Find("[data-testid=meeting]").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        cut.WaitForAssertion(() => Assert.Equal("DISHUB", cut.Find("[data-testid=meeting-agency]").GetAttribute("data-opd")));
        cut.Find("[data-testid=meeting]").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        cut.WaitForAssertion(() => Assert.Equal("DISKOMINFO", cut.Find("[data-testid=meeting-agency]").GetAttribute("data-opd")));
        cut.Find("[data-testid=meeting]").KeyDown(new KeyboardEventArgs { Key = "PageDown" });
        cut.WaitForAssertion(() => Assert.Equal("DISHUB", cut.Find("[data-testid=meeting-agency]").GetAttribute("data-opd")));

        // No decision before the meeting is started (recorded).
        Assert.Empty(cut.FindAll("[data-testid=meeting-decision]"));
        cut.Find("[data-testid=meeting-start]").Click();
        cut.WaitForElement("[data-testid=meeting-decision]");
        cut.Find("[data-testid=meeting-pick]").Change(true);
        cut.Find("[data-testid=meeting-decision-text]").Input("Kepala Dishub melapor progres kepatuhan minggu depan");
        cut.Find("[data-testid=meeting-decision-submit]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=meeting-followup]")));
        await using var db = _db.CreateDbContext();
        var item = await db.Set<FollowUp>().SingleAsync();
        var meeting = await db.Set<EvaluationMeeting>().SingleAsync();
        Assert.Equal(("DISHUB", ComplaintsIndicators.Codes.OpdCompliancePct, meeting.Id, "walikota", Wib.DateOf(Start).AddDays(7)),
            (item.Opd, item.IndicatorCodes, item.MeetingId, item.AssignedBy, item.DueDate));
        Assert.Equal("DISHUB", meeting.CurrentOpd); // the walls following the meeting show the agency on screen
    }

    [Fact]
    public async Task Meeting_view_shows_the_change_since_the_last_meeting()
    {
        var lastWeek = Wib.DateOf(Start).AddDays(-7);
        await using (var db = _db.CreateDbContext())
        {
            db.Add(new EvaluationMeeting { Date = lastWeek, StartedAt = Start.AddDays(-7), StartedBy = "walikota", EndedAt = Start.AddDays(-7).AddHours(1) });
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = ComplaintsIndicators.Codes.WithinSlaPct, ScopeKind = ScopeKind.Kota, ScopeCode = ReferenceData.KotaCode, Date = lastWeek, Value = 60,
            });
            await db.SaveChangesAsync();
        }
        await _db.SetSnapshotAsync(ComplaintsIndicators.Codes.WithinSlaPct, 50, Start);
        var queries = Services.GetRequiredService<MeetingQueries>();
        var agency = await queries.AgencyAsync("DISKOMINFO", await queries.LastMeetingAsync(CancellationToken.None), CancellationToken.None);

        var cut = Render<MeetingAgencyView>(p => p.Add(x => x.Data, agency!));
        var row = Assert.Single(agency!.Indicators);
        Assert.Equal(-10, row.SinceLastMeeting);
        Assert.StartsWith("−10", cut.Find("[data-testid=meeting-change]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("▼", cut.Find("[data-testid=meeting-change]").TextContent, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Wall_board_follows_the_presenter_and_idles_between_meetings()
    {
        await _db.SetSnapshotAsync(ComplaintsIndicators.Codes.OpdCompliancePct, 40, Start, "DISHUB", ScopeKind.Opd);
        await _db.SetSnapshotAsync(ComplaintsIndicators.Codes.OpdCompliancePct, 30, Start, "DINKES", ScopeKind.Opd);
        var cut = Render<MeetingWallBoard>();
        cut.WaitForElement("[data-testid=wall-meeting-idle]");

        // Each step is a second apart on the fake clock: the wall reloads at most once a second.
        var meeting = await _service.StartMeetingAsync(Mayor, CancellationToken.None);
        await _service.ShowAsync(meeting.Id, "DISHUB", CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(2));
        cut.WaitForAssertion(() => Assert.Equal("DISHUB", cut.Find("[data-testid=meeting-agency]").GetAttribute("data-opd")));

        await _service.ShowAsync(meeting.Id, "DINKES", CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(2));
        cut.WaitForAssertion(() => Assert.Equal("DINKES", cut.Find("[data-testid=meeting-agency]").GetAttribute("data-opd")));

        await _service.EndMeetingAsync(Mayor, meeting.Id, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(2));
        cut.WaitForElement("[data-testid=wall-meeting-idle]");
    }

    [Fact]
    public void Follow_up_events_cross_nodes_as_json()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        KpiEvent[] events = [new FollowUpsChanged(FollowUpsIndicators.Source, Start, "DISHUB"), new MeetingChanged(FollowUpsIndicators.Source, Start, 7, "DISHUB")];
        foreach (var e in events)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(e, options);
            Assert.Equal(e, System.Text.Json.JsonSerializer.Deserialize<KpiEvent>(json, options));
        }
    }
}
