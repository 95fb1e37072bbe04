using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Web.Features.Indicators;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Codes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;

namespace Dashboard.Tests.Web.Indicators;

/// <summary>An in-memory reporting database with one complaints indicator's values, targets, snapshots and last run.</summary>
public abstract class IndicatorPageTestBase : WebTestContext
{
    // Start is Wednesday 10 June 2026, 14:00 WIB.
    protected static readonly DateOnly Today = new(2026, 6, 10);
    protected const string Klojen = "35.73.02";
    protected const string Kauman = "35.73.02.1007";
    protected InMemoryReportingDb Db { get; } = new();
    private readonly KpiBroadcaster _broadcaster = new();

    protected BunitAuthorizationContext Auth { get; }

    protected IndicatorPageTestBase(string culture) : base(culture)
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(Db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IRefreshRequests>(new RecordingRefreshRequests());
        Services.AddSingleton<IndicatorDetailQueries>();
        Services.AddSingleton<IndicatorAdministration>();
        Services.AddSingleton<OpdBriefQueries>();
        ComponentFactories.AddStub<ApexChart>();
        Auth = AddAuthorization();
        Auth.SetAuthorized("walikota");
        UseInteractiveServerRenderer();
    }

    protected async Task SeedAsync()
    {
        await using (var db = Db.CreateDbContext())
        {
            db.IngestRuns.Add(new IngestRun
            {
                Id = 41, Source = ComplaintsIndicators.Source, Node = "n1", StartedAt = Start.AddMinutes(-4), HeartbeatAt = Start.AddMinutes(-3),
                FinishedAt = Start.AddMinutes(-3), Status = IngestRunStatus.Succeeded, ItemsRead = 1234, Rejected = 7,
            });
            db.SourceStates.Add(new SourceState
            {
                Source = ComplaintsIndicators.Source, LastRunId = 41, LastStatus = IngestRunStatus.Succeeded,
                LastSuccessAt = Start.AddMinutes(-3), LastAttemptAt = Start.AddMinutes(-4),
            });
            // 20 of the last 30 days have a value; the same days last year too, 10 points lower.
            for (var i = 0; i < 20; i++)
            {
                var day = Today.AddDays(-i);
                db.IndicatorValues.Add(new IndicatorValue { IndicatorCode = Codes.WithinSlaPct, ScopeKind = ScopeKind.Kota, ScopeCode = ReferenceData.KotaCode, Date = day, Value = 80 + (i % 5) });
                db.IndicatorValues.Add(new IndicatorValue { IndicatorCode = Codes.WithinSlaPct, ScopeKind = ScopeKind.Kota, ScopeCode = ReferenceData.KotaCode, Date = day.AddYears(-1), Value = 70 + (i % 5) });
            }
            db.IndicatorValues.Add(new IndicatorValue { IndicatorCode = Codes.WithinSlaPct, ScopeKind = ScopeKind.Kecamatan, ScopeCode = Klojen, Date = Today, Value = 93 });
            // A June target (95) is more specific than the catalogue's yearly one (90) from 1 June on.
            db.IndicatorTargets.Add(new IndicatorTarget
            {
                Id = 900001, IndicatorCode = Codes.WithinSlaPct, Period = TargetPeriod.Month,
                PeriodStart = new DateOnly(2026, 6, 1), PeriodEnd = new DateOnly(2026, 6, 30), Value = 95,
            });
            await db.SaveChangesAsync();
        }
        await Db.SetSnapshotAsync(Codes.WithinSlaPct, 84.0, Start.AddMinutes(-3));
        await Db.SetSnapshotAsync(Codes.WithinSlaPct, 93.0, Start.AddMinutes(-3), scope: Klojen, kind: ScopeKind.Kecamatan);
        await Db.SetSnapshotAsync(Codes.WithinSlaPct, 40.0, Start.AddMinutes(-3), scope: Kauman, kind: ScopeKind.Kelurahan);
        await Db.SetSnapshotAsync(Codes.WithinSlaPct, 91.0, Start.AddMinutes(-3), scope: "DISHUB", kind: ScopeKind.Opd);
    }

    protected IRenderedComponent<IndicatorPage> RenderPage(string href)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(href);
        var parsed = IndicatorLinks.Parse(href)!.Value;
        var cut = Render<IndicatorPage>(p => p.Add(x => x.Code, parsed.Code));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=indicator-name], [data-testid=indicator-unknown]")));
        return cut;
    }

    protected static (IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series) Chart(IRenderedComponent<IndicatorPage> cut)
    {
        var stub = cut.FindComponent<Stub<ApexChart>>().Instance;
        return (stub.Parameters.Get(x => x.Categories), stub.Parameters.Get(x => x.Series));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Db.Dispose();
    }
}

