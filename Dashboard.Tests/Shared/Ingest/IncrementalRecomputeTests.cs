using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Ingest.Sources.SocialAid;
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
/// time, so that a loaded machine cannot make it pass or fail. The same change also reads no more over a 480-day history than
/// over a 120-day one (rows its queries return and SQLite's steps, <see cref="RecomputeReadCounter"/>). Three hosts (30, 120 and
/// 480 days of history) serve every source.
/// </summary>
public sealed class IncrementalRecomputeTests(IncrementalRecomputeTests.Hosts hosts, ITestOutputHelper output)
    : IClassFixture<IncrementalRecomputeTests.Hosts>
{
    private const int ShortDays = 30;
    private const int LongDays = 120;
    private const int LongerDays = 480;

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

    /// <summary>
    /// Sources whose indicators read more than the long host's 120 days, so the same change reads more over 480 days until the
    /// window is full: revenue's figures are cumulative from 1 January and count taxpayers active within a year (and PBB arrears
    /// of every year); admissions read the admission year (its season lies in the longer history only); the budget reads this
    /// and last year's lines and progress; licensing still reads every file (not yet bounded). Their rows written are bounded
    /// all the same (the test above).
    /// </summary>
    private static readonly HashSet<string> ReadsMoreThanLongerHistory = new(StringComparer.Ordinal) { "Admissions", "Budget", "Licensing", "Revenue" };

    /// <summary>The sources whose look-back (the longest: complaints' 90 days and a settling deadline) fits the long host's history.</summary>
    public static TheoryData<string> SourcesReadingAWindow => [.. IndicatorCatalog.Sets
        .Where(s => s is not FollowUpsIndicators && !ReadsMoreThanLongerHistory.Contains(s.Source)).Select(s => s.Source).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SourcesReadingAWindow))]
    public async Task The_same_change_reads_no_more_over_a_longer_history(string source)
    {
        // The long host (120 days) against one four times longer: both hold every window the indicators read, so what is
        // left to grow is what a recomputation reads beyond them.
        var longHistory = await hosts.LongHistory.MeasureAsync(source);
        var longerHistory = await hosts.LongerHistory.MeasureAsync(source);
        output.WriteLine($"{source} ({LongDays} / {LongerDays} days): rows read by the first load {longHistory.FirstLoadRead.Rows} / " +
                         $"{longerHistory.FirstLoadRead.Rows} ({longHistory.FirstLoadRead.KiloSteps} / {longerHistory.FirstLoadRead.KiloSteps} " +
                         $"thousand SQLite steps), by the change {longHistory.ChangeRead.Rows} / {longerHistory.ChangeRead.Rows} " +
                         $"({longHistory.ChangeRead.KiloSteps} / {longerHistory.ChangeRead.KiloSteps} thousand steps); the longer host's " +
                         $"change read most through:{Environment.NewLine}{string.Join(Environment.NewLine, longerHistory.ChangeTopCommands)}");

        // The check that the counts count: the recomputation's own queries are seen.
        Assert.True(longHistory.ChangeRead.Rows > 0 && longHistory.ChangeRead.KiloSteps > 0, "nothing of the recomputation's reads was seen");
        // Bound: half more, plus a hundred rows or a hundred thousand steps (an index one level deeper; the simulator's own
        // records that come due differ between the hosts). Reading the history (four times the rows) cannot stay within it.
        Assert.InRange(longerHistory.ChangeRead.Rows, 0, (longHistory.ChangeRead.Rows * 3 / 2) + 100);
        Assert.InRange(longerHistory.ChangeRead.KiloSteps, 0, (longHistory.ChangeRead.KiloSteps * 3 / 2) + 100);
    }

    /// <summary>
    /// The recomputations that read only what their days need (complaints whose life reaches the range, the stages the range
    /// can show) write exactly what the same computation over every stored record gives, for ranges from today alone to
    /// 200 days, over the 480-day history (inside a transaction rolled back).
    /// </summary>
    [Theory]
    [InlineData("Complaints")]
    [InlineData("SocialAid")]
    public async Task Reading_only_what_the_range_needs_writes_what_reading_everything_gives(string source)
    {
        await hosts.LongerHistory.MeasureAsync(source);
        var app = hosts.LongerHistory.App;
        var ct = TestContext.Current.CancellationToken;
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = Wib.DateOf(now);
        foreach (var days in new[] { 0, 1, 7, 45, 100, 200 })
        {
            var from = today.AddDays(-days);
            await using var db = await app.Db.CreateDbContextAsync(ct);
            List<ComputedValue> everything;
            ISourceKpis kpis;
            if (source == "Complaints")
            {
                kpis = new ComplaintsKpis();
                var all = await db.Set<Complaint>().AsNoTracking()
                    .Select(c => new ComplaintsKpis.ComplaintFacts(c.Type, c.Category, c.AgencyCode, c.KelurahanCode, c.KecamatanCode, c.Status,
                        c.SubmittedAt, c.VerifiedAt, c.FirstResponseAt, c.ClosedAt))
                    .ToListAsync(ct);
                everything = ComplaintsKpis.Compute(all, from, today, now, await WorkingCalendars.LoadAsync(db, ct));
            }
            else
            {
                kpis = new SocialAidKpis();
                var families = await db.Set<SocialAidFamily>().AsNoTracking()
                    .Select(f => new SocialAidKpis.FamilyFacts(f.Id, f.KelurahanCode, f.Desil, f.Programs, f.Status, f.VervalStatus, f.GraduatedAt))
                    .ToListAsync(ct);
                var all = await db.Set<SocialAidDisbursement>().AsNoTracking()
                    .Select(d => new SocialAidKpis.DisbursementFacts(d.FamilyKey, d.Stage, d.Status, d.DisbursedAt, d.UpdatedAt))
                    .ToListAsync(ct);
                Assert.Contains(all, d => Wib.DateOf(d.DisbursedAt ?? d.UpdatedAt) < today.AddDays(-200));
                everything = SocialAidKpis.Compute(families, all, from, today);
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await kpis.RecomputeAsync(db, from, today, 0, now, ct);
            var written = await db.IndicatorValues.AsNoTracking()
                .Where(v => kpis.IndicatorCodes.Contains(v.IndicatorCode) && v.Date >= from)
                .Select(v => new { v.IndicatorCode, v.ScopeKind, v.ScopeCode, v.Date, v.Value, v.Label })
                .ToListAsync(ct);
            await tx.RollbackAsync(ct);

            var expected = everything.Where(v => v.Value is not null || v.Label is not null)
                .Select(v => (v.Code, v.Kind, v.Scope, v.Date, v.Value, v.Label)).Order().ToList();
            var actual = written.Select(v => (v.IndicatorCode, v.ScopeKind, v.ScopeCode, v.Date, v.Value, v.Label)).Order().ToList();
            Assert.True(expected.Count > 0, $"{source} from {from}: nothing computed");
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>What a recomputation read: rows returned, and thousands of SQLite steps (<see cref="RecomputeReadCounter"/>).</summary>
    public sealed record Read(long Rows, long KiloSteps);

    public sealed record Measured(long FirstLoad, long NothingNew, long Change, Read FirstLoadRead, Read ChangeRead, IReadOnlyList<string> ChangeTopCommands);

    /// <summary>The hosts (30, 120 and 480 days of history), started once for the class; each source is measured once a host and remembered.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public HistoryHost ShortHistory { get; } = new(ShortDays);

        public HistoryHost LongHistory { get; } = new(LongDays);

        /// <summary>Only for what a recomputation reads; started by the first test that asks.</summary>
        public HistoryHost LongerHistory { get; } = new(LongerDays);

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            await ShortHistory.DisposeAsync();
            await LongHistory.DisposeAsync();
            await LongerHistory.DisposeAsync();
        }
    }

    public sealed class HistoryHost(int historyDays) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Dictionary<string, Measured> _measured = new(StringComparer.Ordinal);
        private DashboardFactory? _app;
        private RowCounter? _rows;
        private RecomputeReadCounter? _reads;

        /// <summary>The host, once a source has been measured on it.</summary>
        public DashboardFactory App => _app ?? throw new InvalidOperationException("No source measured on this host yet.");

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
                _reads = new RecomputeReadCounter();
                var counter = _reads;
                _app.WithServices(s => s.ConfigureDbContext<SqliteReportingDbContext>(o => o.AddInterceptors(counter)));
                _rows = new RowCounter(_app.Services);
            }
            var rows = _rows!;
            var reads = _reads!;
            Read TakeReads() => new(reads.TakeRows(source), reads.TakeKiloSteps(source));
            // First load, then a run that settles what the first load's own pages left (items the simulator released
            // meanwhile); counted together as the first load.
            await RefreshAsync(source, 1);
            await RefreshAsync(source, 2);
            var firstLoad = rows.Take(source);
            var firstLoadRead = TakeReads();
            // Nothing new, twice, keeping the smaller count, for the reason the change below is measured twice: the simulator's
            // own clock may bring due a correction of an older record between two runs (social aid's retried disbursement).
            var nothingNew = long.MaxValue;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                await RefreshAsync(source, 3 + attempt);
                nothingNew = Math.Min(nothingNew, rows.Take(source));
            }
            _ = TakeReads();
            _ = reads.TakeTopCommands(source, 0);
            var simulator = _app.Services.GetServices<ISourceSimulator>().OfType<ILiveSimulator>().Single(s => s.Source == source);
            // The change, twice, keeping the smaller count: between two runs the simulator's own clock may also bring due a
            // correction of an older record (a failed disbursement retried weeks later), which rightly recomputes from that
            // record's day but is not the change measured. It cannot come due in both attempts by chance, while a cost that
            // grows with the history shows in both.
            var change = long.MaxValue;
            var changeRead = new Read(long.MaxValue, long.MaxValue);
            IReadOnlyList<string> top = [];
            for (var attempt = 0; attempt < 2; attempt++)
            {
                simulator.Generate(20);
                await RefreshAsync(source, 5 + attempt);
                change = Math.Min(change, rows.Take(source));
                var read = TakeReads();
                top = reads.TakeTopCommands(source, 4);
                changeRead = new Read(Math.Min(changeRead.Rows, read.Rows), Math.Min(changeRead.KiloSteps, read.KiloSteps));
            }
            return new Measured(firstLoad, nothingNew, change, firstLoadRead, changeRead, top);
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
            _reads?.Dispose();
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
