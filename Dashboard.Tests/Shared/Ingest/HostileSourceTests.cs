using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>
/// Issue 19: sources that misbehave beyond the contract's fault list, over real HTTP (a Kestrel fake on loopback) into the
/// real engine and complaint source: every run ends by itself with its reason in the ledger, in bounded memory, and one bad
/// item never blocks the source. Each test writes its measured figure to the test output.
/// </summary>
public sealed class HostileSourceTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(7));

    private sealed class Setup : IAsyncDisposable
    {
        public required TestDatabase Db { get; init; }
        public required IngestEngine Engine { get; init; }
        public required ComplaintsSource Source { get; init; }
        public required ISourcePageClient Client { get; init; }

        public Task<IngestRun> RunAsync(string reason = "test", CancellationToken ct = default) =>
            Engine.RunAsync(Source, Client, new RunRequest(IngestTrigger.Manual, "tester", reason), ct);

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private static async Task<Setup> SetupAsync(
        HostileServer server, IngestOptions? ingest = null, int totalTimeoutSeconds = 20, int maxPageBytes = SourceOptions.DefaultMaxPageBytes,
        TimeProvider? time = null)
    {
        var options = new ComplaintsOptions
        {
            ApiKey = "k", PageSize = 3, AttemptTimeoutSeconds = Math.Max(1, totalTimeoutSeconds - 1), TotalTimeoutSeconds = totalTimeoutSeconds,
            MaxPageBytes = maxPageBytes,
        };
        var db = await TestDatabase.CreateAsync();
        return new Setup
        {
            Db = db,
            Engine = new IngestEngine(db, new KpiBroadcaster(), time ?? TimeProvider.System,
                Options.Create(ingest ?? new IngestOptions { RunRetries = 0 }), NullLogger<IngestEngine>.Instance),
            Source = new ComplaintsSource(new TestOptions<ComplaintsOptions>(options), new ComplaintsKpis()),
            Client = server.Client(options),
        };
    }

    private static JsonObject Item(int n) => ComplaintJson.Item($"LPR-2026-{n:D6}", T0.AddMinutes(n));

    private static string Page(IEnumerable<JsonObject> items, string? next) =>
        new JsonObject { ["items"] = new JsonArray([.. items]), ["next_cursor"] = next }.ToJsonString();

    private static Task WriteJsonAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    [Fact]
    public async Task A_looping_cursor_fails_the_run_at_once_and_keeps_what_was_read()
    {
        // A → B → A …: each page one new item, the cursor going round for ever.
        await using var server = await HostileServer.StartAsync((context, n) =>
            WriteJsonAsync(context, Page([Item(n)], n % 2 == 1 ? "A" : "B")));
        await using var setup = await SetupAsync(server);
        var watch = Stopwatch.StartNew();

        var run = await setup.RunAsync();

        watch.Stop();
        output.WriteLine($"looping cursor: run ended after {watch.ElapsedMilliseconds} ms, {server.Requests} requests, {run.Pages} pages committed");
        Assert.Equal(IngestRunStatus.Failed, run.Status);
        Assert.Contains("mengulang cursor 'A'", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests);
        Assert.Equal(2, run.Inserted);
        await using var db = setup.Db.CreateDbContext();
        var ledger = await db.IngestRuns.SingleAsync(r => r.Id == run.Id);
        Assert.Equal(IngestRunStatus.Failed, ledger.Status);
        Assert.Contains("mengulang cursor", ledger.Error, StringComparison.Ordinal);
        Assert.Equal(2, await db.Set<Complaint>().CountAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_trickling_body_fails_the_page_within_the_page_timeout()
    {
        var served = new TaskCompletionSource();
        await using var server = await HostileServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"items\":[", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            served.TrySetResult();
            try
            {
                // One byte every 200 ms, for ever: headers came at once, the body never ends.
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(" ", context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(200, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await using var setup = await SetupAsync(server, totalTimeoutSeconds: 2);
        var watch = Stopwatch.StartNew();

        var run = await setup.RunAsync();

        watch.Stop();
        output.WriteLine($"trickling body: run ended after {watch.ElapsedMilliseconds} ms (page timeout 2 s), {server.Requests} request(s): {run.Error}");
        Assert.True(served.Task.IsCompleted);
        Assert.Equal(IngestRunStatus.Failed, run.Status);
        Assert.Contains("tidak selesai dalam 2 s", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task An_endless_body_fails_the_page_at_its_size_limit_in_bounded_memory()
    {
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        await using var server = await HostileServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            try
            {
                await context.Response.Body.WriteAsync("{\"items\":["u8.ToArray(), context.RequestAborted);
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
            }
        });
        const int limit = 2 * 1024 * 1024;
        await using var setup = await SetupAsync(server, maxPageBytes: limit);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();

        var run = await setup.RunAsync();

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine(
            $"endless body: run ended after {watch.ElapsedMilliseconds} ms; " +
            $"{allocated / 1024 / 1024.0:F1} MiB allocated by the whole process (limit {limit / 1024 / 1024} MiB): {run.Error}");
        Assert.Equal(IngestRunStatus.Failed, run.Status);
        Assert.Contains("lebih besar dari batas 2097152 byte", run.Error, StringComparison.Ordinal);
        // Not retried: the same page would be as large again.
        Assert.Equal(1, server.Requests);
        // The buffer stops at the limit; everything the run and the fake allocated together stays within a few limits.
        Assert.True(allocated < 8L * limit, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task An_item_with_invalid_utf8_is_quarantined_and_the_rest_of_the_page_is_stored()
    {
        // Three valid items and one whose category holds the bytes FF FE.
        var json = Page([Item(1), Item(2), ComplaintJson.Item("LPR-2026-000009", T0.AddMinutes(3), category: "@@BAD@@"), Item(4)], null);
        var bytes = Encoding.UTF8.GetBytes(json);
        var marker = Encoding.UTF8.GetBytes("@@BAD@@");
        var at = bytes.AsSpan().IndexOf(marker);
        var body = bytes[..at].Concat(new byte[] { 0xFF, 0xFE }).Concat(bytes[(at + marker.Length)..]).ToArray();
        await using var server = await HostileServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        await using var setup = await SetupAsync(server);

        var run = await setup.RunAsync();

        output.WriteLine($"invalid UTF-8 item: {run.Status}, inserted {run.Inserted}, rejected {run.Rejected}");
        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        Assert.Equal(3, run.Inserted);
        Assert.Equal(1, run.Rejected);
        await using var db = setup.Db.CreateDbContext();
        Assert.Equal(3, await db.Set<Complaint>().CountAsync());
        var quarantined = await db.QuarantinedItems.SingleAsync();
        Assert.Equal("LPR-2026-000009", quarantined.SourceItemId);
        Assert.Equal("category: teks bukan UTF-8 yang sah", quarantined.Reason);
        Assert.DoesNotContain("\uFFFD", quarantined.Payload, StringComparison.Ordinal);
        Assert.Contains("\"category\":\"[dihapus]\"", quarantined.Payload, StringComparison.Ordinal);
        // The watermark moved past the page: the source is not blocked.
        Assert.NotNull(run.WatermarkAfter);
    }

    [Fact]
    public async Task Two_refreshes_during_a_slow_run_never_start_a_second_run_beside_it()
    {
        // Pages of one item, each answered after 700 ms: the run lasts about 7 s, more than twice its 3 s lease.
        await using var server = await HostileServer.StartAsync(async (context, n) =>
        {
            await Task.Delay(700, context.RequestAborted);
            await WriteJsonAsync(context, Page([Item(n)], n < 10 ? $"c{n}" : null));
        });
        // LeaseSeconds below its configurable minimum, to keep the test short (the engine takes it as given).
        await using var setup = await SetupAsync(server, new IngestOptions { LeaseSeconds = 3, RunRetries = 0 });
        var watch = Stopwatch.StartNew();
        var slow = setup.RunAsync("slow");
        await Eventually.TrueAsync(() => server.Requests >= 6, TimeSpan.FromSeconds(30), "the slow run passing its first lease");
        var second = await setup.RunAsync("second");
        await Eventually.TrueAsync(() => server.Requests >= 9, TimeSpan.FromSeconds(30), "the slow run passing its second lease");
        var third = await setup.RunAsync("third");
        var first = await slow;
        watch.Stop();
        var after = await setup.RunAsync("after");

        output.WriteLine($"slow run: {watch.ElapsedMilliseconds} ms with a 3 s lease; refreshes during it: {second.Status}, {third.Status}");
        Assert.True(first.Status == IngestRunStatus.Succeeded, first.Error);
        Assert.Equal(10, first.Inserted);
        Assert.Equal(IngestRunStatus.Skipped, second.Status);
        Assert.Equal(IngestRunStatus.Skipped, third.Status);
        Assert.Contains($"run #{first.Id}", second.Error, StringComparison.Ordinal);
        Assert.True(after.Status == IngestRunStatus.Succeeded, after.Error);
        Assert.True(watch.Elapsed > TimeSpan.FromSeconds(6), $"the run was not slow: {watch.Elapsed}");

        await using var db = setup.Db.CreateDbContext();
        var ran = (await db.IngestRuns.AsNoTracking().Where(r => r.Status != IngestRunStatus.Skipped).ToListAsync())
            .OrderBy(r => r.StartedAt).ToList();
        Assert.Equal(2, ran.Count);
        for (var i = 1; i < ran.Count; i++)
        {
            Assert.True(ran[i].StartedAt >= ran[i - 1].FinishedAt, $"run #{ran[i].Id} started before run #{ran[i - 1].Id} finished");
        }
    }

    [Fact]
    public async Task A_run_past_its_maximum_duration_stops_and_commits_what_it_read()
    {
        // An endless honest source: a new page whenever asked. Time is fake, so the run's limit is reached on demand; the clock
        // starts after every item's updated_at (T0 + n minutes), so each commit may move the watermark.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T0.AddDays(30));
        await using var server = await HostileServer.StartAsync((context, n) => WriteJsonAsync(context, Page([Item(n)], $"c{n}")));
        await using var setup = await SetupAsync(server, new IngestOptions { MaxRunMinutes = 30, RunRetries = 0, CommitItems = 1_000_000 }, time: time);

        var run = setup.RunAsync();
        await Eventually.TrueAsync(() => server.Requests >= 20, TimeSpan.FromSeconds(30), "twenty pages read");
        time.Advance(TimeSpan.FromMinutes(31));
        var ended = await run;

        output.WriteLine($"maximum duration: {server.Requests} pages served, {ended.Pages} committed: {ended.Error}");
        Assert.Equal(IngestRunStatus.Failed, ended.Status);
        Assert.Contains("Ingest:MaxRunMinutes (30 menit)", ended.Error, StringComparison.Ordinal);
        Assert.True(ended.Inserted >= 20, $"inserted {ended.Inserted}");
        await using var db = setup.Db.CreateDbContext();
        Assert.Equal(ended.Inserted, await db.Set<Complaint>().CountAsync());
        Assert.NotNull(await db.SourceWatermarks.Select(w => w.Value).SingleAsync());
    }

    [Fact]
    public async Task The_default_page_size_limit_is_a_few_MiB_above_the_largest_simulator_page()
    {
        await using var app = new DashboardFactory();
        _ = app.RootUri;
        using var http = app.CreateHttpClient();
        var simulators = app.Services.GetServices<Dashboard.Simulators.Shared.ISourceSimulator>().ToDictionary(x => x.Source, StringComparer.Ordinal);
        var largest = (Bytes: 0L, Feed: "");
        foreach (var source in app.Services.GetServices<IIngestSource>())
        {
            foreach (var feed in source.Feeds)
            {
                // The first pages at the contract's largest limit (unpaged resources answer everything at once).
                string? cursor = null;
                for (var page = 0; page < 3; page++)
                {
                    var url = $"{simulators[source.Name].BasePath.TrimEnd('/')}/v1/{feed.Resource}?limit=1000&year=2026" +
                              (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", source.Options.ApiKey);
                    using var response = await http.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (body.Length > largest.Bytes)
                    {
                        largest = (body.Length, $"{source.Name}/{feed.Resource}");
                    }
                    cursor = JsonNode.Parse(body) is JsonObject o && o["next_cursor"] is JsonValue next ? next.GetValue<string>() : null;
                    if (cursor is null)
                    {
                        break;
                    }
                }
            }
        }
        output.WriteLine($"largest simulator page at limit=1000: {largest.Bytes / 1024.0:F0} KiB ({largest.Feed}); default MaxPageBytes {SourceOptions.DefaultMaxPageBytes / 1024 / 1024} MiB");
        Assert.True(largest.Bytes > 100_000, $"pages were not full: {largest}");
        Assert.InRange(SourceOptions.DefaultMaxPageBytes - largest.Bytes, 2L * 1024 * 1024, 6L * 1024 * 1024);
    }
}
