using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.FollowUps;
using Dashboard.Ingest.Shared.Telemetry;
using Dashboard.Simulators.Shared;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>
/// An incremental run costs what its changes touch, not what the history holds: for every registered source, the same
/// change over a short and a four times longer history makes the recomputation write the same number of indicator rows
/// (<c>dasbor.indicators.recompute.rows</c>), and a run with nothing new rewrites no more than today. Counting rows, not
/// time, so that a loaded machine cannot make it pass or fail. Two hosts (30 and 120 days of history) serve every source.
/// </summary>
public sealed class IncrementalRecomputeTests(IncrementalRecomputeTests.Hosts hosts, ITestOutputHelper output)
    : IClassFixture<IncrementalRecomputeTests.Hosts>
{
    private const int ShortDays = 30;
    private const int LongDays = 120;

    /// <summary>Every source with indicators of its own (the follow-ups' set has no source system and recomputes only today).</summary>
    public static TheoryData<string> Sources => [.. IndicatorCatalog.Sets.Where(s => s is not FollowUpsIndicators).Select(s => s.Source).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task The_same_change_writes_the_same_indicator_rows_over_a_short_and_a_long_history(string source)
    {
        var shortHistory = await hosts.ShortHistory.MeasureAsync(source);
        var longHistory = await hosts.LongHistory.MeasureAsync(source);
        output.WriteLine($"{source} ({ShortDays} / {LongDays} days): first load {shortHistory.FirstLoad} / {longHistory.FirstLoad} rows, " +
                         $"nothing new {shortHistory.NothingNew} / {longHistory.NothingNew}, change {shortHistory.Change} / {longHistory.Change}");

        // The check that the count counts: the first load writes every day, so the longer history writes at least as many rows
        // (four times the days for the sources whose simulated history follows HistoryDays; the budget's years do not), and
        // the change a small part of them.
        Assert.True(longHistory.FirstLoad >= shortHistory.FirstLoad, $"first load {shortHistory.FirstLoad} vs {longHistory.FirstLoad} rows");
        Assert.True(longHistory.FirstLoad >= 10 * longHistory.Change, $"first load {longHistory.FirstLoad} vs change {longHistory.Change} rows");
        Assert.True(shortHistory.Change > 0, "the incremental run recomputed nothing");
        // The same change: the same days, whatever the history. Bound: a quarter more, plus a day's rows (a scope that has a
        // value in one host and none in the other, or a record of the simulator's own that came due between the runs).
        var day = Math.Max(shortHistory.NothingNew, longHistory.NothingNew);
        Assert.InRange(longHistory.Change, 0, (shortHistory.Change * 5 / 4) + day);
        Assert.InRange(shortHistory.Change, 0, (longHistory.Change * 5 / 4) + day);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_run_with_nothing_new_rewrites_only_today(string source)
    {
        var shortHistory = await hosts.ShortHistory.MeasureAsync(source);
        var longHistory = await hosts.LongHistory.MeasureAsync(source);
        output.WriteLine($"{source}: nothing new {shortHistory.NothingNew} / {longHistory.NothingNew} rows ({ShortDays} / {LongDays} days), first load {longHistory.FirstLoad}");

        // Today's values only: the same at both sizes (within a quarter and a handful of scopes), and a small fraction of the
        // long history's first load (120 days and more: a day is under 2%; 5% leaves room for a late correction of a few days).
        Assert.InRange(longHistory.NothingNew, 0, (shortHistory.NothingNew * 5 / 4) + 20);
        Assert.InRange(shortHistory.NothingNew, 0, (longHistory.NothingNew * 5 / 4) + 20);
        Assert.True(longHistory.NothingNew * 20 <= longHistory.FirstLoad, $"nothing new {longHistory.NothingNew} vs first load {longHistory.FirstLoad} rows");
    }

    public sealed record Measured(long FirstLoad, long NothingNew, long Change);

    /// <summary>The two hosts, started once for the class; each source is measured once a host and remembered.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public HistoryHost ShortHistory { get; } = new(ShortDays);

        public HistoryHost LongHistory { get; } = new(LongDays);

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            await ShortHistory.DisposeAsync();
            await LongHistory.DisposeAsync();
        }
    }

    public sealed class HistoryHost(int historyDays) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Dictionary<string, Measured> _measured = new(StringComparer.Ordinal);
        private DashboardFactory? _app;
        private RowCounter? _rows;

        public async Task<Measured> MeasureAsync(string source)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_measured.TryGetValue(source, out var measured))
                {
                    _measured[source] = measured = await RunAsync(source);
                }
                return measured;
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<Measured> RunAsync(string source)
        {
            if (_app is null)
            {
                _app = new DashboardFactory(new Dictionary<string, string?>
                {
                    ["Sources:Simulator:HistoryDays"] = historyDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Sources:Staffing:Simulator:Headcount"] = "300",
                    ["Sources:Staffing:Simulator:AttendanceWorkingDays"] = "5",
                }, clock: new WorkingMorningClock());
                _rows = new RowCounter(_app.Services);
            }
            var rows = _rows!;
            // First load, then a run that settles what the first load's own pages left (items the simulator released
            // meanwhile); counted together as the first load.
            await RefreshAsync(source, 1);
            await RefreshAsync(source, 2);
            var firstLoad = rows.Take(source);
            await RefreshAsync(source, 3);
            var nothingNew = rows.Take(source);
            var simulator = _app.Services.GetServices<ISourceSimulator>().OfType<ILiveSimulator>().Single(s => s.Source == source);
            // The change, twice, keeping the smaller count: between two runs the simulator's own clock may also bring due a
            // correction of an older record (a failed disbursement retried weeks later), which rightly recomputes from that
            // record's day but is not the change measured. It cannot come due in both attempts by chance, while a cost that
            // grows with the history shows in both.
            var change = long.MaxValue;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                simulator.Generate(20);
                await RefreshAsync(source, 4 + attempt);
                change = Math.Min(change, rows.Take(source));
            }
            return new Measured(firstLoad, nothingNew, change);
        }

        /// <summary>Runs the source and waits until the ledger and the counter both hold its <paramref name="nth"/> recomputation.</summary>
        private async Task RefreshAsync(string source, int nth)
        {
            Assert.Equal(IngestRunStatus.Succeeded, (await _app!.RefreshAsync(source)).Status);
            await Eventually.TrueAsync(async () =>
            {
                await using var db = await _app.Db.CreateDbContextAsync();
                return await db.IngestRuns.CountAsync(r => r.Source == source && r.Status == IngestRunStatus.Succeeded) >= nth
                       && _rows!.Runs(source) >= nth;
            }, TimeSpan.FromSeconds(30), $"{source}'s run {nth} in the ledger and its recompute rows counted");
        }

        public async ValueTask DisposeAsync()
        {
            _rows?.Dispose();
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
            _gate.Dispose();
        }
    }

    /// <summary>The host's own <c>dasbor.indicators.recompute.rows</c> per source (other hosts of the test process have their own meters).</summary>
    private sealed class RowCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _rows = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);

        public RowCounter(IServiceProvider services)
        {
            var factory = services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DasborTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory)
                    && instrument.Name == "dasbor.indicators.recompute.rows")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string? source = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == "source")
                    {
                        source = tag.Value as string;
                    }
                }
                if (source is null)
                {
                    return;
                }
                _rows.AddOrUpdate(source, value, (_, sum) => sum + value);
                _runs.AddOrUpdate(source, 1, (_, n) => n + 1);
            });
            _listener.Start();
        }

        /// <summary>How many recomputations of <paramref name="source"/> have been recorded so far.</summary>
        public int Runs(string source) => _runs.GetValueOrDefault(source);

        public long Take(string source) => _rows.TryRemove(source, out var rows) ? rows : 0;

        public void Dispose() => _listener.Dispose();
    }
}
