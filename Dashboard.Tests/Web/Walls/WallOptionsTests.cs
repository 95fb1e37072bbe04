using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Web.Walls;

public sealed class WallOptionsTests
{
    [Theory]
    [InlineData("Walls:HeartbeatSeconds", "0", "Walls:HeartbeatSeconds")]
    [InlineData("Walls:WatchdogSeconds", "20", "Walls:WatchdogSeconds (20) must be at least 3 × Walls:HeartbeatSeconds")]
    [InlineData("Walls:NightBrightnessPercent", "150", "Walls:NightBrightnessPercent")]
    public async Task Bad_wall_setting_stops_startup_naming_the_key(string key, string value, string named)
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) => error switch
    {
        AggregateException a => string.Join(" | ", a.InnerExceptions.Select(Flatten)),
        _ => error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : ""),
    };
}
