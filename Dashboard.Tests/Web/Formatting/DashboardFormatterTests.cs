using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;

namespace Dashboard.Tests.Web.Formatting;

public sealed class DashboardFormatterTests
{
    private static readonly DashboardFormatter Format = WebTestContext.NewFormatter();

    private static void In(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    [Theory]
    [InlineData(78.4, "78,4 %")]
    [InlineData(95, "95 %")]
    [InlineData(100, "100 %")]
    [InlineData(0, "0 %")]
    public void Percent_in_indonesian(double value, string expected)
    {
        In(DashboardCultures.Indonesian);
        Assert.Equal(expected, Format.Percent(value));
    }

    [Theory]
    [InlineData(663_640_000_000, "Rp 663,64 miliar")]
    [InlineData(1_234_567, "Rp 1.234.567")]
    [InlineData(999_999_999, "Rp 999.999.999")]
    [InlineData(1_200_000_000_000, "Rp 1,20 triliun")]
    public void Rupiah_in_indonesian(double value, string expected)
    {
        In(DashboardCultures.Indonesian);
        Assert.Equal(expected, Format.Rupiah(value));
    }

    [Fact]
    public void Counts_hours_and_units_in_indonesian()
    {
        In(DashboardCultures.Indonesian);
        Assert.Equal("1.234", Format.Count(1234));
        Assert.Equal("12,5 jam kerja", Format.WorkingHours(12.5));
        Assert.Equal("12,5 jam kerja", Format.Value(12.5, IndicatorUnit.WorkingHours));
        Assert.Equal("14,3", Format.Value(14.3, IndicatorUnit.Per10k));
        Assert.Equal(new FormattedValue("Rp ", "663,64", " miliar"), Format.ValueParts(663.64e9, IndicatorUnit.Rupiah));
    }

    [Theory]
    [InlineData(0, "baru saja")]
    [InlineData(59, "baru saja")]
    [InlineData(180, "3 menit lalu")]
    [InlineData(7_500, "2 jam lalu")]
    [InlineData(3 * 86_400 + 60, "3 hari lalu")]
    public void Age_in_indonesian(int seconds, string expected)
    {
        In(DashboardCultures.Indonesian);
        Assert.Equal(expected, Format.Age(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Times_are_shown_in_wib_with_indonesian_month_names()
    {
        In(DashboardCultures.Indonesian);
        var at = new DateTimeOffset(2026, 6, 10, 7, 5, 0, TimeSpan.Zero);
        Assert.Equal("14:05 WIB", Format.WibTime(at));
        Assert.Equal("10 Juni 2026 14:05 WIB", Format.WibDateTime(at));
        // 23:30 UTC is already the next day in Malang.
        Assert.Equal("11 Juni 2026 06:30 WIB", Format.WibDateTime(new DateTimeOffset(2026, 6, 10, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void English_uses_english_separators_and_words()
    {
        In(DashboardCultures.English);
        Assert.Equal("78.4%", Format.Percent(78.4));
        Assert.Equal("Rp 663.64 billion", Format.Rupiah(663_640_000_000));
        Assert.Equal("Rp 1,234,567", Format.Rupiah(1_234_567));
        Assert.Equal("12.5 working hours", Format.WorkingHours(12.5));
        Assert.Equal("3 minutes ago", Format.Age(TimeSpan.FromMinutes(3)));
        Assert.Equal("just now", Format.Age(TimeSpan.FromSeconds(10)));
    }
}
