using Dashboard.Ingest.Sources.Complaints;
using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Web.Tiles;

public sealed class KpiTileTests : WebTestContext
{
    private static KpiTileModel Tile(
        double? value = 96.2, double? target = 95, IndicatorDirection direction = IndicatorDirection.HigherIsBetter,
        double tolerance = 0.05, IndicatorUnit unit = IndicatorUnit.Percent, bool hasSnapshot = true,
        DateTimeOffset? lastSuccessAt = null, int freshnessMinutes = 180, bool running = false, string? label = null) => new()
    {
        Code = "ADUAN_DITINDAKLANJUTI_PCT",
        NameId = "Persentase aduan ditindaklanjuti",
        NameEn = "Complaints followed up",
        Unit = unit,
        Direction = direction,
        Tolerance = tolerance,
        Source = ComplaintsIndicators.Source,
        CadenceMinutes = 60,
        FreshnessMinutes = freshnessMinutes,
        ScopeCode = ReferenceData.KotaCode,
        HasSnapshot = hasSnapshot,
        Value = value,
        Label = label,
        ComputedAt = hasSnapshot ? lastSuccessAt : null,
        Target = target,
        LastSuccessAt = lastSuccessAt,
        IsRunning = running,
        Sparkline = [.. Enumerable.Range(0, 30).Select(i => new SparkPoint(new DateOnly(2026, 5, 12).AddDays(i), 90 + (i % 7)))],
    };

    private IRenderedComponent<KpiTile> RenderTile(KpiTileModel tile) =>
        Render<KpiTile>(p => p.Add(x => x.Tile, tile).Add(x => x.Now, Start));

    [Fact]
    public void Fresh_on_target_tile_shows_value_status_target_and_age()
    {
        var cut = RenderTile(Tile(lastSuccessAt: Start.AddMinutes(-3)));

        var root = cut.Find("[data-testid=tile-ADUAN_DITINDAKLANJUTI_PCT]");
        Assert.Equal("false", root.GetAttribute("data-stale"));
        Assert.Equal("2026-06-10T06:57:00.0000000Z", root.GetAttribute("data-as-of"));
        Assert.Equal("96,2 %", cut.Find("[data-testid=tile-value]").TextContent.Trim());
        Assert.Equal(nameof(IndicatorStatus.OnTrack), cut.Find("[data-testid=tile-status]").GetAttribute("data-status"));
        Assert.Contains("Sesuai target", cut.Find("[data-testid=tile-status]").TextContent);
        Assert.Equal("Target ≥ 95 %", cut.Find("[data-testid=tile-target]").TextContent.Trim());
        Assert.Equal("3 menit lalu", cut.Find("[data-testid=tile-age]").TextContent.Trim());
        Assert.Contains("13:57 WIB", cut.Find("[data-testid=tile-age]").GetAttribute("title"));
        Assert.Empty(cut.FindAll("[data-testid=tile-stale]"));
        Assert.NotNull(cut.Find("[data-testid=tile-sparkline] polyline"));
    }

    [Fact]
    public void Tile_older_than_its_freshness_limit_is_marked_stale()
    {
        var cut = RenderTile(Tile(lastSuccessAt: Start.AddMinutes(-181), freshnessMinutes: 180));

        var root = cut.Find("[data-testid=tile-ADUAN_DITINDAKLANJUTI_PCT]");
        Assert.Equal("true", root.GetAttribute("data-stale"));
        Assert.Contains("kpi-tile--stale", root.ClassList);
        Assert.Equal("Data basi", cut.Find("[data-testid=tile-stale]").TextContent.Trim());
        Assert.Equal("3 jam lalu", cut.Find("[data-testid=tile-age]").TextContent.Trim());
        Assert.Equal("96,2 %", cut.Find("[data-testid=tile-value]").TextContent.Trim());
    }

