using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Alerts;

public sealed class AlertComponentsTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();
    private readonly BunitAuthorizationContext _auth;

    public AlertComponentsTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddAlertServices();
        _auth = AddAuthorization();
        UseInteractiveServerRenderer();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _db.Dispose();
        }
        base.Dispose(disposing);
    }

    private static Alert NewAlert(string key, AlertKind kind, AlertState state, string? opd = null) => new()
    {
        Key = key, OpenKey = state == AlertState.Resolved ? null : key, Kind = kind, State = state, Source = "Complaints",
        IndicatorCode = kind == AlertKind.OffTarget ? key["off-target:".Length..] : null, OwnerOpd = opd,
        Summary = "Ringkasan " + key, SummaryEn = "Summary " + key,
        FiredAt = Start.AddMinutes(-30), LastSeenAt = Start.AddMinutes(-1),
        ResolvedAt = state == AlertState.Resolved ? Start.AddMinutes(-5) : null,
    };

    private async Task SeedAsync()
    {
        await using var db = _db.CreateDbContext();
        db.AddRange(
            NewAlert("source-failing:Complaints", AlertKind.SourceFailing, AlertState.Firing),
            NewAlert("stale:Complaints", AlertKind.DataStale, AlertState.Acknowledged),
            NewAlert("off-target:ADUAN_TL_5HK_PCT", AlertKind.OffTarget, AlertState.Firing, "DISKOMINFO"),
            NewAlert("off-target:PAJAK_REALISASI_PCT", AlertKind.OffTarget, AlertState.Firing, "BAPENDA"),
            NewAlert("off-target:ADUAN_SELESAI_PCT", AlertKind.OffTarget, AlertState.Resolved, "DISKOMINFO"));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Panel_lists_open_alerts_firing_first_filters_and_acknowledges_with_a_note()
    {
        _auth.SetAuthorized("operator").SetRoles(Roles.Operator).SetPolicies(Policies.Refresh);
        await SeedAsync();
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<AlertsPanel>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=alert-row]").Count));
        var states = cut.FindAll("[data-testid=alert-row]").Select(r => r.GetAttribute("data-state")).ToList();
        Assert.Equal(["Firing", "Firing", "Firing", "Acknowledged"], states);
        Assert.Equal(3, cut.FindAll("[data-testid=alert-ack]").Count);

        cut.Find("[data-testid=alerts-filter-Resolved]").Click();
        cut.WaitForAssertion(() => Assert.Equal("off-target:ADUAN_SELESAI_PCT", Assert.Single(cut.FindAll("[data-testid=alert-row]")).GetAttribute("data-key")));
        cut.Find("[data-testid=alerts-filter-Open]").Click();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=alert-row]").Count));

        var failing = cut.FindAll("[data-testid=alert-row]").Single(r => r.GetAttribute("data-key") == "source-failing:Complaints");
        failing.QuerySelector("[data-testid=alert-ack]")!.Click();
        dialogs.WaitForElement("textarea").Input("Vendor SAMBAT sudah dihubungi");
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=ack-submit]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=ack-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Acknowledged",
            cut.FindAll("[data-testid=alert-row]").Single(r => r.GetAttribute("data-key") == "source-failing:Complaints").GetAttribute("data-state")));
        Assert.Contains("Vendor SAMBAT sudah dihubungi", cut.Markup, StringComparison.Ordinal);
        await using var db = _db.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync();
        Assert.Equal(("operator", "alert.acknowledged"), (audit.User, audit.Action));
    }

    [Fact]
    public async Task Panel_updates_live_when_an_alert_fires()
    {
        _auth.SetAuthorized("operator").SetRoles(Roles.Operator).SetPolicies(Policies.Refresh);
        var cut = Render<AlertsPanel>();
        cut.WaitForElement("[data-testid=alerts-empty]");

        await using (var db = _db.CreateDbContext())
        {
            db.Add(NewAlert("stale:Complaints", AlertKind.DataStale, AlertState.Firing));
            await db.SaveChangesAsync();
        }
        _broadcaster.Publish(new AlertsChanged("Complaints", Start));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=alert-row]")));
    }

    [Theory]
    [InlineData(Roles.Admin, null, 4, 3)]
    [InlineData(Roles.Operator, null, 2, 1)]
    [InlineData(Roles.Pimpinan, null, 3, 2)]
    [InlineData(Roles.KepalaOpd, "BAPENDA", 1, 1)]
    [InlineData(Roles.KepalaOpd, "DISHUB", 0, 0)]
    public async Task Bell_shows_only_the_alerts_of_the_users_roles(string role, string? opd, int open, int firing)
    {
        var user = _auth.SetAuthorized("someone").SetRoles(role);
        if (role is Roles.Admin or Roles.Operator)
        {
            user.SetPolicies(Policies.Refresh);
        }
        if (opd is not null)
        {
            user.SetClaims(new System.Security.Claims.Claim(AuthExtensions.OpdClaim, opd));
        }
        await SeedAsync();
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<AlertBell>();

        cut.WaitForElement("[data-testid=alert-bell]");
        var badge = cut.FindAll(".mud-badge");
        Assert.Equal(firing > 0 ? firing.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            badge.Count == 0 ? "" : badge[0].TextContent.Trim());
        cut.Find("button").Click();
        popovers.WaitForAssertion(() => Assert.Equal(open,
            popovers.FindAll("[data-testid=alert-bell-item]").Count));
        if (open == 0)
        {
            popovers.WaitForElement("[data-testid=alert-bell-empty]");
        }
        // Only those who run the console get the link to it.
        Assert.Equal(role is Roles.Admin or Roles.Operator, popovers.FindAll("[data-testid=alert-bell-all]").Count == 1);
    }

    [Fact]
    public async Task Ticker_shows_late_data_and_missed_targets_but_not_feed_failures_and_hides_when_all_is_well()
    {
        var cut = Render<AlertTicker>();
        Assert.Empty(cut.FindAll("[data-testid=alert-ticker]"));

        await SeedAsync();
        _broadcaster.Publish(new AlertsChanged("Complaints", Start));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=alert-ticker-item]").Count));
        Assert.DoesNotContain("source-failing", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("3 peringatan", cut.Find("[data-testid=alert-ticker]").TextContent, StringComparison.Ordinal);
    }
}
