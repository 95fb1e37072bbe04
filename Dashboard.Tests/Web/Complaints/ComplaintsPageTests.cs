using Dashboard.Ingest.Sources.Complaints;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.Complaints;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Codes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;

namespace Dashboard.Tests.Web.Complaints;

public sealed class ComplaintsPageTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();
    private readonly RecordingRefreshRequests _refreshes = new();

    public ComplaintsPageTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IRefreshRequests>(_refreshes);
        Services.AddSingleton<ComplaintsQueries>();
        ComponentFactories.AddStub<ApexChart>();
    }

    // Authorization adds services, so the renderer (which builds the provider) is set up after it.
    private void SignIn(string user, bool mayRefresh = false)
    {
        var auth = AddAuthorization().SetAuthorized(user);
        if (mayRefresh)
        {
            auth.SetRoles(Roles.Operator).SetPolicies(Policies.Refresh);
        }
        UseInteractiveServerRenderer();
    }

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(ComplaintsIndicators.Source, Start.AddMinutes(-3));
        await _db.SetSnapshotAsync(Codes.WithinSlaPct, 78.4, Start.AddMinutes(-3));
        await _db.SetSnapshotAsync(Codes.WithinSlaPct, 93.0, Start.AddMinutes(-3), scope: "35.73.02", kind: ScopeKind.Kecamatan);
        await _db.SetSnapshotAsync(Codes.OpdCompliancePct, 72.0, Start.AddMinutes(-3), scope: "DISHUB", kind: ScopeKind.Opd);
        await _db.SetSnapshotAsync(Codes.OpdCompliancePct, 97.0, Start.AddMinutes(-3), scope: "DLH", kind: ScopeKind.Opd);
        await _db.SetSnapshotAsync(Codes.Overdue, 4, Start.AddMinutes(-3), scope: "DISHUB", kind: ScopeKind.Opd);
        await _db.AddComplaintsAsync(
            InMemoryReportingDb.Complaint("LPR-1", Start.AddDays(-1), kelurahan: "35.73.02.1001"),
            InMemoryReportingDb.Complaint("LPR-2", Start.AddDays(-2), kelurahan: "35.73.02.1007", channel: "web"),
            InMemoryReportingDb.Complaint("LPR-3", Start.AddDays(-3), kelurahan: "35.73.05.1004", agency: "DLH", category: "Kebersihan"),
            InMemoryReportingDb.Complaint("LPR-OLD", Start.AddDays(-45), kelurahan: "35.73.02.1001"));
    }

    private IRenderedComponent<ComplaintsPage> RenderPage(string url = "aduan")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<ComplaintsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=tile-ADUAN]")));
        return cut;
    }

    [Fact]
    public async Task City_view_shows_complaint_tiles_kecamatan_rows_and_the_league_worst_first()
    {
        await SeedAsync();
        SignIn("walikota");

        var cut = RenderPage();

        Assert.Equal(IndicatorCatalog.Definitions.Count(d => d.Source == ComplaintsIndicators.Source),
            cut.FindAll("[data-testid=complaint-tiles] > article").Count);
        Assert.Equal("78,4 %", cut.Find($"[data-testid=tile-{Codes.WithinSlaPct}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Equal(5, cut.FindAll("[data-testid^=region-35]").Count);
        // Klojen: two complaints in the last 30 days (the 45-day-old one is outside the window).
        Assert.Equal("2", cut.Find("[data-testid='region-35.73.02'] td:nth-child(2)").TextContent.Trim());

        var league = cut.FindAll("[data-testid^=league-]");
        Assert.Equal("league-DISHUB", league[0].GetAttribute("data-testid"));
        Assert.Equal(nameof(IndicatorStatus.OffTrack), league[0].GetAttribute("data-status"));
        Assert.Equal("4", league[0].QuerySelector("td:nth-child(5)")!.TextContent.Trim());
        Assert.Equal(nameof(IndicatorStatus.OnTrack), cut.Find("[data-testid=league-DLH]").GetAttribute("data-status"));

        var charts = cut.FindComponents<Stub<ApexChart>>();
        Assert.Equal(4, charts.Count);

        // Only operators and administrators may ask for a refresh.
        Assert.Empty(cut.FindAll("[data-testid=refresh-button]"));
    }

    [Fact]
    public async Task Region_in_the_url_selects_the_kecamatan_and_lists_its_kelurahan()
    {
        await SeedAsync();
        SignIn("walikota");

        var cut = RenderPage("aduan?wilayah=35.73.02");

        Assert.Contains("Klojen", cut.Find("[data-testid=scope-trail]").TextContent);
        Assert.Equal("93 %", cut.Find($"[data-testid=tile-{Codes.WithinSlaPct}] [data-testid=tile-value]").TextContent.Trim());
        var rows = cut.FindAll("[data-testid^=region-35]");
        Assert.Equal(11, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("region-35.73.02.", r.GetAttribute("data-testid"), StringComparison.Ordinal));
        Assert.Equal("aduan?wilayah=35.73.02.1007", cut.Find("[data-testid='region-35.73.02.1007'] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Refresh_asks_for_a_reason_and_requests_a_run_as_the_signed_in_user()
    {
        await SeedAsync();
        SignIn("operator", mayRefresh: true);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        cut.Find("[data-testid=refresh-button]").Click();
        var reason = dialogs.WaitForElement("textarea");
        Assert.True(dialogs.Find("[data-testid=refresh-submit]").HasAttribute("disabled"));

        reason.Input("Data pagi belum masuk");
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=refresh-submit]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=refresh-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            (ComplaintsIndicators.Source, "operator", "Data pagi belum masuk"), Assert.Single(_refreshes.Requests)));
        var snackbar = Services.GetRequiredService<ISnackbar>();
        cut.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message != null && s.Message.Contains("job-1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Live_event_of_the_complaints_source_requeries_the_page()
    {
        await SeedAsync();
        SignIn("walikota");
        var cut = RenderPage();

        await _db.SetSnapshotAsync(Codes.WithinSlaPct, 91.5, Start);
        _broadcaster.Publish(new IndicatorsChanged("Pajak", Start, RunId: 3, ["PAJAK_REALISASI"]));
        _broadcaster.Publish(new IndicatorsChanged(ComplaintsIndicators.Source, Start, RunId: 4, [Codes.WithinSlaPct]));

        cut.WaitForAssertion(() => Assert.Equal("91,5 %",
            cut.Find($"[data-testid=tile-{Codes.WithinSlaPct}] [data-testid=tile-value]").TextContent.Trim()));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _db.Dispose();
    }
}