    [Fact]
    public void Tile_exactly_at_its_freshness_limit_is_not_stale()
    {
        var cut = RenderTile(Tile(lastSuccessAt: Start.AddMinutes(-180), freshnessMinutes: 180));

        Assert.Equal("false", cut.Find("[data-testid=tile-ADUAN_DITINDAKLANJUTI_PCT]").GetAttribute("data-stale"));
    }

    [Fact]
    public void Tile_without_data_shows_a_dash_and_the_reason_never_a_zero()
    {
        var cut = RenderTile(Tile(value: null, hasSnapshot: false, lastSuccessAt: null));

        Assert.Equal("—", cut.Find("[data-testid=tile-value]").TextContent.Trim());
        Assert.Equal("Belum ada data: sumber belum pernah berhasil diperbarui", cut.Find("[data-testid=tile-reason]").TextContent.Trim());
        Assert.Equal(nameof(IndicatorStatus.NoData), cut.Find("[data-testid=tile-status]").GetAttribute("data-status"));
        Assert.Equal("false", cut.Find("[data-testid=tile-ADUAN_DITINDAKLANJUTI_PCT]").GetAttribute("data-stale"));
        Assert.DoesNotContain(cut.FindAll("[data-testid=tile-value] *, [data-testid=tile-value]"), e => e.TextContent.Trim() == "0");
        Assert.Equal("belum pernah diperbarui", cut.Find("[data-testid=tile-age]").TextContent.Trim());
    }

    [Fact]
    public async Task Before_the_first_check_in_the_tile_shows_the_last_working_day_labelled_with_its_date()
    {
        // Monday 8 June 2026, 04:10 WIB: Friday 5 June has figures, Monday none yet (the chart has Friday, the tile had "—").
        var monday = new DateOnly(2026, 6, 8);
        var friday = new DateOnly(2026, 6, 5);
        var now = new DateTimeOffset(2026, 6, 7, 21, 10, 0, TimeSpan.Zero);
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var store = new InMemoryReportingDb();
        const string code = Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Codes.AttendancePct;
        ComputedValue At(DateOnly day, double? value) => new(code, ScopeKind.Kota, ReferenceData.KotaCode, day, value, null);
        await using (var db = store.CreateDbContext())
        {
            await IndicatorWriter.ReplaceAsync(db, [code], friday, friday, [At(friday, 94.3)], 1, now.AddDays(-3), ct);
        }
        await using (var db = store.CreateDbContext())
        {
            await IndicatorWriter.ReplaceAsync(db, [code], monday, monday, [At(monday, null)], 2, now, ct);
        }
        await store.SetSourceStateAsync(Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Source, now.AddMinutes(-2));
        KpiTileModel tile;
        await using (var db = store.CreateDbContext())
        {
            tile = (await KpiTileLoader.LoadAsync(db, ReferenceData.KotaCode, [code], now, ct)).Single();
        }

        var cut = Render<KpiTile>(p => p.Add(x => x.Tile, tile).Add(x => x.Now, now));

        Assert.Equal("94,3 %", cut.Find("[data-testid=tile-value]").TextContent.Trim());
        Assert.Equal("Nilai Jumat, 5 Jun 2026 · hari ini belum ada data", cut.Find("[data-testid=tile-carried]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=tile-reason]"));
        Assert.NotEqual(nameof(IndicatorStatus.NoData), cut.Find("[data-testid=tile-status]").GetAttribute("data-status"));
    }

    [Fact]
    public void Todays_value_carries_no_date_label()
    {
        var cut = RenderTile(Tile(lastSuccessAt: Start.AddMinutes(-3)) with { AsOf = new DateOnly(2026, 6, 10) });

        Assert.Empty(cut.FindAll("[data-testid=tile-carried]"));
    }

    [Fact]
    public void A_source_paused_by_an_operator_says_so_and_until_when_in_wib()
    {
        var cut = RenderTile(Tile(lastSuccessAt: Start.AddHours(-5)) with { IsPaused = true, PausedUntil = new DateTimeOffset(2026, 6, 10, 9, 30, 0, TimeSpan.Zero) });

        Assert.Equal("Dijeda oleh operator sampai 10 Juni 2026 16:30 WIB", cut.Find("[data-testid=tile-paused]").TextContent.Trim());
        Assert.Equal("96,2 %", cut.Find("[data-testid=tile-value]").TextContent.Trim());
    }

