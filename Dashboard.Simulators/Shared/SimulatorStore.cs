namespace Dashboard.Simulators.Shared;

/// <summary>One served version of a record: the store owns its id, <c>updated_at</c> and tombstone flag.</summary>
public readonly record struct SimulatorRecord<T>(string Id, T Value, DateTimeOffset UpdatedAt, bool Deleted)
{
    public SimulatorCursor Key => SimulatorCursor.At(UpdatedAt, Id);
}

/// <summary>A page of records and the cursor after its last record, null when nothing follows.</summary>
public sealed record SimulatorPage<T>(IReadOnlyList<SimulatorRecord<T>> Items, SimulatorCursor? Next);

/// <summary>A resource's store as its simulator's shared record helpers use it, whatever its record type.</summary>
public interface ISimulatorStore
{
    int Count { get; }

    /// <summary>Serves a live record again as of <paramref name="at"/>, unchanged. False for an unknown id or a tombstone.</summary>
    bool Touch(string id, DateTimeOffset at);

    /// <summary>Serves every live record again as of <paramref name="at"/>, unchanged.</summary>
    void TouchAll(DateTimeOffset at);

    bool Delete(string id, DateTimeOffset at);

    IReadOnlyCollection<string> Ids(bool deleted);
}

/// <summary>
/// The records a simulator serves, with an index ordered by <c>(updated_at, id)</c> so that a page costs
/// O(log n + limit) however large the store is (benchmarks hold a million records). Thread-safe. Values must be
/// immutable: pages are rendered outside the lock.
/// </summary>
public sealed class SimulatorStore<T>(SimulatorFaults faults) : ISimulatorStore
{
    private static readonly SimulatorCursor End = new(DateTimeOffset.MaxValue.UtcTicks, "\uffff");

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SimulatorRecord<T>> _records = new(StringComparer.Ordinal);
    private SortedSet<SimulatorCursor> _index = new(Comparer<SimulatorCursor>.Default);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    public bool TryGet(string id, out SimulatorRecord<T> record)
    {
        lock (_lock)
        {
            return _records.TryGetValue(id, out record);
        }
    }

    /// <summary>
    /// Inserts or replaces a record as of <paramref name="updatedAt"/> (kept to the millisecond, like the wire
    /// format). While <see cref="SimulatorFaults.BackwardsUpdatedAt"/> is armed, a replaced record instead gets
    /// an <c>updated_at</c> earlier than its previous version's, as a source with a skewed clock would serve it.
    /// </summary>
    public SimulatorRecord<T> Upsert(string id, T value, DateTimeOffset updatedAt) => Put(id, value, updatedAt, deleted: false, null);

    public bool Touch(string id, DateTimeOffset at)
    {
        if (!TryGet(id, out var record) || record.Deleted)
        {
            return false;
        }
        Upsert(id, record.Value, at);
        return true;
    }

    public void TouchAll(DateTimeOffset at)
    {
        foreach (var id in Ids(deleted: false))
        {
            if (TryGet(id, out var record))
            {
                Upsert(id, record.Value, at);
            }
        }
    }

    /// <summary>Turns a record into a tombstone (<c>"deleted": true</c>) as of <paramref name="at"/>.</summary>
    public bool Delete(string id, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!_records.TryGetValue(id, out var existing) || existing.Deleted)
            {
                return false;
            }
            Put(id, existing.Value, at, deleted: true, existing);
            return true;
        }
    }

    /// <summary>Adds or replaces many records at once and rebuilds the index in one sort (history, bulk).</summary>
    public void Load(IEnumerable<SimulatorRecord<T>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_lock)
        {
            foreach (var record in records)
            {
                _records[record.Id] = record with { UpdatedAt = Normalize(record.UpdatedAt) };
            }
            var keys = new SimulatorCursor[_records.Count];
            var i = 0;
            foreach (var record in _records.Values)
            {
                keys[i++] = record.Key;
            }
            Array.Sort(keys);
            _index = new SortedSet<SimulatorCursor>(keys, Comparer<SimulatorCursor>.Default);
        }
    }

    /// <summary>
    /// Records with <c>updated_at &gt;= updatedSince</c> (inclusive) and strictly after <paramref name="after"/>,
    /// in <c>(updated_at, id)</c> order, at most <paramref name="limit"/>.
    /// </summary>
    public SimulatorPage<T> Page(DateTimeOffset? updatedSince, SimulatorCursor? after, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var lower = new SimulatorCursor(updatedSince?.UtcTicks ?? DateTimeOffset.MinValue.UtcTicks, "");
        if (after is { } a)
        {
            // The smallest key strictly after the cursor: ordinal order puts id + '\0' right behind id.
            var next = new SimulatorCursor(a.UtcTicks, a.Id + "\0");
            if (next > lower)
            {
                lower = next;
            }
        }
        lock (_lock)
        {
            var items = new List<SimulatorRecord<T>>(Math.Min(limit, 1024));
            if (lower >= End)
            {
                return new SimulatorPage<T>(items, null);
            }
            var more = false;
            foreach (var key in _index.GetViewBetween(lower, End))
            {
                if (items.Count == limit)
                {
                    more = true;
                    break;
                }
                items.Add(_records[key.Id]);
            }
            return new SimulatorPage<T>(items, more ? items[^1].Key : null);
        }
    }

    /// <summary>Ids of the served records: tombstones or live ones. A copy, for tests.</summary>
    public IReadOnlyCollection<string> Ids(bool deleted)
    {
        lock (_lock)
        {
            return [.. _records.Values.Where(r => r.Deleted == deleted).Select(r => r.Id)];
        }
    }

    private SimulatorRecord<T> Put(string id, T value, DateTimeOffset updatedAt, bool deleted, SimulatorRecord<T>? known)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        updatedAt = Normalize(updatedAt);
        lock (_lock)
        {
            if (known is { } existing || _records.TryGetValue(id, out existing))
            {
                // The fault is about content changes; tombstones keep their real time so that a withdrawal is never lost.
                if (!deleted && faults.TakeBackwards(out var back))
                {
                    updatedAt = existing.UpdatedAt - back;
                }
                _index.Remove(existing.Key);
            }
            var record = new SimulatorRecord<T>(id, value, updatedAt, deleted);
            _records[id] = record;
            _index.Add(record.Key);
            return record;
        }
    }

    private static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
