using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Telemetry;
using Dashboard.Simulators.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Bench.Ingest;

/// <summary>
/// <c>bench-ingest --incremental [--source Staffing] [--rounds 5] [--headcount 1500] [--changes 1000] [--small-days 365]
/// [--large-days 1826]</c>: one source (staffing by default; any registered source by name) over one year and over five
/// years of history, two hosts alive side by side; each round gives both the same change (the source's simulator adds
/// <c>--changes</c> records as of now: for staffing, appointments) and runs both jobs one after the other, alternating which
/// goes first. Prints the run's time (pull and indicators) and the indicator rows the recomputation wrote
/// (<c>dasbor.indicators.recompute.rows</c>) per history size, and their ratio: an incremental run must cost what its
/// changes touch, not what the history holds.
/// </summary>
internal static class IncrementalBench
{
    private sealed record Round(double Seconds, double IndicatorSeconds, long Rows, int Items);

    private sealed class Side(string label, WebApplication app, string path, RowCounter rows, IngestTimings timings) : IAsyncDisposable
    {
        public string Label { get; } = label;
        public WebApplication App { get; } = app;
        public RowCounter Rows { get; } = rows;
        public IngestTimings Timings { get; } = timings;
        public List<Round> Rounds { get; } = [];
        public int HistoryItems { get; set; }
        public required IIngestSource Job { get; init; }
        public required ILiveSimulator Simulator { get; init; }

        public async ValueTask DisposeAsync()
        {
            Rows.Dispose();
            Timings.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    public static async Task<int> RunAsync(string source, int rounds, int headcount, int changes, int smallDays, int largeDays)
    {
        var staffing = string.Equals(source, "Staffing", StringComparison.OrdinalIgnoreCase);
        await Console.Out.WriteLineAsync(Invariant(
            $"bench-ingest --incremental: {source}{(staffing ? $", {headcount} staff" : "")}, {changes} changes a round, {rounds} rounds, {smallDays} / {largeDays} days of history, {Environment.ProcessorCount} cores, load {Load()}"));
        // Staffing's attendance history is its bulk: as many working days as the history holds, as before.
        await using var year = await StartAsync(source, Label(smallDays), smallDays, Math.Min(smallDays * 245 / 365, 1000), headcount);
        await using var five = await StartAsync(source, Label(largeDays), largeDays, Math.Min(largeDays * 245 / 365, 1000), headcount);
        var sides = new[] { year, five };
        for (var i = 0; i < rounds; i++)
        {
            foreach (var side in i % 2 == 0 ? sides : sides.Reverse())
            {
                var r = await IncrementAsync(side, changes);
                side.Rounds.Add(r);
                await Console.Out.WriteLineAsync(Invariant(
                    $"  round {i + 1} {side.Label,-7}: {r.Items} items in {r.Seconds * 1000:F0} ms (indicators {r.IndicatorSeconds * 1000:F0} ms), {r.Rows:N0} indicator rows written; load {Load()}"));
            }
        }
        foreach (var side in sides)
        {
            await Console.Out.WriteLineAsync(Invariant(
                $"{side.Label} ({side.HistoryItems:N0} items of history): incremental ms {Stat(side.Rounds.Select(r => r.Seconds * 1000), "F0")}; indicators ms {Stat(side.Rounds.Select(r => r.IndicatorSeconds * 1000), "F0")}; rows written {Stat(side.Rounds.Select(r => (double)r.Rows), "N0")}"));
        }
        await Console.Out.WriteLineAsync(Invariant(
            $"{five.Label} / {year.Label} (per round): time {Stat(five.Rounds.Zip(year.Rounds, (f, y) => f.Seconds / y.Seconds), "F2")}; rows {Stat(five.Rounds.Zip(year.Rounds, (f, y) => (double)f.Rows / y.Rows), "F2")}"));
        return 0;
    }

    private static string Label(int days) => days % 365 is 0 or 1 ? Invariant($"{days / 365} year{(days / 365 == 1 ? "" : "s")}") : Invariant($"{days} days");

    private static async Task<Side> StartAsync(string source, string label, int historyDays, int attendanceDays, int headcount)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dasbor-bench-incr-{Guid.NewGuid():N}.db");
        var app = await BenchHost.StartAsync(path, historyDays, 1000, new Dictionary<string, string?>
        {
            ["Sources:Staffing:Simulator:AttendanceWorkingDays"] = attendanceDays.ToString(CultureInfo.InvariantCulture),
            ["Sources:Staffing:Simulator:Headcount"] = headcount.ToString(CultureInfo.InvariantCulture),
        });
        var job = app.Services.GetServices<IIngestSource>().SingleOrDefault(s => string.Equals(s.Name, source, StringComparison.OrdinalIgnoreCase))
                  ?? throw new InvalidOperationException($"No source named '{source}'.");
        var simulator = app.Services.GetServices<ISourceSimulator>().OfType<ILiveSimulator>().Single(s => s.Source == job.Name);
        var side = new Side(label, app, path, new RowCounter(app.Services), new IngestTimings(app.Services)) { Job = job, Simulator = simulator };
        simulator.Advance();
        var started = Stopwatch.GetTimestamp();
        var run = await IngestBench.RunOnceAsync(app, job);
        side.HistoryItems = run.ItemsRead;
        await Console.Out.WriteLineAsync(Invariant(
            $"  {label}: first load {run.ItemsRead:N0} items in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s ({side.Rows.Take():N0} indicator rows)"));
        // One increment outside the measurement: the first incremental run of a host JIT-compiles its own paths.
        simulator.Generate(10);
        await IngestBench.RunOnceAsync(app, job);
        side.Rows.Take();
        return side;
    }

    private static async Task<Round> IncrementAsync(Side side, int changes)
    {
        side.Simulator.Generate(changes);
        side.Rows.Take();
        side.Timings.Reset();
        var started = Stopwatch.GetTimestamp();
        var run = await IngestBench.RunOnceAsync(side.App, side.Job);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Round(seconds, side.Timings.Of(side.Job.Name).Indicators, side.Rows.Take(), run.ItemsRead);
    }

    /// <summary>The host's <c>dasbor.indicators.recompute.rows</c> since the last <see cref="Take"/>.</summary>
    private sealed class RowCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _rows;

        public RowCounter(IServiceProvider services)
        {
            var factory = services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DasborTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory)
                    && instrument.Name == "dasbor.indicators.recompute.rows")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _rows, value));
            _listener.Start();
        }

        public long Take() => Interlocked.Exchange(ref _rows, 0);

        public void Dispose() => _listener.Dispose();
    }

    internal static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string Stat(IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToList();
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return $"median {F(sorted[sorted.Count / 2])} (min {F(sorted[0])}, max {F(sorted[^1])})";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
