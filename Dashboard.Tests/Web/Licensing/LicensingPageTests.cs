using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Web.Features.Licensing;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Codes = Dashboard.Ingest.Sources.Licensing.LicensingIndicators.Codes;

namespace Dashboard.Tests.Web.Licensing;

/// <summary>The licensing page under bUnit at Wednesday 10 June 2026, 14:00 WIB (1 June was a holiday).</summary>
public sealed class LicensingPageTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();

    public LicensingPageTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IRefreshRequests>(new NoRefreshes());
        Services.AddSingleton<LicensingQueries>();
        ComponentFactories.AddStub<ApexChart>();
        AddAuthorization().SetAuthorized("walikota");
        UseInteractiveServerRenderer();
    }

    private static DateTimeOffset Wib(int m, int d, int h) => new(2026, m, d, h, 0, 0, TimeSpan.FromHours(7));

    private static PermitApplication File(string id, string type, string channel, string status, DateTimeOffset submitted, DateTimeOffset statusSince,
        string kelurahan = "35.73.02.1001", long? retribution = null, DateTimeOffset? issued = null) => new()
    {
        Id = id, PermitType = type, Channel = channel, ApplicantKind = "perorangan", Status = status,
        KelurahanCode = kelurahan, KecamatanCode = ReferenceData.KecamatanOf(kelurahan),
        History = StatusHistory.Encode([new StatusChange("diajukan", submitted.ToUniversalTime()), .. statusSince > submitted ? new[] { new StatusChange(status, statusSince.ToUniversalTime()) } : []]),
        StatusSince = statusSince.ToUniversalTime(), SubmittedAt = submitted.ToUniversalTime(), IssuedAt = issued?.ToUniversalTime(),
        RetributionAmount = retribution, UpdatedAt = statusSince.ToUniversalTime(),
    };

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(LicensingIndicators.Source, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.Issued, 4, Start.AddMinutes(-2), label: "SiCantik 4");
        await _db.SetSnapshotAsync(Codes.OnTimePct, 84.2, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.Overdue, 1, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.InvestmentPct, 24, Start.AddMinutes(-2));
        await using var db = _db.CreateDbContext();
        db.AddRange(
            new PermitType { Id = "sip_dokter", Name = "SIP dokter", Channel = "sicantik", SlaDays = 3, TechnicalAgencyCode = "DINKES", UpdatedAt = Wib(1, 2, 8) },
            new PermitType { Id = "pbg_rumah", Name = "PBG rumah", Channel = "simbg", SlaDays = 10, TechnicalAgencyCode = "DPUPRPKP", Retribution = true, UpdatedAt = Wib(1, 2, 8) });
        db.AddRange(
            // Friday 5 June: 8, 9 and 10 June are its three days, today is the last.
            File("PRM-D1", "sip_dokter", "sicantik", "verifikasi", Wib(6, 5, 9), Wib(6, 5, 10)),
            // Tuesday 9 June: one day used, two left.
            File("PRM-D2", "sip_dokter", "sicantik", "diajukan", Wib(6, 9, 9), Wib(6, 9, 9), "35.73.05.1004"),
            // 25 May: long past its SLA.
            File("PRM-D3", "sip_dokter", "sicantik", "verifikasi", Wib(5, 25, 9), Wib(5, 25, 10)),
            // Approved 1 June, unpaid.
            File("PRM-P1", "pbg_rumah", "simbg", "menunggu_bayar", Wib(5, 18, 9), Wib(6, 1, 10), retribution: 4_500_000),
            File("PRM-T1", "sip_dokter", "sicantik", "terbit", Wib(6, 3, 9), Wib(6, 8, 11), issued: Wib(6, 8, 11)));
        db.AddRange(
            new BusinessId { Id = "9120000000001", IssuedAt = Wib(6, 9, 10), RiskLevel = "rendah", Scale = "mikro", KelurahanCode = "35.73.02.1001", KecamatanCode = "35.73.02", UpdatedAt = Wib(6, 9, 10) },
            new BusinessId { Id = "9120000000002", IssuedAt = Wib(6, 9, 11), RiskLevel = "rendah", Scale = "mikro", UpdatedAt = Wib(6, 9, 11) },
            new BusinessId { Id = "9120000000003", IssuedAt = Wib(6, 2, 11), RiskLevel = "menengah_rendah", Scale = "kecil", UpdatedAt = Wib(6, 2, 11) },
            new BusinessId { Id = "9120000000004", IssuedAt = Wib(3, 2, 11), RiskLevel = "tinggi", Scale = "besar", UpdatedAt = Wib(3, 2, 11) });
        db.AddRange(
            new InvestmentReport { Id = "LKPM-1", Year = 2026, Quarter = 1, Kind = "PMDN", Sector = "perumahan", RealisedValue = 600_000_000_000, UpdatedAt = Wib(4, 10, 10) },
            new InvestmentTarget { Id = "2026:PMDN", Year = 2026, Kind = "PMDN", Target = 2_000_000_000_000, UpdatedAt = Wib(1, 2, 9) },
            new InvestmentTarget { Id = "2026:PMA", Year = 2026, Kind = "PMA", Target = 500_000_000_000, UpdatedAt = Wib(1, 2, 9) });
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<LicensingPage> RenderPage(string url = "perizinan")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<LicensingPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=tile-IZIN]")));
        return cut;
    }

    private static IReadOnlyList<ChartSeries> Series(IRenderedComponent<LicensingPage> cut, string id) =>
        (IReadOnlyList<ChartSeries>)cut.FindComponents<Stub<ApexChart>>().Single(c => (string)c.Instance.Parameters.Get(x => x.Id)! == id).Instance.Parameters.Get(x => x.Series)!;

    private static IReadOnlyList<string> Categories(IRenderedComponent<LicensingPage> cut, string id) =>
        (IReadOnlyList<string>)cut.FindComponents<Stub<ApexChart>>().Single(c => (string)c.Instance.Parameters.Get(x => x.Id)! == id).Instance.Parameters.Get(x => x.Categories)!;

    [Fact]
    public async Task City_view_shows_the_backlog_the_files_due_soon_unpaid_pbg_nib_and_investment()
    {
        await SeedAsync();

        var cut = RenderPage();

        Assert.Equal("84,2 %", cut.Find($"[data-testid=tile-{Codes.OnTimePct}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Equal(["chart-licensing-backlog", "chart-licensing-investment", "chart-licensing-issued", "chart-licensing-nib", "chart-licensing-ontime"],
            cut.FindComponents<Stub<ApexChart>>().Select(c => (string)c.Instance.Parameters.Get(x => x.Id)!).Order(StringComparer.Ordinal));

        // Four open files by stage and age: D2 at diajukan, D1 and D3 at verifikasi, P1 waiting for payment.
        var backlog = Series(cut, "chart-licensing-backlog");
        Assert.Equal(5, backlog.Count);
        Assert.Equal(["Diajukan", "Verifikasi", "Perbaikan (pemohon)", "Pertimbangan teknis", "Menunggu bayar"], Categories(cut, "chart-licensing-backlog"));
        Assert.Equal(4, backlog.Sum(s => s.Values.Sum(v => v ?? 0)));
        Assert.Equal(2, backlog.Sum(s => s.Values[1] ?? 0));
        // D3 (25 May): 26 and 29 May (27 Idul Adha, 28 cuti bersama), 2–5 and 8–10 June (1 June Pancasila) = 9 working
        // days: the 6–10 bucket, with D1 (3 days) in the 0–5 one.
        Assert.Equal(1, backlog[1].Values[1]);
        Assert.Equal(1, backlog[0].Values[1]);

        var due = cut.FindAll("[data-testid^=due-PRM]");
        Assert.Equal(["due-PRM-D1", "due-PRM-D2"], due.Select(r => r.GetAttribute("data-testid")));
        Assert.Equal("0", due[0].QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Equal("2", due[1].QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Contains(": 1.", cut.Find("[data-testid=past-sla]").TextContent, StringComparison.Ordinal);

        Assert.Single(cut.FindAll("[data-testid^=unpaid-PRM]"));
        Assert.Equal("9", cut.Find("[data-testid=unpaid-PRM-P1] td:last-child").TextContent.Trim());

        var issued = Series(cut, "chart-licensing-issued");
        Assert.Equal(["OSS", "SiCantik", "SIMBG"], issued.Select(s => s.Name));
        Assert.Equal(1, issued[1].Values.Sum(v => v ?? 0));

        // NIB of the last 30 days: two micro low-risk, one small medium-low (the large one is from March).
        var nib = Series(cut, "chart-licensing-nib");
        Assert.Equal(["Rendah", "Menengah rendah", "Menengah tinggi", "Tinggi"], nib.Select(s => s.Name));
        Assert.Equal([2, 0, 0, 0], nib[0].Values.Select(v => v ?? 0));
        Assert.Equal([0, 1, 0, 0], nib[1].Values.Select(v => v ?? 0));
        Assert.Equal(0, nib[3].Values.Sum(v => v ?? 0));

        Assert.Equal(["2026-Q1"], Categories(cut, "chart-licensing-investment"));
        var investment = Series(cut, "chart-licensing-investment");
        Assert.Equal([600_000_000_000.0, 2_500_000_000_000.0], investment.Select(s => s.Values[0]!.Value));
    }

    [Fact]
    public async Task Kecamatan_filter_keeps_only_its_files()
    {
        await SeedAsync();

        var cut = RenderPage("perizinan?wilayah=35.73.05");

        Assert.Equal(["due-PRM-D2"], cut.FindAll("[data-testid^=due-PRM]").Select(r => r.GetAttribute("data-testid")));
        Assert.Empty(cut.FindAll("[data-testid^=unpaid-PRM]"));
    }

    [Fact]
    public async Task English_texts_are_complete_for_the_page()
    {
        await SeedAsync();
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(Dashboard.Web.Shared.Localization.DashboardCultures.English);
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(Dashboard.Web.Shared.Localization.DashboardCultures.English);

        var cut = RenderPage();

        Assert.Contains("Files close to their SLA at a city stage", cut.Find("[data-testid=due-soon] h2").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Submitted", "Verification", "Correction (applicant)", "Technical review", "Awaiting payment"], Categories(cut, "chart-licensing-backlog"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _db.Dispose();
    }

    private sealed class NoRefreshes : IRefreshRequests
    {
        public Task<string> RequestAsync(string source, RunRequest request, CancellationToken ct = default) => Task.FromResult("job-0");
    }
}
