using System.Globalization;
using Dashboard.Bench.Baseline;
using Dashboard.Bench.Hosting;
using Dashboard.Ingest.Shared.Walls;
using Dashboard.Web.Features.Walls;
using Microsoft.Playwright;

namespace Dashboard.Bench.Circuits;

/// <summary>
/// Benchmark 4: the server's managed memory per Blazor circuit, as the least-squares slope of the managed heap
/// (after full collections) over K = 10, 20, 40 open Chromium pages, for a wall screen on the city board, the
/// signed-in overview, and the baseline page of 12 plain MudBlazor cards (same process, same run).
/// </summary>
internal static class CircuitsBench
{
    private sealed record Kind(string Name, Uri Root, string Path, bool SignIn);

    public static async Task RunAsync(Args args)
    {
        var runs = args.Int("--runs", 3);
        var ks = args.Ints("--k", [10, 20, 40]);
        await using var product = new ProductHost(historyDays: 30);
        await product.RefreshAsync([.. product.SourceNames]);
        var (_, token) = await product.Services.GetRequiredService<WallScreenService>().CreateAsync(
            new WallScreenInput("Bench", null, ["kota"], false, 3600, WallTheme.Dark, null, null), "bench", CancellationToken.None);
        await using var baseline = await BaselineApp.StartAsync();
        await using var browser = await Browser.StartAsync();
        Kind[] kinds =
        [
            new("wall board (city)", product.RootUri, "dinding?token=" + token, false),
            new("overview page", product.RootUri, "", true),
            new("12 MudBlazor cards", baseline.RootUri, "", false),
        ];
        await Console.Out.WriteLineAsync($"circuits: K = {string.Join(", ", ks)}, {runs} runs; warming up");
        foreach (var kind in kinds)
        {
            await MeasureAsync(browser, kind, [2]);
        }
        var slopes = kinds.ToDictionary(k => k.Name, _ => new List<double>());
        var loads = new List<string>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var kind in kinds)
            {
                var (slope, points) = await MeasureAsync(browser, kind, ks);
                slopes[kind.Name].Add(slope / 1024);
                loads.Add(Machine.LoadAverage());
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run} {kind.Name,-20}: {slope / 1024,7:F0} KB/circuit  ({string.Join(", ", points.Select(p => $"K={p.K}: {p.Bytes / 1e6:F1} MB"))}), load {loads[^1]}"));
            }
        }
        var report = new Report($"Circuits ({runs} runs, K = {string.Join(", ", ks)}, load average during runs {string.Join('/', loads)})");
        var cards = slopes[kinds[2].Name];
        report.Add("Wall board (city): managed memory per circuit (KB)", slopes[kinds[0].Name], cards, "F0", "≤ 1,024 KB and ≤ 1.5× cards", (v, r) => v <= 1024 && r <= 1.5);
        report.Add("Overview page: managed memory per circuit (KB)", slopes[kinds[1].Name], cards, "F0", "≤ 1,024 KB and ≤ 1.5× cards", (v, r) => v <= 1024 && r <= 1.5);
        report.Add("12 plain MudBlazor cards: managed memory per circuit (KB)", cards, null, "F0", "(baseline)");
        await report.PrintAsync();
    }

    /// <summary>
    /// With <c>DASBOR_BENCH_GCDUMP</c> set to the path of <c>dotnet-gcdump</c>, writes a heap dump of this process at
    /// every K to the temporary folder (compare two with <c>dotnet-gcdump report</c> to see what a circuit holds).
    /// </summary>
    private static async Task GcDumpAsync(Kind kind, int k)
    {
        if (Environment.GetEnvironmentVariable("DASBOR_BENCH_GCDUMP") is not { Length: > 0 } tool)
        {
            return;
        }
        var file = Path.Combine(Path.GetTempPath(), $"dasbor-circuits-{new string([.. kind.Name.Where(char.IsLetterOrDigit)])}-{k}.gcdump");
        using var dump = System.Diagnostics.Process.Start(tool, ["collect", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", file]);
        await dump.WaitForExitAsync();
        await Console.Out.WriteLineAsync($"  heap dump: {file}");
    }

    private static async Task<(double Slope, List<(int K, long Bytes)> Points)> MeasureAsync(Browser browser, Kind kind, int[] ks)
    {
        var context = await browser.NewContextAsync(kind.Root, 1920, 1080);
        var pages = new List<IPage>();
        var points = new List<(int K, long Bytes)>();
        try
        {
            if (kind.SignIn)
            {
                await Browser.SignInAsync(context, kind.Root);
            }
            // Let the sign-in page's circuit (if any) go before weighing.
            await Task.Delay(3000);
            foreach (var k in ks)
            {
                while (pages.Count < k)
                {
                    pages.Add(await Browser.OpenInteractiveAsync(context, kind.Path));
                }
                await Task.Delay(2000);
                points.Add((k, Stats.ManagedBytes()));
                await GcDumpAsync(kind, k);
            }
        }
        finally
        {
            await context.CloseAsync();
            await Task.Delay(4000);
        }
        var slope = points.Count < 2 ? double.NaN : Stats.Slope([.. points.Select(p => (double)p.K)], [.. points.Select(p => (double)p.Bytes)]);
        return (slope, points);
    }
}
