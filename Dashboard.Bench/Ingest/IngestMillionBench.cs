using System.Diagnostics;
using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Simulators.Staffing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Bench.Ingest;

/// <summary>
/// <c>bench-ingest --million [--runs N] [--attendance-days N]</c> (benchmark 1): the staffing simulator's
/// largest history (7,000 staff, 140 working days of attendance, a year of evaluations: just over a million items)
/// loaded by the real staffing job over loopback Kestrel, beside two references measured in the same run on the same
/// items: the hand-written pipeline and plain EF Core <c>SaveChanges</c>. Then an incremental run of 1,000 changes.
/// Each run starts a fresh host and fresh SQLite files (docs/BENCHMARKS.md).
/// </summary>
internal static class IngestMillionBench
{
    private const string Source = "Staffing";

    private static readonly IReadOnlyList<TableSpec> Tables =
    [
        new(StaffingPayload.Employees, "StaffingEmployees",
        [
            ("Id", "id", FieldKind.Text), ("AgencyCode", "agency_code", FieldKind.Text), ("AsnType", "asn_type", FieldKind.Text),
            ("RankGroup", "rank_group", FieldKind.Text), ("PositionType", "position_type", FieldKind.Text),
            ("RetirementMonth", "retirement_date", FieldKind.MonthOf), ("Status", "status", FieldKind.Text),
            ("UpdatedAt", "updated_at", FieldKind.Ticks), ("Flags", "flags", FieldKind.Text),
        ]),
        new(StaffingPayload.Attendance, "StaffingAttendance",
        [
            ("Id", "id", FieldKind.Text), ("NipKey", "nip", FieldKind.Text), ("Date", "date", FieldKind.Date),
            ("Status", "status", FieldKind.Text), ("CheckInAt", "check_in_at", FieldKind.NullableTicks),
            ("UpdatedAt", "updated_at", FieldKind.Ticks), ("Flags", "flags", FieldKind.Text),
        ]),
        new(StaffingPayload.Performance, "StaffingPerformance",
        [
            ("Id", "id", FieldKind.Text), ("NipKey", "nip", FieldKind.Text), ("Period", "period", FieldKind.Text),
            ("Rating", "rating", FieldKind.Text), ("SubmittedAt", "submitted_at", FieldKind.Ticks),
            ("UpdatedAt", "updated_at", FieldKind.Ticks), ("Flags", "flags", FieldKind.Text),
        ]),
    ];

    private sealed record Run(
        int Items, double PullSeconds, IngestTimings.Phases Timings, double IncrementalSeconds, int IncrementalItems,
        BaselineResult HandWritten, BaselineResult PlainEf, double StartSeconds);

