using Dashboard.Ingest.Shared.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Letters;

/// <summary>
/// Simulates the kelurahan letter service (SOURCES.md §6): serves <c>GET {BasePath}/v1/letters</c> and the control
/// endpoints (<see cref="SimulatorControl"/>). At construction it draws <see cref="SimulatorOptions.HistoryDays"/> of
/// requests ending at the time provider's now, each with its whole planned lifecycle; what is served is every letter
/// as of now, with <c>updated_at</c> the time of its latest applied event. As time passes (<see cref="Advance"/>, also
/// run before every page) new requests arrive at the calibrated rate and planned status changes are applied, so the
/// same seed and start time always give the same history.
/// </summary>
public sealed class LettersSimulator : ILiveSimulator
{
    public const string ResourcePath = "/v1/letters";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SimulatorOptions _options;
    private readonly string _apiKey;
    private readonly SimulatorStore<LetterVersion> _store;
    private readonly SimulatorFeed<LetterVersion> _feed;
    private readonly Dictionary<string, LetterPlan> _plans = new(StringComparer.Ordinal);
    // Next pending event per letter; entries made stale by a pulled-forward event are skipped via NextDue.
    private readonly PriorityQueue<LetterPlan, long> _due = new();
    private readonly List<LetterPlan> _open = [];
    private readonly Dictionary<int, int> _sequenceByYear = [];
    private readonly SimulatorRandom _arrivals;
    private readonly SimulatorRandom _demo;
    private long _created;
    private DateTimeOffset _nextArrival;
    private DateTimeOffset _nextDemo;

    public LettersSimulator(TimeProvider time, IOptions<SimulatorOptions> options, string apiKey)
        : this(time, (options ?? throw new ArgumentNullException(nameof(options))).Value, apiKey)
    {
    }

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public LettersSimulator(TimeProvider time, SimulatorOptions options, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("The letters simulator needs an API key (Sources:Letters:ApiKey).", nameof(apiKey));
        }
        _time = time;
        _options = options;
        _apiKey = apiKey;
        _arrivals = SimulatorRandom.For(options.Seed, -101);
        _demo = SimulatorRandom.For(options.Seed, -102);
        _store = new SimulatorStore<LetterVersion>(Faults);
        _feed = new SimulatorFeed<LetterVersion>(_store, Faults, time, apiKey, LettersSimulatorData.WritePayload,
            LettersSimulatorData.UnknownEnumValues, Advance);

        var now = time.GetUtcNow();
        var start = now - TimeSpan.FromDays(options.HistoryDays);
        // Ids continue a yearly series that did not start with our history.
        var startLocal = start.ToOffset(LettersSimulatorData.Wib);
        _sequenceByYear[startLocal.Year] = (startLocal.DayOfYear - 1) * 165;
        _nextArrival = NextArrival(start);
        _nextDemo = options.DemoEventsPerMinute > 0 ? NextDemo(now) : DateTimeOffset.MaxValue;

