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
    /// <paramref name="incoming"/> (either may be null for an insert or a delete).
    /// </summary>
    DateTimeOffset AffectedSince(T? stored, T? incoming);
}
