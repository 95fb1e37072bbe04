namespace Dashboard.Web.Shared.Domains;

/// <summary>A figure above an agency's list (received, open, overdue…): a text key and its count.</summary>
public sealed record AgencyFigure(string LabelKey, double? Value, string? TestId = null);

/// <summary>
/// One list a source shows on an agency head's home: its title, a few figures, columns (text keys) and rows of cells
/// already formatted for display, and an optional link to the source's page scoped for the agency. Rows are the
/// agency's own items only and carry no personal data (ids, categories, regions, ages, amounts).
/// </summary>
public sealed record AgencyItemList
{
    /// <summary>Stable id for tests and anchors (<c>aduan-lewat-sla</c>).</summary>
    public required string Id { get; init; }

    public required string TitleKey { get; init; }

    public IReadOnlyList<AgencyFigure> Figures { get; init; } = [];

    public required IReadOnlyList<string> ColumnKeys { get; init; }

    /// <summary>Indexes of <see cref="ColumnKeys"/> that hold numbers (right-aligned).</summary>
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();

    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }

    /// <summary>How many items exist when <see cref="Rows"/> shows only the first ones.</summary>
    public int Total { get; init; }

    /// <summary>Text key shown when there are no rows.</summary>
    public required string EmptyKey { get; init; }
}

/// <summary>
/// A source's lists about one agency for its head's home (<see cref="DomainDescriptor.AgencyItems"/>). Called only for an
/// agency the reader answers for (<c>ReaderScope.OwnsDetailOf</c>); returns no list when the source has nothing for it.
/// </summary>
public interface IAgencyItems
{
    Task<IReadOnlyList<AgencyItemList>> LoadAsync(string opd, DateTimeOffset now, CancellationToken ct);
}