    [Fact]
    public void A_pause_without_an_end_lasts_until_resumed()
    {
        var cut = RenderTile(Tile(lastSuccessAt: Start.AddHours(-5)) with { IsPaused = true });

        Assert.Equal("Dijeda oleh operator sampai dilanjutkan", cut.Find("[data-testid=tile-paused]").TextContent.Trim());
    }

    [Fact]
    public async Task The_loader_reads_a_pause_and_ignores_one_whose_end_has_come()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var store = new InMemoryReportingDb();
        await store.SetSourceStateAsync(ComplaintsIndicators.Source, Start.AddHours(-2));
        await store.SetSnapshotAsync(ComplaintsIndicators.Codes.ComplaintsReceived, 12, Start.AddHours(-2));
        async Task<KpiTileModel> LoadAsync(DateTimeOffset? until)
        {
            await using (var db = store.CreateDbContext())
            {
                var state = await db.SourceStates.SingleAsync(s => s.Source == ComplaintsIndicators.Source, ct);
                (state.PausedAt, state.PausedUntil, state.PausedBy, state.PauseReason) = (Start.AddHours(-2), until, "operator", "pemeliharaan");
                await db.SaveChangesAsync(ct);
            }
            await using var read = store.CreateDbContext();
            return (await KpiTileLoader.LoadAsync(read, ReferenceData.KotaCode, [ComplaintsIndicators.Codes.ComplaintsReceived], Start, ct)).Single();
        }

