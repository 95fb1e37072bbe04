using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Web.Features.Staffing;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Codes = Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Codes;

namespace Dashboard.Tests.Web.Staffing;

public sealed class StaffingPageTests : WebTestContext
{
    // Start is Wednesday 10 June 2026, 14:00 WIB: a working day; the latest quarter past its deadline is 2026-Q1.
    private static readonly DateOnly Today = new(2026, 6, 10);
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();

    public StaffingPageTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IRefreshRequests>(new NoRefresh());
        Services.AddSingleton<StaffingQueries>();
        ComponentFactories.AddStub<ApexChart>();
        AddAuthorization().SetAuthorized("kepala-bkpsdm");
        UseInteractiveServerRenderer();
    }

    private static StaffingEmployee Employee(string key, string agency, string asn = "PNS", string rank = "III/a",
        string position = "fungsional", string status = "aktif", DateOnly? retirement = null) => new()
    {
        Id = key, AgencyCode = agency, AsnType = asn, RankGroup = rank, PositionType = position, Status = status,
        RetirementMonth = retirement ?? new DateOnly(2040, 1, 1), UpdatedAt = Start.AddDays(-100),
    };

    private static StaffingAttendance Attendance(string key, string status, int minutesAfterSix = -1) => new()
    {
        Id = "a_" + key, NipKey = key, Date = Today, Status = status,
        CheckInAt = minutesAfterSix < 0 ? null : new DateTimeOffset(2026, 6, 10, 6, 0, 0, TimeSpan.FromHours(7)).AddMinutes(minutesAfterSix),
        UpdatedAt = Start.AddHours(-6),
    };

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(StaffingIndicators.Source, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.Headcount, 5, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.AttendancePct, 60, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.Headcount, 3, Start.AddMinutes(-2), scope: "DISDIKBUD", kind: ScopeKind.Opd);
        await using var db = _db.CreateDbContext();
        db.Set<StaffingEmployee>().AddRange(
            Employee("p_1", "DISDIKBUD", rank: "IV/a"),
            Employee("p_2", "DISDIKBUD", asn: "PPPK", rank: "IX"),
            Employee("p_3", "DISDIKBUD", retirement: new DateOnly(2026, 9, 1)),
            Employee("p_4", "SETDA", position: "struktural", rank: "IV/b"),
            Employee("p_5", "DISHUB", position: "pelaksana", rank: "II/c"),
            Employee("p_6", "DISHUB", status: "pensiun", retirement: new DateOnly(2026, 3, 1)));
        db.Set<StaffingAttendance>().AddRange(
            Attendance("p_1", "hadir", 55),
            Attendance("p_2", "terlambat", 95),
            Attendance("p_3", "tanpa_keterangan"),
            Attendance("p_4", "dinas_luar"));
        db.Set<StaffingEvaluation>().AddRange(
            new StaffingEvaluation { Id = "e1", NipKey = "p_1", Period = "2026-Q1", Rating = "sangat_baik", SubmittedAt = Start.AddDays(-65), UpdatedAt = Start.AddDays(-65) },
            new StaffingEvaluation { Id = "e2", NipKey = "p_2", Period = "2026-Q1", Rating = "baik", SubmittedAt = Start.AddDays(-65), UpdatedAt = Start.AddDays(-65) },
            new StaffingEvaluation { Id = "e3", NipKey = "p_5", Period = "2026-Q1", Rating = "kurang", SubmittedAt = Start.AddDays(-60), UpdatedAt = Start.AddDays(-60) });
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<StaffingPage> RenderPage(string url = "kepegawaian")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<StaffingPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=tile-ASN]")));
        return cut;
    }

    private static IReadOnlyList<ChartSeries> Series(IRenderedComponent<StaffingPage> cut, string id) =>
        cut.FindComponents<Stub<ApexChart>>().Single(c => c.Instance.Parameters.Get(x => x.Id) == id).Instance.Parameters.Get(x => x.Series);

    private static IReadOnlyList<string> Categories(IRenderedComponent<StaffingPage> cut, string id) =>
        cut.FindComponents<Stub<ApexChart>>().Single(c => c.Instance.Parameters.Get(x => x.Id) == id).Instance.Parameters.Get(x => x.Categories);

    [Fact]
    public async Task City_view_shows_every_tile_attendance_by_opd_ranks_ratings_retirements_and_posts()
    {
        await SeedAsync();

        var cut = RenderPage();

        Assert.Equal(10, cut.FindAll("[data-testid=staffing-tiles] > article").Count);
        Assert.Equal("60 %", cut.Find($"[data-testid=tile-{Codes.AttendancePct}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Equal("Kehadiran hari ini per OPD (%)", cut.Find("[data-testid=attendance-title]").TextContent.Trim());
        // DISDIKBUD: 3 in service, 2 present (hadir, terlambat), 1 late, 1 unexcused.
        var disdik = cut.Find("[data-testid=attendance-DISDIKBUD]");
        Assert.Equal(["DISDIKBUD", "66,7 %", "1", "1", "0", "0"], disdik.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("100 %", cut.Find("[data-testid=attendance-SETDA] td:nth-child(2)").TextContent.Trim());

        Assert.Equal(5, cut.FindComponents<Stub<ApexChart>>().Count);
        // Check-ins at 06:55 and 07:35 fall into the 06.45 and 07.30 buckets.
        var arrivals = Series(cut, "chart-arrivals")[0].Values;
        Assert.Equal(1, arrivals[Categories(cut, "chart-arrivals").ToList().IndexOf("06.45")]);
        Assert.Equal(1, arrivals[Categories(cut, "chart-arrivals").ToList().IndexOf("07.30")]);
        Assert.Equal(["II/c", "III/a", "IV/a", "IV/b", "IX"], Categories(cut, "chart-ranks"));
        Assert.Equal([1d, 1, 1, 1, 0], Series(cut, "chart-ranks")[0].Values);
        Assert.Equal([0d, 0, 0, 0, 1], Series(cut, "chart-ranks")[1].Values);
        Assert.Equal([1d, 1, 0, 1, 0], Series(cut, "chart-ratings")[0].Values);
        // p_3 retires on 1 September 2026; p_6 has retired already.
        Assert.Equal(1, Series(cut, "chart-retirements")[0].Values.Sum());

        Assert.Equal(20, cut.FindAll("[data-testid^=posts-]").Count);
        Assert.Equal(["SETDA", "30", "1", "29"], cut.Find("[data-testid=posts-SETDA]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=refresh-button]"));
    }

    [Fact]
    public async Task Opd_in_the_url_scopes_the_tiles_and_breakdowns()
    {
        await SeedAsync();

        var cut = RenderPage("kepegawaian?opd=DISDIKBUD");

        Assert.Contains("DISDIKBUD", cut.Find("[data-testid=scope-trail]").TextContent, StringComparison.Ordinal);
        Assert.Equal("3", cut.Find($"[data-testid=tile-{Codes.Headcount}] [data-testid=tile-value]").TextContent.Trim());
        // Staff per 1,000 residents is a city figure.
        Assert.Empty(cut.FindAll($"[data-testid=tile-{Codes.PerThousandResidents}]"));
        Assert.Equal(["III/a", "IV/a", "IX"], Categories(cut, "chart-ranks"));
        Assert.Equal([1d, 1, 0, 0, 0], Series(cut, "chart-ratings")[0].Values);
        Assert.Equal("posts-DISDIKBUD", Assert.Single(cut.FindAll("[data-testid^=posts-]")).GetAttribute("data-testid"));
        Assert.Equal("kepegawaian?opd=SETDA", cut.Find("[data-testid=attendance-SETDA] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Check_ins_arriving_through_the_morning_update_the_page_live()
    {
        await SeedAsync();
        var cut = RenderPage();
        Assert.Empty(cut.FindAll("[data-testid=attendance-DISHUB]"));

        await using (var db = _db.CreateDbContext())
        {
            db.Set<StaffingAttendance>().Add(Attendance("p_5", "hadir", 70));
            await db.SaveChangesAsync();
        }
        await _db.SetSnapshotAsync(Codes.AttendancePct, 80, Start);
        _broadcaster.Publish(new IndicatorsChanged("Complaints", Start, RunId: 7, ["ADUAN_MASUK"]));
        _broadcaster.Publish(new IndicatorsChanged(StaffingIndicators.Source, Start, RunId: 8, [Codes.AttendancePct]));

        cut.WaitForAssertion(() => Assert.Equal("100 %", cut.Find("[data-testid=attendance-DISHUB] td:nth-child(2)").TextContent.Trim()));
        Assert.Equal("80 %", cut.Find($"[data-testid=tile-{Codes.AttendancePct}] [data-testid=tile-value]").TextContent.Trim());
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _db.Dispose();
    }

    private sealed class NoRefresh : IRefreshRequests
    {
        public Task<string> RequestAsync(string source, RunRequest request, CancellationToken ct = default) => Task.FromResult("job-0");
    }
}
