using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features.Budget;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Formatting;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Codes = Dashboard.Ingest.Sources.Budget.BudgetIndicators.Codes;

namespace Dashboard.Tests.Web.Budget;

/// <summary>
/// The budget page on a small APBD (Start: Wednesday 10 June 2026, 14:00 WIB). The band that day: lower 7 + 3 × 10/30 = 8,
/// upper 20 + 10 × 10/30 = 23.33.
/// </summary>
public sealed class BudgetPageTests : WebTestContext
{
    private const long M = 1_000_000;
    private readonly InMemoryReportingDb _db = new();

    public BudgetPageTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(new KpiBroadcaster());
        Services.AddSingleton<IRefreshRequests>(new NoRefresh());
        Services.AddSingleton<IOptionsMonitor<BudgetOptions>>(new TestOptions<BudgetOptions>(new BudgetOptions()));
        Services.AddSingleton<BudgetQueries>();
        ComponentFactories.AddStub<ApexChart>();
        AddAuthorization().SetAuthorized("kepala-bkad");
        UseInteractiveServerRenderer();
    }

    private static BudgetLine Line(string id, string agency, string kind, string funding, long pagu) => new()
    {
        Id = id, Year = 2026, AgencyCode = agency, ProgramCode = "1.02.01", ActivityCode = "1.02.01.2.01", SubActivityCode = "1.02.01.2.01.0001",
        SubActivityName = "Sub-kegiatan " + id, SpendingKind = kind, FundingSource = funding, Pagu = pagu, PaguOriginal = pagu, UpdatedAt = Start.AddDays(-170),
    };

    private static BudgetPayment Pay(string id, int month, int day, string type, string status, string line, string account, long amount) => new()
    {
        Id = id, Date = new DateOnly(2026, month, day), AgencyCode = "X", Type = type, Status = status, Amount = amount,
        Lines = BudgetPaymentLines.Format([new BudgetPaymentLine(line, account, amount)]), UpdatedAt = Start.AddDays(-5),
    };

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(BudgetIndicators.Source, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.RealisationPct, 19, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.ProjectedSilpa, 1_609_375_000, Start.AddMinutes(-2));
        await using var db = _db.CreateDbContext();
        await BudgetKpis.WriteBandAsync(db, 2026, 2026, new BudgetOptions(), Xunit.TestContext.Current.CancellationToken);
        db.Set<BudgetLine>().AddRange(
            Line("D1", "DINKES", "operasi", "DAU", 1000 * M),
            Line("D2", "DINKES", "modal", "DAK_FISIK", 1000 * M),
            Line("L1", "DLH", "operasi", "PAD", 500 * M));
        // A tenth of each line's pagu planned in each of January to October.
        foreach (var (line, monthly) in new[] { ("D1", 100 * M), ("D2", 100 * M), ("L1", 50 * M) })
        {
            for (var m = 1; m <= 10; m++)
            {
                db.Set<BudgetCashPlan>().Add(new BudgetCashPlan { Id = $"P-{line}-{m}", BudgetLineId = line, Month = m, Amount = monthly, UpdatedAt = Start.AddDays(-170) });
            }
        }
        db.Set<BudgetPayment>().AddRange(
            Pay("S1", 5, 2, "LS", "terbit", "D1", "5.1.01.01.01.0001", 400 * M),
            Pay("S2", 3, 3, "LS", "terbit", "D2", "5.2.02.01.01.0001", 50 * M),
            Pay("S3", 4, 6, "LS", "dibatalkan", "D2", "5.2.02.01.01.0001", 100 * M),
            Pay("S4", 6, 5, "GU", "terbit", "L1", "5.1.02.01.01.0001", 25 * M),
            Pay("S5", 1, 6, "UP", "terbit", "L1", "5.1.02.01.01.0001", 100 * M));
        db.Set<BudgetProgress>().AddRange(
            new BudgetProgress { Id = "R1", BudgetLineId = "D2", Year = 2026, Month = 5, PhysicalPct = 40, Verified = true, SubmittedAt = Start.AddDays(-2), UpdatedAt = Start.AddDays(-2) },
            new BudgetProgress { Id = "R2", BudgetLineId = "D1", Year = 2026, Month = 5, PhysicalPct = 40, Verified = true, SubmittedAt = Start.AddDays(-2), UpdatedAt = Start.AddDays(-2) },
            new BudgetProgress { Id = "R3", BudgetLineId = "L1", Year = 2026, Month = 5, PhysicalPct = 10, Verified = true, SubmittedAt = Start.AddDays(-2), UpdatedAt = Start.AddDays(-2) });
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<BudgetPage> RenderPage(string url = "anggaran")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<BudgetPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=league-]")));
        return cut;
    }

    private static IReadOnlyList<ChartSeries> Series(IRenderedComponent<BudgetPage> cut, string id) =>
        cut.FindComponents<Stub<ApexChart>>().Single(c => c.Instance.Parameters.Get(x => x.Id) == id).Instance.Parameters.Get(x => x.Series);

    private static IReadOnlyList<string> Categories(IRenderedComponent<BudgetPage> cut, string id) =>
        cut.FindComponents<Stub<ApexChart>>().Single(c => c.Instance.Parameters.Get(x => x.Id) == id).Instance.Parameters.Get(x => x.Categories);

    [Fact]
    public async Task City_view_shows_the_league_against_the_band_the_S_curve_the_gaps_and_the_projected_silpa()
    {
        await SeedAsync();

        var cut = RenderPage();

        Assert.Equal(10, cut.FindAll("[data-testid=budget-tiles] > article").Count);
        // 19 % on 10 June: between the day's bounds (8 and 23.33).
        Assert.Equal("AtRisk", cut.Find($"[data-testid=tile-{Codes.RealisationPct}]").GetAttribute("data-status"));

        // League, lowest first: DLH 25 of 500 = 5 % (below 8: off track); DINKES 450 of 2,000 = 22.5 % (at risk). UP and cancelled LS do not count.
        Assert.Equal(["DLH", "DINKES"], Categories(cut, "chart-budget-league"));
        Assert.Equal([5.0, 22.5], Series(cut, "chart-budget-league")[0].Values);
        // Cash plan to 10 June: five months and a third of June, of ten tenths: 53.3 %.
        Assert.Equal([53.3, 53.3], Series(cut, "chart-budget-league")[1].Values);
        Assert.Equal("Di bawah kurva", cut.Find("[data-testid=league-status-DLH]").TextContent.Trim());
        Assert.Equal("Waspada", cut.Find("[data-testid=league-status-DINKES]").TextContent.Trim());

        // S-curve of the city (pagu 2,500): March 50 → 2 %, May 450 → 18 %, June to date 475 → 19 %, nothing after June.
        var curve = Series(cut, "chart-budget-curve");
        Assert.Equal([0.0, 0, 2, 2, 18, 19, null, null, null, null, null, null], curve[0].Values);
        Assert.Equal([10.0, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100], curve[1].Values);
        Assert.Equal([1.0, 1, 3, 5, 7, 10, 20, 30, 40, 50, 60, 70], curve[2].Values);
        Assert.Equal([1.0, 5, 7, 10, 20, 30, 40, 50, 60, 70, 80, 85], curve[3].Values);

        // Physical vs financial: D2 reported 40 % in May against 5 % paid: 35 points; D1 40 vs 40, L1 10 vs 0: not listed.
        Assert.Single(cut.FindAll("[data-testid^=gap-]"));
        Assert.Equal(["DINKES", "Sub-kegiatan D2", "2026-05", "40 %", "5 %", "35,0"],
            cut.Find("[data-testid=gap-D2]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()));

        // SiLPA: 475 realised, plan to date 1,333.33 of 2,500: projected 475 + 1,166.67 × 475 / 1,333.33 = 890.625; SiLPA 1,609.375.
        var format = Services.GetRequiredService<DashboardFormatter>();
        Assert.Contains(format.Rupiah(1_609_375_000), cut.Find("[data-testid=budget-silpa-value]").TextContent);

        // Funding sources: DAU 40 %, DAK fisik 5 %, PAD 5 %.
        Assert.Equal(["PAD", "DAU", "DAK_FISIK"], Categories(cut, "chart-budget-funding"));
        Assert.Equal([5.0, 40, 5], Series(cut, "chart-budget-funding")[0].Values);
    }

    [Fact]
    public async Task Agency_view_scopes_the_curve_gaps_and_silpa_but_keeps_the_whole_league()
    {
        await SeedAsync();

        var cut = RenderPage("anggaran?opd=DLH");

        // Every head sees the league of every agency.
        Assert.Equal(["DLH", "DINKES"], Categories(cut, "chart-budget-league"));
        Assert.Contains("row--selected", cut.Find("[data-testid=league-DLH]").ClassName);
        // DLH alone: 25 of 500 in June.
        Assert.Equal([0.0, 0, 0, 0, 0, 5, null, null, null, null, null, null], Series(cut, "chart-budget-curve")[0].Values);
        Assert.Empty(cut.FindAll("[data-testid^=gap-]"));
        // SiLPA of DLH: 25 realised, plan to date 266.67 of 500: 25 + 233.33 × 25 / 266.67 = 46.875 projected.
        var format = Services.GetRequiredService<DashboardFormatter>();
        Assert.Contains(format.Rupiah(453_125_000), cut.Find("[data-testid=budget-silpa-value]").TextContent);
        Assert.Equal(["PAD"], Categories(cut, "chart-budget-funding"));
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
