using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web.Hosting;

/// <summary>A bad setting stops start-up with a message that names the key.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Hangfire:Storage", "Redis", "Hangfire:Storage")]
    [InlineData("Sources:Complaints:Schedule", "tiap menit", "Sources:Complaints:Schedule")]
    [InlineData("Sources:Complaints:BaseUrl", "ftp://sambat", "Sources:Complaints:BaseUrl")]
    [InlineData("Sources:Simulator:HistoryDays", "-1", "Sources:Simulator:HistoryDays")]
    [InlineData("Ingest:LeaseSeconds", "5", "Ingest:LeaseSeconds")]
    [InlineData("Ingest:MaxRunMinutes", "5", "Ingest:MaxRunMinutes (5 min) must be longer than Ingest:LeaseSeconds (600 s)")]
    [InlineData("Ingest:MaxBufferedMegabytes", "1", "Ingest:MaxBufferedMegabytes")]
    [InlineData("Sources:Complaints:TotalTimeoutSeconds", "900", "Sources:Complaints:TotalTimeoutSeconds (900) must be less than Ingest:LeaseSeconds")]
    [InlineData("Ingest:PseudonymKey", "pendek", "Ingest:PseudonymKey")]
    [InlineData("Alerts:FailedRuns", "0", "Alerts:FailedRuns")]
    [InlineData("Alerts:Webhook:Url", "wa-gateway/hook", "Alerts:Webhook:Url")]
    [InlineData("Alerts:Email:To", "kominfo", "Alerts:Email:To")]
    [InlineData("Node:Role", "Pages", "Node:Role")]
    [InlineData("Node:Role", "Web", "Node:Role=Web needs a database server the nodes share: Database:Provider")]
    [InlineData("Node:Role", "Ingest", "Node:Role=Ingest needs job storage the nodes share: Hangfire:Storage")]
    [InlineData("Live:SnapshotCheckSeconds", "0", "Live:SnapshotCheckSeconds")]
    [InlineData("Map:BoundaryGeoJson", "/tidak/ada/batas-kelurahan.geojson", "Map:BoundaryGeoJson: cannot read")]
    [InlineData("Map:KelurahanCodeProperty", " ", "Map:KelurahanCodeProperty")]
    public async Task BadSetting_StopsStartup_NamingTheKey(string key, string value, string named)
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulatorOff_WithoutBaseUrl_StopsStartup()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Sources:Simulator:Enabled"] = "false" });

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains("Sources:Complaints:BaseUrl is required", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlServer_WithoutPseudonymKey_StopsStartup()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Reporting"] = "Server=127.0.0.1,1;Database=x;User Id=x;Password=x;Connect Timeout=1",
            ["Database:MigrateOnStart"] = "false",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains("Ingest:PseudonymKey is required with Database:Provider=SqlServer", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_boundary_file_with_a_code_not_among_the_57_kelurahan_stops_startup()
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Indicators.KelurahanBoundaryMapTests.Fixture, TestContext.Current.CancellationToken))!;
        doc["features"]![5]!["properties"]!["kode_kelurahan"] = "35.07.01.2001";
        var path = Path.Combine(Path.GetTempPath(), $"batas-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(path, doc.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Map:BoundaryGeoJson"] = path });

            var error = Assert.ThrowsAny<Exception>(() => app.StartServer());

            Assert.Contains("Map:BoundaryGeoJson: feature 6 has kode_kelurahan '35.07.01.2001'", Flatten(error), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_good_boundary_file_is_read_once_at_startup()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Map:BoundaryGeoJson"] = Indicators.KelurahanBoundaryMapTests.Fixture,
            ["Map:KelurahanCodeProperty"] = "kode_kelurahan",
        });
        app.StartServer();

        var options = app.Services.GetRequiredService<IOptions<Dashboard.Web.Features.Indicators.MapOptions>>().Value;
        var boundaries = app.Services.GetRequiredService<Dashboard.Web.Features.Indicators.KelurahanBoundaries>();
        var first = boundaries.Load(options);
        Assert.Equal(57, first.Map!.Shapes.Count);
        Assert.Same(first, boundaries.Load(options));
    }

    private static string Flatten(Exception error) => error switch
    {
        OptionsValidationException o => string.Join(" | ", o.Failures),
        AggregateException a => string.Join(" | ", a.InnerExceptions.Select(Flatten)),
        _ => error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : ""),
    };
}
