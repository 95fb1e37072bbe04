using Dashboard.Ingest.Shared.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>
/// Simulates SP4N-LAPOR!/SAMBAT (SOURCES.md §1): serves <c>GET {BasePath}/v1/complaints</c> and the control
/// endpoints (<see cref="SimulatorControl"/>). At construction it draws <see cref="SimulatorOptions.HistoryDays"/>
/// of complaints ending at the time provider's now, each with its whole planned lifecycle; what is served is every
/// complaint as of now, with <c>updated_at</c> the time of its latest applied event. As time passes
/// (<see cref="Advance"/>, also run before every page) new complaints arrive at the calibrated rate and planned
/// status changes are applied, so the same seed and start time always give the same history.
/// </summary>
public sealed class ComplaintsSimulator : ILiveSimulator
{
    public const string ResourcePath = "/v1/complaints";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SimulatorOptions _options;
    private readonly string _apiKey;
    private readonly SimulatorStore<ComplaintVersion> _store;
    private readonly SimulatorFeed<ComplaintVersion> _feed;
    private readonly Dictionary<string, ComplaintPlan> _plans = new(StringComparer.Ordinal);
    // Next pending event per complaint; entries made stale by a pulled-forward event are skipped via NextDue.
    private readonly PlannedRecords<ComplaintPlan, ComplaintEvent, ComplaintVersion> _records;
    private readonly Dictionary<int, int> _sequenceByYear = [];
    private readonly SimulatorRandom _arrivals;
    private readonly SimulatorRandom _demo;
    private readonly SimulatorRandom _actions;
    private long _created;
    private int _bulkBatches;
    private DateTimeOffset _nextArrival;
    private DateTimeOffset _nextDemo;

    public ComplaintsSimulator(TimeProvider time, IOptions<SimulatorOptions> options, string apiKey)
        : this(time, (options ?? throw new ArgumentNullException(nameof(options))).Value, apiKey)
    {
    }

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public ComplaintsSimulator(TimeProvider time, SimulatorOptions options, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("The complaints simulator needs an API key (Sources:Complaints:ApiKey).", nameof(apiKey));
        }
        _time = time;
        _options = options;
        _apiKey = apiKey;
        _arrivals = SimulatorRandom.For(options.Seed, -1);
        _demo = SimulatorRandom.For(options.Seed, -2);
        _actions = SimulatorRandom.For(options.Seed, -3);
        _store = new SimulatorStore<ComplaintVersion>(Faults);
        _records = new PlannedRecords<ComplaintPlan, ComplaintEvent, ComplaintVersion>(_store, (plan, applied) => new ComplaintVersion(plan, plan.Events, applied));
        _feed = new SimulatorFeed<ComplaintVersion>(_store, Faults, time, apiKey, (w, v) => ComplaintsSimulatorData.WritePayload(w, v, options),
            ComplaintsSimulatorData.UnknownEnumValues, Advance);

        var now = time.GetUtcNow();
        var start = now - TimeSpan.FromDays(options.HistoryDays);
        // Ids continue a yearly series that did not start with our history: LPR-2026-000123 in March, not 000001.
        var startLocal = start.ToOffset(ComplaintsSimulatorData.Wib);
        _sequenceByYear[startLocal.Year] = (startLocal.DayOfYear - 1) * 14;
        _nextArrival = NextArrival(start);
        _nextDemo = options.DemoEventsPerMinute > 0 ? NextDemo(now) : DateTimeOffset.MaxValue;

