using System.Text.Json;
using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Validates one resource's items and maps them onto its stored entity (no personal data).</summary>
public interface ISourceMapper<T> where T : class, ISourceEntity
{
    /// <summary>The contract's resource path segment (<c>complaints</c>).</summary>
    string Resource { get; }

    /// <summary>
    /// The contract's top-level fields that are not personal: the only ones a quarantined copy keeps. A field
    /// that holds a personal key (an NIP used as <c>id</c>) is left out; the mapper returns its keyed hash as the id.
    /// </summary>
    IReadOnlySet<string> StoredFields { get; }

    ItemResult<T> Map(JsonElement item);

    bool SameContent(T stored, T incoming);

    void Apply(T stored, T incoming);

    /// <summary>
    /// The earliest instant whose indicators may change because <paramref name="stored"/> became
    /// <paramref name="incoming"/> (either may be null for an insert or a delete); <see cref="SourceHistory.All"/> when the
    /// row has no date of its own and counts over every day.
    /// </summary>
    DateTimeOffset AffectedSince(T? stored, T? incoming);
}

/// <summary>How far back a change reaches.</summary>
public static class SourceHistory
{
    /// <summary>
    /// A change that may move every day of the history (a record without a date of its own, such as an employee, a school
    /// or a family): the indicators clamp it to their first day with data. 1900-01-01, never a plausible date of anything.
    /// For a new row read after the first load, <see cref="FeedBatch"/> narrows it to the day the source registered the row
    /// (its <c>updated_at</c>): a new hire counts from the day it is read, and the figures already published for earlier days
    /// are kept, so that an incremental run costs what its changes touch, not what the history holds. The first load has
    /// no indicators yet and is recomputed over every day anyway.
    /// </summary>
    public static readonly DateTimeOffset All = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Where an inserted row's indicators start moving: <paramref name="affected"/>, or its registration day when that is the whole history.</summary>
    public static DateTimeOffset ForInsert(DateTimeOffset affected, DateTimeOffset updatedAt, DateTimeOffset now) =>
        affected != All ? affected : updatedAt < now ? updatedAt : now;
}
