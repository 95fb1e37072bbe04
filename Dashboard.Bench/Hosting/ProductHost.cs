using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Bench.Hosting;

/// <summary>
/// The product (Dashboard.Web as it is) on a real Kestrel port on loopback, in this process so that its managed
/// heap can be weighed: its own SQLite file, the built-in simulators, no Hangfire store (refreshes run in-process).
/// </summary>
internal sealed class ProductHost : WebApplicationFactory<Program>
{
    public const string ApiKey = "bench-api-key-0123456789";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _keepDatabase;

    public ProductHost(string? databasePath = null, int historyDays = 60, IDictionary<string, string?>? settings = null)
    {
        _keepDatabase = databasePath is not null;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"dasbor-bench-{Guid.NewGuid():N}.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={DatabasePath}",
            ["Database:Provider"] = "Sqlite",
            ["Database:MigrateOnStart"] = "true",
            ["Hangfire:Storage"] = "None",
            ["Ingest:RefreshOnStart"] = "false",
            ["Ingest:RunRetries"] = "0",
            ["Sources:Simulator:Enabled"] = "true",
            ["Sources:Simulator:DemoEventsPerMinute"] = "0",
            ["Sources:Simulator:HistoryDays"] = historyDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sources:Simulator:TickSeconds"] = "3600",
            ["Api:Keys:bench"] = ApiKey,
            // Thousands of hub clients share one API key and dozens of pages one address: lift the per-principal cap.
            ["Hardening:MaxConnectionsPerUser"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Logging:LogLevel:Dashboard"] = "Error",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }
        UseKestrel(0);
    }

    public string DatabasePath { get; }

    public Uri RootUri
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    public IDbContextFactory<ReportingDbContext> Db => Services.GetRequiredService<IDbContextFactory<ReportingDbContext>>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }
        // Closed pages end their circuits at once (the browser's disconnect beacon); this bounds the ones that do not.
        builder.ConfigureServices(s => s.Configure<CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(2)));
    }

    /// <summary>Runs a refresh of each named source to its end (one after the other).</summary>
    public async Task RefreshAsync(params string[] sources)
    {
        _ = RootUri;
        var refresh = Services.GetRequiredService<InProcessRefreshRequests>();
        foreach (var source in sources)
        {
            await ((IRefreshRequests)refresh).RequestAsync(source, "bench", "benchmark");
            await refresh.WhenIdleAsync();
        }
    }

    public IReadOnlyList<string> SourceNames => [.. Services.GetRequiredService<SourceCatalog>().All.Select(s => s.Name)];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_keepDatabase)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }
        }
    }
}
