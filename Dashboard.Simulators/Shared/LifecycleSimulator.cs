using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Dashboard.Simulators.Shared;

/// <summary>
/// A simulator of one resource whose records each follow a planned lifecycle (a complaint, a letter request): at
/// start it draws <see cref="SimulatorOptions.HistoryDays"/> of arrivals ending at the time provider's now, each with
/// its whole timeline; what is served is every record as of now, with <c>updated_at</c> the time of its latest
/// applied step. As time passes new records arrive by a time-dependent Poisson process and planned steps are
/// applied, both as events of <see cref="ScheduledSimulator{TEvent}"/> (a plan's next step, or <c>null</c> for the
/// next arrival), so the same seed and start time always give the same history. A source supplies its calibration
/// through the abstract members and calls <see cref="Start"/> at the end of its constructor.
/// </summary>
public abstract class LifecycleSimulator<TPlan, TEvent, TVersion> : ScheduledSimulator<TPlan?>
    where TPlan : PlannedRecord<TEvent>
    where TEvent : IPlannedEvent<TEvent>
{
    private readonly string _resourcePath;
    private readonly SimulatorFeed<TVersion> _feed;
    private readonly SimulatorRandom _arrivals;
    private DateTimeOffset _nextArrival;

    /// <param name="streams">Two random streams of this simulator (arrivals, demo activity) distinct from every other's.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: a simulator never serves without a key.</exception>
    protected LifecycleSimulator(
        TimeProvider time, SimulatorOptions options, string apiKey, string source, string basePath, string resourcePath,
        (long Arrivals, long Demo) streams, Action<Utf8JsonWriter, TVersion> writePayload, IReadOnlyDictionary<string, string[]> unknownEnumValues)
        : base(time, options, apiKey, source, basePath, streams.Demo)
    {
        _resourcePath = resourcePath;
        _arrivals = SimulatorRandom.For(options.Seed, streams.Arrivals);
        Store = new SimulatorStore<TVersion>(Faults);
        Records = new PlannedRecords<TPlan, TEvent, TVersion>(Store, CreateVersion, (plan, ticks) => Enqueue(plan, ticks));
        _feed = new SimulatorFeed<TVersion>(Store, Faults, time, apiKey, writePayload, unknownEnumValues, Advance);
    }

    /// <summary>Records served, tombstones included.</summary>
    public override int Count => Store.Count;

    /// <summary>Ids of the records served as live records (a copy).</summary>
    public IReadOnlyCollection<string> LiveIds => Store.Ids(deleted: false);

    /// <summary>Ids of the records served as tombstones (a copy).</summary>
    public IReadOnlyCollection<string> TombstoneIds => Store.Ids(deleted: true);

    protected SimulatorStore<TVersion> Store { get; }

    protected PlannedRecords<TPlan, TEvent, TVersion> Records { get; }

    protected Dictionary<string, TPlan> Plans { get; } = new(StringComparer.Ordinal);

    /// <summary>Highest arrival rate (records an hour) that <see cref="HourlyRate"/> ever gives: the thinning bound.</summary>
    protected abstract double MaxHourlyRate { get; }

    /// <summary>Arrival rate (records an hour) at <paramref name="at"/>: time of day, weekday, season.</summary>
    protected abstract double HourlyRate(DateTimeOffset at);

    /// <summary>Whether demo activity may add a new record at <paramref name="at"/>: by default, when arrivals happen at all then.</summary>
    protected virtual bool DemoArrivals(DateTimeOffset at) => HourlyRate(at) > 0;

    /// <summary>A new record arriving at <paramref name="at"/> with its whole planned timeline.</summary>
    protected abstract TPlan CreatePlan(DateTimeOffset at);

    /// <summary>The served version of a plan as of its first <paramref name="applied"/> steps.</summary>
    protected abstract TVersion CreateVersion(TPlan plan, int applied);

    /// <summary>Steps that follow when a record whose plan has run out is touched (a reopening, a re-send…).</summary>
    protected abstract IReadOnlyList<TEvent> Resume(TVersion version, DateTimeOffset now);

    /// <summary>The step that withdraws a record at <paramref name="utcTicks"/>.</summary>
    protected abstract TEvent Withdrawal(long utcTicks);

    /// <summary>Called once before the history is drawn, with its first instant (e.g. to start a yearly id series).</summary>
    protected virtual void OnHistoryStart(DateTimeOffset start)
    {
    }

    /// <summary>Draws the history up to now. Call once, at the end of the derived constructor.</summary>
    protected void Start() => EnsureStarted();

    protected override void BuildHistory()
    {
        var now = Time.GetUtcNow();
        var start = now - TimeSpan.FromDays(Options.HistoryDays);
        OnHistoryStart(start);
        _nextArrival = NextArrival(start);
        StartDemo(now);
        var history = new List<TPlan>();
        while (_nextArrival <= now)
        {
            history.Add(NewPlan(_nextArrival));
            _nextArrival = NextArrival(_nextArrival);
        }
        Records.Load(history, now);
        Enqueue(null, _nextArrival.UtcTicks);
    }

    protected override void MapResources(IEndpointRouteBuilder routes) => routes.MapGet(BasePath + _resourcePath, _feed.HandleAsync);

    /// <summary>A plan's next step (stale queue entries are passed over), or, for <c>null</c>, the next arrival.</summary>
    protected override void Apply(TPlan? e, long ticks)
    {
        if (e is not null)
        {
            Records.ApplyDue(e, ticks);
            return;
        }
        AddLive(_nextArrival);
        _nextArrival = NextArrival(_nextArrival);
        Enqueue(null, _nextArrival.UtcTicks);
    }

    /// <summary>Adds <paramref name="count"/> records arriving now (demos, browser tests, the control endpoint).</summary>
    public override IReadOnlyList<string> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Gate)
        {
            Advance();
            var now = Time.GetUtcNow();
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                ids.Add(AddLive(now).Id);
            }
            return ids;
        }
    }

    /// <summary>A change now: the record's next planned step, or <see cref="Resume"/> when its plan has run out.</summary>
    /// <returns>False for an unknown or withdrawn record.</returns>
    public bool Touch(string id)
    {
        lock (Gate)
        {
            Advance();
            if (!Plans.TryGetValue(id, out var plan) || plan.Withdrawn)
            {
                return false;
            }
            var now = SimulatorJson.Truncate(Time.GetUtcNow());
            if (plan.Applied < plan.Events.Length)
            {
                Records.PullForward(plan, now);
                return true;
            }
            plan.Events = [.. plan.Events, .. Resume(CreateVersion(plan, plan.Applied), now)];
            Records.ApplyThrough(plan, now.UtcTicks);
            return true;
        }
    }

    /// <summary>Withdraws a record now: from then on it is served as a tombstone.</summary>
    /// <returns>False for an unknown or already withdrawn record.</returns>
    public bool Withdraw(string id)
    {
        lock (Gate)
        {
            Advance();
            if (!Plans.TryGetValue(id, out var plan) || plan.Withdrawn)
            {
                return false;
            }
            var now = SimulatorJson.Truncate(Time.GetUtcNow());
            plan.Events = [.. plan.Events.AsSpan(0, plan.Applied), Withdrawal(now.UtcTicks)];
            Records.ApplyThrough(plan, now.UtcTicks);
            return true;
        }
    }

    /// <summary>Creates a plan and indexes it by id.</summary>
    protected TPlan NewPlan(DateTimeOffset at)
    {
        var plan = CreatePlan(at);
        Plans.Add(plan.Id, plan);
        return plan;
    }

    private TPlan AddLive(DateTimeOffset at)
    {
        var plan = NewPlan(at);
        Records.ApplyThrough(plan, at.UtcTicks);
        return plan;
    }

    /// <summary>Half new records, half an open record's next step brought forward.</summary>
    protected override void DemoEvent(DateTimeOffset at)
    {
        if (Records.Open.Count == 0 || Demo.Chance(0.5))
        {
            // A new record only when one could arrive now (never a registration outside the admission window).
            if (DemoArrivals(at))
            {
                AddLive(at);
            }
            return;
        }
        var plan = Records.Open[Demo.Next(Records.Open.Count)];
        var truncated = SimulatorJson.Truncate(at);
        // Never move a step before the one already served.
        if (plan.Applied == 0 || plan.Events[plan.Applied - 1].UtcTicks <= truncated.UtcTicks)
        {
            Records.PullForward(plan, truncated);
        }
    }

    /// <summary>The next arrival of the time-dependent Poisson process (by thinning).</summary>
    private DateTimeOffset NextArrival(DateTimeOffset after)
    {
        var t = after;
        while (true)
        {
            t += TimeSpan.FromHours(_arrivals.Exponential(1.0 / MaxHourlyRate));
            if (_arrivals.NextDouble() * MaxHourlyRate < HourlyRate(t))
            {
                return t;
            }
        }
    }

}
