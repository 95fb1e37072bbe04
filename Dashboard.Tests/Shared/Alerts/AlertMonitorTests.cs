using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Dashboard.Tests.Shared.Alerts;

/// <summary>The alert lifecycle over the real engine and a temp database, on a fake clock.</summary>
public sealed class AlertMonitorTests : IAsyncLifetime
{
    private EngineHarness _h = default!;
    private AlertMonitor _monitor = default!;
    private readonly RecordingChannel _channel = new();
    private readonly List<KpiEvent> _events = [];
    private IDisposable? _subscription;

    public async ValueTask InitializeAsync()
    {
        _h = await EngineHarness.CreateAsync();
        _monitor = NewMonitor(_h.Broadcaster);
        _subscription = _h.Broadcaster.Subscribe(e =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
            return Task.CompletedTask;
        });
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _monitor.Dispose();
        await _h.DisposeAsync();
    }

    private AlertMonitor NewMonitor(KpiBroadcaster broadcaster, AlertOptions? options = null) => new(
        _h.Db, [_h.Source], new AlertNotifier([_channel], NullLogger<AlertNotifier>.Instance), broadcaster, _h.Time,
        new TestOptions<AlertOptions>(options ?? new AlertOptions { FailedRuns = 3, ReopenWithinMinutes = 60 }), NullLogger<AlertMonitor>.Instance);

    private async Task<List<Alert>> AlertsAsync()
    {
        await using var db = _h.Db.CreateDbContext();
        return await db.Set<Alert>().AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    private async Task FailRunAsync()
    {
        _h.Client.BeforePage = _ => throw new HttpRequestException("Service Unavailable", null, System.Net.HttpStatusCode.ServiceUnavailable);
        var run = await _h.RunAsync();
        Assert.Equal(IngestRunStatus.Failed, run.Status);
    }

    private async Task SucceedRunAsync()
    {
        _h.Client.BeforePage = null;
        var run = await _h.RunAsync();
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
    }

    [Fact]
    public async Task Scheduler_CoalescesABurstOfEvents_AndLeavesNothingRunningAfterStop()
    {
        // A first load publishes an event per page and per day of indicators. The scheduler used to start one
        // evaluation per event (up to the broadcaster's queue of 256), and the queued ones still ran after the host
        // stopped, on a disposed monitor.
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var clock = new CountingClock(_h.Time);
        var monitor = new AlertMonitor(_h.Db, [_h.Source], new AlertNotifier([_channel], NullLogger<AlertNotifier>.Instance),
            _h.Broadcaster, clock, new TestOptions<AlertOptions>(new AlertOptions()), NullLogger<AlertMonitor>.Instance);
        await monitor.EvaluateAsync(TestContext.Current.CancellationToken);
        var readsPerEvaluation = clock.Reads;
        Assert.True(readsPerEvaluation > 0);
        clock.Reads = 0;

        var scheduler = new AlertScheduler(monitor, _h.Broadcaster, _h.Time,
            new TestOptions<AlertOptions>(new AlertOptions { EvaluateSeconds = 60 }), factory.CreateLogger<AlertScheduler>());
        await scheduler.StartAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 200; i++)
        {
            _h.Broadcaster.Publish(new IndicatorsChanged(ComplaintsIndicators.Source, _h.Time.GetUtcNow(), null, ["X"]));
        }
        await SettledAsync(() => Volatile.Read(ref clock.Reads));
        await scheduler.StopAsync(TestContext.Current.CancellationToken);
        monitor.Dispose();
        scheduler.Dispose();
        _h.Broadcaster.Publish(new IndicatorsChanged(ComplaintsIndicators.Source, _h.Time.GetUtcNow(), null, ["X"]));
        // A negative check, so a bounded wait: nothing may evaluate after the stop, and an evaluation that does not
        // happen has no event to wait for. 300 ms is longer than an evaluation on this in-memory database.
        await Task.Delay(300, TestContext.Current.CancellationToken);

        var evaluations = clock.Reads / readsPerEvaluation;
        Assert.InRange(evaluations, 1, 3); // the one at start, at most one for the burst (plus one if it straddled)
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Alert evaluation failed", StringComparison.Ordinal));
    }

    /// <summary>Waits until <paramref name="count"/> stops changing (the burst is worked off), at most 10 s.</summary>
    private static async Task SettledAsync(Func<int> count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var last = -1;
        while (DateTime.UtcNow < deadline)
        {
            var now = count();
            if (now == last && now > 0)
            {
                return;
            }
            last = now;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Counts how often the monitor reads the clock (a fixed number of times per evaluation).</summary>
    private sealed class CountingClock(TimeProvider inner) : TimeProvider
    {
        public int Reads;

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Increment(ref Reads);
            return inner.GetUtcNow();
        }
    }

    [Fact]
    public async Task FailingSource_FiresAfterNFailures_OnceOnly_AndResolvesOnSuccess()
    {
        await SucceedRunAsync();
        await FailRunAsync();
        await FailRunAsync();
        Assert.Empty(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));

        await FailRunAsync();
        var fired = Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(AlertKind.SourceFailing, fired.Kind);
        Assert.Equal(AlertConditions.FailingKey(ComplaintsIndicators.Source), fired.Key);
        Assert.Contains("3 kali", fired.Summary, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", fired.Summary, StringComparison.Ordinal);

        // Further failures and evaluations keep the one alert (its text follows the count) and notify nobody again.
        await FailRunAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Contains("4 kali", alert.Summary, StringComparison.Ordinal);
        Assert.Equal(_h.Time.GetUtcNow(), alert.LastSeenAt);
        Assert.Equal(1, _channel.Count("firing"));

        await SucceedRunAsync();
        var resolved = Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(_h.Time.GetUtcNow(), resolved.ResolvedAt);
        Assert.Null(resolved.OpenKey);
        Assert.Equal(1, _channel.Count("resolved"));
        lock (_events)
        {
            Assert.Contains(_events, e => e is AlertsChanged { Source: ComplaintsIndicators.Source });
        }
    }

    [Fact]
    public async Task LateData_FiresPastTheStrictestFreshnessLimit_AndResolvesAfterAFreshRun()
    {
        await SucceedRunAsync();
        var strictest = ComplaintsIndicatorsStrictestFreshness();

        _h.Time.Advance(TimeSpan.FromMinutes(strictest) - TimeSpan.FromSeconds(1));
        Assert.Empty(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));

        _h.Time.Advance(TimeSpan.FromSeconds(2));
        var fired = Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(AlertKind.DataStale, fired.Kind);
        Assert.Contains($"terketat {strictest} menit", fired.Summary, StringComparison.Ordinal);

        // Hours later it is still the same alert.
        _h.Time.Advance(TimeSpan.FromHours(5));
        Assert.Empty(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Single(await AlertsAsync());

        await SucceedRunAsync();
        var resolved = Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(AlertState.Resolved, resolved.State);
    }

    private async Task<List<Dashboard.Ingest.Shared.Indicators.IndicatorAnnotation>> OutagesAsync()
    {
        await using var db = _h.Db.CreateDbContext();
        return await db.Set<Dashboard.Ingest.Shared.Indicators.IndicatorAnnotation>().AsNoTracking()
            .Where(a => a.Kind == Dashboard.Ingest.Shared.Indicators.AnnotationKind.SourceOutage).ToListAsync();
    }

    [Fact]
    public async Task LateData_OpensOneOutageAnnotation_FromTheLastSuccess_ClosedByAFreshRun()
    {
        await SucceedRunAsync();
        var lastSuccess = _h.Time.GetUtcNow();
        var strictest = ComplaintsIndicatorsStrictestFreshness();

        _h.Time.Advance(TimeSpan.FromMinutes(strictest) - TimeSpan.FromSeconds(1));
        await _monitor.EvaluateAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await OutagesAsync());

        _h.Time.Advance(TimeSpan.FromSeconds(2));
        await _monitor.EvaluateAsync(TestContext.Current.CancellationToken);
        _h.Time.Advance(TimeSpan.FromHours(2));
        await _monitor.EvaluateAsync(TestContext.Current.CancellationToken);
        var open = Assert.Single(await OutagesAsync());
        Assert.Null(open.EndedAt);
        Assert.InRange(open.StartedAt!.Value, lastSuccess, lastSuccess + TimeSpan.FromSeconds(1));

        await SucceedRunAsync();
        Assert.Equal(_h.Time.GetUtcNow(), Assert.Single(await OutagesAsync()).EndedAt);
    }

    [Fact]
    public async Task LateData_OfAPausedSource_IsNoOutage()
    {
        await SucceedRunAsync();
        await using (var db = _h.Db.CreateDbContext())
        {
            await db.SourceStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.PausedAt, _h.Time.GetUtcNow()).SetProperty(x => x.PausedBy, "admin"));
        }

        _h.Time.Advance(TimeSpan.FromMinutes(ComplaintsIndicatorsStrictestFreshness() + 5));
        await _monitor.EvaluateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await OutagesAsync());
    }

    [Fact]
    public async Task ThresholdCrossing_FiresWhenOffTrack_NotWhenAtRisk_ReopensWhenFlapping_NewAlertAfterTheWindow()
    {
        var code = ComplaintsIndicators.Codes.WithinSlaPct;
        double target;
        double tolerance;
        await using (var db = _h.Db.CreateDbContext())
        {
            var today = Wib.DateOf(_h.Time.GetUtcNow());
            target = (await db.IndicatorTargets.Where(t => t.IndicatorCode == code && t.PeriodStart <= today && t.PeriodEnd >= today)
                .OrderBy(t => t.Period == TargetPeriod.Year ? 1 : 0).ToListAsync(TestContext.Current.CancellationToken)).Last().Value;
            tolerance = (await db.Indicators.SingleAsync(d => d.Code == code, TestContext.Current.CancellationToken)).Tolerance;
            db.SourceStates.Add(new SourceState { Source = ComplaintsIndicators.Source, LastSuccessAt = _h.Time.GetUtcNow() });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        // Higher is better: within the tolerance band below the target is "at risk", further below is "off track".
        await SetKotaValueAsync(code, target * (1 - tolerance / 2));
        Assert.Empty(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));

        await SetKotaValueAsync(code, target * (1 - tolerance * 2));
        var fired = Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(AlertKind.OffTarget, fired.Kind);
        Assert.Equal(code, fired.IndicatorCode);
        Assert.Equal("DISKOMINFO", fired.OwnerOpd, ignoreCase: true);
        Assert.Empty(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));

        await SetKotaValueAsync(code, target);
        Assert.Equal(AlertState.Resolved, Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken)).State);

        // Back off track 10 minutes later: the same alert reopens, nobody is told twice.
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        await SetKotaValueAsync(code, 0);
        var reopened = Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(fired.Id, reopened.Id);
        Assert.Equal(1, reopened.Reopened);
        Assert.Equal(1, _channel.Count("firing"));

        // Resolved for longer than the window, then off track again: a new alert, notified.
        await SetKotaValueAsync(code, target);
        await _monitor.EvaluateAsync(TestContext.Current.CancellationToken);
        _h.Time.Advance(TimeSpan.FromMinutes(61));
        await SetKotaValueAsync(code, 0);
        var again = Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.NotEqual(fired.Id, again.Id);
        Assert.Equal(2, _channel.Count("firing"));
        Assert.Equal(2, (await AlertsAsync()).Count);
    }

    [Fact]
    public async Task Acknowledge_RecordsWhoWhenAndWhy_Audited_AndStaysOpenUntilResolved()
    {
        await FailRunAsync();
        await FailRunAsync();
        await FailRunAsync();
        var alert = Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));

        Assert.True(await _monitor.AcknowledgeAsync(alert.Id, "operator", "Vendor sedang memperbaiki server", TestContext.Current.CancellationToken));
        Assert.False(await _monitor.AcknowledgeAsync(alert.Id, "operator", "lagi", TestContext.Current.CancellationToken));

        await FailRunAsync();
        Assert.Empty(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        var stored = Assert.Single(await AlertsAsync());
        Assert.Equal(AlertState.Acknowledged, stored.State);
        Assert.Equal("operator", stored.AcknowledgedBy);
        Assert.Equal(_h.Time.GetUtcNow(), stored.AcknowledgedAt);
        Assert.Equal("Vendor sedang memperbaiki server", stored.AcknowledgeNote);

        await using var db = _h.Db.CreateDbContext();
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.Action == "alert.acknowledged").ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal("operator", audit.User);
        Assert.Equal("Firing", audit.Before);
        Assert.Equal("Acknowledged", audit.After);
        Assert.Equal("Vendor sedang memperbaiki server", audit.Reason);

        await SucceedRunAsync();
        Assert.Equal(AlertState.Resolved, Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken)).State);
    }

    [Fact]
    public async Task ChannelFailure_IsKeptOnTheAlert_AndDoesNotStopTheLifecycle()
    {
        _channel.Fail = true;
        await FailRunAsync();
        await FailRunAsync();
        await FailRunAsync();
        Assert.Single(await _monitor.EvaluateAsync(TestContext.Current.CancellationToken));
        var stored = Assert.Single(await AlertsAsync());
        Assert.Equal(AlertState.Firing, stored.State);
        Assert.StartsWith("recording: gateway down", stored.NotifyError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoMonitors_SameCondition_OneAlert()
    {
        await FailRunAsync();
        await FailRunAsync();
        await FailRunAsync();
        using var other = NewMonitor(new KpiBroadcaster());
        await Task.WhenAll(
            _monitor.EvaluateAsync(TestContext.Current.CancellationToken),
            other.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Single(await AlertsAsync());
    }

    private static int ComplaintsIndicatorsStrictestFreshness() =>
        new ComplaintsIndicators().Definitions.Where(d => d.FreshnessMinutes > 0).Min(d => d.FreshnessMinutes);

    private async Task SetKotaValueAsync(string code, double value)
    {
        await using var db = _h.Db.CreateDbContext();
        var snapshot = await db.IndicatorSnapshots.SingleOrDefaultAsync(s => s.IndicatorCode == code && s.ScopeCode == ReferenceData.KotaCode);
        if (snapshot is null)
        {
            snapshot = new IndicatorSnapshot { IndicatorCode = code, ScopeCode = ReferenceData.KotaCode, ScopeKind = ScopeKind.Kota };
            db.IndicatorSnapshots.Add(snapshot);
        }
        snapshot.Value = value;
        snapshot.AsOf = Wib.DateOf(_h.Time.GetUtcNow());
        snapshot.ComputedAt = _h.Time.GetUtcNow();
        // A value comes from a run: the data is fresh (no staleness alert alongside).
        (await db.SourceStates.SingleAsync(s => s.Source == ComplaintsIndicators.Source)).LastSuccessAt = _h.Time.GetUtcNow();
        await db.SaveChangesAsync();
    }

    private sealed class RecordingChannel : IAlertChannel
    {
        private readonly List<AlertNotice> _sent = [];

        public bool Fail { get; set; }

        public string Name => "recording";

        public bool IsConfigured => true;

        public int Count(string state)
        {
            lock (_sent)
            {
                return _sent.Count(n => n.State == state);
            }
        }

        public Task SendAsync(IReadOnlyList<AlertNotice> notices, CancellationToken ct)
        {
            if (Fail)
            {
                throw new HttpRequestException("gateway down");
            }
            lock (_sent)
            {
                _sent.AddRange(notices);
            }
            return Task.CompletedTask;
        }
    }
}
