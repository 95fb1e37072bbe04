using System.Security.Claims;
using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.AgencyHome;
using Dashboard.Web.Features.Complaints;
using Dashboard.Web.Features.Revenue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ComplaintCodes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;
using StaffingCodes = Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Codes;

namespace Dashboard.Tests.Web.AgencyHome;

/// <summary>The agency head's home under bUnit: every declared agency indicator, the agency's lists, refusal of another agency's head, live reload.</summary>
public sealed class AgencyHomePageTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();

    public AgencyHomePageTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<AgencyHomeQueries>();
        Services.AddSingleton<ComplaintsAgencyItems>();
        Services.AddSingleton<RevenueAgencyItems>();
    }

    private void SignInAs(string role, string? opd = null)
    {
        var auth = AddAuthorization().SetAuthorized("kepala").SetRoles(role);
        if (opd is not null)
        {
            auth.SetClaims(new Claim(AuthExtensions.OpdClaim, opd));
        }
        UseInteractiveServerRenderer();
    }

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(ComplaintsIndicators.Source, Start.AddMinutes(-3));
        await _db.SetSourceStateAsync(StaffingIndicators.Source, Start.AddMinutes(-3));
        await _db.SetSnapshotAsync(ComplaintCodes.Overdue, 3, Start.AddMinutes(-3), scope: "DISHUB", kind: ScopeKind.Opd);
        await _db.SetSnapshotAsync(ComplaintCodes.Overdue, 41, Start.AddMinutes(-3));
        await _db.SetSnapshotAsync(ComplaintCodes.Overdue, 9, Start.AddMinutes(-3), scope: "DLH", kind: ScopeKind.Opd);
        await _db.SetSnapshotAsync(StaffingCodes.AttendancePct, 96.5, Start.AddMinutes(-3), scope: "DISHUB", kind: ScopeKind.Opd);
        await _db.SetSnapshotAsync(StaffingCodes.AttendancePct, 93.0, Start.AddMinutes(-3));
        await using var db = _db.CreateDbContext();
        db.AddRange(
            // Overdue: 8 and 12 days old, still open (oldest first on the list).
            InMemoryReportingDb.Complaint("LPR-A", Start.AddDays(-8), kelurahan: "35.73.02.1001", category: "Parkir Liar"),
            InMemoryReportingDb.Complaint("LPR-B", Start.AddDays(-12), kelurahan: "35.73.05.1004", category: "Lampu Lalu Lintas"),
            // Open but within its SLA; closed; another agency's.
            InMemoryReportingDb.Complaint("LPR-NEW", Start.AddHours(-3)),
            InMemoryReportingDb.Complaint("LPR-DONE", Start.AddDays(-9), closedAt: Start.AddDays(-8)),
            InMemoryReportingDb.Complaint("LPR-DLH", Start.AddDays(-10), agency: "DLH", category: "Kebersihan"));
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<AgencyHomePage> RenderHome(string opd = "DISHUB")
    {
        var cut = Render<AgencyHomePage>(p => p.Add(x => x.Opd, opd));
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=agency-home], [data-testid=home-refused]").Count == 1));
        return cut;
    }

    [Fact]
    public async Task Shows_every_declared_agency_indicator_with_the_agencys_and_the_citys_value_and_links_scoped_to_the_agency()
    {
        await SeedAsync();
        SignInAs(Roles.KepalaOpd, "DISHUB");

        var cut = RenderHome();

        foreach (var set in IndicatorCatalog.Sets.Where(s => s.AgencyIndicators.Count > 0))
        {
            var group = cut.Find($"[data-testid=home-source-{set.Source}]");
            Assert.Equal(set.AgencyIndicators.Order(StringComparer.Ordinal),
                group.QuerySelectorAll("tr[data-testid^=home-indicator-]").Select(r => r.GetAttribute("data-testid")!["home-indicator-".Length..]).Order(StringComparer.Ordinal));
        }
        var overdue = cut.Find($"[data-testid=home-indicator-{ComplaintCodes.Overdue}]");
        Assert.Equal("DISHUB", overdue.GetAttribute("data-scope"));
        Assert.Equal("3", overdue.QuerySelector("[data-testid=home-value]")!.TextContent.Trim());
        Assert.Equal("41", overdue.QuerySelector("[data-testid=home-city]")!.TextContent.Trim());
        Assert.Equal($"indikator/{ComplaintCodes.Overdue}?opd=DISHUB", overdue.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("96,5 %", cut.Find($"[data-testid=home-indicator-{StaffingCodes.AttendancePct}] [data-testid=home-value]").TextContent.Trim());
        Assert.Equal("3 menit lalu", overdue.QuerySelector("[data-testid=home-age]")!.TextContent.Trim());
        Assert.Equal("ringkasan-opd/DISHUB", cut.Find("[data-testid=home-brief]").GetAttribute("href"));
        Assert.NotNull(cut.Find("[data-testid=home-followups-slot]"));
        Assert.NotNull(cut.Find("[data-testid=home-no-alerts]"));
    }

    [Fact]
    public async Task Lists_the_agencys_overdue_complaints_oldest_first_with_counts_and_no_personal_data()
    {
        await SeedAsync();
        SignInAs(Roles.KepalaOpd, "DISHUB");

        var cut = RenderHome();

        Assert.Equal("4", cut.Find("[data-testid=complaints-received]").TextContent.Trim());
        Assert.Equal("3", cut.Find("[data-testid=complaints-open]").TextContent.Trim());
        Assert.Equal("2", cut.Find("[data-testid=complaints-overdue]").TextContent.Trim());
        var rows = cut.FindAll("[data-testid=home-row-aduan-lewat-sla]")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("LPR-B", "Lampu Lalu Lintas"), (rows[0][0], rows[0][1]));
        Assert.Equal(ReferenceData.Regions.Single(r => r.Code == "35.73.05.1004").Name, rows[0][2]);
        Assert.Equal("LPR-A", rows[1][0]);
        Assert.All(rows, r => Assert.Equal(4, r.Length));
        // DISHUB collects the roadside parking retribution.
        Assert.NotNull(cut.Find("[data-testid=home-list-retribusi]"));
    }

    [Fact]
    public async Task Another_agencys_head_is_refused_in_place_and_leadership_may_open_it()
    {
        await SeedAsync();
        SignInAs(Roles.KepalaOpd, "BAPENDA");

        var cut = RenderHome();

        Assert.NotNull(cut.Find("[data-testid=home-refused]"));
        Assert.Empty(cut.FindAll("[data-testid^=home-indicator-]"));
        Assert.Empty(cut.FindAll("[data-testid^=home-row-]"));
    }

    [Fact]
    public async Task Leadership_opens_any_agencys_home()
    {
        await SeedAsync();
        SignInAs(Roles.Pimpinan);

        var cut = RenderHome();

        Assert.Equal("3", cut.Find($"[data-testid=home-indicator-{ComplaintCodes.Overdue}] [data-testid=home-value]").TextContent.Trim());
    }

    [Fact]
    public async Task New_indicators_of_any_source_reload_it_live()
    {
        await SeedAsync();
        SignInAs(Roles.KepalaOpd, "DISHUB");
        var cut = RenderHome();

        await _db.SetSnapshotAsync(ComplaintCodes.Overdue, 5, Start, scope: "DISHUB", kind: ScopeKind.Opd);
        _broadcaster.Publish(new IndicatorsChanged(ComplaintsIndicators.Source, Start, 7, [ComplaintCodes.Overdue]));
        Time.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("5",
            cut.Find($"[data-testid=home-indicator-{ComplaintCodes.Overdue}] [data-testid=home-value]").TextContent.Trim()));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _db.Dispose();
    }
}
