using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Web.Features.Letters;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Codes = Dashboard.Ingest.Sources.Letters.LettersIndicators.Codes;

namespace Dashboard.Tests.Web.Letters;

public sealed class LettersPageTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();

    public LettersPageTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IRefreshRequests>(new NoRefreshes());
        Services.AddSingleton<LettersQueries>();
        ComponentFactories.AddStub<ApexChart>();
        AddAuthorization().SetAuthorized("walikota");
        UseInteractiveServerRenderer();
    }

    private static LetterRequest Letter(string id, string kelurahan, string type, DateTimeOffset requested, string status = "selesai", double? hours = 2) => new()
    {
        Id = id,
        KelurahanCode = kelurahan,
        KecamatanCode = ReferenceData.KecamatanOf(kelurahan),
        LetterType = type,
        Status = status,
        RequestedAt = requested,
        CompletedAt = status is "selesai" or "ditolak" && hours is { } h ? requested.AddHours(h) : null,
        UpdatedAt = requested,
    };

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(LettersIndicators.Source, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.Requests, 3, Start.AddMinutes(-2), label: "domisili 2 · sktm 1");
        await _db.SetSnapshotAsync(Codes.WithinStandardPct, 88.5, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.WithinStandardPct, 97.0, Start.AddMinutes(-2), scope: "35.73.02.1001", kind: ScopeKind.Kelurahan);
        await _db.SetSnapshotAsync(Codes.WithinStandardPct, 61.0, Start.AddMinutes(-2), scope: "35.73.05.1004", kind: ScopeKind.Kelurahan);
        await using var db = _db.CreateDbContext();
        db.Set<LetterRequest>().AddRange(
            Letter("SRT-1", "35.73.02.1001", "domisili", Start.AddHours(-3)),
            Letter("SRT-2", "35.73.02.1001", "domisili", Start.AddDays(-1)),
            Letter("SRT-3", "35.73.02.1007", "sktm", Start.AddDays(-2), status: "ditolak"),
            // Open for ten days: past its three-day standard.
            Letter("SRT-4", "35.73.05.1004", "keterangan_usaha", Start.AddDays(-10), status: "diproses"),
            // Open since this morning: still within its standard.
            Letter("SRT-5", "35.73.05.1004", "pengantar_skck", Start.AddHours(-4), status: "diajukan"),
            Letter("SRT-OLD", "35.73.02.1001", "kematian", Start.AddDays(-45)));
        db.IndicatorValues.Add(new IndicatorValue
        {
            IndicatorCode = Codes.WithinStandardPct, ScopeKind = ScopeKind.Kota, ScopeCode = ReferenceData.KotaCode,
            Date = DateOnly.FromDateTime(Start.ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(-1), Value = 90,
        });
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<LettersPage> RenderPage(string url = "layanan-surat")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<LettersPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=tile-SURAT]")));
        return cut;
    }

    [Fact]
    public async Task City_view_shows_tiles_charts_with_data_the_ranking_and_the_backlog()
    {
        await SeedAsync();

        var cut = RenderPage();

        Assert.Equal(2, cut.FindAll("[data-testid=letter-tiles] > article").Count);
        Assert.Equal("88,5 %", cut.Find($"[data-testid=tile-{Codes.WithinStandardPct}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Contains("domisili 2 · sktm 1", cut.Find($"[data-testid=tile-{Codes.Requests}]").TextContent, StringComparison.Ordinal);

        var charts = cut.FindComponents<Stub<ApexChart>>().ToDictionary(c => (string)c.Instance.Parameters.Get(x => x.Id)!);
        Assert.Equal(["chart-letters-daily", "chart-letters-standard", "chart-letters-types"], charts.Keys.Order(StringComparer.Ordinal));
        var daily = (IReadOnlyList<ChartSeries>)charts["chart-letters-daily"].Instance.Parameters.Get(x => x.Series)!;
        // Types with requests in the window only: domisili 2, SKTM 1, keterangan usaha 1, SKCK 1 (kematian is 45 days old).
        Assert.Equal(["Domisili", "SKTM", "Pengantar SKCK", "Keterangan usaha"], daily.Select(s => s.Name));
        Assert.Equal(5, daily.Sum(s => s.Values.Sum(v => v ?? 0)));
        Assert.All(daily, s => Assert.Equal(LettersQueries.WindowDays, s.Values.Count));
        var standard = (IReadOnlyList<ChartSeries>)charts["chart-letters-standard"].Instance.Parameters.Get(x => x.Series)!;
        Assert.Equal(90, standard.Single().Values[^2]);

        var ranking = cut.FindAll("[data-testid^=kelurahan-35]");
        Assert.Equal(57, ranking.Count);
        Assert.Equal("kelurahan-35.73.02.1001", ranking[0].GetAttribute("data-testid"));
        Assert.Equal(nameof(IndicatorStatus.OnTrack), ranking[0].GetAttribute("data-status"));
        Assert.Equal("kelurahan-35.73.05.1004", ranking[1].GetAttribute("data-testid"));
        Assert.Equal(nameof(IndicatorStatus.OffTrack), ranking[1].GetAttribute("data-status"));
        Assert.Equal("1", ranking[1].QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Equal("2", cut.Find("[data-testid='kelurahan-35.73.02.1001'] td:nth-child(5)").TextContent.Trim());

        Assert.Contains("1", cut.Find("[data-testid=backlog] h2").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid^=backlog-SRT]"));
        Assert.NotNull(cut.Find("[data-testid=backlog-SRT-4]"));
    }

    [Fact]
    public async Task Region_filter_selects_a_kecamatan_and_ranks_only_its_kelurahan()
    {
        await SeedAsync();

        var cut = RenderPage("layanan-surat?wilayah=35.73.02");

        Assert.Contains("Klojen", cut.Find("[data-testid=scope-trail]").TextContent, StringComparison.Ordinal);
        Assert.Equal("layanan-surat?wilayah=35.73.05", cut.Find("[data-testid='filter-35.73.05']").GetAttribute("href"));
        var ranking = cut.FindAll("[data-testid^=kelurahan-35]");
        Assert.Equal(11, ranking.Count);
        Assert.All(ranking, r => Assert.StartsWith("kelurahan-35.73.02.", r.GetAttribute("data-testid"), StringComparison.Ordinal));
        Assert.NotNull(cut.Find("[data-testid=backlog-empty]"));
        var types = cut.FindComponents<Stub<ApexChart>>().Single(c => (string)c.Instance.Parameters.Get(x => x.Id)! == "chart-letters-types");
        Assert.Equal(["Domisili", "SKTM"], (IReadOnlyList<string>)types.Instance.Parameters.Get(x => x.Categories)!);
    }

    [Fact]
    public async Task Live_event_of_the_letters_source_requeries_the_page()
    {
        await SeedAsync();
        var cut = RenderPage();

        await _db.SetSnapshotAsync(Codes.WithinStandardPct, 92.5, Start);
        _broadcaster.Publish(new IndicatorsChanged("Complaints", Start, RunId: 3, ["ADUAN_MASUK"]));
        _broadcaster.Publish(new IndicatorsChanged(LettersIndicators.Source, Start, RunId: 4, [Codes.WithinStandardPct]));

        cut.WaitForAssertion(() => Assert.Equal("92,5 %",
            cut.Find($"[data-testid=tile-{Codes.WithinStandardPct}] [data-testid=tile-value]").TextContent.Trim()));
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
