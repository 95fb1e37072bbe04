using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Shared.Privacy;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web.Accounts;

/// <summary>Small-count suppression: 1–4 become "&lt; 5", 0 and 5+ stay, the minimum is a setting with a checked range.</summary>
public sealed class SmallCountsTests
{
    private static SmallCounts With(int minimum) => new(Options.Create(new PrivacyOptions { MinimumCount = minimum }));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "< 5")]
    [InlineData(4, "< 5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1234")]
    public void Cell_SuppressesOnlyCountsBelowTheMinimum(long count, string expected) =>
        Assert.Equal(expected, With(5).Cell(count));

    [Fact]
    public void Display_UsesTheCallersFormat_AndAnotherMinimum()
    {
        var counts = With(10);

        Assert.Equal("< 10", counts.Display(9, c => c.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))));
        Assert.Equal("12.345", counts.Display(12345, c => c.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))));
        Assert.False(counts.IsSuppressed(0));
        Assert.True(counts.IsSuppressed(0.5));
    }

    [Fact]
    public async Task ABadMinimum_StopsStartup_NamingTheKey()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Privacy:MinimumCount"] = "1" });

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains("Privacy:MinimumCount", error is OptionsValidationException o ? string.Join(" ", o.Failures) : error.ToString(), StringComparison.Ordinal);
    }
}
