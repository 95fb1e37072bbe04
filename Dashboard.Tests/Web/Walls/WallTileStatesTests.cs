using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Web.Features.Walls;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Tiles;

namespace Dashboard.Tests.Web.Walls;

/// <summary>
/// The three states every wall tile kind must show (the KPI tile and the trend chart tile): stale past the
/// indicator's freshness limit, its source down, and no data (never a silent zero).
/// </summary>
public sealed class WallTileStatesTests : WebTestContext
{
    public WallTileStatesTests() => ComponentFactories.AddStub<ApexChart>();

    private static KpiTileModel Model(double? value = 120, DateTimeOffset? lastSuccessAt = null, bool hasSnapshot = true, bool withSeries = true) => new()
    {
        Code = "ADUAN_MASUK",
        NameId = "Aduan masuk hari ini",
        NameEn = "Complaints received today",
        Unit = IndicatorUnit.Count,
        Direction = IndicatorDirection.LowerIsBetter,
        Source = ComplaintsIndicators.Source,
        CadenceMinutes = 60,
        FreshnessMinutes = 120,
        ScopeCode = ReferenceData.KotaCode,
        HasSnapshot = hasSnapshot,
        Value = value,
        ComputedAt = hasSnapshot ? lastSuccessAt : null,
        LastSuccessAt = lastSuccessAt,
        Sparkline = [.. Enumerable.Range(0, KpiTileLoader.SparklineDays)
            .Select(i => new SparkPoint(new DateOnly(2026, 5, 12).AddDays(i), withSeries ? 100 + i : null))],
    };

    private static readonly WallSourceHealth Healthy = new(ComplaintsIndicators.Source, false, 0, Start.AddMinutes(-5));
    private static readonly WallSourceHealth Down = new(ComplaintsIndicators.Source, true, 3, Start.AddMinutes(-4));

    private IRenderedComponent<WallTile> Tile(KpiTileModel model, WallSourceHealth health) =>
        Render<WallTile>(p => p.Add(x => x.Tile, model).Add(x => x.Health, health).Add(x => x.Now, Start));

    private IRenderedComponent<WallTrendTile> Trend(KpiTileModel model, WallSourceHealth health) =>
        Render<WallTrendTile>(p => p.Add(x => x.Tile, model).Add(x => x.Health, health).Add(x => x.Now, Start));

    [Fact]
    public void KpiTile_fresh_shows_value_and_age_without_warnings()
    {
        var cut = Tile(Model(lastSuccessAt: Start.AddMinutes(-5)), Healthy);

        Assert.Equal("120", cut.Find("[data-testid=tile-value]").TextContent.Trim());
        Assert.Equal("5 menit lalu", cut.Find("[data-testid=tile-age]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=tile-stale]"));
        Assert.Empty(cut.FindAll("[data-testid=wall-source-down]"));
        Assert.Equal("false", cut.Find("[data-testid=wall-tile-ADUAN_MASUK]").GetAttribute("data-source-down"));
    }

    [Fact]
    public void Both_tile_kinds_say_their_source_is_paused_by_an_operator_and_until_when()
    {
        var paused = Model(lastSuccessAt: Start.AddHours(-3)) with { IsPaused = true, PausedUntil = Start.AddHours(2) };

        Assert.Equal("Dijeda oleh operator sampai 10 Juni 2026 16:00 WIB", Tile(paused, Healthy).Find("[data-testid=tile-paused]").TextContent.Trim());
        Assert.Equal("Dijeda oleh operator sampai 10 Juni 2026 16:00 WIB", Trend(paused, Healthy).Find("[data-testid=wall-trend-paused]").TextContent.Trim());
    }

    [Fact]
    public void KpiTile_past_its_freshness_limit_is_visibly_stale()
    {
        var cut = Tile(Model(lastSuccessAt: Start.AddHours(-3)), Healthy);

        Assert.Equal("true", cut.Find("[data-testid=tile-ADUAN_MASUK]").GetAttribute("data-stale"));
        Assert.Contains("kpi-tile--stale", cut.Find("[data-testid=tile-ADUAN_MASUK]").ClassList);
        Assert.Equal("Data basi", cut.Find("[data-testid=tile-stale]").TextContent.Trim());
        Assert.Equal("3 jam lalu", cut.Find("[data-testid=tile-age]").TextContent.Trim());
    }

