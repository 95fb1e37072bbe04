using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Web.Features.SocialAid;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Codes = Dashboard.Ingest.Sources.SocialAid.SocialAidIndicators.Codes;

namespace Dashboard.Tests.Web.SocialAid;

public sealed class SocialAidPageTests : WebTestContext
{
    // Start is Wednesday 10 June 2026, 14:00 WIB: the second tahap (PKH from 10 May, Sembako from 20 May) is being paid.
    private const string Lesanpuro = "35.73.03.1007";
    private const string Sawojajar = "35.73.03.1008";
    private const string Balearjosari = "35.73.01.1001";
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();

    public SocialAidPageTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IRefreshRequests>(new NoRefresh());
        Services.AddSingleton<SocialAidQueries>();
        ComponentFactories.AddStub<ApexChart>();
        AddAuthorization().SetAuthorized("kepala-dinsos");
        UseInteractiveServerRenderer();
    }

    private static SocialAidFamily Family(string key, string kelurahan, int desil, string programs, string status = "aktif",
        string verval = "layak", DateTimeOffset? graduatedAt = null) => new()
    {
        Id = key, KelurahanCode = kelurahan, KecamatanCode = kelurahan[..8], Desil = desil, Programs = programs, Status = status,
        VervalStatus = verval, GraduatedAt = graduatedAt, UpdatedAt = graduatedAt ?? Start.AddDays(-100),
    };

    private static SocialAidDisbursement Payment(string id, string family, string program, string status, string stage = "2026-T2",
        string? reason = null) => new()
    {
        Id = id, FamilyKey = family, Program = program, Stage = stage, Amount = program == "PKH" ? 750_000 : 600_000, Status = status,
        FailureReason = reason, DisbursedAt = status == "tersalur" ? Start.AddDays(-5) : null, UpdatedAt = Start.AddDays(-5),
    };

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(SocialAidIndicators.Source, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.Recipients, 4, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.DisbursedPct, 50, Start.AddMinutes(-2), label: "2026-T2");
        await _db.SetSnapshotAsync(Codes.Recipients, 3, Start.AddMinutes(-2), scope: "35.73.03", kind: ScopeKind.Kecamatan);
        await using var db = _db.CreateDbContext();
        db.Set<SocialAidFamily>().AddRange(
            Family("p_1", Lesanpuro, 1, "PKH,SEMBAKO,PBI_JK"),
            Family("p_2", Lesanpuro, 3, "PBI_JK", verval: "belum"),
            Family("p_3", Sawojajar, 7, "SEMBAKO"),
            Family("p_4", Sawojajar, 2, ""),
            Family("p_5", Balearjosari, 4, "PKH"),
            Family("p_6", Balearjosari, 5, "", status: "graduasi", graduatedAt: new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(7))),
            Family("p_7", Balearjosari, 2, "", status: "nonaktif", verval: "tidak_layak"));
        db.Set<SocialAidDisbursement>().AddRange(
            Payment("d1", "p_1", "PKH", "tersalur"),
            Payment("d2", "p_1", "SEMBAKO", "dijadwalkan"),
            Payment("d3", "p_3", "SEMBAKO", "gagal", reason: "Rekening tidak aktif (dormant)"),
            Payment("d4", "p_5", "PKH", "tersalur"),
            Payment("d5", "p_5", "PKH", "tersalur", stage: "2026-T1"),
            Payment("d6", "p_1", "PKH", "gagal", stage: "2026-T1", reason: "KPM pindah domisili"));
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<SocialAidPage> RenderPage(string url = "bansos")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<SocialAidPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=socialaid-tiles] > article")));
        return cut;
    }

    private static IReadOnlyList<ChartSeries> Series(IRenderedComponent<SocialAidPage> cut, string id) =>
        cut.FindComponents<Stub<ApexChart>>().Single(c => c.Instance.Parameters.Get(x => x.Id) == id).Instance.Parameters.Get(x => x.Series);

    private static IReadOnlyList<string> Categories(IRenderedComponent<SocialAidPage> cut, string id) =>
        cut.FindComponents<Stub<ApexChart>>().Single(c => c.Instance.Parameters.Get(x => x.Id) == id).Instance.Parameters.Get(x => x.Categories);

    private static List<string> Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task City_view_shows_every_tile_programmes_by_kecamatan_the_tahap_failures_desil_verval_and_graduations()
    {
        await SeedAsync();

        var cut = RenderPage();

        Assert.Equal(8, cut.FindAll("[data-testid=socialaid-tiles] > article").Count);
        Assert.Equal("50 %", cut.Find($"[data-testid=tile-{Codes.DisbursedPct}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Equal(5, cut.FindComponents<Stub<ApexChart>>().Count);

        Assert.Equal(ReferenceData.Kecamatan.Select(k => k.Name), Categories(cut, "chart-aid-programs"));
        // Kedungkandang: p_1 (PKH, Sembako, PBI-JK), p_2 (PBI-JK), p_3 (Sembako); Blimbing: p_5 (PKH).
        var programs = Series(cut, "chart-aid-programs");
        Assert.Equal(["PKH", "Sembako", "PBI-JK"], programs.Select(s => s.Name));
        Assert.Equal([1d, 0, 1, 0, 0], programs[0].Values);
        Assert.Equal([0d, 0, 2, 0, 0], programs[1].Values);

        Assert.Equal("Penyaluran tahap 2026-T2 per program", cut.Find("[data-testid=progress-title]").TextContent.Trim());
        Assert.Equal(["PKH", "Sembako"], Categories(cut, "chart-aid-progress"));
        var progress = Series(cut, "chart-aid-progress");
        Assert.Equal([2d, 0], progress[0].Values);
        Assert.Equal([0d, 1], progress[1].Values);
        Assert.Equal([0d, 1], progress[2].Values);

        // Registered families (p_7 is nonaktif) by desil: recipients p_1 (1), p_2 (3), p_5 (4), p_3 (7); others p_4 (2), p_6 (5).
        var desil = Series(cut, "chart-aid-desil");
        Assert.Equal([1d, 0, 1, 1, 0, 0, 1, 0, 0, 0], desil[0].Values);
        Assert.Equal([0d, 1, 0, 0, 1, 0, 0, 0, 0, 0], desil[1].Values);
        Assert.Equal([1d, 5, 1], Series(cut, "chart-aid-verval")[0].Values);
        // July 2025 to June 2026: p_6 graduated in March.
        Assert.Equal(12, Categories(cut, "chart-aid-graduations").Count);
        Assert.Equal([0d, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0], Series(cut, "chart-aid-graduations")[0].Values);

        // Kedungkandang: 3 KPM, PKH 1, Sembako 2, PBI-JK 2, BLT 0, BPNTD 0; desil 1–4: p_1, p_2, p_4 with 2 covered;
        // verval 3 of 4; tahap 2026-T2: d1 paid, d2 scheduled, d3 failed.
        Assert.Equal(["Kedungkandang", "3", "1", "2", "2", "0", "0", "3", "66,7 %", "75 %", "33,3 %", "1", "0"],
            Cells(cut.Find("[data-testid='region-35.73.03']")));
        Assert.Equal(["Blimbing", "1", "1", "0", "0", "0", "0", "1", "100 %", "100 %", "100 %", "0", "1"],
            Cells(cut.Find("[data-testid='region-35.73.01']")));

        Assert.Equal(["2026-T2", "4", "50 %", "1", "Rp 1.500.000"], Cells(cut.Find("[data-testid=stage-2026-T2]")));
        Assert.Equal(["2026-T1", "2", "50 %", "1", "Rp 750.000"], Cells(cut.Find("[data-testid=stage-2026-T1]")));
        Assert.Equal(["Rekening tidak aktif (dormant)", "1"], Cells(Assert.Single(cut.FindAll("[data-testid=failure-reason]"))));
        Assert.Empty(cut.FindAll("[data-testid=refresh-button]"));
    }

    [Fact]
    public async Task Region_in_the_url_scopes_the_tiles_and_breakdowns_to_its_kelurahan()
    {
        await SeedAsync();

        var cut = RenderPage("bansos?wilayah=35.73.03");

        Assert.Contains("Kedungkandang", cut.Find("[data-testid=scope-trail]").TextContent, StringComparison.Ordinal);
        Assert.Equal("3", cut.Find($"[data-testid=tile-{Codes.Recipients}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Equal(12, cut.FindAll("[data-testid^=region-35]").Count);
        Assert.Equal(["Lesanpuro", "2", "1", "1", "2", "0", "0", "2", "100 %", "50 %", "50 %", "0", "0"],
            Cells(cut.Find($"[data-testid='region-{Lesanpuro}']")));
        Assert.Equal($"bansos?wilayah={Sawojajar}", cut.Find($"[data-testid='region-{Sawojajar}'] a").GetAttribute("href"));
        // Blimbing's PKH payments are out of scope.
        Assert.Equal([1d, 0], Series(cut, "chart-aid-progress")[0].Values);
        Assert.Equal("scope-trail__current", cut.Find("[data-testid='filter-35.73.03']").GetAttribute("class"));
    }

    [Fact]
    public async Task Payments_arriving_update_the_page_live()
    {
        await SeedAsync();
        var cut = RenderPage();
        Assert.Equal("33,3 %", Cells(cut.Find("[data-testid='region-35.73.03']"))[10]);

        await using (var db = _db.CreateDbContext())
        {
            var scheduled = await db.Set<SocialAidDisbursement>().SingleAsync(d => d.Id == "d2");
            scheduled.Status = "tersalur";
            scheduled.DisbursedAt = Start;
            scheduled.UpdatedAt = Start;
            await db.SaveChangesAsync();
        }
        await _db.SetSnapshotAsync(Codes.DisbursedPct, 75, Start, label: "2026-T2");
        _broadcaster.Publish(new IndicatorsChanged("Complaints", Start, RunId: 7, ["ADUAN_MASUK"]));
        _broadcaster.Publish(new IndicatorsChanged(SocialAidIndicators.Source, Start, RunId: 8, [Codes.DisbursedPct]));

        cut.WaitForAssertion(() => Assert.Equal("66,7 %", Cells(cut.Find("[data-testid='region-35.73.03']"))[10]));
        Assert.Equal("75 %", cut.Find($"[data-testid=tile-{Codes.DisbursedPct}] [data-testid=tile-value]").TextContent.Trim());
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
