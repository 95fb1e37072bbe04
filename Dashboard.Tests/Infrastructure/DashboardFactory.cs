using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The whole app on a real Kestrel port (127.0.0.1:random) with its own SQLite file, the built-in simulators,
/// and no Hangfire store (Hangfire's static state is shared by every host in the test process): refreshes run
/// in-process and tests wait for them.
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key-0123456789";

    private static int _boots;

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IWebHostBuilder>? _configure;
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"dasbor-app-{Guid.NewGuid():N}.db");

    /// <param name="clock">
    /// The host's clock; tests whose assertions depend on the time of day pass a <see cref="WorkingMorningClock"/>.
    /// </param>
    public DashboardFactory(IDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null, TimeProvider? clock = null)
    {
        _configure = clock is null ? configure : builder =>
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
            configure?.Invoke(builder);
        };
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={_dbPath}",
            ["Database:Provider"] = "Sqlite",
            ["Database:MigrateOnStart"] = "true",
            ["Hangfire:Storage"] = "None",
            ["Ingest:RefreshOnStart"] = "false",
            // A failed run's delayed retries would keep WhenIdleAsync waiting; retry tests switch them on.
            ["Ingest:RunRetries"] = "0",
            ["Sources:Simulator:Enabled"] = "true",
            ["Sources:Simulator:DemoEventsPerMinute"] = "0",
            ["Sources:Simulator:HistoryDays"] = "60",
            ["Sources:Complaints:Retries"] = "2",
            ["Sources:Complaints:AttemptTimeoutSeconds"] = "5",
            ["Sources:Complaints:TotalTimeoutSeconds"] = "30",
            ["Api:Keys:portal"] = ApiKey,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }
        UseKestrel(0);
    }

    /// <summary>The app's root URL on loopback, e.g. http://127.0.0.1:41234/.</summary>
    public Uri RootUri
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }
        _configure?.Invoke(builder);
        foreach (var configure in _services)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>
    /// Full hosts booted so far in this test process. With <c>DASHBOARD_TEST_BOOTS</c> naming a file, each boot also
    /// appends the test's name there, so a run can count the boots per test class.
    /// </summary>
    public static int Boots => Volatile.Read(ref _boots);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        Interlocked.Increment(ref _boots);
        if (Environment.GetEnvironmentVariable("DASHBOARD_TEST_BOOTS") is { Length: > 0 } file)
        {
            File.AppendAllLines(file, [TestContext.Current.Test?.TestDisplayName ?? TestContext.Current.TestClass?.TestClassName ?? "(fixture)"]);
        }
        return base.CreateHost(builder);
    }

    /// <summary>Adds or replaces services after the app's own registrations; call before the host starts.</summary>
    public DashboardFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>The SQLite database file (its WAL is beside it with <c>-wal</c>).</summary>
    public string DatabasePath => _dbPath;

    /// <summary>A client on the real port (not the in-memory test server).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = RootUri };

    public IDbContextFactory<ReportingDbContext> Db => Services.GetRequiredService<IDbContextFactory<ReportingDbContext>>();

    /// <summary>Runs a refresh to its end and returns the run's ledger row.</summary>
    public async Task<IngestRun> RefreshAsync(string source = "Complaints", string user = "tester", string reason = "test")
    {
        _ = RootUri;
        var refresh = Services.GetRequiredService<InProcessRefreshRequests>();
        await ((IRefreshRequests)refresh).RequestAsync(source, user, reason);
        await refresh.WhenIdleAsync();
        await using var db = await Db.CreateDbContextAsync();
        return await db.IngestRuns.AsNoTracking().Where(r => r.Source == source).OrderByDescending(r => r.Id).FirstAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_dbPath + suffix);
        }
    }
}
