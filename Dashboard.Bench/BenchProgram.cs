using Dashboard.Bench.Circuits;
using Dashboard.Bench.FanOut;
using Dashboard.Bench.Ingest;
using Dashboard.Bench.Queries;
using Dashboard.Bench.Screen;

namespace Dashboard.Bench;

/// <summary>
/// <c>dotnet run -c Release --project Dashboard.Bench -- &lt;benchmark&gt; [--runs N] [options]</c>: the benchmarks of
/// docs/BENCHMARKS.md, each printing a Markdown table of medians (min–max) beside a baseline measured in the same run.
/// </summary>
internal static class BenchProgram
{
    private const string Usage = """
        usage: Dashboard.Bench <benchmark> [--runs N] [options]
          bench-ingest [--source NAME|all] [--days 365] [--page-size 1000]
                                                       benchmark 1: first load and incremental run of each source
          bench-ingest --million [--attendance-days 140]
                                                       benchmark 1: a million staffing items beside two baselines
          bench-ingest --incremental [--source Staffing] [--rounds 5] [--headcount 1500] [--changes 1000] [--small-days 365] [--large-days 1826]
                                                       1,000 changes over one year and over five years of history
          bench-ingest --postgres [--items 200000]    PostgreSQL write path (staging COPY + upsert) beside a raw COPY
                                                       of the same rows; server from DASHBOARD_BENCH_POSTGRES
          commit-to-screen [--updates 100]             benchmark 2: commit → value painted in Chromium
          fanout [--n 1000,2000,5000] [--messages 10]   benchmark 3: /hubs/kpi subscribers beside a minimal hub
          circuits [--k 10,20,40]                      benchmark 4: managed memory per wall / overview circuit
          queries [--requests 100] [--years 5]         benchmark 5: server render time over 5 years of history
          long-run [--updates 3600] [--per-second 20]  benchmark 6: wall page through accelerated updates
          all                                          all of the above with their defaults
        """;

    public static async Task<int> Main(string[] args)
    {
        var options = new Args(args);
        switch (args.FirstOrDefault())
        {
            case "bench-ingest":
                return await IngestBench.RunAsync(args);
            case "fanout-clients":
                return await FanOutClients.RunAsync(options);
            case "fanout":
                await FanOutBench.RunAsync(options);
                return 0;
            case "circuits":
                await CircuitsBench.RunAsync(options);
                return 0;
            case "queries":
                await QueriesBench.RunAsync(options);
                return 0;
            case "commit-to-screen":
                await CommitToScreenBench.RunAsync(options);
                return 0;
            case "long-run":
                await LongRunBench.RunAsync(options);
                return 0;
            case "all":
                await FanOutBench.RunAsync(options);
                await CircuitsBench.RunAsync(options);
                await QueriesBench.RunAsync(options);
                await CommitToScreenBench.RunAsync(options);
                await LongRunBench.RunAsync(options);
                return 0;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
