using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Web.Features.Revenue;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Codes = Dashboard.Ingest.Sources.Revenue.RevenueIndicators.Codes;

namespace Dashboard.Tests.Web.Revenue;

public sealed class RevenuePageTests : WebTestContext
{
    // Start is Wednesday 10 June 2026, 14:00 WIB: day 161 of 365, so the time-proportional line is at 44,1 %.
    private static readonly DateOnly Today = new(2026, 6, 10);
    private const string Kauman = "35.73.02.1007";
    private const string Dinoyo = "35.73.05.1004";
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();
    private int _payments;

    public RevenuePageTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IRefreshRequests>(new NoRefresh());
        Services.AddSingleton<RevenueQueries>();
        ComponentFactories.AddStub<ApexChart>();
        AddAuthorization().SetAuthorized("kepala-bapenda");
        UseInteractiveServerRenderer();
    }

    private static RevenueTarget Target(string code, string kind, long target) => new()
    {
        Id = $"2026:{code}", Year = 2026, RevenueCode = code, Kind = kind, Name = "Nama " + code, Target = target,
        RevisedAt = Start.AddDays(-190), UpdatedAt = Start.AddDays(-190),
    };

    private RevenuePayment Payment(string code, long amount, DateOnly day, string? kelurahan = Kauman, string status = "posted", string taxpayer = "p_1") => new()
    {
        Id = $"NTPD{++_payments}", RevenueCode = code, TaxpayerKey = taxpayer, KelurahanCode = kelurahan,
        KecamatanCode = kelurahan?[..8], Amount = amount, PaidAt = Start, PaidDate = day, Channel = "bank", Status = status, UpdatedAt = Start,
    };

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(RevenueIndicators.Source, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.TaxRealisationPct, 53.3, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.TaxDailyReceipts, 3e9, Start.AddMinutes(-2), scope: "35.73.02", kind: ScopeKind.Kecamatan);
        await _db.SetSnapshotAsync(Codes.PbbRealisationPct, 92.5, Start.AddMinutes(-2), scope: Kauman, kind: ScopeKind.Kelurahan);
        await _db.SetSnapshotAsync(Codes.PbbArrears, 250_000_000, Start.AddMinutes(-2), scope: Kauman, kind: ScopeKind.Kelurahan);
        await _db.SetSnapshotAsync(Codes.PbbRealisationPct, 40, Start.AddMinutes(-2), scope: Dinoyo, kind: ScopeKind.Kelurahan);
        await using var db = _db.CreateDbContext();
        db.Set<RevenueTarget>().AddRange(
            Target("PBB_P2", "pajak", 10_000_000_000),
            Target("PBJT_MAKAN_MINUM", "pajak", 20_000_000_000),
            Target("RETRIBUSI_PASAR", "retribusi", 2_000_000_000));
        db.Set<RevenuePayment>().AddRange(
            Payment("PBB_P2", 5_000_000_000, new DateOnly(2026, 5, 2)),
            // A reversal subtracts on its own day.
            Payment("PBB_P2", 1_000_000_000, new DateOnly(2026, 5, 4), status: "reversed"),
            Payment("PBJT_MAKAN_MINUM", 12_000_000_000, new DateOnly(2026, 3, 15), kelurahan: Dinoyo, taxpayer: "p_2"),
            Payment("RETRIBUSI_PASAR", 500_000_000, new DateOnly(2026, 6, 1)),
            // Last year's payments do not count this year.
            Payment("PBJT_MAKAN_MINUM", 7_000_000_000, new DateOnly(2025, 12, 20)),
            Payment("BPHTB", 250_000_000, new DateOnly(2026, 6, 3), taxpayer: "p_3"),
            Payment("BPHTB", 150_000_000, new DateOnly(2026, 6, 9), kelurahan: Dinoyo, taxpayer: "p_4"));
        db.Set<PbbAssessment>().AddRange(
            new PbbAssessment { Id = "a1", Year = 2026, KelurahanCode = Kauman, KecamatanCode = "35.73.02", AmountDue = 4_000_000_000, AmountPaid = 3_700_000_000, UpdatedAt = Start },
            new PbbAssessment { Id = "a2", Year = 2026, KelurahanCode = Dinoyo, KecamatanCode = "35.73.05", AmountDue = 1_000_000_000, AmountPaid = 400_000_000, UpdatedAt = Start });
        db.IndicatorValues.AddRange(
            new IndicatorValue { IndicatorCode = Codes.TaxDailyReceipts, ScopeKind = ScopeKind.Kota, ScopeCode = "35.73", Date = Today, Value = 2_500_000_000 },
            new IndicatorValue { IndicatorCode = Codes.TaxDailyReceipts, ScopeKind = ScopeKind.Kota, ScopeCode = "35.73", Date = Today.AddYears(-1), Value = 1_750_000_000 });
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<RevenuePage> RenderPage(string url = "pendapatan")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<RevenuePage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=revenue-tiles] > article")));
        return cut;
    }

    private static Stub<ApexChart> Chart(IRenderedComponent<RevenuePage> cut, string id) =>
        cut.FindComponents<Stub<ApexChart>>().Single(c => c.Instance.Parameters.Get(x => x.Id) == id).Instance;

    private static string[] Cells(IRenderedComponent<RevenuePage> cut, string testId) =>
        [.. cut.Find($"[data-testid='{testId}']").QuerySelectorAll("td, th").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task City_view_shows_realisation_per_type_in_rupiah_against_target_and_the_proportional_line()
    {
        await SeedAsync();

        var cut = RenderPage();

        Assert.Equal(10, cut.FindAll("[data-testid=revenue-tiles] > article").Count);
        // PBB: 5 miliar paid, 1 miliar reversed: 4 of 10 miliar, 44,1 % of the year gone.
        Assert.Equal(["Nama PBB_P2", "Rp 10,00 miliar", "Rp 4,00 miliar", "40 %", "−4,1 pp"], Cells(cut, "type-PBB_P2"));
        Assert.Equal(["Nama PBJT_MAKAN_MINUM", "Rp 20,00 miliar", "Rp 12,00 miliar", "60 %", "+15,9 pp"], Cells(cut, "type-PBJT_MAKAN_MINUM"));
        // BPHTB has payments but no target: listed, without a percentage.
        Assert.Equal(["BPHTB", "—", "Rp 400.000.000", "—", "—"], Cells(cut, "type-BPHTB"));
        Assert.Equal(["Jumlah pajak daerah", "Rp 30,00 miliar", "Rp 16,40 miliar", "54,7 %", "+10,6 pp"], Cells(cut, "total-pajak"));
        Assert.Equal(["Jumlah retribusi daerah", "Rp 2,00 miliar", "Rp 500.000.000", "25 %", "−19,1 pp"], Cells(cut, "total-retribusi"));

        var cumulative = Chart(cut, "chart-revenue-cumulative").Parameters.Get(x => x.Series);
        Assert.Equal(161, cumulative[0].Values.Count);
        Assert.Equal(16.4, cumulative[0].Values[^1]);
        Assert.Equal(13.23, cumulative[1].Values[^1]);
        var daily = Chart(cut, "chart-revenue-daily").Parameters.Get(x => x.Series);
        Assert.Equal(2500, daily[0].Values[^1]);
        Assert.Equal(1750, daily[1].Values[^1]);
        Assert.Equal(["PBB P2", "PBJT MAKAN MINUM", "R. PASAR"], Chart(cut, "chart-revenue-types").Parameters.Get(x => x.Categories));

        // The lurah ranking: every kelurahan of the city, best first, with its status against the 90 % target.
        Assert.Equal(57, cut.FindAll("[data-testid^=pbb-35]").Count);
        Assert.Equal(["1", "Kauman", "92,5 %", "Sesuai target", "Rp 4,00 miliar", "Rp 3,70 miliar", "Rp 250.000.000"], Cells(cut, $"pbb-{Kauman}"));
        Assert.Equal("2", Cells(cut, $"pbb-{Dinoyo}")[0]);
        Assert.Equal(["Kauman", "Dinoyo"], Chart(cut, "chart-revenue-pbb").Parameters.Get(x => x.Categories));

        Assert.Equal("2", Cells(cut, "bphtb-count")[1]);
        Assert.Equal("Rp 400.000.000", Cells(cut, "bphtb-value")[1]);
        // Less than a year of payments is loaded: new taxpayers cannot be told apart.
        Assert.Equal("—", Cells(cut, "new-taxpayers")[1]);
        Assert.Empty(cut.FindAll("[data-testid=refresh-button]"));
    }

    [Fact]
    public async Task Region_in_the_url_scopes_the_tiles_the_ranking_and_bphtb()
    {
        await SeedAsync();

        var cut = RenderPage("pendapatan?wilayah=35.73.02");

        Assert.Contains("Klojen", cut.Find("[data-testid=scope-trail]").TextContent, StringComparison.Ordinal);
        Assert.Equal(RevenueQueries.RegionalCodes.Count, cut.FindAll("[data-testid=revenue-tiles] > article").Count);
        Assert.Empty(cut.FindAll($"[data-testid=tile-{Codes.TaxRealisationPct}]"));
        Assert.Equal("Rp 3,00 miliar", cut.Find($"[data-testid=tile-{Codes.TaxDailyReceipts}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Equal(11, cut.FindAll("[data-testid^=pbb-35]").Count);
        Assert.Equal("pendapatan?wilayah=35.73.02.1007", cut.Find($"[data-testid='pbb-{Kauman}'] a").GetAttribute("href"));
        Assert.Equal("1", Cells(cut, "bphtb-count")[1]);
        Assert.Equal("scope-trail__current", cut.Find("[data-testid='filter-35.73.02']").GetAttribute("class"));
    }

    [Fact]
    public async Task A_payment_arriving_updates_the_page_live()
    {
        await SeedAsync();
        var cut = RenderPage();
        Assert.Equal("Rp 12,00 miliar", Cells(cut, "type-PBJT_MAKAN_MINUM")[2]);

        await using (var db = _db.CreateDbContext())
        {
            db.Set<RevenuePayment>().Add(Payment("PBJT_MAKAN_MINUM", 2_000_000_000, Today, taxpayer: "p_9"));
            await db.SaveChangesAsync();
        }
        _broadcaster.Publish(new IndicatorsChanged("Complaints", Start, RunId: 7, ["ADUAN_MASUK"]));
        _broadcaster.Publish(new IndicatorsChanged(RevenueIndicators.Source, Start, RunId: 8, [Codes.TaxDailyReceipts]));

        cut.WaitForAssertion(() => Assert.Equal("Rp 14,00 miliar", Cells(cut, "type-PBJT_MAKAN_MINUM")[2]));
        Assert.Equal("70 %", Cells(cut, "type-PBJT_MAKAN_MINUM")[3]);
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
