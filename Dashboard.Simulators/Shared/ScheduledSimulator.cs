using Dashboard.Ingest.Shared.Ingest;
using Microsoft.AspNetCore.Routing;

namespace Dashboard.Simulators.Shared;

/// <summary>
/// The base of every source simulator: its key, fault switches and control endpoints, one lock, and one queue of
/// scheduled events applied in time order as simulated time passes (<see cref="Advance"/>, also run before every
/// page), interleaved with demo activity when <see cref="SimulatorOptions.DemoEventsPerMinute"/> is set. A simulator
/// draws its history in <see cref="BuildHistory"/> (at construction, or on first use so that a host that never reads
/// the source does not pay for it) and says in <see cref="Apply"/> what each of its events does; the same seed and
/// start time always give the same data.
/// </summary>
public abstract class ScheduledSimulator<TEvent> : ILiveSimulator
{
    private readonly PriorityQueue<TEvent, long> _queue = new();
    private readonly Dictionary<string, ISimulatorStore> _stores = new(StringComparer.Ordinal);
    private DateTimeOffset _nextDemo = DateTimeOffset.MaxValue;
    private bool _started;

    /// <param name="demoStream">This simulator's random stream of demo activity, distinct from every other's.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: a simulator never serves without a key.</exception>
    protected ScheduledSimulator(TimeProvider time, SimulatorOptions options, string apiKey, string source, string basePath, long demoStream)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException($"The {source} simulator needs an API key (Sources:{source}:ApiKey).", nameof(apiKey));
        }
        Time = time;
        Options = options;
        ApiKey = apiKey;
        Source = source;
        BasePath = basePath;
        Demo = SimulatorRandom.For(options.Seed, demoStream);
    }

    public string Source { get; }

    public string BasePath { get; }

    public SimulatorFaults Faults { get; } = new();

    /// <summary>Records served over every resource, tombstones included (by default: over the <see cref="Serve{T}"/> stores).</summary>
    public virtual int Count
    {
        get
        {
            Refresh();
            return _stores.Values.Sum(s => s.Count);
        }
    }

    protected Lock Gate { get; } = new();

    protected TimeProvider Time { get; }

    protected SimulatorOptions Options { get; }

    protected string ApiKey { get; }

    /// <summary>The random stream of demo activity.</summary>
    protected SimulatorRandom Demo { get; }

    /// <summary>Maps the contract's resources under <see cref="BasePath"/>, then the control endpoints.</summary>
    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        MapResources(routes);
        routes.MapControlEndpoints(this, ApiKey);
    }

    /// <summary>
    /// Applies, in time order, everything due by now: the queued events and, when
    /// <see cref="SimulatorOptions.DemoEventsPerMinute"/> is set, demo activity. Nothing is due before the history is
    /// built: the ticker of a host that never reads this source does not build it.
    /// </summary>
    public void Advance()
    {
        lock (Gate)
        {
            if (_started)
            {
                Run(Time.GetUtcNow().UtcTicks);
            }
        }
    }

    public abstract IReadOnlyList<string> Generate(int count);

    /// <summary>Maps the GET endpoints of the contract's resources.</summary>
    protected abstract void MapResources(IEndpointRouteBuilder routes);

    /// <summary>Draws the history up to now: queues the first events and applies what is due (<see cref="Run"/>).</summary>
    protected abstract void BuildHistory();

    /// <summary>What a queued event does when its time has come.</summary>
    protected abstract void Apply(TEvent e, long ticks);

    /// <summary>One demo event at <paramref name="at"/> (the next step of something brought forward, a new record…).</summary>
    protected virtual void DemoEvent(DateTimeOffset at)
    {
    }

    /// <summary>Builds the history on first use, then applies everything due by now (before a page is served).</summary>
    protected void Refresh()
    {
        lock (Gate)
        {
            EnsureStarted();
            Run(Time.GetUtcNow().UtcTicks);
        }
    }

    /// <summary>Builds the history once (at construction for a simulator that is cheap to build, else on first use).</summary>
    protected void EnsureStarted()
    {
        if (_started)
        {
            return;
        }
        _started = true;
        BuildHistory();
    }

    /// <summary>
    /// Names the store serving <paramref name="resource"/> (the contract's resource name, <c>payments</c>) for the
    /// record helpers below and <see cref="Count"/>; returns it.
    /// </summary>
    protected SimulatorStore<T> Serve<T>(string resource, SimulatorStore<T> store)
    {
        _stores.Add(resource, store);
        return store;
    }

    /// <summary>Serves a record again as of now, unchanged (a source re-sending a corrected item).</summary>
    /// <returns>False for an unknown resource or id, or a tombstone.</returns>
    protected bool TouchRecord(string resource, string id) => Change(resource, (store, now) => store.Touch(id, now));

    /// <summary>Withdraws a record now: from then on it is served as a tombstone (after <see cref="Withdrawing"/> agrees).</summary>
    /// <returns>False for an unknown resource or id, or a record already withdrawn.</returns>
    protected bool WithdrawRecord(string resource, string id) =>
        Change(resource, (store, now) => Withdrawing(resource, id) && store.Delete(id, now));

    /// <summary>Serves every live record of every resource again as of now, unchanged (a source re-sending everything).</summary>
    protected void TouchAllRecords()
    {
        lock (Gate)
        {
            Refresh();
            var now = Time.GetUtcNow();
            foreach (var store in _stores.Values)
            {
                store.TouchAll(now);
            }
        }
    }

    /// <summary>Source ids of a resource's live records or tombstones (a copy).</summary>
    protected IReadOnlyCollection<string> RecordIds(string resource, bool deleted)
    {
        Refresh();
        return _stores.TryGetValue(resource, out var store)
            ? store.Ids(deleted)
            : throw new ArgumentOutOfRangeException(nameof(resource), resource, $"Unknown {Source} resource.");
    }

    /// <summary>What the simulator's own state does when a record is withdrawn; false refuses the withdrawal.</summary>
    protected virtual bool Withdrawing(string resource, string id) => true;

    private bool Change(string resource, Func<ISimulatorStore, DateTimeOffset, bool> change)
    {
        lock (Gate)
        {
            Refresh();
            return _stores.TryGetValue(resource, out var store) && change(store, Time.GetUtcNow());
        }
    }

    /// <summary>Demo activity starts at <paramref name="from"/> when <see cref="SimulatorOptions.DemoEventsPerMinute"/> is set.</summary>
    protected void StartDemo(DateTimeOffset from) =>
        _nextDemo = Options.DemoEventsPerMinute > 0 ? NextDemo(from) : DateTimeOffset.MaxValue;

    protected void Enqueue(TEvent e, long ticks) => _queue.Enqueue(e, ticks);

    protected bool TryPeek(out TEvent e, out long ticks) => _queue.TryPeek(out e!, out ticks);

    protected bool TryDequeue(out TEvent e, out long ticks) => _queue.TryDequeue(out e!, out ticks);

    /// <summary>Applies, in time order, the queued events and demo activity due by <paramref name="nowTicks"/>.</summary>
    protected void Run(long nowTicks)
    {
        while (true)
        {
            var queued = _queue.TryPeek(out var next, out var due) ? due : long.MaxValue;
            if (_nextDemo.UtcTicks <= nowTicks && _nextDemo.UtcTicks < queued)
            {
                DemoEvent(_nextDemo);
                _nextDemo = NextDemo(_nextDemo);
                continue;
            }
            if (queued > nowTicks)
            {
                return;
            }
            _queue.Dequeue();
            Apply(next!, due);
        }
    }

    /// <summary>
    /// How busy demo activity is at <paramref name="at"/>, from 0 (none) to 1 (the full
    /// <see cref="SimulatorOptions.DemoEventsPerMinute"/>): by default the hour-of-day profile of <see cref="DemoActivity"/>.
    /// </summary>
    protected virtual double DemoWeight(DateTimeOffset at) => DemoActivity.HourWeight(at);

    /// <summary>
    /// The next demo event: a Poisson process at the configured rate thinned by <see cref="DemoWeight"/>. A weight of 1
    /// draws nothing more (the stream through office hours is as before), a weight of 0 draws nothing at all.
    /// </summary>
    private DateTimeOffset NextDemo(DateTimeOffset after)
    {
        var t = after;
        var horizon = after + TimeSpan.FromDays(7);
        while (t < horizon)
        {
            t += TimeSpan.FromSeconds(Demo.Exponential(60.0 / Options.DemoEventsPerMinute));
            var weight = DemoWeight(t);
            if (weight >= 1 || (weight > 0 && Demo.NextDouble() < weight))
            {
                return t;
            }
        }
        return t;
    }
}
