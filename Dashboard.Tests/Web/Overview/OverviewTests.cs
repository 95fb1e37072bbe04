using Dashboard.Ingest.Sources.Complaints;
using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Features.Overview;
using Dashboard.Web.Shared.Charts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Codes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;
using OverviewPage = Dashboard.Web.Features.Overview.Overview;

namespace Dashboard.Tests.Web.Overview;

public sealed class OverviewTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();

    public OverviewTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IndicatorQueries>();
        ComponentFactories.AddStub<ApexChart>();
        UseInteractiveServerRenderer();
    }

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(ComplaintsIndicators.Source, Start.AddMinutes(-3));
        await _db.SetSnapshotAsync(Codes.WithinSlaPct, 78.4, Start.AddMinutes(-3));
        await _db.SetSnapshotAsync(Codes.FollowedUpPct, 96.2, Start.AddMinutes(-3));
        await _db.SetSnapshotAsync(Codes.TopCategory, 231, Start.AddMinutes(-3), label: "Perhubungan");
    }

    [Fact]
    public async Task Renders_one_tile_per_catalogue_indicator_grouped_by_source()
    {
        await SeedAsync();

        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal(IndicatorCatalog.Definitions.Count(d => d.Source == ComplaintsIndicators.Source), cut.FindAll("[data-testid^=tile-ADUAN], [data-testid^=tile-OPD]").Count));
        Assert.NotNull(cut.Find("[data-testid=group-Complaints]"));
        Assert.Contains("Pengaduan masyarakat", cut.Find("[data-testid=group-Complaints]").TextContent);

        var sla = cut.Find($"[data-testid=tile-{Codes.WithinSlaPct}]");
        Assert.Equal("78,4 %", sla.QuerySelector("[data-testid=tile-value]")!.TextContent.Trim());
        Assert.Equal(nameof(IndicatorStatus.OffTrack), sla.GetAttribute("data-status"));
        Assert.Equal("false", sla.GetAttribute("data-stale"));

        // The catalogue has no snapshot for this one: a dash and a reason, not a zero.
        var closed = cut.Find($"[data-testid=tile-{Codes.ClosedPct}]");
        Assert.Equal("—", closed.QuerySelector("[data-testid=tile-value]")!.TextContent.Trim());
        Assert.Equal(nameof(IndicatorStatus.NoData), closed.GetAttribute("data-status"));
    }

    [Fact]
    public async Task A_committed_run_shows_up_without_a_reload()
    {
        await SeedAsync();
        var cut = Render<OverviewPage>();
        cut.WaitForAssertion(() => Assert.Equal("78,4 %",
            cut.Find($"[data-testid=tile-{Codes.WithinSlaPct}] [data-testid=tile-value]").TextContent.Trim()));

        await _db.SetSnapshotAsync(Codes.WithinSlaPct, 91.5, Start);
        _broadcaster.Publish(new IndicatorsChanged(ComplaintsIndicators.Source, Start, RunId: 7, [Codes.WithinSlaPct]));

        cut.WaitForAssertion(() =>
        {
            var tile = cut.Find($"[data-testid=tile-{Codes.WithinSlaPct}]");
            Assert.Equal("91,5 %", tile.QuerySelector("[data-testid=tile-value]")!.TextContent.Trim());
            Assert.Equal(nameof(IndicatorStatus.OnTrack), tile.GetAttribute("data-status"));
        });
    }

    [Fact]
    public async Task A_run_in_progress_marks_the_tiles_as_updating()
    {
        await SeedAsync();
        var cut = Render<OverviewPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=tile-ADUAN]")));
        Assert.Empty(cut.FindAll("[data-testid=tile-running]"));

        await _db.SetSourceStateAsync(ComplaintsIndicators.Source, Start.AddMinutes(-3), runningRunId: 8);
        _broadcaster.Publish(new IngestProgress(ComplaintsIndicators.Source, Start, RunId: 8, IngestRunStatus.Running, Pages: 1, ItemsRead: 100));

        cut.WaitForAssertion(() => Assert.Equal(IndicatorCatalog.Definitions.Count(d => d.Source == ComplaintsIndicators.Source), cut.FindAll("[data-testid=tile-running]").Count));
    }

    [Fact]
    public async Task Data_turns_stale_as_the_clock_passes_the_freshness_limit()
    {
        await SeedAsync();
        var cut = Render<OverviewPage>();
        var selector = $"[data-testid=tile-{Codes.WithinSlaPct}]";
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(selector).GetAttribute("data-stale")));

        // ADUAN_TL_5HK_PCT may be 180 minutes old; the clock's minute tick re-renders the ages.
        Time.Advance(TimeSpan.FromMinutes(178));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("true", cut.Find(selector).GetAttribute("data-stale"));
            Assert.Equal("3 jam lalu", cut.Find($"{selector} [data-testid=tile-age]").TextContent.Trim());
        });
    }

    [Fact]
    public async Task Leaving_the_page_unsubscribes_from_live_events()
    {
        await SeedAsync();
        var cut = Render<OverviewPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=tile-ADUAN]")));
        Assert.Equal(1, _broadcaster.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, _broadcaster.SubscriberCount);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _db.Dispose();
    }
}
