using System.Globalization;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Bench.Ingest;

/// <summary>The embedded product as every ingest benchmark starts it: a fresh SQLite file, the built-in simulators, no scheduler.</summary>
internal static class BenchHost
{
    /// <summary>
    /// Starts the product on <paramref name="databasePath"/> with <paramref name="historyDays"/> of simulated history and
    /// every source paging by <paramref name="pageSize"/>; <paramref name="extra"/> adds or overrides settings.
    /// </summary>
    public static async Task<WebApplication> StartAsync(
        string databasePath, int historyDays, int pageSize, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={databasePath}",
            ["Database:Provider"] = "Sqlite",
            ["Hangfire:Storage"] = "None",
            ["Ingest:RefreshOnStart"] = "false",
            ["Sources:Simulator:Enabled"] = "true",
            ["Sources:Simulator:HistoryDays"] = historyDays.ToString(CultureInfo.InvariantCulture),
            ["Sources:Simulator:DemoEventsPerMinute"] = "0",
            ["Sources:Simulator:TickSeconds"] = "3600",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings);
        foreach (var section in builder.Configuration.GetSection("Sources").GetChildren().Where(c => c.Key != "Simulator"))
        {
            builder.Configuration[$"Sources:{section.Key}:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture);
        }
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDashboard();
        var app = builder.Build();
        await app.UseDashboardAsync();
        await app.StartAsync();
        return app;
    }
}