    [Fact]
    public void KpiTile_with_its_source_down_says_so_and_keeps_the_last_value()
    {
        var cut = Tile(Model(lastSuccessAt: Start.AddMinutes(-30)), Down);

        Assert.Equal("true", cut.Find("[data-testid=wall-tile-ADUAN_MASUK]").GetAttribute("data-source-down"));
        Assert.Contains("wall-tile--down", cut.Find("[data-testid=wall-tile-ADUAN_MASUK]").ClassList);
        Assert.Equal("Sumber data gangguan: 3× gagal, terakhir dicoba 13:56 WIB", cut.Find("[data-testid=wall-source-down]").TextContent.Trim());
        Assert.Equal("120", cut.Find("[data-testid=tile-value]").TextContent.Trim());
    }

    [Fact]
    public void KpiTile_without_data_shows_a_dash_and_the_reason_never_zero()
    {
        var cut = Tile(Model(value: null, lastSuccessAt: null, hasSnapshot: false, withSeries: false), WallSourceHealth.Unknown(ComplaintsIndicators.Source));

        Assert.Equal("—", cut.Find("[data-testid=tile-value]").TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(cut.Find("[data-testid=tile-reason]").TextContent));
        Assert.Equal("belum pernah diperbarui", cut.Find("[data-testid=tile-age]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=tile-stale]"));
        Assert.DoesNotContain(">0<", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TrendTile_fresh_draws_a_fixed_30_day_window()
    {
        var cut = Trend(Model(lastSuccessAt: Start.AddMinutes(-5)), Healthy);

        var chart = cut.FindComponent<Stub<ApexChart>>();
        Assert.Equal(KpiTileLoader.SparklineDays, chart.Instance.Parameters.Get(x => x.Categories).Count);
        Assert.Equal(KpiTileLoader.SparklineDays, chart.Instance.Parameters.Get(x => x.Series).Single().Values.Count);
        Assert.Equal("false", cut.Find("[data-testid=wall-trend]").GetAttribute("data-stale"));
        Assert.Equal("5 menit lalu", cut.Find("[data-testid=wall-trend-age]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=wall-source-down]"));
    }

    [Fact]
    public void TrendTile_past_its_freshness_limit_is_visibly_stale()
    {
        var cut = Trend(Model(lastSuccessAt: Start.AddHours(-3)), Healthy);

        Assert.Equal("true", cut.Find("[data-testid=wall-trend]").GetAttribute("data-stale"));
        Assert.Contains("wall-trend--stale", cut.Find("[data-testid=wall-trend]").ClassList);
        Assert.Equal("Data basi", cut.Find("[data-testid=wall-trend-stale]").TextContent.Trim());
    }

    [Fact]
    public void TrendTile_with_its_source_down_says_so()
    {
        var cut = Trend(Model(lastSuccessAt: Start.AddMinutes(-30)), Down);

        Assert.Equal("true", cut.Find("[data-testid=wall-trend]").GetAttribute("data-source-down"));
        Assert.Contains("wall-trend--down", cut.Find("[data-testid=wall-trend]").ClassList);
        Assert.StartsWith("Sumber data gangguan", cut.Find("[data-testid=wall-source-down]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void TrendTile_without_data_shows_a_dash_not_an_empty_chart()
    {
        var cut = Trend(Model(value: null, lastSuccessAt: null, hasSnapshot: false, withSeries: false), WallSourceHealth.Unknown(ComplaintsIndicators.Source));

        Assert.Empty(cut.FindComponents<Stub<ApexChart>>());
        Assert.Contains("—", cut.Find("[data-testid=wall-trend-empty]").TextContent, StringComparison.Ordinal);
        Assert.Equal("belum pernah diperbarui", cut.Find("[data-testid=wall-trend-age]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=wall-trend-stale]"));
    }
}
