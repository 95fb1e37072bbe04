using System.Diagnostics;
using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Simulators.Staffing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.Bench.Ingest;

/// <summary>
/// <c>bench-ingest --postgres [--items N] [--runs N] [--page-size N]</c>: the product's PostgreSQL write path against a bare
/// binary <c>COPY</c> of the same rows into the same table shape, measured in the same run. Each run creates a fresh
/// database on the server of <c>DASHBOARD_BENCH_POSTGRES</c> (else <c>DASHBOARD_TEST_POSTGRES</c>, else the tests' default),
/// starts the product on it and loads the staffing simulator's history (about N items) through the real staffing job. The
/// product's figure is its database phase from its own instruments (existence queries, staging <c>COPY</c> and upsert,
/// quarantine, ledger, watermark, lease and commits: everything but fetching, parsing and mapping). The baseline then copies
/// exactly the rows the product stored (read back beforehand as PostgreSQL's own binary <c>COPY</c> stream, so the baseline
/// spends nothing on the client) into empty tables made <c>LIKE … INCLUDING ALL</c> (same columns, key and indexes), in one
/// transaction, committed. A checkpoint precedes each timed part when the role may ask for one.
/// </summary>
internal static class PostgresIngestBench
{
    private const string Source = "Staffing";
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=dasbor;Password=dasbor;Database=postgres;Timeout=5";
    private const int Headcount = 7_000;

    private static readonly string[] Tables = ["StaffingEmployees", "StaffingAttendance", "StaffingPerformance"];

    private sealed record Run(int Items, long Rows, double PullSeconds, IngestTimings.Phases Timings, double CopySeconds, string Load)
    {
        public double ProductRate => Rows / Timings.Database;

        public double CopyRate => Rows / CopySeconds;

        public double Ratio => CopySeconds / Timings.Database;
    }

    public static async Task<int> RunAsync(int runs, int items, int pageSize)
    {
        var server = Environment.GetEnvironmentVariable("DASHBOARD_BENCH_POSTGRES")
            ?? Environment.GetEnvironmentVariable("DASHBOARD_TEST_POSTGRES") ?? DefaultServer;
        // Employees, then one attendance item per employee and working day, then the year's evaluations.
        var attendanceDays = Math.Clamp(items / Headcount - 2, 1, 1000);
        await Console.Out.WriteLineAsync(Invariant(
            $"bench-ingest --postgres: {Source}, about {items:N0} items ({attendanceDays} working days of attendance), page size {pageSize}, {runs} runs, {Environment.ProcessorCount} cores, .NET {Environment.Version}, server {new NpgsqlConnectionStringBuilder(server) { Password = null }}, load {IncrementalBench.Load()}"));
        var results = new List<Run>();
        for (var i = 0; i < runs; i++)
        {
            var r = await OneAsync(server, attendanceDays, pageSize);
            results.Add(r);
            var t = r.Timings;
            await Console.Out.WriteLineAsync(Invariant(
                $"  run {i + 1} ({(i == 0 ? "cold" : "warm")}, load {r.Load}): product {r.Items:N0} items, {r.Rows:N0} rows stored, pull {r.PullSeconds:F2} s; database {t.Database:F2} s (commits {t.Commit:F2} s) = {r.ProductRate:N0} rows/s; ") +
                Invariant($"http {t.Http:F2} s, json {t.Json:F2} s, validation {t.Validation:F2} s, writer waiting {t.Waiting:F2} s; raw COPY {r.CopySeconds:F2} s = {r.CopyRate:N0} rows/s; ratio {r.Ratio:F2}"));
        }
        await Console.Out.WriteLineAsync($"-- {results.Count} runs, load {string.Join(" / ", results.Select(r => r.Load))}");
        await Line("Product write path (rows/s)", results.Select(r => r.ProductRate), "N0");
        await Line("Raw binary COPY, same rows (rows/s)", results.Select(r => r.CopyRate), "N0");
        await Line("Product / raw COPY (per run)", results.Select(r => r.Ratio), "F2");
        await Line("Product pull, end to end (items/s)", results.Select(r => r.Items / r.PullSeconds), "N0");
        await Line("  database (s)", results.Select(r => r.Timings.Database), "F2");
        await Line("    of which commits (s)", results.Select(r => r.Timings.Commit), "F2");
        await Line("  raw COPY (s)", results.Select(r => r.CopySeconds), "F2");
        return 0;
    }

