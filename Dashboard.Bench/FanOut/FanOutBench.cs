using System.Collections.Concurrent;
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
/// Benchmark 3: N SignalR subscribers (a separate process on loopback per hub) on the product's <c>/hubs/kpi</c>, signed
/// in with an API key, receive an indicator update published through the product's <see cref="KpiBroadcaster"/> (the
/// hub relay re-reads the values and broadcasts them); beside them N on a minimal hub that broadcasts a timestamp (the
/// baseline), N on a second minimal hub broadcasting the product's message (the payload's share) and N on a minimal hub with
/// the product's connection filter and registry (their share). All four sets stay connected through a run and the
/// updates are interleaved, the order rotating every round, so that every hub meets the same load. Latency is receive
/// time − publish time; memory per connection is the server's managed heap after a set connected minus before, over N.
/// </summary>
internal static class FanOutBench
{
    private sealed record Sample(double P50, double P95, double Max, double BytesPerConnection, int Received, int Expected);

    private sealed record Target(string Name, Uri Url, string? Key, Action Publish);

    public static async Task RunAsync(Args args)
    {
        var runs = args.Int("--runs", 3);
        var ns = args.Ints("--n", [1000, 2000, 5000]);
        var messages = args.Int("--messages", 20);
        await using var product = new ProductHost();
        await product.RefreshAsync("Complaints");
        await using var baseline = await BaselineApp.StartAsync();
        var broadcaster = product.Services.GetRequiredService<KpiBroadcaster>();
        var queries = product.Services.GetRequiredService<ApiQueries>();
        var emptyHub = baseline.Services.GetRequiredService<IHubContext<EmptyHub>>();
        var payloadHub = baseline.Services.GetRequiredService<IHubContext<PayloadHub>>();
        var registryHub = baseline.Services.GetRequiredService<IHubContext<RegistryHub>>();
        // Instruments of the product's path: how long Publish holds the publisher (a job) now that the relay starts there,
        // and when a subscriber that keeps the thread-pool hand-off (a probe, like every Blazor screen) gets the event.
        // The probe is posted to last (it subscribed after the relay), so its hand-off runs from Publish's return.
        var publishCost = new ConcurrentQueue<double>();
        var publishEnd = new ConcurrentQueue<long>();
        var probeStart = new ConcurrentQueue<long>();
        var baselineSendCost = new ConcurrentQueue<double>();
        using var probe = broadcaster.Subscribe(e =>
        {
            if (e is IndicatorsChanged { RunId: null, Source: "Complaints" })
            {
                probeStart.Enqueue(Stopwatch.GetTimestamp());
            }
            return Task.CompletedTask;
        });
        var productTarget = new Target("product /hubs/kpi", new Uri(product.RootUri, KpiHub.Path.TrimStart('/')), ProductHost.ApiKey, () =>
        {
            var started = Stopwatch.GetTimestamp();
            broadcaster.Publish(new IndicatorsChanged("Complaints", TimeProvider.System.GetUtcNow(), null, ["ADUAN_MASUK"]));
            var ended = Stopwatch.GetTimestamp();
            publishEnd.Enqueue(ended);
            publishCost.Enqueue(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
        });
        var baselineTarget = new Target("minimal hub", new Uri(baseline.RootUri, EmptyHub.Path.TrimStart('/')), null,
            () =>
            {
                var started = Stopwatch.GetTimestamp();
                _ = emptyHub.Clients.All.SendAsync("indicatorsChanged", new { source = "Complaints", at = TimeProvider.System.GetUtcNow() });
                baselineSendCost.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            });

        // The product's message on the minimal hub (values read before, not at send time): the payload's share.
        var values = await queries.IndicatorsAsync(null, ["ADUAN_MASUK"], CancellationToken.None);
        var samePayloadTarget = new Target("minimal hub, product payload", new Uri(baseline.RootUri, PayloadHub.Path.TrimStart('/')), null,
            () => _ = payloadHub.Clients.All.SendAsync("indicatorsChanged", new { source = "Complaints", runId = (long?)null, at = TimeProvider.System.GetUtcNow(), values }));
        // The minimal hub with the product's connection filter and registry: their share.
        var registryTarget = new Target("minimal hub + filter, registry", new Uri(baseline.RootUri, RegistryHub.Path.TrimStart('/')), null,
            () => _ = registryHub.Clients.All.SendAsync("indicatorsChanged", new { source = "Complaints", at = TimeProvider.System.GetUtcNow() }));
        Target[] targets = [productTarget, baselineTarget, samePayloadTarget, registryTarget];

        await Console.Out.WriteLineAsync($"fanout: N = {string.Join(", ", ns)}, {messages} updates per hub, interleaved, {runs} runs; warming up");
        await MeasureAsync(targets, 100, 2, 0);
        publishCost.Clear();
        publishEnd.Clear();
        probeStart.Clear();
        baselineSendCost.Clear();
        var results = new Dictionary<(int N, string Target), List<Sample>>();
        var queryTimes = new List<double>();
        var publishCosts = new List<double>();
        var handOffs = new List<double>();
        var baselineSendCosts = new List<double>();
        var loads = new List<string>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var n in ns)
            {
                var samples = await MeasureAsync(targets, n, messages, run);
                loads.Add(Machine.LoadAverage());
                foreach (var (target, s) in targets.Zip(samples))
                {
                    (results.TryGetValue((n, target.Name), out var list) ? list : results[(n, target.Name)] = []).Add(s);
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  run {run} N={n,5} {target.Name,-30}: p50 {s.P50,7:F1} ms, p95 {s.P95,7:F1} ms, max {s.Max,7:F1} ms, {s.BytesPerConnection / 1024,6:F1} KB/connection, {s.Received}/{s.Expected} delivered, load {loads[^1]}"));
                }
            }
            // What the relay's re-read of the values costs under the same load (it precedes every product send).
            var q = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var started = Stopwatch.GetTimestamp();
                _ = await queries.IndicatorsAsync(null, ["ADUAN_MASUK"], CancellationToken.None);
                q.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            queryTimes.Add(Stats.Median(q));
            List<double> cost = [.. publishCost], baseCost = [.. baselineSendCost];
            List<double> hop = [.. publishEnd.Zip(probeStart, (end, start) => Stopwatch.GetElapsedTime(end, start).TotalMilliseconds)];
            publishCost.Clear();
            publishEnd.Clear();
            probeStart.Clear();
            baselineSendCost.Clear();
            publishCosts.Add(Stats.Median(cost));
            baselineSendCosts.Add(Stats.Median(baseCost));
            handOffs.Add(Stats.Median(hop));
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  run {run} Publish on the caller's thread (relay inline, to the send's end): median {publishCosts[^1]:F2} ms (p95 {Stats.Percentile(cost, 95):F2}); the minimal hub's SendAsync call: median {baselineSendCosts[^1]:F2} ms (p95 {Stats.Percentile(baseCost, 95):F2}); a queued subscriber's hand-off after Publish: median {handOffs[^1]:F2} ms (p95 {Stats.Percentile(hop, 95):F2}, max {hop.Max():F2}) over {hop.Count}"));
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  run {run} the relay's re-read of the values: median {queryTimes[^1]:F2} ms (p95 {Stats.Percentile(q, 95):F2} ms) over 20, load {Machine.LoadAverage()}"));
        }
        var report = new Report($"Fan-out ({runs} runs, {messages} interleaved updates per hub, load average during runs {string.Join('/', loads.Distinct())})");
        foreach (var n in ns)
        {
            var p = results[(n, productTarget.Name)];
            var b = results[(n, baselineTarget.Name)];
            var same = results[(n, samePayloadTarget.Name)];
            var registry = results[(n, registryTarget.Name)];
            report.Add($"N={n:N0}: delivery p95 (ms)", [.. p.Select(s => s.P95)], [.. b.Select(s => s.P95)], "F0", "≤ 1.5× minimal hub", (_, r) => r <= 1.5);
            report.Add($"N={n:N0}: delivery p50 (ms)", [.. p.Select(s => s.P50)], [.. b.Select(s => s.P50)], "F0", "≤ 1.3× minimal hub", (_, r) => r <= 1.3);
            report.Add($"N={n:N0}: server memory per connection (KB)", [.. p.Select(s => s.BytesPerConnection / 1024)], [.. b.Select(s => s.BytesPerConnection / 1024)], "F1", "≤ 2× minimal hub", (_, r) => r <= 2);
            report.Add($"N={n:N0}: minimal hub with the product's payload, p95 (ms)", [.. same.Select(s => s.P95)], [.. b.Select(s => s.P95)], "F0", "(attribution)");
            report.Add($"N={n:N0}: minimal hub with the product's payload, p50 (ms)", [.. same.Select(s => s.P50)], [.. b.Select(s => s.P50)], "F0", "(attribution)");
            report.Add($"N={n:N0}: minimal hub + connection filter and registry, p95 (ms)", [.. registry.Select(s => s.P95)], [.. b.Select(s => s.P95)], "F0", "(attribution)");
            report.Add($"N={n:N0}: minimal hub + connection filter and registry, p50 (ms)", [.. registry.Select(s => s.P50)], [.. b.Select(s => s.P50)], "F0", "(attribution)");
            report.Add($"N={n:N0}: minimal hub + connection filter and registry, memory per connection (KB)", [.. registry.Select(s => s.BytesPerConnection / 1024)], [.. b.Select(s => s.BytesPerConnection / 1024)], "F1", "(attribution)");
            report.Add($"N={n:N0}: deliveries received (of {n * messages:N0})", [.. p.Select(s => (double)s.Received)], [.. b.Select(s => (double)s.Received)], "F0", "all", (v, _) => v >= n * messages);
        }
        report.Add("Publish on the publisher's thread, the relay's inline part (ms, median a run)", publishCosts, null, "F2", "(a job's cost)");
        report.Add("The minimal hub's SendAsync call on the bench's thread (ms, median a run)", baselineSendCosts, null, "F2", "(the same loop)");
        report.Add("A queued subscriber's hand-off, Publish's return to its handler (ms, median a run)", handOffs, null, "F2", "(what the relay no longer waits for)");
        report.Add("The relay's re-read of the values before each send (ms, median of 20 a run)", queryTimes, null, "F2", "(attribution)");
        await report.PrintAsync();
    }

    /// <summary>
    /// Connects N clients to every target (one process each, weighing the server's heap after each set), then publishes
    /// <paramref name="messages"/> updates to each target, interleaved: round r starts at target r + <paramref name="offset"/>.
    /// </summary>
    private static async Task<Sample[]> MeasureAsync(Target[] targets, int n, int messages, int offset)
    {
        var clients = new Process[targets.Length];
        var bytes = new double[targets.Length];
        var latencies = targets.Select(_ => new List<double>()).ToArray();
        var received = new int[targets.Length];
        try
        {
            for (var t = 0; t < targets.Length; t++)
            {
                var before = Stats.ManagedBytes();
                clients[t] = StartClients(targets[t], n);
                var ready = await clients[t].StandardOutput.ReadLineAsync();
                if (ready is null || !ready.StartsWith("ready", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"fanout-clients did not get ready: {ready}");
                }
                await Task.Delay(1000);
                bytes[t] = (double)(Stats.ManagedBytes() - before) / n;
            }
            for (var round = 0; round < messages; round++)
            {
                for (var k = 0; k < targets.Length; k++)
                {
                    var t = (round + offset + k) % targets.Length;
                    targets[t].Publish();
                    await clients[t].StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"collect {n * (round + 1)}"));
                    await clients[t].StandardInput.FlushAsync();
                    var line = await clients[t].StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("fanout-clients ended");
                    var batch = line.Split(' ').Skip(1).Where(x => x.Length > 0).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToList();
                    latencies[t].AddRange(batch);
                    received[t] += batch.Count;
                    await Task.Delay(250);
                }
            }
        }
        finally
        {
            foreach (var c in clients.Where(c => c is not null && !c.HasExited))
            {
                try
                {
                    await c.StandardInput.WriteLineAsync("quit");
                    await c.StandardInput.FlushAsync();
                }
                catch (IOException)
                {
                    // It ended meanwhile; the error that brought us here (if any) is the one to show, not this one.
                }
            }
            foreach (var c in clients.Where(c => c is not null))
            {
                await c.WaitForExitAsync();
                c.Dispose();
            }
        }
        await Task.Delay(1000);
        return
        [
            .. targets.Select((_, t) => new Sample(Stats.Percentile(latencies[t], 50), Stats.Percentile(latencies[t], 95),
                latencies[t].Count == 0 ? double.NaN : latencies[t].Max(), bytes[t], received[t], n * messages)),
        ];
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
