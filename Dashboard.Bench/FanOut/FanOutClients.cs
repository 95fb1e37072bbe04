using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Bench.FanOut;

/// <summary>
/// <c>fanout-clients --url URL --n N [--key KEY] [--method NAME]</c>: the subscriber side of the fan-out benchmark,
/// in its own process. Opens N SignalR connections (WebSockets, no negotiation), prints <c>ready N</c>, then
/// answers commands on standard input: <c>collect COUNT</c> waits until COUNT messages arrived in total (or 60 s)
/// and prints <c>latencies</c> followed by every delivery's latency in ms (receive time − the message's
/// <c>at</c>, both from this machine's clock) since the last collect; <c>quit</c> closes the connections.
/// </summary>
internal static class FanOutClients
{
    public static async Task<int> RunAsync(Args args)
    {
        var url = new Uri(args.Text("--url") ?? throw new ArgumentException("--url is required"));
        var n = args.Int("--n", 1000);
        var key = args.Text("--key");
        var method = args.Text("--method") ?? "indicatorsChanged";
        var latencies = new ConcurrentQueue<double>();
        var received = 0;
        var connections = new HubConnection[n];
        using var gate = new SemaphoreSlim(50);
        await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var c = new HubConnectionBuilder()
                    .WithUrl(url, o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        if (key is not null)
                        {
                            o.AccessTokenProvider = () => Task.FromResult<string?>(key);
                        }
                    })
                    .Build();
                c.On<JsonElement>(method, e =>
                {
                    var at = e.GetProperty("at").GetDateTimeOffset();
                    latencies.Enqueue((TimeProvider.System.GetUtcNow() - at).TotalMilliseconds);
                    Interlocked.Increment(ref received);
                });
                await c.StartAsync();
                connections[i] = c;
            }
            finally
            {
                gate.Release();
            }
        }));
        await Console.Out.WriteLineAsync($"ready {n}");
        await Console.Out.FlushAsync();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            if (parts[0] == "collect")
            {
                var expected = int.Parse(parts[1], CultureInfo.InvariantCulture);
                var deadline = TimeProvider.System.GetTimestamp();
                while (Volatile.Read(ref received) < expected && TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(20);
                }
                var batch = new List<double>();
                while (latencies.TryDequeue(out var l))
                {
                    batch.Add(l);
                }
                await Console.Out.WriteLineAsync("latencies " + string.Join(' ', batch.Select(l => l.ToString("F2", CultureInfo.InvariantCulture))));
                await Console.Out.FlushAsync();
            }
            else if (parts[0] == "quit")
            {
                break;
            }
        }
        await Task.WhenAll(connections.Where(c => c is not null).Select(async c => await c.DisposeAsync()));
        return 0;
    }
}
