using System.Diagnostics;
using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Simulators.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Bench.Ingest;

/// <summary>
/// <c>bench-ingest [--source NAME|all] [--days N] [--runs N] [--page-size N]</c> (or <c>--million</c>, see
/// <see cref="IngestMillionBench"/>): on a fresh host and SQLite file
/// per run, a full first load of each chosen source's simulated history through its real job (HTTP client,
/// validation, upsert, indicators), then an incremental run of 1,000 changes. Prints each source's rate and the
/// whole first load (host start with the simulators' history included) as medians with min–max (docs/BENCHMARKS.md).
/// </summary>
internal static class IngestBench
{
    private sealed record SourceResult(string Source, int Items, double PullSeconds, double KpiSeconds, double IncrementalSeconds, int IncrementalItems);

    private sealed record RunResult(double StartSeconds, double TotalSeconds, IReadOnlyList<SourceResult> Sources);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--incremental"))
        {
            return await IncrementalBench.RunAsync(Text(args, "--source", "Staffing"), Option(args, "--rounds", 5), Option(args, "--headcount", 1500),
                Option(args, "--changes", 1000), Option(args, "--small-days", 365), Option(args, "--large-days", 1826));
        }
        if (args.Contains("--postgres"))
        {
            return await PostgresIngestBench.RunAsync(Option(args, "--runs", 3), Option(args, "--items", 200_000), Option(args, "--page-size", 1000));
        }
        if (args.Contains("--million"))
        {
            return await IngestMillionBench.RunAsync(
                Option(args, "--runs", 3), Option(args, "--attendance-days", 140), Option(args, "--page-size", 1000), args.Contains("--plain-ef"),
                !args.Contains("--no-shared-warmup"), !args.Contains("--no-settle"));
        }
        var days = Option(args, "--days", 365);
        var runs = Option(args, "--runs", 3);
        var pageSize = Option(args, "--page-size", 1000);
        var only = Text(args, "--source", "all");
        await Console.Out.WriteLineAsync(Invariant($"bench-ingest: source {only}, {days} days of history, page size {pageSize}, {runs} runs, {Environment.ProcessorCount} cores"));
        var results = new List<RunResult>();
        for (var i = 0; i < runs; i++)
        {
            var r = await OneAsync(only, days, pageSize);
            results.Add(r);
            foreach (var s in r.Sources)
            {
                await Console.Out.WriteLineAsync(Invariant(
                    $"  run {i + 1} {s.Source,-11}: {s.Items,9:N0} items, pull {s.PullSeconds,6:F2} s ({s.Items / s.PullSeconds,7:N0} items/s), indicators {s.KpiSeconds,5:F2} s, incremental {s.IncrementalItems} items in {s.IncrementalSeconds * 1000:F0} ms"));
            }
            await Console.Out.WriteLineAsync(Invariant($"  run {i + 1} host start (simulators built) {r.StartSeconds:F2} s, first load of everything {r.TotalSeconds:F2} s"));
        }
        foreach (var name in results[0].Sources.Select(s => s.Source))
        {
            var of = results.Select(r => r.Sources.Single(s => s.Source == name)).ToList();
            await Console.Out.WriteLineAsync($"{name}: {of[0].Items:N0} items; pull items/s {Stat(of.Select(s => s.Items / s.PullSeconds), "N0")}; " +
                $"end to end items/s {Stat(of.Select(s => s.Items / (s.PullSeconds + s.KpiSeconds)), "N0")}; indicators s {Stat(of.Select(s => s.KpiSeconds), "F2")}; " +
                $"incremental ms {Stat(of.Select(s => s.IncrementalSeconds * 1000), "F0")}");
        }
        await Console.Out.WriteLineAsync($"host start s {Stat(results.Select(r => r.StartSeconds), "F2")}; first load of everything s {Stat(results.Select(r => r.TotalSeconds), "F2")}");
        return 0;
    }

    private static async Task<RunResult> OneAsync(string only, int days, int pageSize)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dasbor-bench-{Guid.NewGuid():N}.db");
        var started = Stopwatch.GetTimestamp();
        await using var app = await BenchHost.StartAsync(path, days, pageSize);
        try
        {
            var simulators = app.Services.GetServices<ISourceSimulator>().OfType<ILiveSimulator>().ToDictionary(s => s.Source, StringComparer.Ordinal);
            var sources = app.Services.GetServices<IIngestSource>()
                .Where(s => only == "all" || string.Equals(s.Name, only, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (sources.Count == 0)
            {
                throw new InvalidOperationException($"No source named '{only}'.");
            }
            foreach (var s in simulators.Values)
            {
                s.Advance();
            }
            var startSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

            var lastPage = new Dictionary<string, long>(StringComparer.Ordinal);
            using var subscription = app.Services.GetRequiredService<KpiBroadcaster>().Subscribe(e =>
            {
                if (e is IngestProgress { Status: IngestRunStatus.Running } p)
                {
                    lock (lastPage)
                    {
                        lastPage[p.Source] = Stopwatch.GetTimestamp();
                    }
                }
                return Task.CompletedTask;
            });

            var results = new List<SourceResult>();
            foreach (var source in sources)
            {
                var t0 = Stopwatch.GetTimestamp();
                var run = await RunOnceAsync(app, source);
                var t1 = Stopwatch.GetTimestamp();
                long page;
                lock (lastPage)
                {
                    page = lastPage.GetValueOrDefault(source.Name, t1);
                }
                results.Add(new SourceResult(source.Name, run.ItemsRead, Stopwatch.GetElapsedTime(t0, page).TotalSeconds,
                    Stopwatch.GetElapsedTime(page, t1).TotalSeconds, 0, 0));
            }
            var totalSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

            for (var i = 0; i < results.Count; i++)
            {
                if (simulators.TryGetValue(results[i].Source, out var simulator))
                {
                    simulator.Generate(1000);
                }
                var t0 = Stopwatch.GetTimestamp();
                var incremental = await RunOnceAsync(app, sources[i]);
                results[i] = results[i] with { IncrementalSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds, IncrementalItems = incremental.ItemsRead };
            }
            return new RunResult(startSeconds, totalSeconds, results);
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

    /// <summary>Runs the source's own job (as Hangfire would) and returns its ledger row.</summary>
    internal static async Task<IngestRun> RunOnceAsync(WebApplication app, IIngestSource source)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = (IIngestJob)scope.ServiceProvider.GetRequiredService(source.JobType);
        await job.RunAsync(IngestTrigger.Manual, "bench", "bench", CancellationToken.None);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync();
        var run = await db.IngestRuns.AsNoTracking().Where(r => r.Source == source.Name).OrderByDescending(r => r.Id).FirstAsync();
        return run.Status == IngestRunStatus.Succeeded ? run : throw new InvalidOperationException($"{source.Name} run failed: {run.Error}");
    }

    private static string Stat(IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToList();
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return $"median {F(sorted[sorted.Count / 2])} (min {F(sorted[0])}, max {F(sorted[^1])})";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
