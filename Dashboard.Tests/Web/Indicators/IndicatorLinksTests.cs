using Dashboard.Ingest.Reporting;
using Dashboard.Web.Features.Indicators;

namespace Dashboard.Tests.Web.Indicators;

public sealed class IndicatorLinksTests
{
    public static TheoryData<string, TrendPeriod> Scopes()
    {
        var data = new TheoryData<string, TrendPeriod>();
        string[] scopes = [ReferenceData.KotaCode, "35.73.02", "35.73.02.1007", "DISHUB"];
        foreach (var scope in scopes)
        {
            foreach (var period in IndicatorLinks.Periods)
            {
                data.Add(scope, period);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Href_and_Parse_round_trip_every_scope_and_period(string scope, TrendPeriod period)
    {
        var href = IndicatorLinks.Href("ADUAN_TL_5HK_PCT", scope, period);

        Assert.Equal(("ADUAN_TL_5HK_PCT", scope, period), IndicatorLinks.Parse(href));
        Assert.Equal(("ADUAN_TL_5HK_PCT", scope, period), IndicatorLinks.Parse("http://dasbor.malangkota.go.id/" + href));
    }

    [Fact]
    public void The_city_and_the_default_period_are_left_out_of_the_url()
    {
        Assert.Equal("indikator/ADUAN_TL_5HK_PCT", IndicatorLinks.Href("ADUAN_TL_5HK_PCT", ReferenceData.KotaCode));
        Assert.Equal("indikator/ADUAN_TL_5HK_PCT?wilayah=35.73.02&periode=apbd",
            IndicatorLinks.Href("ADUAN_TL_5HK_PCT", "35.73.02", TrendPeriod.ApbdYear));
    }

    [Theory]
    [InlineData(null, TrendPeriod.Days30)]
    [InlineData("", TrendPeriod.Days30)]
    [InlineData("zzz", TrendPeriod.Days30)]
    [InlineData("90h", TrendPeriod.Days90)]
    [InlineData("12B", TrendPeriod.Months12)]
    [InlineData("apbd", TrendPeriod.ApbdYear)]
    public void Unknown_periods_fall_back_to_30_days(string? value, TrendPeriod expected) =>
        Assert.Equal(expected, IndicatorLinks.ParsePeriod(value));

    [Fact]
    public void Other_pages_are_not_indicator_links()
    {
        Assert.Null(IndicatorLinks.Parse("aduan?wilayah=35.73.02"));
        Assert.Null(IndicatorLinks.Parse("indikator"));
    }

    [Fact]
    public void Windows_end_today_and_the_apbd_year_starts_on_1_january()
    {
        var today = new DateOnly(2026, 6, 10);
        Assert.Equal((new DateOnly(2026, 5, 12), today), IndicatorDetailQueries.Window(TrendPeriod.Days30, today));
        Assert.Equal((new DateOnly(2026, 3, 13), today), IndicatorDetailQueries.Window(TrendPeriod.Days90, today));
        Assert.Equal((new DateOnly(2025, 6, 11), today), IndicatorDetailQueries.Window(TrendPeriod.Months12, today));
        Assert.Equal((new DateOnly(2026, 1, 1), today), IndicatorDetailQueries.Window(TrendPeriod.ApbdYear, today));
    }
}
