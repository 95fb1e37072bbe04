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
        Reserve();
        return _entries.GetOrAdd(key, make);
    }

    /// <summary>
    /// <see cref="GetOrAdd(TKey, Func{TKey, TValue})"/> by another form of the key that the cache's comparer reads (a span
    /// of a string, with <see cref="StringComparer.Ordinal"/>): the key itself is made only when the entry is missing.
    /// </summary>
    public TValue GetOrAdd<TAlternate, TState>(TAlternate key, TState state, Func<TAlternate, TState, TValue> make)
        where TAlternate : notnull, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(make);
        var entries = _entries.GetAlternateLookup<TAlternate>();
        if (entries.TryGetValue(key, out var value))
        {
            return value;
        }
        Reserve();
        value = make(key, state);
        return entries.TryAdd(key, value) || !entries.TryGetValue(key, out var first) ? value : first;
    }

    /// <summary>Room for one more entry: the cache is emptied when it is full.</summary>
    private void Reserve()
    {
        if (Interlocked.Increment(ref _count) > limit)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
    }
}
