using System.Diagnostics;
using System.Globalization;
using Dashboard.Bench.Baseline;
using Dashboard.Bench.Hosting;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Web.Features.Walls;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Bench.Screen;

/// <summary>
/// Benchmark 6: a wall screen (1920×1080) rotating a 4-board playlist every 10 s while the city's ADUAN_MASUK value
/// is committed and published <c>--updates</c> times at <c>--per-second</c> (a day of one update a second, compressed;
/// the wall re-renders at most once a second, so every second of the run carries a render). Browser JS heap
/// (after a forced GC) is sampled every 5 s after a warm-up, and the largest sample of the first playlist cycle
/// (40 s) is compared with the largest of the last (the heap depends on the board on screen); the server's managed
/// heap (after full collections) is weighed after the warm-up and at the end. Beside it in the same run, the minimal live page receives the same updates, as the browser's noise floor.
/// </summary>
internal static class LongRunBench
{
    public static async Task RunAsync(Args args)
    {
        var runs = args.Int("--runs", 3);
        var updates = args.Int("--updates", 3600);
        var perSecond = args.Int("--per-second", 20);
        await using var product = new ProductHost(settings: new Dictionary<string, string?> { ["Walls:HeartbeatSeconds"] = "2" });
        await product.RefreshAsync([.. product.SourceNames]);
        var service = product.Services.GetRequiredService<WallScreenService>();
        var broadcaster = product.Services.GetRequiredService<KpiBroadcaster>();
        await using var baseline = await BaselineApp.StartAsync();
        await using var browser = await Browser.StartAsync();
        await Console.Out.WriteLineAsync($"long-run: {updates} updates at {perSecond}/s ({updates / (double)perSecond:F0} s) per run, {runs} runs");

        var wallGrowth = new List<double>();
        var liveGrowth = new List<double>();
        var serverGrowth = new List<double>();
        var wallStart = new List<double>();
        var serverStart = new List<double>();
        var loads = new List<string>();
        for (var run = 1; run <= runs; run++)
        {
            var (_, token) = await service.CreateAsync(
                new WallScreenInput($"Bench {run}", null, ["kota", "aduan", "pendapatan", "bansos"], false, 10, WallTheme.Dark, null, null), "bench", CancellationToken.None);
            var wallContext = await browser.NewContextAsync(product.RootUri, 1920, 1080);
            var liveContext = await browser.NewContextAsync(baseline.RootUri, 1920, 1080);
            try
            {
                var wall = await Browser.OpenInteractiveAsync(wallContext, "dinding?token=" + token);
                var live = await Browser.OpenInteractiveAsync(liveContext, "live");
                var wallCdp = await wallContext.NewCDPSessionAsync(wall);
                var liveCdp = await liveContext.NewCDPSessionAsync(live);
                var warmUp = Math.Min(updates / 4, perSecond * 30);
                var sampleEvery = perSecond * 5;
                var samples = new List<(double Wall, double Live)>();
                long s0 = 0;
                var clock = Stopwatch.StartNew();
                for (var i = 1; i <= updates; i++)
                {
                    var now = TimeProvider.System.GetUtcNow();
                    await using (var db = await product.Db.CreateDbContextAsync())
                    {
                        await db.IndicatorSnapshots
                            .Where(s => s.IndicatorCode == "ADUAN_MASUK" && s.ScopeCode == ReferenceData.KotaCode)
                            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, 1000 + i).SetProperty(s => s.ComputedAt, now));
                    }
                    broadcaster.Publish(new IndicatorsChanged("Complaints", now, null, ["ADUAN_MASUK"]));
                    LiveValue.Set(1000 + i);
                    if (i == warmUp)
                    {
                        s0 = Stats.ManagedBytes();
                    }
                    if (i >= warmUp && (i - warmUp) % sampleEvery == 0)
                    {
                        samples.Add((await Browser.HeapBytesAsync(wallCdp), await Browser.HeapBytesAsync(liveCdp)));
                    }
                    var due = TimeSpan.FromSeconds(i / (double)perSecond) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due);
                    }
                }
                await Task.Delay(2000);
                var s1 = Stats.ManagedBytes();
                // The heap depends on the board on screen: compare the largest of the first playlist cycle (40 s,
                // 8 samples) with the largest of the last one.
                var cycle = Math.Min(8, samples.Count / 2);
                var (w0, w1) = (samples.Take(cycle).Max(x => x.Wall), samples.TakeLast(cycle).Max(x => x.Wall));
                var (l0, l1) = (samples.Take(cycle).Max(x => x.Live), samples.TakeLast(cycle).Max(x => x.Live));
                await Console.Out.WriteLineAsync("  wall heap every 5 s (MB): " + string.Join(' ', samples.Select(x => (x.Wall / 1e6).ToString("F2", CultureInfo.InvariantCulture))));
                wallStart.Add(w0 / 1e6);
                serverStart.Add(s0 / 1e6);
                wallGrowth.Add((w1 - w0) / 1e6);
                liveGrowth.Add((l1 - l0) / 1e6);
                serverGrowth.Add((s1 - s0) / 1e6);
                loads.Add(Machine.LoadAverage());
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run}: {clock.Elapsed.TotalSeconds:F0} s; wall heap {w0 / 1e6:F2} → {w1 / 1e6:F2} MB, live page heap {l0 / 1e6:F2} → {l1 / 1e6:F2} MB, server {s0 / 1e6:F1} → {s1 / 1e6:F1} MB, load {loads[^1]}"));
            }
            finally
            {
                await wallContext.CloseAsync();
                await liveContext.CloseAsync();
                await Task.Delay(3000);
            }
        }
        var report = new Report($"Long run ({runs} runs of {updates:N0} updates at {perSecond}/s after warm-up at update {Math.Min(updates / 4, perSecond * 30)}, load average {string.Join('/', loads)})");
        report.Add("Wall page: browser JS heap, first playlist cycle after warm-up, largest sample (MB)", wallStart, null, "F2", "—");
        report.Add("Wall page: browser JS heap growth, last cycle − first cycle (MB)", wallGrowth, liveGrowth, "F2", "no growth beyond noise (≤ 0.5 MB)", (v, _) => v <= 0.5);
        report.Add("Server managed heap after warm-up (MB)", serverStart, null, "F1", "—");
        report.Add("Server managed heap growth to the end (MB)", serverGrowth, null, "F1", "no growth beyond noise (≤ 5 MB)", (v, _) => v <= 5);
        await report.PrintAsync();
    }
}