public sealed class IndicatorPageTests() : IndicatorPageTestBase(DashboardCultures.Indonesian)
{

    [Fact]
    public async Task City_view_shows_value_status_targets_metadata_and_lineage()
    {
        await SeedAsync();

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        var definition = IndicatorCatalog.Find(Codes.WithinSlaPct);
        Assert.Equal(definition.NameId, cut.Find("[data-testid=indicator-name]").TextContent.Trim());
        Assert.Equal("84 %", cut.Find($"[data-testid=tile-{Codes.WithinSlaPct}] [data-testid=tile-value]").TextContent.Trim());
        // 84 against the June target of 95 (tolerance of the catalogue): off track or at risk, never the yearly 90's verdict.
        var expected = IndicatorStatusEvaluator.Evaluate(84, 95, definition.Direction, definition.Tolerance);
        Assert.Equal(expected.ToString(), cut.Find("[data-testid=tile-status]").GetAttribute("data-status"));

        Assert.NotNull(cut.Find("[data-testid=target-Year-20260101]"));
        Assert.Contains("selected", cut.Find("[data-testid=target-Month-20260601]").ClassName, StringComparison.Ordinal);

        Assert.Contains(definition.Formula, cut.Find("[data-testid=meta-formula]").TextContent, StringComparison.Ordinal);
        Assert.Equal(definition.DefinitionId, cut.Find("[data-testid=meta-definition]").TextContent.Trim());
        Assert.Contains("DISKOMINFO", cut.Find("[data-testid=meta-owner]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Makin tinggi makin baik", cut.Find("[data-testid=meta-direction]").TextContent.Trim());
        Assert.Contains("SP4N-LAPOR!", cut.Find("[data-testid=meta-source]").TextContent, StringComparison.Ordinal);
        Assert.Equal(definition.LegalBasis, cut.Find("[data-testid=meta-legal]").TextContent.Trim());

        var run = cut.Find("[data-testid=lineage-run]").TextContent;
        Assert.Contains("proses #41", run, StringComparison.Ordinal);
        Assert.Contains("berhasil", run, StringComparison.Ordinal);
        Assert.Contains("1.234 baris dibaca, 7 ditolak", run, StringComparison.Ordinal);
        Assert.Contains("3 menit", cut.Find("[data-testid=lineage-age]").TextContent, StringComparison.Ordinal);
        Assert.Equal("false", cut.Find("[data-testid=lineage-age]").GetAttribute("data-stale"));

        // The five kecamatan to drill into, and the agency values.
        Assert.Equal(5, cut.FindAll("[data-testid^='region-35.73.0']").Count);
        Assert.Equal("93 %", cut.Find($"[data-testid='region-{Klojen}'] td:nth-child(2)").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=agency-DISHUB]"));
    }

    [Fact]
    public async Task Trend_has_a_point_a_day_last_year_and_the_target_in_force_each_day()
    {
        await SeedAsync();

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        var chart = Chart(cut);
        Assert.Equal(30, chart.Categories.Count);
        Assert.Equal("10 Jun", chart.Categories[^1]);
        var (values, lastYear, target) = (chart.Series[0].Values, chart.Series[1].Values, chart.Series[2].Values);
        Assert.Equal(20, values.Count(v => v.HasValue));
        Assert.Equal(80, values[^1]);
        Assert.Equal(84, values[^5]);
        Assert.Null(values[0]);
        Assert.All(values.Zip(lastYear), p => Assert.Equal(p.First - 10, p.Second));
        // 12 May to 31 May under the yearly target, 1 June on under June's.
        Assert.Equal(90, target[0]);
        Assert.Equal(90, target[19]);
        Assert.Equal(95, target[20]);
        Assert.Equal(95, target[^1]);
        Assert.Contains("20 dari 30 hari", cut.Find("[data-testid=trend-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Tren 12 Mei 2026 – 10 Juni 2026", cut.Find("[data-testid=indicator-trend]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Bulan Juni 2026", cut.Find("[data-testid=target-Month-20260601]").TextContent, StringComparison.Ordinal);
        Assert.Contains("10 Juni 2026 13:57 WIB", cut.Find("[data-testid=lineage-success]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_year_of_a_running_total_whose_history_began_mid_year_is_left_out_with_a_note()
    {
        // Tax realisation since 1 January: this year 85–93 %; last year's history only began on 1 May 2025, so its
        // "realisation" is a few percent, not last year's. It must not stand beside this year's.
        const string code = Dashboard.Ingest.Sources.Revenue.RevenueIndicators.Codes.TaxRealisationPct;
        var historyFrom = new DateOnly(2025, 5, 1);
        await using (var db = Db.CreateDbContext())
        {
            for (var day = historyFrom; day <= Today; day = day.AddDays(1))
            {
                var value = day.Year == 2025 ? 3 + ((day.DayNumber - historyFrom.DayNumber) * 0.1) : 85 + ((day.DayNumber % 9) * 0.9);
                db.IndicatorValues.Add(new IndicatorValue { IndicatorCode = code, ScopeKind = ScopeKind.Kota, ScopeCode = ReferenceData.KotaCode, Date = day, Value = value });
            }
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        await Db.SetSnapshotAsync(code, 90, Start.AddMinutes(-3));

        var cut = RenderPage(IndicatorLinks.Href(code));

        var chart = Chart(cut);
        Assert.DoesNotContain(chart.Series, s => s.Name.StartsWith("Tahun lalu", StringComparison.Ordinal));
        Assert.Contains("sejak 1 Mei 2025", cut.Find("[data-testid=trend-last-year-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_year_is_shown_where_its_days_have_data_and_no_note_is_needed()
    {
        await SeedAsync();

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        Assert.Contains(Chart(cut).Series, s => s.Name == "Tahun lalu");
        Assert.Empty(cut.FindAll("[data-testid=trend-last-year-note]"));
    }

    [Theory]
    [InlineData("2025-01-01", "2025-06-10", true, true)]
    [InlineData("2025-05-01", "2025-06-10", true, false)]
    [InlineData("2025-05-01", "2026-03-10", true, true)]
    [InlineData("2025-05-01", "2025-06-10", false, true)]
    [InlineData("2025-05-01", "2025-04-30", false, false)]
    public void A_last_year_value_is_comparable_only_when_its_period_is_covered(string dataFrom, string day, bool cumulative, bool expected) =>
        Assert.Equal(expected, IndicatorTrend.ComparableLastYear(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(dataFrom, System.Globalization.CultureInfo.InvariantCulture), cumulative));

    [Theory]
    [InlineData(TrendPeriod.Days90, 90)]
    [InlineData(TrendPeriod.Months12, 365)]
    [InlineData(TrendPeriod.ApbdYear, 161)]
    public async Task The_period_in_the_url_chooses_the_window_and_its_links_keep_the_region(TrendPeriod period, int days)
    {
        await SeedAsync();

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct, Klojen, period));

        Assert.Equal(days, Chart(cut).Categories.Count);
        Assert.Equal("true", cut.Find($"[data-testid=period-{IndicatorLinks.Param(period)}]").GetAttribute("aria-current"));
        foreach (var other in IndicatorLinks.Periods)
        {
            var href = cut.Find($"[data-testid=period-{IndicatorLinks.Param(other)}]").GetAttribute("href")!;
            Assert.Equal((Codes.WithinSlaPct, Klojen, other), IndicatorLinks.Parse(href));
        }
    }

    [Fact]
    public async Task Drill_down_links_round_trip_from_the_city_to_a_kelurahan_and_back()
    {
        await SeedAsync();

        // Kota → Klojen: the link keeps the period and shows Klojen's value with its kelurahan.
        var city = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct, null, TrendPeriod.Days90));
        var toKlojen = city.Find($"[data-testid='region-{Klojen}'] a").GetAttribute("href")!;
        Assert.Equal((Codes.WithinSlaPct, Klojen, TrendPeriod.Days90), IndicatorLinks.Parse(toKlojen));

        var klojen = RenderPage(toKlojen);
        Assert.Contains("Klojen", klojen.Find("[data-testid=scope-trail] [aria-current=page]").TextContent, StringComparison.Ordinal);
        Assert.Equal("93 %", klojen.Find($"[data-testid=tile-{Codes.WithinSlaPct}] [data-testid=tile-value]").TextContent.Trim());
        var kelurahan = klojen.FindAll("[data-testid^='region-35.73.02.']");
        Assert.Equal(11, kelurahan.Count);

        // Klojen → Kauman: the kelurahan is selected among its siblings; its trail leads back up.
        var toKauman = klojen.Find($"[data-testid='region-{Kauman}'] a").GetAttribute("href")!;
        var kauman = RenderPage(toKauman);
        Assert.Equal("40 %", kauman.Find($"[data-testid=tile-{Codes.WithinSlaPct}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Contains("selected", kauman.Find($"[data-testid='region-{Kauman}']").ClassName, StringComparison.Ordinal);
        Assert.Equal((Codes.WithinSlaPct, Klojen, TrendPeriod.Days90),
            IndicatorLinks.Parse(kauman.Find($"[data-testid='trail-{Klojen}']").GetAttribute("href")!));
        Assert.Equal((Codes.WithinSlaPct, ReferenceData.KotaCode, TrendPeriod.Days90),
            IndicatorLinks.Parse(kauman.Find($"[data-testid='trail-{ReferenceData.KotaCode}']").GetAttribute("href")!));
    }

    [Fact]
    public async Task Only_administrators_see_the_target_and_metadata_panel()
    {
        await SeedAsync();

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        Assert.Empty(cut.FindAll("[data-testid=indicator-admin]"));
    }

    [Fact]
    public async Task An_administrator_sets_a_month_target_which_the_status_uses_and_the_history_and_audit_keep()
    {
        await SeedAsync();
        Auth.SetAuthorized("admin").SetRoles("Admin").SetPolicies(Dashboard.Web.Auth.Policies.Administer);
        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));
        Assert.Contains("95 %", cut.Find("[data-testid=target-Month-20260601]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=target-period]").Change(nameof(TargetPeriod.Month));
        cut.Find("[data-testid=target-index]").Change("6");
        cut.Find("[data-testid=target-value]").Change("83.5");
        cut.Find("[data-testid=target-reason]").Change("rapat evaluasi Juni");
        cut.Find("[data-testid=target-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("83,5 %", cut.Find("[data-testid=target-Month-20260601]").TextContent, StringComparison.Ordinal));
        Assert.Contains("ditetapkan admin", cut.Find("[data-testid=target-Month-20260601]").TextContent, StringComparison.Ordinal);
        var definition = IndicatorCatalog.Find(Codes.WithinSlaPct);
        Assert.Equal(IndicatorStatusEvaluator.Evaluate(84, 83.5, definition.Direction, definition.Tolerance).ToString(),
            cut.Find("[data-testid=tile-status]").GetAttribute("data-status"));
        var history = Assert.Single(cut.FindAll("[data-testid^=history-]"));
        Assert.Equal("false", history.GetAttribute("data-retired"));
        Assert.Contains("rapat evaluasi Juni", history.TextContent, StringComparison.Ordinal);

        await using var db = Db.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(("admin", IndicatorAuditActions.TargetSet, "Bulan 2026-06: 95 (katalog)", "Bulan 2026-06: 83.5"),
            (audit.User, audit.Action, audit.Before, audit.After));
    }

    [Fact]
    public async Task An_administrator_edits_the_notes_and_the_page_shows_them()
    {
        await SeedAsync();
        Auth.SetAuthorized("admin").SetRoles("Admin").SetPolicies(Dashboard.Web.Auth.Policies.Administer);
        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        cut.Find("[data-testid=meta-notes-input]").Change("Hari libur nasional belum dikurangi.");
        cut.Find("[data-testid=meta-reason]").Change("catatan");
        cut.Find("[data-testid=metadata-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Hari libur nasional belum dikurangi.", cut.Find("[data-testid=meta-notes]").TextContent.Trim()));
        Assert.Contains("admin", cut.Find("[data-testid=meta-edited]").TextContent, StringComparison.Ordinal);
        await using var db = Db.CreateDbContext();
        Assert.Equal(IndicatorAuditActions.MetadataChanged, (await db.AuditEntries.SingleAsync(Xunit.TestContext.Current.CancellationToken)).Action);
    }

    [Fact]
    public async Task The_excel_export_holds_the_numbers_the_page_draws_with_the_filters_and_metadata()
    {
        await SeedAsync();
        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct, null, TrendPeriod.Days90));
        var (categories, series) = Chart(cut);
        var xlsxHref = cut.Find("[data-testid=export-xlsx]").GetAttribute("href")!;
        Assert.Equal($"indikator/{Codes.WithinSlaPct}/ekspor.xlsx?periode=90h", xlsxHref);
        Assert.Equal($"indikator/{Codes.WithinSlaPct}/ekspor.csv?periode=90h", cut.Find("[data-testid=export-csv]").GetAttribute("href"));

        var view = await Services.GetRequiredService<IndicatorDetailQueries>().GetAsync(Codes.WithinSlaPct, null, TrendPeriod.Days90, Xunit.TestContext.Current.CancellationToken);
        var sheets = XlsxReader.Read(IndicatorExport.Xlsx(IndicatorExport.Trend(view!), IndicatorExport.Regions(view!)));

        var data = sheets["Data"];
        Assert.Equal(["tanggal", "nilai", "tahun_lalu", "target"], data[0]);
        Assert.Equal(categories.Count + 1, data.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var row = data[i + 1];
            Assert.Equal(Today.AddDays(i - categories.Count + 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row[0]);
            for (var s = 0; s < 3; s++)
            {
                var cell = row.Count > s + 1 ? row[s + 1] : null;
                Assert.Equal(series[s].Values[i], cell is null ? null : double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        var meta = sheets["Metadata"].Skip(1).ToDictionary(r => r[0]!, r => r.Count > 1 ? r[1] : null);
        Assert.Equal(Codes.WithinSlaPct, meta["kode"]);
        Assert.Equal(ReferenceData.KotaCode, meta["wilayah"]);
        Assert.Equal("90h", meta["periode"]);
        Assert.Equal(IndicatorCatalog.Find(Codes.WithinSlaPct).Formula, meta["rumus"]);

        // The drill-down table, as shown on the page, on its own sheet.
        var regions = sheets["Wilayah"];
        Assert.Equal(["kode", "nama", "tingkat", "nilai", "keterangan", "status"], regions[0]);
        var pageRows = cut.FindAll("[data-testid=indicator-regions] tbody tr");
        Assert.Equal(pageRows.Count + cut.FindAll("[data-testid=indicator-agencies] tbody tr").Count, regions.Count - 1);
        for (var i = 0; i < pageRows.Count; i++)
        {
            var cells = pageRows[i].QuerySelectorAll("td");
            Assert.Equal(cells[0].TextContent.Trim(), regions[i + 1][1]);
            var shown = cells[1].TextContent.Trim();
            Assert.Equal(shown == "—" ? null : shown.Replace(" %", "", StringComparison.Ordinal),
                regions[i + 1].Count > 3 && regions[i + 1][3] is { } n ? double.Parse(n, System.Globalization.CultureInfo.InvariantCulture).ToString("#,##0.#", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) : null);
            Assert.Equal(cells[2].QuerySelector("[data-status]")!.GetAttribute("data-status"), regions[i + 1][5]);
        }
        Assert.Equal($"indikator/{Codes.WithinSlaPct}/ekspor.csv?periode=90h&tabel=wilayah", cut.Find("[data-testid=export-regions-csv]").GetAttribute("href"));

        var csv = System.Text.Encoding.UTF8.GetString(IndicatorExport.Csv(IndicatorExport.Trend(view!))).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"tanggal\",\"nilai\",\"tahun_lalu\",\"target\"", csv[0]);
        Assert.Equal($"\"{Today:yyyy-MM-dd}\",80,70,95", csv[^1]);
    }

    [Fact]
    public async Task Quality_badges_count_kelurahan_without_data_and_rejected_rows()
    {
        await SeedAsync();

        var city = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));
        Assert.Equal("56 dari 57 kelurahan belum ada data", city.Find("[data-testid=quality-completeness]").TextContent.Trim());
        Assert.Equal("7 baris ditolak pada proses terakhir", city.Find("[data-testid=quality-rejected]").TextContent.Trim());
        Assert.Empty(city.FindAll("[data-testid=quality-outlier]"));

        var klojen = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct, Klojen));
        Assert.Equal("10 dari 11 kelurahan belum ada data", klojen.Find("[data-testid=quality-completeness]").TextContent.Trim());
    }

    [Fact]
    public async Task A_value_unlike_its_history_gets_an_outlier_badge()
    {
        await SeedAsync();
        await using (var db = Db.CreateDbContext())
        {
            var todays = await db.IndicatorValues.SingleAsync(v => v.IndicatorCode == Codes.WithinSlaPct && v.ScopeCode == ReferenceData.KotaCode && v.Date == Today, Xunit.TestContext.Current.CancellationToken);
            todays.Value = 20;
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        Assert.Contains("20 %", cut.Find("[data-testid=quality-outlier]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_runs_and_administrators_notes_annotate_the_trend()
    {
        await SeedAsync();
        await using (var db = Db.CreateDbContext())
        {
            // 8 June 10:00 WIB, and an old failure outside the 30-day window.
            db.IngestRuns.Add(new IngestRun { Source = ComplaintsIndicators.Source, Node = "n1", StartedAt = new DateTimeOffset(2026, 6, 8, 3, 0, 0, TimeSpan.Zero), HeartbeatAt = Start, Status = IngestRunStatus.Failed, Error = "HTTP 503 dari sumber" });
            db.IngestRuns.Add(new IngestRun { Source = ComplaintsIndicators.Source, Node = "n1", StartedAt = new DateTimeOffset(2026, 6, 8, 4, 0, 0, TimeSpan.Zero), HeartbeatAt = Start, Status = IngestRunStatus.Interrupted });
            db.IngestRuns.Add(new IngestRun { Source = ComplaintsIndicators.Source, Node = "n1", StartedAt = new DateTimeOffset(2026, 4, 1, 3, 0, 0, TimeSpan.Zero), HeartbeatAt = Start, Status = IngestRunStatus.Failed });
            db.IngestRuns.Add(new IngestRun { Source = "Revenue", Node = "n1", StartedAt = new DateTimeOffset(2026, 6, 9, 3, 0, 0, TimeSpan.Zero), HeartbeatAt = Start, Status = IngestRunStatus.Failed });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        var admin = Services.GetRequiredService<IndicatorAdministration>();
        await admin.AddAnnotationAsync(Codes.WithinSlaPct, new DateOnly(2026, 6, 1), "Hari Lahir Pancasila", wholeSource: true, "admin", Xunit.TestContext.Current.CancellationToken);
        await admin.AddAnnotationAsync(Codes.Overdue, new DateOnly(2026, 6, 2), "lain indikator", wholeSource: false, "admin", Xunit.TestContext.Current.CancellationToken);

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        var items = cut.FindAll("[data-testid=annotations] li");
        Assert.Equal(2, items.Count);
        Assert.Contains("Hari Lahir Pancasila", cut.Find("[data-testid=annotation-20260601-Manual]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 proses sumber gagal: HTTP 503 dari sumber", cut.Find("[data-testid=annotation-20260608-SourceFailure]").TextContent, StringComparison.Ordinal);
        var options = System.Text.Json.JsonSerializer.Serialize(cut.FindComponent<Stub<ApexChart>>().Instance.Parameters.Get(x => x.Options));
        Assert.Contains("\"x\":\"1 Jun\"", options, StringComparison.Ordinal);
        Assert.Contains("\"x\":\"8 Jun\"", options, StringComparison.Ordinal);
    }

    /// <summary>A closed outage 5 June 10:00–12:30 WIB and an open one since 9 June 22:00 WIB, of complaints; one of revenue.</summary>
    private async Task<(long Closed, long Open)> SeedOutagesAsync()
    {
        await using var db = Db.CreateDbContext();
        IndicatorAnnotation Outage(string source, DateTimeOffset start, DateTimeOffset? end) => new()
        {
            Kind = AnnotationKind.SourceOutage, Source = source, Date = DateOnly.FromDateTime(start.ToOffset(TimeSpan.FromHours(7)).Date),
            Text = "Sumber tidak tersedia", CreatedBy = IndicatorAnnotation.SystemAuthor, CreatedAt = start, StartedAt = start, EndedAt = end,
            OpenKey = end is null ? source : null,
        };
        var closed = Outage(ComplaintsIndicators.Source, new DateTimeOffset(2026, 6, 5, 10, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2026, 6, 5, 12, 30, 0, TimeSpan.FromHours(7)));
        var open = Outage(ComplaintsIndicators.Source, new DateTimeOffset(2026, 6, 9, 22, 0, 0, TimeSpan.FromHours(7)), null);
        db.AddRange(closed, open, Outage("Revenue", new DateTimeOffset(2026, 6, 7, 9, 0, 0, TimeSpan.FromHours(7)), null));
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        return (closed.Id, open.Id);
    }

    [Fact]
    public async Task Outages_written_by_jobs_show_on_the_trend_worded_and_marked_automatic()
    {
        await SeedAsync();
        await SeedOutagesAsync();

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        Assert.Equal(2, cut.FindAll("[data-testid=annotations] li").Count);
        var closed = cut.Find("[data-testid=annotation-20260605-SourceOutage]");
        Assert.Contains("Sumber SP4N-LAPOR! / SAMBAT tidak tersedia 5 Jun 10:00–12:30 WIB", closed.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", closed.GetAttribute("data-automatic"));
        Assert.Equal("Otomatis", closed.QuerySelector("[data-testid=annotation-automatic]")!.TextContent);
        var open = cut.Find("[data-testid=annotation-20260609-SourceOutage]");
        Assert.Contains("Sumber SP4N-LAPOR! / SAMBAT tidak tersedia sejak 9 Jun 22:00 WIB", open.TextContent, StringComparison.Ordinal);
        var options = System.Text.Json.JsonSerializer.Serialize(cut.FindComponent<Stub<ApexChart>>().Instance.Parameters.Get(x => x.Options));
        Assert.Contains("\"x\":\"5 Jun\"", options, StringComparison.Ordinal);
        Assert.Contains("\"x\":\"9 Jun\"", options, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_can_hide_an_outage_annotation()
    {
        await SeedAsync();
        var (closedId, _) = await SeedOutagesAsync();
        Auth.SetAuthorized("admin").SetRoles("Admin").SetPolicies(Dashboard.Web.Auth.Policies.Administer);
        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));
        Assert.Contains("Otomatis", cut.Find($"[data-testid=admin-annotation-{closedId}]").TextContent, StringComparison.Ordinal);

        cut.Find($"[data-testid=annotation-remove-{closedId}]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=annotation-20260605-SourceOutage]")));
        Assert.Single(cut.FindAll("[data-testid=annotation-20260609-SourceOutage]"));
    }

    [Fact]
    public async Task An_administrator_annotates_the_trend_and_removes_it_again_audited()
    {
        await SeedAsync();
        Auth.SetAuthorized("admin").SetRoles("Admin").SetPolicies(Dashboard.Web.Auth.Policies.Administer);
        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        cut.Find("[data-testid=annotation-date]").Change("2026-06-05");
        cut.Find("[data-testid=annotation-text]").Change("Gangguan jaringan kota");
        cut.Find("[data-testid=annotation-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Gangguan jaringan kota", cut.Find("[data-testid=annotation-20260605-Manual]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid^=annotation-remove-]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=annotation-20260605-Manual]")));

        await using var db = Db.CreateDbContext();
        Assert.Equal([IndicatorAuditActions.AnnotationAdded, IndicatorAuditActions.AnnotationRemoved],
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.NotNull((await db.Set<IndicatorAnnotation>().SingleAsync(Xunit.TestContext.Current.CancellationToken)).RemovedAt);
    }

    [Fact]
    public async Task The_tile_map_shows_all_57_kelurahan_by_kecamatan_coloured_by_status_and_drills_down()
    {
        await SeedAsync();

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct, null, TrendPeriod.ApbdYear));

        Assert.Equal("status", cut.Find("[data-testid=tilemap]").GetAttribute("data-mode"));
        Assert.Equal(57, cut.FindAll("[data-testid^='map-35.73.']").Count);
        Assert.Equal(5, cut.FindAll("[data-testid^='tilemap-35.73.']").Count);
        Assert.Equal(11, cut.FindAll("[data-testid='tilemap-35.73.02'] [data-testid^=map-]").Count);
        var kauman = cut.Find($"[data-testid='map-{Kauman}']");
        Assert.Equal(nameof(IndicatorStatus.OffTrack), kauman.GetAttribute("data-status"));
        Assert.Contains("40 %", kauman.TextContent, StringComparison.Ordinal);
        Assert.Equal(nameof(IndicatorStatus.NoData), cut.Find("[data-testid='map-35.73.05.1004']").GetAttribute("data-status"));
        Assert.Equal((Codes.WithinSlaPct, Kauman, TrendPeriod.ApbdYear), IndicatorLinks.Parse(kauman.GetAttribute("href")!));

        var drilled = RenderPage(kauman.GetAttribute("href")!);
        Assert.Contains("selected", drilled.Find($"[data-testid='map-{Kauman}']").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_context_indicator_is_coloured_by_value_classes()
    {
        await SeedAsync();
        var kelurahan = ReferenceData.Kelurahan.Take(10).ToList();
        for (var i = 0; i < kelurahan.Count; i++)
        {
            await Db.SetSnapshotAsync(Codes.ComplaintsReceived, i * 10, Start, scope: kelurahan[i].Code, kind: ScopeKind.Kelurahan);
        }

        var cut = RenderPage(IndicatorLinks.Href(Codes.ComplaintsReceived));

        Assert.Equal("value", cut.Find("[data-testid=tilemap]").GetAttribute("data-mode"));
        Assert.Equal("q0", cut.Find($"[data-testid='map-{kelurahan[0].Code}']").GetAttribute("data-class"));
        Assert.Equal("q4", cut.Find($"[data-testid='map-{kelurahan[9].Code}']").GetAttribute("data-class"));
        Assert.Equal("noData", cut.Find($"[data-testid='map-{ReferenceData.Kelurahan[^1].Code}']").GetAttribute("data-class"));
        Assert.Equal("47 dari 57 kelurahan belum ada data", cut.Find("[data-testid=quality-completeness]").TextContent.Trim());
    }

    [Fact]
    public async Task Exports_show_kelurahan_counts_under_the_minimum_as_less_than_five()
    {
        await SeedAsync();
        var klojenKelurahan = ReferenceData.Kelurahan.Where(k => k.ParentCode == Klojen).Take(3).ToList();
        double[] counts = [3, 12, 0];
        for (var i = 0; i < counts.Length; i++)
        {
            await Db.SetSnapshotAsync(Codes.ComplaintsReceived, counts[i], Start, scope: klojenKelurahan[i].Code, kind: ScopeKind.Kelurahan);
        }
        await using (var db = Db.CreateDbContext())
        {
            db.IndicatorValues.Add(new IndicatorValue { IndicatorCode = Codes.ComplaintsReceived, ScopeKind = ScopeKind.Kelurahan, ScopeCode = klojenKelurahan[0].Code, Date = Today, Value = 2 });
            db.IndicatorValues.Add(new IndicatorValue { IndicatorCode = Codes.ComplaintsReceived, ScopeKind = ScopeKind.Kelurahan, ScopeCode = klojenKelurahan[0].Code, Date = Today.AddDays(-1), Value = 7 });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        var small = new Dashboard.Web.Shared.Privacy.SmallCounts(Microsoft.Extensions.Options.Options.Create(new Dashboard.Web.Shared.Privacy.PrivacyOptions()));
        var queries = Services.GetRequiredService<IndicatorDetailQueries>();

        var klojen = await queries.GetAsync(Codes.ComplaintsReceived, Klojen, TrendPeriod.Days30, Xunit.TestContext.Current.CancellationToken);
        var regions = IndicatorExport.SuppressSmallCounts(IndicatorExport.Regions(klojen!), klojen!, small);
        object? ValueOf(string code) => regions.Rows.Single(r => (string?)r[0] == code)[3];
        Assert.Equal("< 5", ValueOf(klojenKelurahan[0].Code));
        Assert.Equal(12.0, ValueOf(klojenKelurahan[1].Code));
        Assert.Equal(0.0, ValueOf(klojenKelurahan[2].Code));

        var kelurahan = await queries.GetAsync(Codes.ComplaintsReceived, klojenKelurahan[0].Code, TrendPeriod.Days30, Xunit.TestContext.Current.CancellationToken);
        var trend = IndicatorExport.SuppressSmallCounts(IndicatorExport.Trend(kelurahan!), kelurahan!, small);
        Assert.Equal("< 5", trend.Rows[^1][1]);
        Assert.Equal(7.0, trend.Rows[^2][1]);
        var csv = System.Text.Encoding.UTF8.GetString(IndicatorExport.Csv(trend));
        Assert.Contains("< 5", csv, StringComparison.Ordinal);

        // A percentage is not a count of people: the city's and a kecamatan's exports are unchanged.
        var city = await queries.GetAsync(Codes.WithinSlaPct, null, TrendPeriod.Days30, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(IndicatorExport.Trend(city!).Rows, IndicatorExport.SuppressSmallCounts(IndicatorExport.Trend(city!), city!, small).Rows);
    }

    [Fact]
    public async Task An_unknown_code_says_so()
    {
        await SeedAsync();

        var cut = RenderPage(IndicatorLinks.Href("TIDAK_ADA"));

        Assert.Contains("TIDAK_ADA", cut.Find("[data-testid=indicator-unknown]").TextContent, StringComparison.Ordinal);
    }
}

public sealed class IndicatorPageEnglishTests() : IndicatorPageTestBase(DashboardCultures.English)
{
    [Fact]
    public async Task An_outage_annotation_reads_in_english()
    {
        await SeedAsync();
        await using (var db = Db.CreateDbContext())
        {
            db.Add(new IndicatorAnnotation
            {
                Kind = AnnotationKind.SourceOutage, Source = ComplaintsIndicators.Source, Date = new DateOnly(2026, 6, 5), Text = "Sumber tidak tersedia",
                CreatedBy = IndicatorAnnotation.SystemAuthor, StartedAt = new DateTimeOffset(2026, 6, 5, 23, 0, 0, TimeSpan.FromHours(7)),
                EndedAt = new DateTimeOffset(2026, 6, 6, 1, 15, 0, TimeSpan.FromHours(7)),
            });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        var item = cut.Find("[data-testid=annotation-20260605-SourceOutage]");
        Assert.Contains("Source SP4N-LAPOR! / SAMBAT unavailable 5 Jun 23:00–6 Jun 01:15 WIB", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Automatic", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_shows_english_names_and_metadata()
    {
        await SeedAsync();

        var cut = RenderPage(IndicatorLinks.Href(Codes.WithinSlaPct));

        var definition = IndicatorCatalog.Find(Codes.WithinSlaPct);
        Assert.Equal(definition.NameEn, cut.Find("[data-testid=indicator-name]").TextContent.Trim());
        Assert.Equal(definition.DefinitionEn, cut.Find("[data-testid=meta-definition]").TextContent.Trim());
        Assert.Equal("Higher is better", cut.Find("[data-testid=meta-direction]").TextContent.Trim());
        Assert.Contains("1,234 rows read, 7 rejected", cut.Find("[data-testid=lineage-run]").TextContent, StringComparison.Ordinal);
        // Culture: English month names, separators and percent sign; the same data as the Indonesian test below.
        Assert.Contains("Trend 12 May 2026 – 10 June 2026", cut.Find("[data-testid=indicator-trend]").TextContent, StringComparison.Ordinal);
        Assert.Equal("84%", cut.Find($"[data-testid=tile-{Codes.WithinSlaPct}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Contains("Month June 2026", cut.Find("[data-testid=target-Month-20260601]").TextContent, StringComparison.Ordinal);
        Assert.Equal("56 of 57 kelurahan have no data yet", cut.Find("[data-testid=quality-completeness]").TextContent.Trim());
        Assert.Contains("10 June 2026 13:57 WIB", cut.Find("[data-testid=lineage-success]").TextContent, StringComparison.Ordinal);
    }
}