    public static async Task<int> RunAsync(int runs, int attendanceDays, int pageSize)
    {
        await Console.Out.WriteLineAsync(Invariant(
            $"bench-ingest --million: {Source}, {attendanceDays} working days of attendance, page size {pageSize}, {runs} runs, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        var results = new List<Run>();
        for (var i = 0; i < runs; i++)
        {
            var r = await OneAsync(attendanceDays, pageSize);
            results.Add(r);
            var t = r.Timings;
            await Console.Out.WriteLineAsync(
                Invariant($"  run {i + 1}: product {r.Items:N0} items in {r.PullSeconds:F2} s = {r.Items / r.PullSeconds:N0} items/s ") +
                Invariant($"(http {t.Http:F2} s, json {t.Json:F2} s, validation {t.Validation:F2} s, database {t.Database:F2} s (of which commits {t.Commit:F2} s), writer waiting {t.Waiting:F2} s; indicators {t.Indicators:F2} s); ") +
                Invariant($"hand-written {r.HandWritten.Items:N0} in {r.HandWritten.Seconds:F2} s = {r.HandWritten.Rate:N0}/s (fetch+json {r.HandWritten.FetchSeconds:F2} s, db {r.HandWritten.DatabaseSeconds:F2} s); ") +
                Invariant($"plain EF {r.PlainEf.Items:N0} in {r.PlainEf.Seconds:F2} s = {r.PlainEf.Rate:N0}/s (fetch+json+map {r.PlainEf.FetchSeconds:F2} s, SaveChanges {r.PlainEf.DatabaseSeconds:F2} s); ") +
                Invariant($"incremental {r.IncrementalItems} items in {r.IncrementalSeconds * 1000:F0} ms; host start {r.StartSeconds:F1} s"));
        }
        var product = results.Select(r => r.Items / r.PullSeconds).ToList();
        await Line("Full load, product pull (items/s)", product, "N0");
        await Line("Full load incl. indicators (items/s)", results.Select(r => r.Items / (r.PullSeconds + r.Timings.Indicators)), "N0");
        await Line("Hand-written pipeline (items/s)", results.Select(r => r.HandWritten.Rate), "N0");
        await Line("Plain EF AddRange+SaveChanges (items/s)", results.Select(r => r.PlainEf.Rate), "N0");
        await Line("Product / hand-written (per run)", results.Select(r => r.Items / r.PullSeconds / r.HandWritten.Rate), "F2");
        await Line("Product / plain EF (per run)", results.Select(r => r.Items / r.PullSeconds / r.PlainEf.Rate), "F2");
        await Line("Incremental run, 1,000 changes (ms)", results.Select(r => r.IncrementalSeconds * 1000), "F0");
        await Line("  http (s)", results.Select(r => r.Timings.Http), "F2");
        await Line("  json (s)", results.Select(r => r.Timings.Json), "F2");
        await Line("  validation+mapping (s)", results.Select(r => r.Timings.Validation), "F2");
        await Line("  database (s)", results.Select(r => r.Timings.Database), "F2");
        await Line("    of which commits (s)", results.Select(r => r.Timings.Commit), "F2");
        await Line("  writer waiting for a page (s)", results.Select(r => r.Timings.Waiting), "F2");
        await Line("  indicators (s)", results.Select(r => r.Timings.Indicators), "F2");
        return 0;
    }

    private static async Task<Run> OneAsync(int attendanceDays, int pageSize)
    {
        var id = Guid.NewGuid().ToString("N");
        var product = Path.Combine(Path.GetTempPath(), $"dasbor-bench-{id}.db");
        var handWritten = Path.Combine(Path.GetTempPath(), $"dasbor-bench-{id}-hand.db");
        var plainEf = Path.Combine(Path.GetTempPath(), $"dasbor-bench-{id}-ef.db");
        var started = Stopwatch.GetTimestamp();
        await using var app = await BenchHost.StartAsync(product, 365, pageSize, new Dictionary<string, string?>
        {
            ["Sources:Staffing:Simulator:AttendanceWorkingDays"] = attendanceDays.ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            var simulator = app.Services.GetRequiredService<StaffingSimulator>();
            simulator.Advance();
            var startSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var source = app.Services.GetRequiredService<StaffingSource>();

            // The product: the staffing job as Hangfire runs it. "Pull" ends at the last committed page; where its time went
            // is read from the product's instruments.
            using var timings = new IngestTimings(app.Services);
            long lastPage = 0;
            using (app.Services.GetRequiredService<KpiBroadcaster>().Subscribe(e =>
            {
                if (e is IngestProgress { Status: IngestRunStatus.Running, Source: Source })
                {
                    Interlocked.Exchange(ref lastPage, Stopwatch.GetTimestamp());
                }
                return Task.CompletedTask;
            }))
            {
                await Collect();
                timings.Reset();
                var t0 = Stopwatch.GetTimestamp();
                var run = await RunJobAsync(app, source);
                var phases = timings.Of(Source);
                var items = run.ItemsRead;
                var pullSeconds = Stopwatch.GetElapsedTime(t0, Interlocked.Read(ref lastPage)).TotalSeconds;

                var server = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                var baseAddress = new Uri(new Uri(server + "/"), StaffingExtensions.SimulatorBasePath.TrimStart('/') + "/");
                var apiKey = app.Services.GetRequiredService<IOptions<StaffingOptions>>().Value.ApiKey;

                await MigrateAsync(handWritten);
                await Collect();
                var hand = await HandWrittenPipeline.RunAsync(baseAddress, apiKey, handWritten, Tables, pageSize);

                var efFactory = await MigrateAsync(plainEf);
                await Collect();
                BaselineResult ef;
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    ef = await PlainEfPipeline.RunAsync(efFactory, scope.ServiceProvider.GetRequiredService<SourceClient<StaffingOptions>>(), source.Feeds, pageSize);
                }

                simulator.Generate(1000);
                var t1 = Stopwatch.GetTimestamp();
                var incremental = await RunJobAsync(app, source);
                var incrementalSeconds = Stopwatch.GetElapsedTime(t1).TotalSeconds;
                return new Run(items, pullSeconds, phases, incrementalSeconds, incremental.ItemsRead, hand, ef, startSeconds);
            }
        }
        finally
        {
            await app.StopAsync();
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { product, handWritten, plainEf })
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(path + suffix);
                }
            }
        }
    }

    /// <summary>A fresh database with the product's schema (same tables and indexes) for a baseline.</summary>
    private static async Task<IDbContextFactory<ReportingDbContext>> MigrateAsync(string path)
    {
        var options = new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite($"Data Source={path}").UseReportingSeed().Options;
        await using (var db = new SqliteReportingDbContext(options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        return new Factory(options);
    }

    private sealed class Factory(DbContextOptions<SqliteReportingDbContext> options) : IDbContextFactory<ReportingDbContext>
    {
        public ReportingDbContext CreateDbContext() => new SqliteReportingDbContext(options);
    }

    private static async Task<IngestRun> RunJobAsync(WebApplication app, StaffingSource source)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = (IIngestJob)scope.ServiceProvider.GetRequiredService(source.JobType);
        await job.RunAsync(IngestTrigger.Manual, "bench", "bench", CancellationToken.None);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync();
        var run = await db.IngestRuns.AsNoTracking().Where(r => r.Source == source.Name).OrderByDescending(r => r.Id).FirstAsync();
        return run.Status == IngestRunStatus.Succeeded ? run : throw new InvalidOperationException($"{source.Name} run failed: {run.Error}");
    }

    /// <summary>Each contender starts without the previous one's garbage.</summary>
    private static Task Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Task.CompletedTask;
    }

    private static Task Line(string label, IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToList();
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return Console.Out.WriteLineAsync($"{label,-42} median {F(sorted[sorted.Count / 2]),9}  (min {F(sorted[0])}, max {F(sorted[^1])})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
