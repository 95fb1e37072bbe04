using System.Diagnostics;
using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Microsoft.Data.Sqlite;

namespace Dashboard.Web.Hosting;

/// <summary>
/// <c>bench-ingest [--days N] [--runs N] [--page-size N]</c>: a full load of the complaint simulator's history
/// through the real HTTP client, validation, upsert and indicator computation into a fresh SQLite file, then an
/// incremental run; each repeated on a new host. Prints medians with min–max (docs/BENCHMARKS.md).
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var days = Option(args, "--days", 365);
        var runs = Option(args, "--runs", 3);
        var pageSize = Option(args, "--page-size", 1000);
        var results = new List<(double Items, double PullSeconds, double KpiSeconds, double IncrementalSeconds, int IncrementalItems)>();
        await Console.Out.WriteLineAsync($"bench-ingest: {days} days of complaint history, page size {pageSize}, {runs} runs");
        for (var i = 0; i < runs; i++)
        {
            results.Add(await OneAsync(days, pageSize));
            var r = results[^1];
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  run {i + 1}: {r.Items:N0} items, pull {r.PullSeconds:F2} s ({r.Items / r.PullSeconds:N0} items/s), indicators {r.KpiSeconds:F2} s, incremental {r.IncrementalItems} items in {r.IncrementalSeconds * 1000:F0} ms"));
        }
        static string Stat(IEnumerable<double> values, string format)
        {
            var sorted = values.Order().ToList();
            return string.Create(CultureInfo.InvariantCulture,
                $"median {sorted[sorted.Count / 2].ToString(format, CultureInfo.InvariantCulture)} (min {sorted[0].ToString(format, CultureInfo.InvariantCulture)}, max {sorted[^1].ToString(format, CultureInfo.InvariantCulture)})");
        }
        await Console.Out.WriteLineAsync($"full load, pull (HTTP+JSON+validation+upsert) items/s: {Stat(results.Select(r => r.Items / r.PullSeconds), "N0")}");
        await Console.Out.WriteLineAsync($"full load, end to end incl. indicators items/s: {Stat(results.Select(r => r.Items / (r.PullSeconds + r.KpiSeconds)), "N0")}");
        await Console.Out.WriteLineAsync($"indicator computation s: {Stat(results.Select(r => r.KpiSeconds), "F2")}");
        await Console.Out.WriteLineAsync($"incremental run ms: {Stat(results.Select(r => r.IncrementalSeconds * 1000), "F0")}");
        return 0;
    }

    private static async Task<(double, double, double, double, int)> OneAsync(int days, int pageSize)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dasbor-bench-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={path}",
            ["Database:Provider"] = "Sqlite",
            ["Hangfire:Storage"] = "None",
            ["Ingest:RefreshOnStart"] = "false",
            ["Sources:Simulator:Enabled"] = "true",
            ["Sources:Simulator:HistoryDays"] = days.ToString(CultureInfo.InvariantCulture),
            ["Sources:Simulator:DemoEventsPerMinute"] = "0",
            ["Sources:Simulator:TickSeconds"] = "3600",
            ["Sources:Complaints:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Dashboard.Ingest.Shared.Ingest.IngestEngine"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDashboard();
        await using var app = builder.Build();
        await app.UseDashboardAsync();
        await app.StartAsync();
        try
        {
            var simulator = app.Services.GetRequiredService<ComplaintsSimulator>();
            simulator.Advance();
            var engine = app.Services.GetRequiredService<IngestEngine>();
            var source = app.Services.GetRequiredService<ComplaintsSource>();
            var broadcaster = app.Services.GetRequiredService<KpiBroadcaster>();
            var lastPage = Stopwatch.GetTimestamp();
            using var subscription = broadcaster.Subscribe(e =>
            {
                if (e is IngestProgress { Status: IngestRunStatus.Running })
                {
                    Interlocked.Exchange(ref lastPage, Stopwatch.GetTimestamp());
                }
                return Task.CompletedTask;
            });

            var started = Stopwatch.GetTimestamp();
            var run = await RunOnceAsync(app, engine, source);
            var ended = Stopwatch.GetTimestamp();
            var pull = Stopwatch.GetElapsedTime(started, Interlocked.Read(ref lastPage)).TotalSeconds;
            var kpi = Stopwatch.GetElapsedTime(Interlocked.Read(ref lastPage), ended).TotalSeconds;

            simulator.Generate(1000);
            var incrementalStart = Stopwatch.GetTimestamp();
            var incremental = await RunOnceAsync(app, engine, source);
            var incrementalSeconds = Stopwatch.GetElapsedTime(incrementalStart).TotalSeconds;
            return (run.ItemsRead, pull, kpi, incrementalSeconds, incremental.ItemsRead);
        }
        finally
        {
            await app.StopAsync();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static async Task<IngestRun> RunOnceAsync(WebApplication app, IngestEngine engine, ComplaintsSource source)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<ComplaintsClient>();
        var run = await engine.RunAsync(source, client, new RunRequest(IngestTrigger.Manual, "bench", "bench"), CancellationToken.None);
        return run.Status == IngestRunStatus.Succeeded ? run : throw new InvalidOperationException($"Run failed: {run.Error}");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
