using System.Collections.Concurrent;

namespace Dashboard.Ingest.Shared;

/// <summary>
/// A process-wide memo of at most <paramref name="limit"/> entries, emptied when full (values are cheap to make again;
/// no entry is kept forever). Thread-safe; two threads may make the same value once each.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int limit, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private int _count;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }
        if (Interlocked.Increment(ref _count) > limit)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
        return _entries.GetOrAdd(key, make);
    }
}
