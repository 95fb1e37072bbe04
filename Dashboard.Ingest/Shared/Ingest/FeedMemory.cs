using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// What one run remembers about one feed between its pages, so that a page asks the database only what it cannot know:
/// <list type="bullet">
/// <item>whether the feed's table was empty when the run began (a first load): then a row can only exist if this run wrote
/// it, and ids are looked up only when this run has seen their hash before (32 bits an id: a collision costs a lookup, never
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
    private readonly HashSet<int> _seen = [];

    /// <summary>The table held no row when this run's first page of the feed was applied.</summary>
    internal async Task<bool> StartedEmptyAsync<T>(ReportingDbContext db, CancellationToken ct) where T : class, ISourceEntity =>
        _startedEmpty ??= (db.Database.IsSqlite() || db.Database.IsNpgsql()) && !await db.Set<T>().AnyAsync(ct);

    /// <summary>Of <paramref name="ids"/>, those this run may have written before (a hash seen).</summary>
    internal List<string> MaybeWritten(IEnumerable<string> ids)
    {
        var maybe = new List<string>();
        foreach (var id in ids)
        {
            if (_seen.Contains(Hash(id)))
            {
                maybe.Add(id);
            }
        }
        return maybe;
    }

    internal void Remember(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            _seen.Add(Hash(id));
        }
    }

    /// <summary>Whether a valid item may supersede quarantined ones (null: not yet known).</summary>
    internal bool? QuarantineOpen
    {
        get => _quarantineOpen;
        set => _quarantineOpen = value;
    }

    private static int Hash(string id) => string.GetHashCode(id, StringComparison.Ordinal);
}
