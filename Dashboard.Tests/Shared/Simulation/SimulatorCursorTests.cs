using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Dashboard.Tests.Shared.Simulation;

public sealed class SimulatorCursorTests
{
    [Theory]
    [InlineData("LPR-2026-000123")]
    [InlineData("199001012015031002")]
    [InlineData("Ünïcödé/+= id")]
    public void Encode_TryDecode_RoundTrips(string id)
    {
        var cursor = SimulatorCursor.At(new DateTimeOffset(2026, 3, 5, 9, 14, 22, 123, TimeSpan.FromHours(7)), id);

        var text = cursor.Encode();

        Assert.True(SimulatorCursor.TryDecode(text, out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.DoesNotContain(id, text, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("AQ")]
    [InlineData("AgjdojR-c90ATFBSLTIwMjUtMDAyMTMy")]
    public void TryDecode_RejectsWhatTheServerDidNotIssue(string? text) =>
        Assert.False(SimulatorCursor.TryDecode(text, out _));

    [Fact]
    public void Order_IsByTimeThenOrdinalId()
    {
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.True(SimulatorCursor.At(t, "b") < SimulatorCursor.At(t.AddTicks(1), "a"));
        Assert.True(SimulatorCursor.At(t, "B") < SimulatorCursor.At(t, "a"));
        Assert.True(SimulatorCursor.At(t, "a") < SimulatorCursor.At(t, "a\0"));
    }

    [Theory]
    [InlineData("2026-01-31T08:00:00+07:00", "2026-01-31T01:00:00Z")]
    [InlineData("2026-01-31T08:00:00 07:00", "2026-01-31T01:00:00Z")]
    [InlineData("2026-01-31T08:00:00.250+07:00", "2026-01-31T01:00:00.25Z")]
    [InlineData("2026-01-31T01:00:00Z", "2026-01-31T01:00:00Z")]
    public void PageRequest_ParsesIsoTimestamps_EvenWithAnUnencodedPlus(string text, string expectedUtc)
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["updated_since"] = text });

        Assert.True(SimulatorPageRequest.TryParse(query, out var request, out _));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), request.UpdatedSince);
        Assert.Equal(SimulatorPageRequest.DefaultLimit, request.Limit);
    }

    [Theory]
    [InlineData("limit", "0")]
    [InlineData("limit", "1001")]
    [InlineData("limit", " 5")]
    [InlineData("updated_since", "2026-01-31")]
    [InlineData("updated_since", "31/01/2026 08:00")]
    [InlineData("cursor", "AAAA")]
    public void PageRequest_RejectsBadValues(string name, string value)
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { [name] = value });

        Assert.False(SimulatorPageRequest.TryParse(query, out _, out var error));
        Assert.Contains(name, error, StringComparison.Ordinal);
    }

    [Fact]
    public void PageRequest_RejectsRepeatedParameters()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["limit"] = new(["5", "6"]) });

        Assert.False(SimulatorPageRequest.TryParse(query, out _, out _));
    }
}
