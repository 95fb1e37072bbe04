using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Web.Features.Indicators;
using Dashboard.Web.Shared.Localization;
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
        // 84 now; 7 days ago the series held 80 + 7 % 5 = 82; nothing 30 days ago.
        Assert.Equal("+2 %", sla.QuerySelector("td:nth-child(5)")!.TextContent.Trim());
        Assert.Equal("—", sla.QuerySelector("td:nth-child(6)")!.TextContent.Trim());
        Assert.Contains($"data-testid=\"change-{Codes.WithinSlaPct}-35.73\"", cut.Markup, StringComparison.Ordinal);

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
}
