using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features.Walls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Web.Walls;

/// <summary>
/// The wall's memory over an accelerated run (docs/BENCHMARKS.md "Wall screens"): one screen rotating a 4-board
/// playlist every 10 s while its complaints data changes 10 times a second, then N more screens to weigh a circuit.
/// Opt-in (minutes long): <c>DASBOR_BENCH=wall</c>, optional <c>DASBOR_BENCH_SECONDS</c> (default 180) and
/// <c>DASBOR_BENCH_SCREENS</c> (default 10).
/// </summary>
public sealed class WallMemoryBenchmark(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Wall_memory_stays_flat_over_an_accelerated_run()
    {
        if (Environment.GetEnvironmentVariable("DASBOR_BENCH") != "wall")
        {
            Assert.Skip("Benchmark: set DASBOR_BENCH=wall to run it (docs/BENCHMARKS.md).");
        }
        BrowserFixture.RequireChromium();
        var seconds = int.Parse(Environment.GetEnvironmentVariable("DASBOR_BENCH_SECONDS") ?? "180", CultureInfo.InvariantCulture);
        var screens = int.Parse(Environment.GetEnvironmentVariable("DASBOR_BENCH_SCREENS") ?? "10", CultureInfo.InvariantCulture);
        var ct = TestContext.Current.CancellationToken;

        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Walls:HeartbeatSeconds"] = "2" });
        await app.RefreshAsync();
        var service = app.Services.GetRequiredService<WallScreenService>();
        var broadcaster = app.Services.GetRequiredService<KpiBroadcaster>();
        var (_, token) = await service.CreateAsync(
            new WallScreenInput("Bench", null, ["kota", "aduan", "pendapatan", "bansos"], false, 10, WallTheme.Dark, null, null), "bench", ct);

        var session = await browser.OpenSessionAsync(app.RootUri);
        await session.Page.SetViewportSizeAsync(1920, 1080);
        await session.GotoInteractiveAsync("dinding?token=" + token);
        var cdp = await session.Page.Context.NewCDPSessionAsync(session.Page);

        var clock = Stopwatch.StartNew();
        var value = 0;
        double? warmHeap = null;
        long warmServer = 0;
        var samples = new List<string>();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await PushAsync(app, broadcaster, ++value, ct);
            await Task.Delay(100, ct);
            if (warmHeap is null && clock.Elapsed > TimeSpan.FromSeconds(45))
            {
                warmHeap = await HeapAsync(cdp);
                warmServer = ServerBytes();
                samples.Add($"t={clock.Elapsed.TotalSeconds:0}s heap={warmHeap / 1e6:0.00} MB server={warmServer / 1e6:0.0} MB");
            }
        }
        var endHeap = await HeapAsync(cdp);
        var endServer = ServerBytes();
        samples.Add($"t={clock.Elapsed.TotalSeconds:0}s heap={endHeap / 1e6:0.00} MB server={endServer / 1e6:0.0} MB");
        var steps = value / 10 / 10;
        output.WriteLine($"accelerated run: {seconds} s, {value} pushes, ~{steps} board changes");
        samples.ForEach(output.WriteLine);

        // Weigh a circuit: N more screens on the overview board.
        var (_, other) = await service.CreateAsync(new WallScreenInput("Bench N", null, ["kota"], false, 3600, WallTheme.Dark, null, null), "bench", ct);
        var before = ServerBytes();
        var sessions = new List<BrowserSession>();
        for (var i = 0; i < screens; i++)
        {
            var s = await browser.OpenSessionAsync(app.RootUri);
            await s.GotoInteractiveAsync("dinding?token=" + other);
            sessions.Add(s);
        }
        await Task.Delay(3000, ct);
        var with = ServerBytes();
        foreach (var s in sessions)
        {
            await s.DisposeAsync();
        }
        output.WriteLine($"server managed memory per wall circuit: {(with - before) / 1e3 / screens:0} KB ({screens} circuits, {before / 1e6:0.0} → {with / 1e6:0.0} MB)");
        await session.DisposeAsync();

        Assert.True(endHeap - warmHeap!.Value < 5e6, $"browser heap grew {(endHeap - warmHeap.Value) / 1e6:0.00} MB");
        Assert.True(endServer - warmServer < 20e6, $"server memory grew {(endServer - warmServer) / 1e6:0.0} MB");
    }

    private static async Task PushAsync(DashboardFactory app, KpiBroadcaster broadcaster, int value, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        await using var db = await app.Db.CreateDbContextAsync(ct);
        await db.IndicatorSnapshots
            .Where(s => s.IndicatorCode == "ADUAN_MASUK" && s.ScopeCode == ReferenceData.KotaCode)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, value).SetProperty(s => s.ComputedAt, now), ct);
        broadcaster.Publish(new IndicatorsChanged("Complaints", now, null, ["ADUAN_MASUK"]));
    }

    private static async Task<double> HeapAsync(ICDPSession cdp)
    {
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var usage = await cdp.SendAsync("Runtime.getHeapUsage");
        return usage!.Value.GetProperty("usedSize").GetDouble();
    }

    private static long ServerBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
