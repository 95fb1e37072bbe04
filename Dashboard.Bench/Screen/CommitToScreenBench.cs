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
/// Benchmark 2: from the commit of a new indicator value to the new value painted in a real Chromium page, measured
/// in the page. Each update writes the city's ADUAN_MASUK snapshot in its own transaction (what a run's indicator
/// step commits), takes the time once the commit returned, and publishes <see cref="IndicatorsChanged"/> as the
/// ingest engine does after its commit; the page records when the tile's text changed. On the signed-in overview
/// and on a wall screen (city board), beside a minimal Blazor page that shows a pushed value. Updates are spaced
/// beyond each page's re-render throttle (overview 250 ms, wall 1 s), so each one measures a full path.
/// </summary>
internal static class CommitToScreenBench
{
    private const string TileValue = "[data-testid='tile-ADUAN_MASUK'] [data-testid='tile-value']";

    public static async Task RunAsync(Args args)
    {
        var runs = args.Int("--runs", 3);
        var updates = args.Int("--updates", 100);
        await using var product = new ProductHost();
        await product.RefreshAsync("Complaints");
        var (_, token) = await product.Services.GetRequiredService<WallScreenService>().CreateAsync(
            new WallScreenInput("Bench", null, ["kota"], false, 3600, WallTheme.Dark, null, null), "bench", CancellationToken.None);
        var broadcaster = product.Services.GetRequiredService<KpiBroadcaster>();
        await using var baseline = await BaselineApp.StartAsync();
        await using var browser = await Browser.StartAsync();

        var value = 1000;
        async Task<double> CommitProductAsync()
        {
            var now = TimeProvider.System.GetUtcNow();
            var v = ++value;
            await using (var db = await product.Db.CreateDbContextAsync())
            {
                await db.IndicatorSnapshots
                    .Where(s => s.IndicatorCode == "ADUAN_MASUK" && s.ScopeCode == ReferenceData.KotaCode)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, v).SetProperty(s => s.ComputedAt, now));
            }
            var committed = TimeProvider.System.GetUtcNow();
            broadcaster.Publish(new IndicatorsChanged("Complaints", committed, null, ["ADUAN_MASUK"]));
            return EpochMs(committed);
        }
        Task<double> CommitBaselineAsync()
        {
            var committed = TimeProvider.System.GetUtcNow();
            LiveValue.Set(++value);
            return Task.FromResult(EpochMs(committed));
        }

        var targets = new (string Name, Uri Root, string Path, bool SignIn, string Selector, TimeSpan Gap, Func<Task<double>> Commit)[]
        {
            ("overview page", product.RootUri, "", true, TileValue, TimeSpan.FromMilliseconds(400), CommitProductAsync),
            ("wall board (city)", product.RootUri, "dinding?token=" + token, false, TileValue, TimeSpan.FromMilliseconds(1200), CommitProductAsync),
            ("minimal live page", baseline.RootUri, "live", false, "[data-testid='tile-value']", TimeSpan.FromMilliseconds(400), CommitBaselineAsync),
        };
        await Console.Out.WriteLineAsync($"commit-to-screen: {updates} updates per page, {runs} runs; warming up");
        var results = targets.ToDictionary(t => t.Name, _ => new List<(double P50, double P95, double P99, int Lost)>());
        var loads = new List<string>();
        for (var run = 0; run <= runs; run++)
        {
            foreach (var t in targets)
            {
                var context = await browser.NewContextAsync(t.Root, 1920, 1080);
                try
                {
                    if (t.SignIn)
                    {
                        await Browser.SignInAsync(context, t.Root);
                    }
                    var page = await Browser.OpenInteractiveAsync(context, t.Path);
                    var probe = new PageProbe(page, t.Selector);
                    await probe.StartAsync();
                    var latencies = new List<double>();
                    var lost = 0;
                    var n = run == 0 ? 10 : updates;
                    for (var i = 0; i < n; i++)
                    {
                        var seen = await probe.CountAsync();
                        var committed = await t.Commit();
                        var painted = await probe.NextChangeAsync(seen, TimeSpan.FromSeconds(10));
                        if (painted is { } p)
                        {
                            latencies.Add(p - committed);
                        }
                        else
                        {
                            lost++;
                        }
                        await Task.Delay(t.Gap);
                    }
                    if (run > 0)
                    {
                        var r = (Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), Stats.Percentile(latencies, 99), lost);
                        results[t.Name].Add(r);
                        loads.Add(Machine.LoadAverage());
                        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"  run {run} {t.Name,-18}: p50 {r.Item1,6:F0} ms, p95 {r.Item2,6:F0} ms, p99 {r.Item3,6:F0} ms, {lost} not painted within 10 s, load {loads[^1]}"));
                    }
                }
                finally
                {
                    await context.CloseAsync();
                }
            }
        }
        var report = new Report($"Commit to screen ({runs} runs of {updates} updates per page, load average during runs {string.Join('/', loads)})");
        var b = results[targets[2].Name];
        foreach (var t in targets.Take(2))
        {
            var r = results[t.Name];
            report.Add($"{t.Name}: commit → painted p50 (ms)", [.. r.Select(x => x.P50)], [.. b.Select(x => x.P50)], "F0", "—");
            report.Add($"{t.Name}: commit → painted p95 (ms)", [.. r.Select(x => x.P95)], [.. b.Select(x => x.P95)], "F0", "≤ 1,000 ms", (v, _) => v <= 1000);
            report.Add($"{t.Name}: commit → painted p99 (ms)", [.. r.Select(x => x.P99)], [.. b.Select(x => x.P99)], "F0", "—");
            report.Add($"{t.Name}: updates not painted within 10 s", [.. r.Select(x => (double)x.Lost)], null, "F0", "0", (v, _) => v == 0);
        }
        await report.PrintAsync();
    }

    private static double EpochMs(DateTimeOffset t) => (t - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
