using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// What one run remembers about one feed between its pages, so that a page asks the database only what it cannot know:
/// <list type="bullet">
/// <item>whether the feed's table was empty when the run began (a first load): then a row can only exist if this run wrote
/// it, and ids are looked up only when this run has met their hash before (32 bits an id: a collision costs a lookup, never
/// a wrong answer), instead of one existence query a page;</item>
/// <item>whether the source has quarantined items a valid version could supersede: looked up once, and again only after this
/// run quarantined one.</item>
/// </list>
/// One instance a feed and run (the engine's writer is its only user); SQL Server keeps the per-page lookups.
/// </summary>
public sealed class FeedMemory
{
    private bool? _startedEmpty;
    private bool? _quarantineOpen;
    private readonly HashSet32 _seen = new();

    /// <summary>The table held no row when this run's first page of the feed was applied.</summary>
    internal async Task<bool> StartedEmptyAsync<T>(ReportingDbContext db, CancellationToken ct) where T : class, ISourceEntity =>
        _startedEmpty ??= (db.Database.IsSqlite() || db.Database.IsNpgsql()) && !await db.Set<T>().AnyAsync(ct);

    /// <summary>
    /// Notes the ids of <paramref name="results"/> that are about to be written (every item not rejected) and adds to
    /// <paramref name="maybe"/> those the run may have met before: on an earlier page, or earlier in the same results (an id
    /// twice). Nothing added: every id is new to the run. Noting an id before its page is written is safe: an id noted but
    /// never written only costs a lookup.
    /// </summary>
    internal void Admit<T>(ItemResult<T>[] results, List<string> maybe) where T : class
    {
        foreach (var r in results)
        {
            if (r.Kind != ItemKind.Rejected && !_seen.Add(string.GetHashCode(r.Id!, StringComparison.Ordinal)))
            {
                maybe.Add(r.Id!);
            }
        }
    }

    /// <summary>Whether a valid item may supersede quarantined ones (null: not yet known).</summary>
    internal bool? QuarantineOpen
    {
        get => _quarantineOpen;
        set => _quarantineOpen = value;
    }

    /// <summary>
    /// A set of 32-bit hashes that asks and adds in one probe: open addressing with linear probing in one array, at most half
    /// full. A first load's million ids cost one random memory access each instead of the four of a <c>HashSet&lt;int&gt;</c>
    /// asked then added (its buckets and entries).
    /// </summary>
    internal sealed class HashSet32
    {
        private int[] _slots = new int[1024];
        private int _shift = 32 - 10;
        private int _count;
        private bool _zero;

        public int Count => _count + (_zero ? 1 : 0);

        /// <summary>Adds <paramref name="hash"/>; false when it was in the set already.</summary>
        public bool Add(int hash)
        {
            if (hash == 0)
            {
                // 0 marks an empty slot: the hash 0 is kept aside.
                var added = !_zero;
                _zero = true;
                return added;
            }
            if (2 * (_count + 1) > _slots.Length)
            {
                Grow();
            }
            if (!Place(_slots, _shift, hash))
            {
                return false;
            }
            _count++;
            return true;
        }

        /// <summary>Puts <paramref name="hash"/> in its slot; false when it is there already.</summary>
        private static bool Place(int[] slots, int shift, int hash)
        {
            var mask = slots.Length - 1;
            // Fibonacci hashing: the multiplication spreads every bit of the hash into the top bits the slot is taken from.
            var i = (int)(((uint)hash * 2654435769u) >> shift);
            while (true)
            {
                var slot = slots[i];
                if (slot == 0)
                {
                    slots[i] = hash;
                    return true;
                }
                if (slot == hash)
                {
                    return false;
                }
                i = (i + 1) & mask;
            }
        }

        private void Grow()
        {
            var slots = new int[_slots.Length * 2];
            var shift = _shift - 1;
            foreach (var hash in _slots)
            {
                if (hash != 0)
                {
                    Place(slots, shift, hash);
                }
            }
            _slots = slots;
            _shift = shift;
        }
    }
}