        var history = new List<LetterPlan>();
        while (_nextArrival <= now)
        {
            history.Add(NewPlan(_nextArrival));
            _nextArrival = NextArrival(_nextArrival);
        }
        LoadPlans(history, now);
    }

    public string Source => "Letters";

    public string BasePath => LettersExtensions.SimulatorBasePath;

    public SimulatorFaults Faults { get; } = new();

    /// <summary>Letters served, tombstones included.</summary>
    public int Count => _store.Count;

    /// <summary>Ids of the letters served as live records (a copy).</summary>
    public IReadOnlyCollection<string> LiveIds => _store.Ids(deleted: false);

    /// <summary>Ids of the letters served as tombstones (a copy).</summary>
    public IReadOnlyCollection<string> TombstoneIds => _store.Ids(deleted: true);

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet(BasePath + ResourcePath, _feed.HandleAsync);
        routes.MapControlEndpoints(this, _apiKey);
    }

    /// <summary>
    /// Applies, in time order, everything due by now: planned status changes, new requests at the calibrated rate
    /// and, when <see cref="SimulatorOptions.DemoEventsPerMinute"/> is set, extra demo activity (half new requests,
    /// half an open letter's next step brought forward).
    /// </summary>
    public void Advance()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcTicks;
            while (true)
            {
                var queued = _due.TryPeek(out var plan, out var dueTicks) ? dueTicks : long.MaxValue;
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
                    _due.Dequeue();
                    if (plan!.NextDue == dueTicks)
                    {
                        ApplyThrough(plan, dueTicks);
                    }
                }
            }
        }
    }

    /// <summary>Adds <paramref name="count"/> letters requested now (demos, browser tests, the control endpoint).</summary>
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

    /// <summary>A change now: the letter's next planned step, or, when its plan has run out, the next lifecycle step or a re-send.</summary>
    /// <returns>False for an unknown or withdrawn letter.</returns>
    public bool Touch(string id)
    {
        lock (_gate)
        {
            Advance();
            if (!_plans.TryGetValue(id, out var plan) || plan.Withdrawn)
            {
                return false;
            }
            var now = LettersSimulatorData.Truncate(_time.GetUtcNow());
            if (plan.Applied < plan.Events.Length)
            {
                PullForward(plan, now);
                return true;
            }
            var version = new LetterVersion(plan, plan.Events, plan.Applied);
            plan.Events = [.. plan.Events, LettersSimulatorData.Resume(version, now)];
            ApplyThrough(plan, now.UtcTicks);
            return true;
        }
    }

    /// <summary>Withdraws a letter now: from then on it is served as a tombstone.</summary>
    /// <returns>False for an unknown or already withdrawn letter.</returns>
    public bool Withdraw(string id)
    {
        lock (_gate)
        {
            Advance();
            if (!_plans.TryGetValue(id, out var plan) || plan.Withdrawn)
            {
                return false;
            }
            var now = LettersSimulatorData.Truncate(_time.GetUtcNow());
            plan.Events = [.. plan.Events.AsSpan(0, plan.Applied), new LetterEvent(now.UtcTicks, LetterEventKind.Withdrawn)];
            ApplyThrough(plan, now.UtcTicks);
            return true;
        }
    }

    private LetterPlan NewPlan(DateTimeOffset requested)
    {
        var year = requested.ToOffset(LettersSimulatorData.Wib).Year;
        var sequence = _sequenceByYear.GetValueOrDefault(year) + 1;
        _sequenceByYear[year] = sequence;
        var id = $"SRT-{year}-{sequence:D6}";
        var plan = LettersSimulatorData.CreatePlan(id, requested, SimulatorRandom.For(_options.Seed, 1_000_000_000L + ++_created));
        _plans.Add(id, plan);
        return plan;
    }

    private LetterPlan AddLive(DateTimeOffset requested)
    {
        var plan = NewPlan(requested);
        ApplyThrough(plan, requested.UtcTicks);
        return plan;
    }

    /// <summary>Serves many new plans as of <paramref name="now"/> with one index rebuild, and queues what is pending.</summary>
    private void LoadPlans(List<LetterPlan> plans, DateTimeOffset now)
    {
        var records = new List<SimulatorRecord<LetterVersion>>(plans.Count);
        foreach (var plan in plans)
        {
            var applied = 0;
            while (applied < plan.Events.Length && plan.Events[applied].UtcTicks <= now.UtcTicks)
            {
                applied++;
            }
            plan.Applied = applied;
            var last = plan.Events[applied - 1];
            records.Add(new SimulatorRecord<LetterVersion>(plan.Id, new LetterVersion(plan, plan.Events, applied), last.At,
                last.Kind == LetterEventKind.Withdrawn));
            Schedule(plan);
        }
        _store.Load(records);
    }

    /// <summary>Applies the plan's events due by <paramref name="ticks"/>, serves the new version and queues the next.</summary>
    private void ApplyThrough(LetterPlan plan, long ticks)
    {
        var before = plan.Applied;
        while (plan.Applied < plan.Events.Length && plan.Events[plan.Applied].UtcTicks <= ticks)
        {
            plan.Applied++;
        }
        if (plan.Applied != before)
        {
            var last = plan.Events[plan.Applied - 1];
            if (last.Kind == LetterEventKind.Withdrawn)
            {
                _store.Delete(plan.Id, last.At);
            }
            else
            {
                _store.Upsert(plan.Id, new LetterVersion(plan, plan.Events, plan.Applied), last.At);
            }
        }
        Schedule(plan);
    }

    private void Schedule(LetterPlan plan)
    {
        if (plan.Applied < plan.Events.Length)
        {
            var next = plan.Events[plan.Applied].UtcTicks;
            if (plan.NextDue != next)
            {
                plan.NextDue = next;
                _due.Enqueue(plan, next);
            }
            if (plan.OpenIndex < 0)
            {
                plan.OpenIndex = _open.Count;
                _open.Add(plan);
            }
            return;
        }
        plan.NextDue = -1;
        if (plan.OpenIndex >= 0)
        {
            var last = _open[^1];
            _open[plan.OpenIndex] = last;
            last.OpenIndex = plan.OpenIndex;
            _open.RemoveAt(_open.Count - 1);
            plan.OpenIndex = -1;
        }
    }

    /// <summary>Brings the next pending event forward to <paramref name="at"/> and applies it.</summary>
    private void PullForward(LetterPlan plan, DateTimeOffset at)
    {
        var events = (LetterEvent[])plan.Events.Clone();
        events[plan.Applied] = events[plan.Applied] with { UtcTicks = at.UtcTicks };
        plan.Events = events;
        ApplyThrough(plan, at.UtcTicks);
    }

    private void DemoEvent(DateTimeOffset at)
    {
        if (_open.Count == 0 || _demo.Chance(0.5))
        {
            AddLive(at);
            return;
        }
        var plan = _open[_demo.Next(_open.Count)];
        var truncated = LettersSimulatorData.Truncate(at);
        // Never move an event before the one already served.
        if (plan.Applied == 0 || plan.Events[plan.Applied - 1].UtcTicks <= truncated.UtcTicks)
        {
            PullForward(plan, truncated);
        }
    }

    /// <summary>The next arrival of the calibrated, time-of-day, weekday and season dependent Poisson process (by thinning).</summary>
    private DateTimeOffset NextArrival(DateTimeOffset after)
    {
        var t = after;
        while (true)
        {
            t += TimeSpan.FromHours(_arrivals.Exponential(1.0 / LettersSimulatorData.MaxHourlyRate));
            if (_arrivals.NextDouble() * LettersSimulatorData.MaxHourlyRate < LettersSimulatorData.HourlyRate(t))
            {
                return t;
            }
        }
    }

    private DateTimeOffset NextDemo(DateTimeOffset after) =>
        after + TimeSpan.FromSeconds(_demo.Exponential(60.0 / _options.DemoEventsPerMinute));
}