        var history = new List<ComplaintPlan>();
        while (_nextArrival <= now)
        {
            history.Add(NewPlan(_nextArrival));
            _nextArrival = NextArrival(_nextArrival);
        }
        _records.Load(history, now);
    }

    public string Source => "Complaints";

    public string BasePath => "/sim/complaints";

    public SimulatorFaults Faults { get; } = new();

    /// <summary>Complaints served, tombstones included.</summary>
    public int Count => _store.Count;

    /// <summary>Ids of the complaints served as live records (a copy).</summary>
    public IReadOnlyCollection<string> LiveIds => _store.Ids(deleted: false);

    /// <summary>Ids of the complaints served as tombstones (a copy).</summary>
    public IReadOnlyCollection<string> TombstoneIds => _store.Ids(deleted: true);

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet(BasePath + ResourcePath, _feed.HandleAsync);
        routes.MapControlEndpoints(this, _apiKey);
    }

    /// <summary>
    /// Applies, in time order, everything due by now: planned status changes, new complaints at the calibrated
    /// rate and, when <see cref="SimulatorOptions.DemoEventsPerMinute"/> is set, extra demo activity (half new
    /// complaints, half an open complaint's next step brought forward).
    /// </summary>
    public void Advance()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcTicks;
            while (true)
            {
                var queued = _records.NextDueTicks;
                var next = Math.Min(queued, Math.Min(_nextArrival.UtcTicks, _nextDemo.UtcTicks));
                if (next > now)
                {
                    return;
                }
                if (next == _nextArrival.UtcTicks)
                {
                    AddLive(_nextArrival);
                    _nextArrival = NextArrival(_nextArrival);
                }
                else if (next == _nextDemo.UtcTicks)
                {
                    DemoEvent(_nextDemo);
                    _nextDemo = NextDemo(_nextDemo);
                }
                else
                {
                    _records.ApplyNextDue();
                }
            }
        }
    }

    /// <summary>Adds <paramref name="count"/> complaints submitted now (demos, browser tests, the control endpoint).</summary>
    public IReadOnlyList<string> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            Advance();
            var now = _time.GetUtcNow();
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                ids.Add(AddLive(now).Id);
            }
            return ids;
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> complaints spread uniformly over the history window (at least a day), with
    /// their lifecycles as of now, loaded in one sort: volume for benchmarks (a million takes seconds).
    /// </summary>
    public void GenerateBulk(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            Advance();
            var now = _time.GetUtcNow();
            var window = TimeSpan.FromDays(Math.Max(_options.HistoryDays, 1));
            var random = SimulatorRandom.For(_options.Seed, -1000 - (++_bulkBatches));
            var offsets = new long[count];
            for (var i = 0; i < count; i++)
            {
                offsets[i] = (long)(random.NextDouble() * window.Ticks);
            }
            Array.Sort(offsets);
            var plans = new List<ComplaintPlan>(count);
            foreach (var offset in offsets)
            {
                plans.Add(NewPlan(now - window + TimeSpan.FromTicks(offset)));
            }
            _records.Load(plans, now);
        }
    }

    /// <summary>A status change now: the complaint's next planned step, or a resumption when its plan has run out.</summary>
    /// <returns>False for an unknown or withdrawn complaint.</returns>
    public bool Touch(string id)
    {
        lock (_gate)
        {
            Advance();
            if (!_plans.TryGetValue(id, out var plan) || plan.Withdrawn)
            {
                return false;
            }
            var now = ComplaintsSimulatorData.Truncate(_time.GetUtcNow());
            if (plan.Applied < plan.Events.Length)
            {
                _records.PullForward(plan, now);
                return true;
            }
            var version = new ComplaintVersion(plan, plan.Events, plan.Applied);
            plan.Events = [.. plan.Events, .. ComplaintsSimulatorData.Resume(version, now, _actions)];
            _records.ApplyThrough(plan, now.UtcTicks);
            return true;
        }
    }

    /// <summary>Withdraws a complaint now: from then on it is served as a tombstone.</summary>
    /// <returns>False for an unknown or already withdrawn complaint.</returns>
    public bool Withdraw(string id)
    {
        lock (_gate)
        {
            Advance();
            if (!_plans.TryGetValue(id, out var plan) || plan.Withdrawn)
            {
                return false;
            }
            var now = ComplaintsSimulatorData.Truncate(_time.GetUtcNow());
            plan.Events = [.. plan.Events.AsSpan(0, plan.Applied), new ComplaintEvent(now.UtcTicks, ComplaintEventKind.Withdrawn)];
            _records.ApplyThrough(plan, now.UtcTicks);
            return true;
        }
    }

    private ComplaintPlan NewPlan(DateTimeOffset submitted)
    {
        var year = submitted.ToOffset(ComplaintsSimulatorData.Wib).Year;
        var sequence = _sequenceByYear.GetValueOrDefault(year) + 1;
        _sequenceByYear[year] = sequence;
        var id = $"LPR-{year}-{sequence:D6}";
        var plan = ComplaintsSimulatorData.CreatePlan(id, submitted, SimulatorRandom.For(_options.Seed, ++_created));
        _plans.Add(id, plan);
        return plan;
    }

    private ComplaintPlan AddLive(DateTimeOffset submitted)
    {
        var plan = NewPlan(submitted);
        _records.ApplyThrough(plan, submitted.UtcTicks);
        return plan;
    }

    private void DemoEvent(DateTimeOffset at)
    {
        if (_records.Open.Count == 0 || _demo.Chance(0.5))
        {
            AddLive(at);
            return;
        }
        var plan = _records.Open[_demo.Next(_records.Open.Count)];
        var truncated = ComplaintsSimulatorData.Truncate(at);
        // Never move an event before the one already served.
        if (plan.Applied == 0 || plan.Events[plan.Applied - 1].UtcTicks <= truncated.UtcTicks)
        {
            _records.PullForward(plan, truncated);
        }
    }

    /// <summary>The next arrival of the calibrated, time-of-day and weekday dependent Poisson process (by thinning).</summary>
    private DateTimeOffset NextArrival(DateTimeOffset after)
    {
        var t = after;
        while (true)
        {
            t += TimeSpan.FromHours(_arrivals.Exponential(1.0 / ComplaintsSimulatorData.MaxHourlyRate));
            if (_arrivals.NextDouble() * ComplaintsSimulatorData.MaxHourlyRate < ComplaintsSimulatorData.HourlyRate(t))
            {
                return t;
            }
        }
    }

    private DateTimeOffset NextDemo(DateTimeOffset after) =>
        after + TimeSpan.FromSeconds(_demo.Exponential(60.0 / _options.DemoEventsPerMinute));
}
