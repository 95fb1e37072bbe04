using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Web.Features.Indicators;
using Dashboard.Web.Shared.Localization;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;

namespace Dashboard.Tests.Web.Indicators;

public sealed class OpdBriefPageTests() : IndicatorPageTestBase(DashboardCultures.Indonesian)
{
    private async Task SeedBriefAsync()
    {
        await SeedAsync();
        await using var db = Db.CreateDbContext();
        db.Set<Alert>().AddRange(
            new Alert { Key = "off-target:" + Codes.WithinSlaPct, OpenKey = "off-target:" + Codes.WithinSlaPct, Kind = AlertKind.OffTarget, State = AlertState.Firing,
                Source = ComplaintsIndicators.Source, IndicatorCode = Codes.WithinSlaPct, OwnerOpd = "DISKOMINFO",
                Summary = "Tindak lanjut ≤ 5 HK di bawah target", SummaryEn = "Follow-up within 5 WD below target", FiredAt = Start.AddHours(-5), LastSeenAt = Start },
            new Alert { Key = "stale:Complaints", Kind = AlertKind.DataStale, State = AlertState.Resolved, Source = ComplaintsIndicators.Source,
                Summary = "sudah selesai", SummaryEn = "resolved", FiredAt = Start.AddDays(-2), LastSeenAt = Start.AddDays(-2), ResolvedAt = Start.AddDays(-1) },
            new Alert { Key = "source-failing:Revenue", OpenKey = "source-failing:Revenue", Kind = AlertKind.SourceFailing, State = AlertState.Firing, Source = "Revenue",
                Summary = "Pendapatan gagal", SummaryEn = "Revenue failing", FiredAt = Start.AddHours(-1), LastSeenAt = Start });
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<OpdBriefPage> RenderBrief(string? opd)
    {
        var cut = Render<OpdBriefPage>(p => p.Add(x => x.Opd, opd));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=opd-brief], [data-testid=brief-unknown], [data-testid=brief-index]")));
        return cut;
    }

    [Fact]
    public async Task The_brief_lists_the_opds_indicators_with_status_and_change_the_biggest_changes_and_open_alerts()
    {
        await SeedBriefAsync();

        var cut = RenderBrief("DISKOMINFO");

        var owned = cut.FindAll("[data-testid=brief-owned] tbody tr");
        Assert.Equal(IndicatorCatalog.Definitions.Count(d => d.OwnerOpd == "DISKOMINFO"), owned.Count);
        var sla = cut.Find($"[data-testid=brief-owned] [data-testid=brief-row-{Codes.WithinSlaPct}]");
        var definition = IndicatorCatalog.Find(Codes.WithinSlaPct);
        Assert.Equal(IndicatorStatusEvaluator.Evaluate(84, 95, definition.Direction, definition.Tolerance).ToString(), sla.GetAttribute("data-status"));
        // Between complete days: yesterday's 80 + 1 % 5 = 81 against 83 eight days ago (80 + 8 % 5), in percentage
        // points; nothing 31 days ago. Today's 84 (a day still under way) is not compared.
        Assert.Equal("−2 pp", sla.QuerySelector("td:nth-child(5)")!.TextContent.Trim());
        Assert.Equal("—", sla.QuerySelector("td:nth-child(6)")!.TextContent.Trim());
        var change = cut.Find($"[data-testid='change-{Codes.WithinSlaPct}-35.73']");
        Assert.Contains("−2 pp dalam 7 hari (9 Jun: 81 %)", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("9 Juni 2026", cut.Find("[data-testid=brief-changes-note]").TextContent, StringComparison.Ordinal);

        var alerts = cut.FindAll("[data-testid=brief-alerts] li");
        var alert = Assert.Single(alerts);
        Assert.Contains("Tindak lanjut ≤ 5 HK di bawah target", alert.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=brief-print]"));
    }

    [Fact]
    public async Task An_opd_measured_by_an_indicator_sees_its_own_value()
    {
        await SeedBriefAsync();

        var cut = RenderBrief("DISHUB");

        var row = cut.Find($"[data-testid=brief-about] [data-testid=brief-row-{Codes.WithinSlaPct}]");
        Assert.Equal("91 %", row.QuerySelector("td:nth-child(2)")!.TextContent.Trim());
        Assert.Equal((Codes.WithinSlaPct, "DISHUB", TrendPeriod.Days30), IndicatorLinks.Parse(row.QuerySelector("a")!.GetAttribute("href")!));
        Assert.NotNull(cut.Find("[data-testid=brief-no-alerts]"));
    }

    [Fact]
    public async Task The_index_lists_owners_and_an_unknown_opd_says_so()
    {
        await SeedBriefAsync();

        Assert.NotNull(RenderBrief(null).Find("[data-testid=brief-link-DISKOMINFO]"));
        Assert.NotNull(RenderBrief("BUKAN").Find("[data-testid=brief-unknown]"));
    }

    [Fact]
    public async Task A_current_value_of_an_earlier_day_is_marked_with_its_date()
    {
        await SeedBriefAsync();
        await using (var db = Db.CreateDbContext())
        {
            var snapshot = await db.IndicatorSnapshots.SingleAsync(s => s.IndicatorCode == Codes.WithinSlaPct && s.ScopeCode == ReferenceData.KotaCode, Xunit.TestContext.Current.CancellationToken);
            snapshot.AsOf = Today.AddDays(-3);
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = RenderBrief("DISKOMINFO");

        var sla = cut.Find($"[data-testid=brief-owned] [data-testid=brief-row-{Codes.WithinSlaPct}]");
        Assert.Equal("84 % (nilai 7 Jun)", sla.QuerySelector("td:nth-child(2)")!.TextContent.Trim());
    }
}

/// <summary>The brief's changes compare complete days only.</summary>
public sealed class BriefChangesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void A_day_still_under_way_is_not_compared_with_a_full_one()
    {
        // BPHTB transactions: 250-odd a day; at 04:00 today has 2.
        var series = new Dictionary<DateOnly, double?>
        {
            [Today] = 2,
            [Today.AddDays(-1)] = 260,
            [Today.AddDays(-7)] = 258,
            [Today.AddDays(-8)] = 251,
            [Today.AddDays(-31)] = 240,
        };

        Assert.Equal(9, BriefChanges.Change(series, Today, 7));
        Assert.Equal(20, BriefChanges.Change(series, Today, 30));
        Assert.Equal(Today.AddDays(-1), BriefChanges.LastCompleteDay(Today));
    }

    [Fact]
    public void A_missing_end_gives_no_change()
    {
        var series = new Dictionary<DateOnly, double?> { [Today] = 5, [Today.AddDays(-8)] = 3 };

        Assert.Null(BriefChanges.Change(series, Today, 7));
    }

    [Theory]
    [InlineData(3.2, IndicatorUnit.Percent, "+3,2 pp")]
    [InlineData(-0.5, IndicatorUnit.Percent, "−0,5 pp")]
    [InlineData(-256, IndicatorUnit.Count, "−256")]
    [InlineData(2.1e9, IndicatorUnit.Rupiah, "+Rp 2,10 miliar")]
    [InlineData(0, IndicatorUnit.Percent, "±0 pp")]
    public void Changes_of_percentages_are_in_percentage_points(double change, IndicatorUnit unit, string expected)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(DashboardCultures.Indonesian);
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(DashboardCultures.Indonesian);
            Assert.Equal(expected, Dashboard.Tests.Web.WebTestContext.NewFormatter().Change(change, unit));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }
}
