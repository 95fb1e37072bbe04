namespace Dashboard.Simulators.Shared;

/// <summary>One step of a planned record's timeline (submitted, verified, closed, withdrawn…).</summary>
public interface IPlannedEvent<TSelf> where TSelf : IPlannedEvent<TSelf>
{
    long UtcTicks { get; }

    /// <summary>True when this step withdraws the record: from then on it is served as a tombstone.</summary>
    bool Withdraws { get; }

    /// <summary>The same step at another time (a demo or a test brings a step forward).</summary>
    TSelf Retimed(long utcTicks);
}

/// <summary>
/// A record whose whole lifecycle is drawn when it is created; the simulator serves it as of now.
/// <see cref="Events"/> is replaced, never edited, so that served versions stay immutable.
/// </summary>
public abstract class PlannedRecord<TEvent> where TEvent : IPlannedEvent<TEvent>
{
    public required string Id { get; init; }

    public required TEvent[] Events { get; set; }

    /// <summary>How many of <see cref="Events"/> the served version reflects.</summary>
    public int Applied { get; set; }

    /// <summary>Time of the next pending event as queued, or -1; stale queue entries are recognised by it.</summary>
    internal long NextDue { get; set; } = -1;

    /// <summary>Position in the list of records with pending events, or -1.</summary>
    internal int OpenIndex { get; set; } = -1;

    public bool Withdrawn => Applied > 0 && Events[Applied - 1].Withdraws;
}

/// <summary>
/// The moving part every lifecycle simulator shares: serves planned records into a <see cref="SimulatorStore{T}"/>
/// as simulated time passes, queueing each record's next step with <paramref name="enqueue"/> (the simulator's event
/// queue, which applies them in time order), and keeps the records that still have steps ahead (for demo activity).
/// Not thread-safe: the simulator calls it under its own lock.
/// </summary>
public sealed class PlannedRecords<TPlan, TEvent, TVersion>(
    SimulatorStore<TVersion> store, Func<TPlan, int, TVersion> version, Action<TPlan, long> enqueue)
    where TPlan : PlannedRecord<TEvent>
    where TEvent : IPlannedEvent<TEvent>
{
    private readonly List<TPlan> _open = [];

    /// <summary>Records with steps still ahead.</summary>
    public IReadOnlyList<TPlan> Open => _open;

    /// <summary>Applies a queued step whose time has come; a stale entry (the plan was rescheduled since) is passed over.</summary>
    public void ApplyDue(TPlan plan, long ticks)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.NextDue == ticks)
        {
            ApplyThrough(plan, ticks);
        }
    }

    /// <summary>Serves many new plans as of <paramref name="now"/> with one index rebuild, and queues what is pending.</summary>
    public void Load(IReadOnlyList<TPlan> plans, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var records = new List<SimulatorRecord<TVersion>>(plans.Count);
        foreach (var plan in plans)
        {
            var applied = 0;
            while (applied < plan.Events.Length && plan.Events[applied].UtcTicks <= now.UtcTicks)
            {
                applied++;
            }
            plan.Applied = applied;
            if (applied > 0)
            {
                var last = plan.Events[applied - 1];
                records.Add(new SimulatorRecord<TVersion>(plan.Id, version(plan, applied), At(last), last.Withdraws));
            }
            Schedule(plan);
        }
        store.Load(records);
    }

    /// <summary>Applies the plan's steps due by <paramref name="ticks"/>, serves the new version and queues the next.</summary>
    public void ApplyThrough(TPlan plan, long ticks)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var before = plan.Applied;
        while (plan.Applied < plan.Events.Length && plan.Events[plan.Applied].UtcTicks <= ticks)
        {
            plan.Applied++;
        }
        if (plan.Applied != before)
        {
            var last = plan.Events[plan.Applied - 1];
            if (last.Withdraws)
            {
                store.Delete(plan.Id, At(last));
            }
            else
            {
                store.Upsert(plan.Id, version(plan, plan.Applied), At(last));
            }
        }
        Schedule(plan);
    }

    /// <summary>Brings the plan's next pending step forward to <paramref name="at"/> and applies it.</summary>
    public void PullForward(TPlan plan, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var events = (TEvent[])plan.Events.Clone();
        events[plan.Applied] = events[plan.Applied].Retimed(at.UtcTicks);
        plan.Events = events;
        ApplyThrough(plan, at.UtcTicks);
    }

    private static DateTimeOffset At(TEvent e) => new(e.UtcTicks, TimeSpan.Zero);

    private void Schedule(TPlan plan)
    {
        if (plan.Applied < plan.Events.Length)
        {
            var next = plan.Events[plan.Applied].UtcTicks;
            if (plan.NextDue != next)
            {
                plan.NextDue = next;
                enqueue(plan, next);
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
}
