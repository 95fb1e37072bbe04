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
    private readonly PlannedRecords<LetterPlan, LetterEvent, LetterVersion> _records;
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
        _records = new PlannedRecords<LetterPlan, LetterEvent, LetterVersion>(_store, (plan, applied) => new LetterVersion(plan, plan.Events, applied));
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
        _records.Load(history, now);
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
                _records.PullForward(plan, now);
                return true;
            }
            var version = new LetterVersion(plan, plan.Events, plan.Applied);
            plan.Events = [.. plan.Events, LettersSimulatorData.Resume(version, now)];
            _records.ApplyThrough(plan, now.UtcTicks);
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
            _records.ApplyThrough(plan, now.UtcTicks);
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
        _records.ApplyThrough(plan, requested.UtcTicks);
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
        var truncated = LettersSimulatorData.Truncate(at);
        // Never move an event before the one already served.
        if (plan.Applied == 0 || plan.Events[plan.Applied - 1].UtcTicks <= truncated.UtcTicks)
        {
            _records.PullForward(plan, truncated);
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