    private static async Task<Run> OneAsync(string server, int attendanceDays, int pageSize)
    {
        var name = $"dasbor_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Timeout = 15 }.ConnectionString;
        try
        {
            var app = await BenchHost.StartAsync(Path.Combine(Path.GetTempPath(), name + ".db"), 365, pageSize, new Dictionary<string, string?>
            {
                ["Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:Reporting"] = connectionString,
                ["Ingest:PseudonymKey"] = "bench-pseudonym-key-0123456789abcdef",
                ["Sources:Staffing:Simulator:Headcount"] = Headcount.ToString(CultureInfo.InvariantCulture),
                ["Sources:Staffing:Simulator:AttendanceWorkingDays"] = attendanceDays.ToString(CultureInfo.InvariantCulture),
                // The first start of a fresh database asks for migration tables that do not exist yet: expected, not news.
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
            });
            await using (app)
            {
                app.Services.GetRequiredService<StaffingSimulator>().Advance();
                var source = app.Services.GetRequiredService<StaffingSource>();
                await WarmSimulatorAsync(app);
                using var timings = new IngestTimings(app.Services);
                await CheckpointAsync(connectionString);
                Collect();
                timings.Reset();
                var t0 = Stopwatch.GetTimestamp();
                var run = await IngestBench.RunOnceAsync(app, source);
                var pullSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                var phases = timings.Of(Source);
                await app.StopAsync();
                NpgsqlConnection.ClearAllPools();

                var (rows, copySeconds) = await RawCopyAsync(connectionString);
                return new Run(run.ItemsRead, rows, pullSeconds, phases, copySeconds, IncrementalBench.Load());
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>The simulator's start-up (its history, its first page of each feed) stays out of the timing, as in --million.</summary>
    private static async Task WarmSimulatorAsync(WebApplication app)
    {
        var server = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(new Uri(server + "/"), StaffingExtensions.SimulatorBasePath.TrimStart('/') + "/") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", app.Services.GetRequiredService<IOptions<StaffingOptions>>().Value.ApiKey);
        foreach (var resource in new[] { StaffingPayload.Employees, StaffingPayload.Attendance, StaffingPayload.Performance })
        {
            (await http.GetAsync($"v1/{resource}?limit=1")).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// The baseline: the product's stored rows, read first as PostgreSQL's binary <c>COPY</c> stream, copied into empty tables
    /// of the same shape in one committed transaction. Returns the rows copied and the seconds of the copy and commit.
    /// </summary>
    private static async Task<(long Rows, double Seconds)> RawCopyAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var streams = new List<(string Table, byte[] Data)>();
        long rows = 0;
        foreach (var table in Tables)
        {
            await ExecuteAsync(connection, $"CREATE TABLE \"raw_{table}\" (LIKE \"{table}\" INCLUDING ALL)");
            using var buffer = new MemoryStream();
            await using (var read = await connection.BeginRawBinaryCopyAsync($"COPY \"{table}\" TO STDOUT (FORMAT BINARY)"))
            {
                await read.CopyToAsync(buffer);
            }
            streams.Add((table, buffer.ToArray()));
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            rows += (long)(await count.ExecuteScalarAsync())!;
        }
        await CheckpointAsync(connectionString);
        Collect();
        var t0 = Stopwatch.GetTimestamp();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            foreach (var (table, data) in streams)
            {
                await using var write = await connection.BeginRawBinaryCopyAsync($"COPY \"raw_{table}\" FROM STDIN (FORMAT BINARY)");
                await write.WriteAsync(data);
            }
            await tx.CommitAsync();
        }
        var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        foreach (var table in Tables)
        {
            await using var check = new NpgsqlCommand(
                $"SELECT (SELECT count(*) FROM \"raw_{table}\") = (SELECT count(*) FROM \"{table}\")", connection);
            if (!(bool)(await check.ExecuteScalarAsync())!)
            {
                throw new InvalidOperationException($"{table}: the raw COPY did not copy the product's rows.");
            }
        }
        return (rows, seconds);
    }

    /// <summary>Each timed part starts with the WAL written out, when the role may ask for it (superuser or pg_checkpoint).</summary>
    private static async Task CheckpointAsync(string connectionString)
    {
        try
        {
            await ExecuteAsync(connectionString, "CHECKPOINT");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // Without the right the server checkpoints on its own schedule; the ratio of several runs shows it.
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static Task Line(string label, IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToList();
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return Console.Out.WriteLineAsync($"{label,-42} median {F(sorted[sorted.Count / 2]),9}  (min {F(sorted[0])}, max {F(sorted[^1])})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
