using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.MultiNode;

/// <summary>
/// Two web nodes and two ingest nodes as separate processes of the real build, sharing a PostgreSQL database (reporting
/// and Hangfire) and a Redis server, with an overview open in Chromium on each web node and a hub client on each:
/// a run on either ingest node reaches every screen; refreshes of one source on both ingest nodes at once never
/// overlap; with Redis stopped the screens catch up through the snapshot check without an error, and once Redis is
/// back updates are pushed again.
/// </summary>
public sealed class MultiNodeTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string SimulatorKey = "multi-node-simulator-key-0123456789abcdef";
    private const string ApiKey = "multi-node-api-key-0123456789abcdef0123";
    private const string MissedLine = "Snapshot check: ";
    private static readonly string[] Sources = [.. Dashboard.Web.Features.DomainRegistry.All.Select(d => d.Source)];

    [Fact]
    public async Task TwoWebAndTwoIngestNodes_DeliverEveryRunToEveryScreen_WithoutOverlap_AndSurviveRedisGoingAway()
    {
        BrowserFixture.RequireChromium();
        Assert.True(File.Exists(NodeProcess.WebAssembly), $"build output missing: {NodeProcess.WebAssembly}");
        await using var redis = await RedisServer.StartAsync();
        await using var database = await TemporaryPostgreSqlDatabase.CreateAsync();
        var ct = TestContext.Current.CancellationToken;

        var web1Port = FreePort.Next();
        var simulatorRoot = $"http://127.0.0.1:{web1Port}";
        var web1Settings = Settings(database.ConnectionString, redis.ConnectionString, "Web", simulatorRoot: null);
        var (exit, migrateOutput) = await NodeProcess.RunAsync(web1Settings, "migrate");
        Assert.True(exit == 0, "migrate failed:\n" + migrateOutput);

        await using var web1 = NodeProcess.Start("web1", web1Port, web1Settings);
        await using var ingest1 = NodeProcess.Start("ingest1", FreePort.Next(), Settings(database.ConnectionString, redis.ConnectionString, "Ingest", simulatorRoot));
        await Task.WhenAll(web1.WaitHealthyAsync(TimeSpan.FromMinutes(2)), ingest1.WaitHealthyAsync(TimeSpan.FromMinutes(2)));
        await using var web2 = NodeProcess.Start("web2", FreePort.Next(), Settings(database.ConnectionString, redis.ConnectionString, "Web", simulatorRoot));
        await using var ingest2 = NodeProcess.Start("ingest2", FreePort.Next(), Settings(database.ConnectionString, redis.ConnectionString, "Ingest", simulatorRoot));
        await Task.WhenAll(web2.WaitHealthyAsync(TimeSpan.FromMinutes(2)), ingest2.WaitHealthyAsync(TimeSpan.FromMinutes(2)));
        NodeProcess[] nodes = [web1, web2, ingest1, ingest2];
        try
        {
            // An ingest node serves no pages; a web node does.
            using (var http = new HttpClient { BaseAddress = ingest1.Root })
            {
                Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("masuk", ct)).StatusCode);
                var health = await http.GetFromJsonAsync<JsonElement>("healthz", ct);
                Assert.Equal("Ingest", health.GetProperty("role").GetString());
            }

            await using var hub1 = await HubClient.ConnectAsync(web1.Root, ct);
            await using var hub2 = await HubClient.ConnectAsync(web2.Root, ct);
            await using var screen1 = await browser.OpenSessionAsync(web1.Root);
            await screen1.SignInAsync("/");
            await using var screen2 = await browser.OpenSessionAsync(web2.Root);
            await screen2.SignInAsync("/");
            // Signed in on web1, working on web2: the nodes share one data-protection key ring (cookies, antiforgery).
            await using var console = await browser.OpenSessionAsync(web1.Root);
            await console.SignInAsync("/operasi");
            await console.GotoInteractiveAsync(new Uri(web2.Root, "operasi").ToString());
            Assert.StartsWith(new Uri(web2.Root, "operasi").ToString(), console.Page.Url, StringComparison.Ordinal);
            var screens = new[] { screen1.Page, screen2.Page };
            var hubs = new[] { hub1, hub2 };
            using var simulators = new HttpClient { BaseAddress = new Uri(simulatorRoot + "/") };
            simulators.DefaultRequestHeaders.Authorization = new("Bearer", SimulatorKey);
            await using var ledger = Ledger(database.ConnectionString);

            // 1. First loads, then two runs at once. Each ingest node runs one job at a time (Hangfire:WorkerCount=1),
            // so while a complaints run hangs on a slow page on one node, the second complaints refresh and the letters
            // refresh must be taken by the other node: the complaints one is skipped (the lease), the letters one
            // succeeds. Both nodes' runs reach both screens and both hub clients.
            foreach (var source in new[] { "Complaints", "Letters" })
            {
                var first = await RefreshAndWaitAsync(console.Page, ledger, source, screens, hubs, ct);
                output.WriteLine($"first load of {source}: run {first.Id} on {first.Node}");
            }
            await PostAsync(simulators, "sim/complaints/_control/faults", new { timeout_requests = 1, timeout_seconds = 8 }, ct);
            await PostAsync(simulators, "sim/complaints/_control/generate?count=3", new { }, ct);
            await PostAsync(simulators, "sim/letters/_control/generate?count=3", new { }, ct);
            var complaintsBefore = await AsOfAsync(screens, "ADUAN_MASUK");
            var lettersBefore = await AsOfAsync(screens, "SURAT_PERMOHONAN");
            var lastId = await ledger.IngestRuns.MaxAsync(r => r.Id, ct);

            await RequestRefreshAsync(console.Page, "Complaints");
            var slow = await WaitForRunAsync(ledger, "Complaints", lastId, r => r.Status == IngestRunStatus.Running, ct);
            await RequestRefreshAsync(console.Page, "Complaints");
            var skipped = await WaitForRunAsync(ledger, "Complaints", slow.Id, r => r.Status != IngestRunStatus.Running, ct);
            await RequestRefreshAsync(console.Page, "Letters");
            var letters = await WaitForRunAsync(ledger, "Letters", lastId, r => r.Status is not IngestRunStatus.Running, ct);

            Assert.Equal(IngestRunStatus.Skipped, skipped.Status);
            Assert.NotEqual(slow.Node, skipped.Node);
            Assert.Equal(IngestRunStatus.Succeeded, letters.Status);
            Assert.NotEqual(slow.Node, letters.Node);
            await ExpectScreensMovedAsync(screens, "SURAT_PERMOHONAN", lettersBefore);
            await ExpectHubsGotAsync(hubs, letters);

            var done = await WaitForRunAsync(ledger, "Complaints", slow.Id - 1, r => r.Id == slow.Id && r.Status != IngestRunStatus.Running, ct);
            Assert.Equal(IngestRunStatus.Succeeded, done.Status);
            await ExpectScreensMovedAsync(screens, "ADUAN_MASUK", complaintsBefore);
            await ExpectHubsGotAsync(hubs, done);
            Assert.Equal(
                new[] { ingest1.LedgerNode, ingest2.LedgerNode }.Order(),
                new[] { done.Node, letters.Node }.Order());
            await AssertNoOverlapAsync(ledger, ct);
            // Pushed over Redis: no web node had to recover anything through the snapshot check.
            Assert.Equal(0, web1.CountLines(MissedLine) + web2.CountLines(MissedLine));

            // 2. Redis goes away: screens and hub clients still get the run, through the snapshot check, with no error shown.
            await redis.StopAsync();
            await PostAsync(simulators, "sim/complaints/_control/generate?count=2", new { }, ct);
            var before = await AsOfAsync(screens, "ADUAN_MASUK");
            var offline = await RefreshAndWaitAsync(console.Page, ledger, "Complaints", screens, hubs, ct, before);
            Assert.Equal(1, web1.CountLines($"{MissedLine}Complaints is at run {offline.Id}"));
            Assert.Equal(1, web2.CountLines($"{MissedLine}Complaints is at run {offline.Id}"));

            // 3. Redis is back: pushed again (no snapshot-check recovery of the next run).
            await redis.StartAgainAsync();
            await Eventually.TrueAsync(() => nodes.All(n => n.CountLines("Redis reachable") >= 1), TimeSpan.FromSeconds(60), "every node reconnected to Redis");
            await PostAsync(simulators, "sim/complaints/_control/generate?count=2", new { }, ct);
            var recovered = web1.CountLines(MissedLine) + web2.CountLines(MissedLine);
            var online = await RefreshAndWaitAsync(console.Page, ledger, "Complaints", screens, hubs, ct);
            // A negative check, so a bounded wait: the web nodes are separate processes and log nothing for a check that
            // finds nothing, so no condition marks "two checks ran". 5 s covers two checks (Live:SnapshotCheckSeconds=2).
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            Assert.Equal(recovered, web1.CountLines(MissedLine) + web2.CountLines(MissedLine));
            output.WriteLine($"after Redis came back: run {online.Id} on {online.Node} pushed to both web nodes");

            foreach (var session in new[] { screen1, screen2 })
            {
                await Expect(session.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
                Assert.Empty(session.ConsoleErrors);
            }
            await AssertNoOverlapAsync(ledger, ct);
        }
        catch
        {
            foreach (var node in nodes)
            {
                output.WriteLine($"---- {node.Name} (last 60 lines)");
                foreach (var line in node.Output.TakeLast(60))
                {
                    output.WriteLine(line);
                }
            }
            throw;
        }
    }

    private static Dictionary<string, string?> Settings(string database, string redis, string role, string? simulatorRoot)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Node:Role"] = role,
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Reporting"] = database,
            ["Database:MigrateOnStart"] = "false",
            ["Hangfire:Storage"] = "PostgreSql",
            ["Hangfire:WorkerCount"] = "1",
            ["ConnectionStrings:Redis"] = redis,
            ["Live:SnapshotCheckSeconds"] = "2",
            ["Ingest:RefreshOnStart"] = "false",
            ["Ingest:RunRetries"] = "0",
            ["Ingest:PseudonymKey"] = "multi-node-pseudonym-key-0123456789abcdef",
            ["Alerts:Enabled"] = "false",
            ["Api:Keys:portal"] = ApiKey,
            ["Sources:Simulator:Enabled"] = simulatorRoot is null ? "true" : "false",
            ["Sources:Simulator:HistoryDays"] = "14",
            ["Sources:Simulator:DemoEventsPerMinute"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Dashboard.Web.Live"] = "Information",
        };
        foreach (var source in Sources)
        {
            // No schedule: only the test's refreshes run. Every node talks to web1's simulators with one key.
            settings[$"Sources:{source}:Enabled"] = "false";
            settings[$"Sources:{source}:ApiKey"] = SimulatorKey;
            if (simulatorRoot is not null)
            {
                settings[$"Sources:{source}:BaseUrl"] = $"{simulatorRoot}/sim/{source.ToLowerInvariant()}";
            }
        }
        return settings;
    }

    private static PostgreSqlReportingDbContext Ledger(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgreSqlReportingDbContext>().UseNpgsql(connectionString).Options);

    private async Task<IngestRun> RefreshAndWaitAsync(
        IPage console, ReportingDbContext ledger, string source, IPage[] screens, HubClient[] hubs, CancellationToken ct, string[]? before = null)
    {
        var tile = source == "Complaints" ? "ADUAN_MASUK" : "SURAT_PERMOHONAN";
        before ??= await AsOfAsync(screens, tile);
        var lastId = await ledger.IngestRuns.Select(r => (long?)r.Id).MaxAsync(ct) ?? 0;
        var clock = Stopwatch.StartNew();
        await RequestRefreshAsync(console, source);
        var run = await WaitForRunAsync(ledger, source, lastId, r => r.Status is not IngestRunStatus.Running, ct);
        Assert.True(run.Status == IngestRunStatus.Succeeded, $"{source} run {run.Id}: {run.Status} {run.Error}");
        var finished = clock.Elapsed;
        await ExpectScreensMovedAsync(screens, tile, before);
        await ExpectHubsGotAsync(hubs, run);
        output.WriteLine($"{source} run {run.Id} on {run.Node}: finished after {finished.TotalSeconds:F1} s, on both screens and hubs after {clock.Elapsed.TotalSeconds:F1} s");
        return run;
    }

    private static async Task RequestRefreshAsync(IPage console, string source)
    {
        await console.Locator($"[data-testid='ops-source-{source}'] [data-testid='refresh-button']").ClickAsync();
        await console.FillAsync("[data-testid='refresh-reason']", "Uji banyak node");
        await console.ClickAsync("[data-testid='refresh-submit']");
        // The dialog closes once the job is queued in PostgreSQL (the node's first use of the store opens it: slow on a busy machine).
        await Expect(console.Locator("[data-testid='refresh-dialog']")).ToBeHiddenAsync(new() { Timeout = 30_000 });
    }

    private static async Task<IngestRun> WaitForRunAsync(
        ReportingDbContext ledger, string source, long after, Func<IngestRun, bool> ready, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            ledger.ChangeTracker.Clear();
            var runs = await ledger.IngestRuns.AsNoTracking().Where(r => r.Source == source && r.Id > after).OrderBy(r => r.Id).ToListAsync(ct);
            if (runs.FirstOrDefault(ready) is { } run)
            {
                return run;
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"no {source} run after #{after} reached the expected state within 90 s");
    }

    private static async Task<string[]> AsOfAsync(IPage[] screens, string tile) =>
        await Task.WhenAll(screens.Select(async p => await p.Locator($"[data-testid='tile-{tile}']").GetAttributeAsync("data-as-of") ?? ""));

    private static async Task ExpectScreensMovedAsync(IPage[] screens, string tile, string[] before)
    {
        for (var i = 0; i < screens.Length; i++)
        {
            await Expect(screens[i].Locator($"[data-testid='tile-{tile}']"))
                .Not.ToHaveAttributeAsync("data-as-of", before[i], new() { Timeout = 20_000 });
        }
    }

    private static async Task ExpectHubsGotAsync(HubClient[] hubs, IngestRun run)
    {
        foreach (var hub in hubs)
        {
            await Eventually.TrueAsync(() => hub.Runs.Contains((run.Source, run.Id)), TimeSpan.FromSeconds(20), $"{hub.Root} hub client got run {run.Id}");
        }
    }

    /// <summary>No two runs of a source that did work (not skipped) were ever running at the same time, across both nodes.</summary>
    private static async Task AssertNoOverlapAsync(ReportingDbContext ledger, CancellationToken ct)
    {
        ledger.ChangeTracker.Clear();
        var runs = await ledger.IngestRuns.AsNoTracking().Where(r => r.Status != IngestRunStatus.Skipped).ToListAsync(ct);
        foreach (var group in runs.GroupBy(r => r.Source))
        {
            var ordered = group.OrderBy(r => r.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i - 1].FinishedAt is { } end && end <= ordered[i].StartedAt,
                    $"{group.Key}: run {ordered[i - 1].Id} ({ordered[i - 1].Node}) and run {ordered[i].Id} ({ordered[i].Node}) overlap");
            }
        }
    }

    private static async Task PostAsync(HttpClient http, string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>A SignalR client of /hubs/kpi with an API key, remembering every (source, run) it was told about.</summary>
    private sealed class HubClient : IAsyncDisposable
    {
        private readonly HubConnection _connection;

        private HubClient(Uri root, HubConnection connection)
        {
            Root = root;
            _connection = connection;
            _connection.On<JsonElement>("indicatorsChanged", e =>
                Runs.Add((e.GetProperty("source").GetString()!, e.GetProperty("runId").GetInt64())));
        }

        public Uri Root { get; }

        public ConcurrentBag<(string Source, long RunId)> Runs { get; } = [];

        public static async Task<HubClient> ConnectAsync(Uri root, CancellationToken ct)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(root, "hubs/kpi"), o =>
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(ApiKey);
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .Build();
            var client = new HubClient(root, connection);
            await connection.StartAsync(ct);
            return client;
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
