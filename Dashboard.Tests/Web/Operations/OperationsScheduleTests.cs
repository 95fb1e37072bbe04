using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Operations;

/// <summary>Schedule changes: administrators only, with a reason, audited before/after, put in force in the scheduler.</summary>
public sealed class OperationsScheduleTests : WebTestContext
{
    private const string Configured = "*/1 * * * *";
    private readonly InMemoryReportingDb _db = new();
    private readonly RecordingSourceScheduler _scheduler = new();
    private readonly BunitAuthorizationContext _auth;

    public OperationsScheduleTests()
    {
        var source = new ComplaintsSource(new TestOptions<ComplaintsOptions>(new ComplaintsOptions { ApiKey = "k", Schedule = Configured }), new ComplaintsKpis());
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(new KpiBroadcaster());
        Services.AddSingleton<IRefreshRequests>(new RecordingRefreshRequests());
        Services.AddSingleton(new SourceCatalog([source]));
        Services.AddSingleton<OperationsQueries>();
        Services.AddAlertServices();
        Services.AddSingleton<ISourceScheduler>(_scheduler);
        _auth = AddAuthorization();
        UseInteractiveServerRenderer();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _db.Dispose();
    }

    [Fact]
    public async Task An_administrator_changes_the_schedule_with_a_reason_and_it_is_audited_and_applied()
    {
        _auth.SetAuthorized("admin").SetRoles(Roles.Admin).SetPolicies(Policies.Refresh, Policies.Administer);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<OperationsPage>();

        cut.WaitForElement("[data-testid=schedule-button]").Click();
        dialogs.WaitForElement("input[data-testid=schedule-cron]").Input("*/15 6-18 * * 1-5");
        dialogs.Find("textarea[data-testid=schedule-reason]").Input("Sumber kewalahan saat jam sibuk");
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=schedule-submit]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=schedule-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("*/15 6-18 * * 1-5", cut.Find("[data-testid=ops-schedule]").TextContent, StringComparison.Ordinal));
        Assert.Contains("diubah oleh admin", cut.Find("[data-testid=ops-schedule-override]").TextContent, StringComparison.Ordinal);
        Assert.Equal((ComplaintsIndicators.Source, "*/15 6-18 * * 1-5"), Assert.Single(_scheduler.Applied));
        await using var db = _db.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.ScheduleChanged);
        Assert.Equal(("admin", Configured, "*/15 6-18 * * 1-5", "Sumber kewalahan saat jam sibuk"), (audit.User, audit.Before, audit.After, audit.Reason));
    }

    [Fact]
    public async Task An_invalid_cron_cannot_be_saved()
    {
        _auth.SetAuthorized("admin").SetRoles(Roles.Admin).SetPolicies(Policies.Refresh, Policies.Administer);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<OperationsPage>();

        cut.WaitForElement("[data-testid=schedule-button]").Click();
        dialogs.WaitForElement("input[data-testid=schedule-cron]").Input("tiap pagi");
        dialogs.Find("textarea[data-testid=schedule-reason]").Input("coba");

        dialogs.WaitForAssertion(() => Assert.True(dialogs.Find("[data-testid=schedule-submit]").HasAttribute("disabled")));
        Assert.Contains("Bukan ekspresi cron", dialogs.Markup, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new SourceControl(_db, Time).ChangeScheduleAsync(ComplaintsIndicators.Source, Configured, "tiap pagi", "admin", "coba", default));
    }

    [Fact]
    public async Task Back_to_the_default_clears_the_override()
    {
        var control = new SourceControl(_db, Time);
        Assert.Equal("0 * * * *", await control.ChangeScheduleAsync(ComplaintsIndicators.Source, Configured, "0  *  * * *", "admin", "uji", default));
        Assert.Equal(Configured, await control.ChangeScheduleAsync(ComplaintsIndicators.Source, Configured, null, "admin", "kembali", default));

        await using var db = _db.CreateDbContext();
        Assert.Null((await db.SourceStates.SingleAsync()).ScheduleOverride);
        var last = await db.AuditEntries.OrderBy(a => a.Id).LastAsync();
        Assert.Equal(("0 * * * *", Configured + " (bawaan)"), (last.Before, last.After));
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Pimpinan)]
    public void Only_administrators_see_the_schedule_change(string role)
    {
        var user = _auth.SetAuthorized("someone").SetRoles(role);
        if (role == Roles.Operator)
        {
            user.SetPolicies(Policies.Refresh);
        }
        var cut = Render<OperationsPage>();
        cut.WaitForElement($"[data-testid=ops-source-{ComplaintsIndicators.Source}]");
        Assert.Empty(cut.FindAll("[data-testid=schedule-button]"));
        if (role == Roles.Operator)
        {
            // Operators still refresh and pause.
            Assert.Single(cut.FindAll("[data-testid=pause-button]"));
        }
    }
}
