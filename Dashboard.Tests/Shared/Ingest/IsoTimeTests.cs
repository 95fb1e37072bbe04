using System.Globalization;
using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>
/// The hand-written reading of the contracts' dates and timestamps accepts exactly what .NET's invariant parsers accepted
/// before, with the same instant: for the common shapes, near misses, and odd forms that only the general parser reads.
/// </summary>
public sealed class IsoTimeTests
{
    public static TheoryData<string> Timestamps() =>
    [
        "2026-12-07T08:15:30Z", "2026-12-07T08:15:30z", "2026-12-07T08:15:30.123Z", "2026-12-07T08:15:30.1234567Z",
        "2026-12-07T08:15:30.12345678Z", "2026-12-07T08:15:30.Z", "2026-12-07T08:15:30+07:00", "2026-12-07T08:15:30.5-03:30",
        "2026-12-07T08:15:30+14:00", "2026-12-07T08:15:30+14:01", "2026-12-07T08:15:30+15:00", "2026-12-07T08:15:30-12:00",
        "2026-12-07T08:15:30", "2026-12-07 08:15:30Z", "2026-12-07T08:15Z", "2026-12-07T24:00:00Z", "2026-12-07T23:59:60Z",
        "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z",
        "0001-01-01T00:00:00+01:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59-01:00",
        "2026-12-07T08:15:30+0700", "2026-12-07T08:15:30+07", "2026-12-07T8:15:30Z", "2026-12-7T08:15:30Z", "+2026-12-07T08:15:30Z",
        "2026-12-07t08:15:30Z", "12/07/2026 08:15:30 +07:00", "2026-12-07T08:15:30 Z", " 2026-12-07T08:15:30Z",
        "2026-12-07T08:15:30Z ", "2026-12-07T08:15:30+07:00:00", "２０２６-12-07T08:15:30Z", "2026-12-07T08:15:30.１Z", "", "Z",
    ];

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void Timestamp_ReadAsTheInvariantParserReadsIt(string text)
    {
        var general = default(DateTimeOffset);
        var expected = IsoTime.HasZone(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out general);
        var read = IsoTime.TryParseZoned(text, out var value);
        Assert.Equal(expected, read);
        if (expected)
        {
            Assert.Equal(general.UtcTicks, value.UtcTicks);
            Assert.Equal(TimeSpan.Zero, value.Offset);
        }
    }

    public static TheoryData<string> Dates() =>
    [
        "2026-12-07", "2024-02-29", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-01", "2026-01-00", "0001-01-01", "0000-01-01",
        "9999-12-31", "2026-1-07", "2026-12-7", "26-12-07", "02026-12-07", "2026/12/07", "2026-12-07T00:00:00Z", " 2026-12-07",
        "2026-12-07 ", "２０２６-12-07", "", "2026-12-0a",
    ];

    [Theory]
    [MemberData(nameof(Dates))]
    public void Date_ReadAsParseExactReadsIt(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var general);
        Assert.Equal(expected, IsoTime.TryParseDate(text, out var value));
        Assert.Equal(general, value);
    }

    [Fact]
    public void EveryInstantOfAYear_RoundTripsInEveryContractShape()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 20_000; i++)
        {
            var instant = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay * 3650));
            var offset = TimeSpan.FromMinutes(15 * random.Next(-48, 57));
            var local = instant.ToOffset(offset);
            foreach (var format in new[] { "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.fffK", "yyyy-MM-ddTHH:mm:ss.fffffffK" })
            {
                var text = local.ToString(format, CultureInfo.InvariantCulture);
                Assert.True(IsoTime.TryParseZoned(text, out var value), text);
                Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var general), text);
                Assert.Equal(general.UtcTicks, value.UtcTicks);
            }
            var day = DateOnly.FromDateTime(local.DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(IsoTime.TryParseDate(day, out var date));
            Assert.Equal(DateOnly.FromDateTime(local.DateTime), date);
        }
    }

    [Fact]
    public void FormatDate_WritesWhatToStringWrites_ForEveryDay()
    {
        Span<byte> utf8 = stackalloc byte[10];
        for (var day = DateOnly.MinValue.DayNumber; day <= DateOnly.MaxValue.DayNumber; day++)
        {
            var date = DateOnly.FromDayNumber(day);
            IsoTime.FormatDate(date, utf8);
            var expected = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (System.Text.Encoding.ASCII.GetString(utf8) != expected)
            {
                Assert.Fail($"{expected}: {System.Text.Encoding.ASCII.GetString(utf8)}");
            }
        }
    }
}