        var paused = await LoadAsync(Start.AddHours(1));
        Assert.True(paused.IsPaused);
        Assert.Equal(Start.AddHours(1), paused.PausedUntil);
        Assert.True((await LoadAsync(null)).IsPaused);
        Assert.False((await LoadAsync(Start.AddMinutes(-1))).IsPaused);
    }

    [Fact]
    public void Snapshot_without_a_value_shows_its_label_as_the_reason()
    {
        var cut = RenderTile(Tile(value: null, lastSuccessAt: Start.AddMinutes(-1), label: "Tidak ada aduan bertenggat"));

        Assert.Equal("—", cut.Find("[data-testid=tile-value]").TextContent.Trim());
        Assert.Equal("Tidak ada aduan bertenggat", cut.Find("[data-testid=tile-reason]").TextContent.Trim());
    }

    [Fact]
    public void Value_far_below_a_higher_is_better_target_is_off_track()
    {
        var cut = RenderTile(Tile(value: 78.4, target: 90, tolerance: 0.05, lastSuccessAt: Start.AddMinutes(-3)));

        var status = cut.Find("[data-testid=tile-status]");
        Assert.Equal(nameof(IndicatorStatus.OffTrack), status.GetAttribute("data-status"));
        Assert.Contains("Di luar target", status.TextContent);
        Assert.Equal(nameof(IndicatorStatus.OffTrack), cut.Find("[data-testid=tile-ADUAN_DITINDAKLANJUTI_PCT]").GetAttribute("data-status"));
    }

    [Fact]
    public void Lower_is_better_value_within_tolerance_is_at_risk_and_shows_its_unit()
    {
        var cut = RenderTile(Tile(value: 17.2, target: 16, direction: IndicatorDirection.LowerIsBetter, tolerance: 0.1,
            unit: IndicatorUnit.WorkingHours, lastSuccessAt: Start.AddMinutes(-3)));

        Assert.Equal(nameof(IndicatorStatus.AtRisk), cut.Find("[data-testid=tile-status]").GetAttribute("data-status"));
        Assert.Equal("17,2 jam kerja", cut.Find("[data-testid=tile-value]").TextContent.Trim());
        Assert.Equal("Target ≤ 16 jam kerja", cut.Find("[data-testid=tile-target]").TextContent.Trim());
    }

    [Fact]
    public void Running_source_marks_the_tile_as_updating()
    {
        var cut = RenderTile(Tile(lastSuccessAt: Start.AddMinutes(-3), running: true));

        Assert.Contains("sedang diperbarui", cut.Find("[data-testid=tile-running]").TextContent);
    }

    [Fact]
    public void Categorical_snapshot_shows_its_label_under_the_count()
    {
        var cut = RenderTile(Tile(value: 231, target: null, direction: IndicatorDirection.Neutral, unit: IndicatorUnit.Count,
            lastSuccessAt: Start.AddMinutes(-3), label: "Perhubungan"));

        Assert.Equal("231", cut.Find("[data-testid=tile-value]").TextContent.Trim());
        Assert.Equal("Perhubungan", cut.Find("[data-testid=tile-caption]").TextContent.Trim());
        Assert.Equal(nameof(IndicatorStatus.NoTarget), cut.Find("[data-testid=tile-status]").GetAttribute("data-status"));
    }

    [Fact]
    public void Quality_notes_name_missing_kelurahan_rejected_rows_and_an_unusual_value()
    {
        var tile = Tile(lastSuccessAt: Start.AddMinutes(-3)) with
        {
            KelurahanWithData = 54, KelurahanTotal = 57, LastRunRejected = 12, IsOutlier = true,
        };

        var notes = RenderTile(tile).FindAll("[data-testid=tile-quality] li").Select(li => li.TextContent.Trim()).ToList();

        Assert.Equal(
            ["3 dari 57 kelurahan belum ada data", "12 baris ditolak pada proses terakhir", "Nilai terakhir tidak biasa dibanding riwayatnya"],
            notes);
    }

    [Fact]
    public void Complete_clean_data_shows_no_quality_notes_and_walls_never_do()
    {
        var clean = Tile(lastSuccessAt: Start.AddMinutes(-3)) with { KelurahanWithData = 57, KelurahanTotal = 57, LastRunRejected = 0 };
        Assert.Empty(RenderTile(clean).FindAll("[data-testid=tile-quality]"));

        var poor = clean with { KelurahanWithData = 10 };
        var onWall = Render<KpiTile>(p => p.Add(x => x.Tile, poor).Add(x => x.Now, Start).Add(x => x.ShowQuality, false));
        Assert.Empty(onWall.FindAll("[data-testid=tile-quality]"));
    }
}

public sealed class KpiTileEnglishTests() : WebTestContext(DashboardCultures.English)
{
    [Fact]
    public void English_tile_uses_english_name_numbers_and_words()
    {
        var tile = new KpiTileModel
        {
            Code = "ADUAN_TL_5HK_PCT",
            NameId = "Persentase tindak lanjut ≤ 5 hari kerja",
            NameEn = "Settled within 5 working days",
            Unit = IndicatorUnit.Percent,
            Direction = IndicatorDirection.HigherIsBetter,
            Tolerance = 0.05,
            Source = ComplaintsIndicators.Source,
            FreshnessMinutes = 180,
            ScopeCode = ReferenceData.KotaCode,
            HasSnapshot = true,
            Value = 78.4,
            Target = 90,
            LastSuccessAt = Start.AddHours(-4),
            ComputedAt = Start.AddHours(-4),
        };

        var cut = Render<KpiTile>(p => p.Add(x => x.Tile, tile).Add(x => x.Now, Start));

        Assert.Contains("Settled within 5 working days", cut.Markup);
        Assert.Equal("78.4%", cut.Find("[data-testid=tile-value]").TextContent.Trim());
        Assert.Equal("4 hours ago", cut.Find("[data-testid=tile-age]").TextContent.Trim());
        Assert.Equal("Stale", cut.Find("[data-testid=tile-stale]").TextContent.Trim());
        Assert.Contains("Off track", cut.Find("[data-testid=tile-status]").TextContent);
    }
}
