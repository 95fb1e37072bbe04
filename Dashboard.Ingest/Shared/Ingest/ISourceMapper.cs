using System.Text.Json;
using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Validates one resource's items and maps them onto its stored entity (no personal data).</summary>
public interface ISourceMapper<T> where T : class, ISourceEntity
{
    /// <summary>The contract's resource path segment (<c>complaints</c>).</summary>
    string Resource { get; }

    ItemResult<T> Map(JsonElement item);

    bool SameContent(T stored, T incoming);

    void Apply(T stored, T incoming);

    /// <summary>
    /// The earliest instant whose indicators may change because <paramref name="stored"/> became
    /// <paramref name="incoming"/> (either may be null for an insert or a delete).
    /// </summary>
    DateTimeOffset AffectedSince(T? stored, T? incoming);
}
