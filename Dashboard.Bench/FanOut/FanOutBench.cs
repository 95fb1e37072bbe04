using System.Diagnostics;
using System.Globalization;
using Dashboard.Bench.Baseline;
using Dashboard.Bench.Hosting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Api;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Bench.FanOut;

/// <summary>
/// Benchmark 3: N SignalR subscribers (a separate process on loopback) on the product's <c>/hubs/kpi</c>, signed in
/// with an API key, receive an indicator update published through the product's <see cref="KpiBroadcaster"/>
/// (the hub relay re-reads the values and broadcasts them); beside the same N on a minimal hub that broadcasts
/// a timestamp (and the same hub broadcasting the product's message, to tell the payload's share). Latency is receive time − publish time; memory per connection is the server's managed heap with
/// the N connections open minus without, over N.
/// </summary>
internal static class FanOutBench
{
    private const int Messages = 5;

    private sealed record Sample(double P50, double P95, double Max, double BytesPerConnection, int Received, int Expected);

    public static async Task RunAsync(Args args)
    {
        var runs = args.Int("--runs", 3);
        var ns = args.Ints("--n", [1000, 2000, 5000]);
        await using var product = new ProductHost();
        await product.RefreshAsync("Complaints");
        await using var baseline = await BaselineApp.StartAsync();
        var broadcaster = product.Services.GetRequiredService<KpiBroadcaster>();
        var emptyHub = baseline.Services.GetRequiredService<IHubContext<EmptyHub>>();
        var productTarget = new Target("product /hubs/kpi", new Uri(product.RootUri, KpiHub.Path.TrimStart('/')), ProductHost.ApiKey,
            () => broadcaster.Publish(new IndicatorsChanged("Complaints", TimeProvider.System.GetUtcNow(), null, ["ADUAN_MASUK"])));
        var baselineTarget = new Target("minimal hub", new Uri(baseline.RootUri, EmptyHub.Path.TrimStart('/')), null,
            () => _ = emptyHub.Clients.All.SendAsync("indicatorsChanged", new { source = "Complaints", at = TimeProvider.System.GetUtcNow() }));

        // The product's message on the minimal hub: tells the payload's share of the difference from the pipeline's.
        var values = await product.Services.GetRequiredService<ApiQueries>().IndicatorsAsync(null, ["ADUAN_MASUK"], CancellationToken.None);
        var samePayloadTarget = new Target("minimal hub, product payload", baselineTarget.Url, null,
            () => _ = emptyHub.Clients.All.SendAsync("indicatorsChanged", new { source = "Complaints", runId = (long?)null, at = TimeProvider.System.GetUtcNow(), values }));

        await Console.Out.WriteLineAsync($"fanout: N = {string.Join(", ", ns)}, {Messages} updates each, {runs} runs; warming up");
        await MeasureAsync(productTarget, 100);
        await MeasureAsync(baselineTarget, 100);
        var results = new Dictionary<(int N, string Target), List<Sample>>();
        var loads = new List<string>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var n in ns)
            {
                foreach (var target in new[] { productTarget, baselineTarget, samePayloadTarget })
                {
                    var s = await MeasureAsync(target, n);
                    (results.TryGetValue((n, target.Name), out var list) ? list : results[(n, target.Name)] = []).Add(s);
                    loads.Add(Machine.LoadAverage());
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  run {run} N={n,5} {target.Name,-28}: p50 {s.P50,7:F1} ms, p95 {s.P95,7:F1} ms, max {s.Max,7:F1} ms, {s.BytesPerConnection / 1024,6:F1} KB/connection, {s.Received}/{s.Expected} delivered, load {loads[^1]}"));
                }
            }
        }
        var report = new Report($"Fan-out ({runs} runs, load average during runs {string.Join('/', loads.Distinct().Take(6))}…)");
        foreach (var n in ns)
        {
            var p = results[(n, productTarget.Name)];
            var b = results[(n, baselineTarget.Name)];
            var same = results[(n, samePayloadTarget.Name)];
            report.Add($"N={n:N0}: delivery p95 (ms)", [.. p.Select(s => s.P95)], [.. b.Select(s => s.P95)], "F0", "≤ 1.5× minimal hub", (_, r) => r <= 1.5);
            report.Add($"N={n:N0}: delivery p50 (ms)", [.. p.Select(s => s.P50)], [.. b.Select(s => s.P50)], "F0", "—");
            report.Add($"N={n:N0}: server memory per connection (KB)", [.. p.Select(s => s.BytesPerConnection / 1024)], [.. b.Select(s => s.BytesPerConnection / 1024)], "F1", "≤ 2× minimal hub", (_, r) => r <= 2);
            report.Add($"N={n:N0}: minimal hub with the product's payload, p95 (ms)", [.. same.Select(s => s.P95)], [.. b.Select(s => s.P95)], "F0", "(attribution)");
            report.Add($"N={n:N0}: deliveries received (of {n * Messages:N0})", [.. p.Select(s => (double)s.Received)], [.. b.Select(s => (double)s.Received)], "F0", "all", (v, _) => v >= n * Messages);
        }
        await report.PrintAsync();
    }

    private sealed record Target(string Name, Uri Url, string? Key, Action Publish);

    private static async Task<Sample> MeasureAsync(Target target, int n)
    {
        var before = Stats.ManagedBytes();
        using var clients = StartClients(target, n);
        var ready = await clients.StandardOutput.ReadLineAsync();
        if (ready is null || !ready.StartsWith("ready", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"fanout-clients did not get ready: {ready}");
        }
        await Task.Delay(1000);
        var with = Stats.ManagedBytes();
        var latencies = new List<double>();
        for (var i = 1; i <= Messages; i++)
        {
            target.Publish();
            await clients.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"collect {n * i}"));
            await clients.StandardInput.FlushAsync();
            var line = await clients.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("fanout-clients ended");
            latencies.AddRange(line.Split(' ').Skip(1).Where(x => x.Length > 0).Select(x => double.Parse(x, CultureInfo.InvariantCulture)));
            await Task.Delay(500);
        }
        await clients.StandardInput.WriteLineAsync("quit");
        await clients.StandardInput.FlushAsync();
        await clients.WaitForExitAsync();
        await Task.Delay(1000);
        return new Sample(Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), latencies.Count == 0 ? double.NaN : latencies.Max(),
            (double)(with - before) / n, latencies.Count, n * Messages);
    }

    private static Process StartClients(Target target, int n)
    {
        var info = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(typeof(FanOutBench).Assembly.Location);
        }
        foreach (var a in new[] { "fanout-clients", "--url", target.Url.ToString(), "--n", n.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }
        if (target.Key is not null)
        {
            info.ArgumentList.Add("--key");
            info.ArgumentList.Add(target.Key);
        }
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start fanout-clients");
    }
}
