using System.Globalization;

namespace Dashboard.Tests.Web.Exports;

/// <summary>A count the page shows; expected as "&lt; 5" when <see cref="Kelurahan"/> and 1–4.</summary>
public sealed record Counted(double Value, bool Kelurahan);

/// <summary>A rate or share computed from the row's counts: expected empty when one of the row's counts is suppressed.</summary>
public sealed record Derived(object? Value);

/// <summary>One table as the page shows it: its id and its rows' cells.</summary>
public sealed record ExpectedTable(string Table, IReadOnlyList<object?[]> Rows);

/// <summary>
/// What one domain's page shows for a scope, written from its view independently of the export's table definitions.
/// Each domain declares its case in its own test folder (<c>Web/Complaints/ComplaintsExportCase.cs</c>);
/// <see cref="DomainExportTests"/> finds them all, and fails for a registered domain without one.
/// </summary>
public abstract class DomainExportCase
{
    /// <summary>Every case in this assembly, keyed by source.</summary>
    public static IReadOnlyDictionary<string, DomainExportCase> All { get; } = typeof(DomainExportCase).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DomainExportCase)) && !t.IsAbstract)
        .Select(t => (DomainExportCase)Activator.CreateInstance(t)!)
        .ToDictionary(c => c.Source, StringComparer.Ordinal);

    public abstract string Source { get; }

    /// <summary>Scopes below the city worth a download of their own (kelurahan ones carry suppressed counts).</summary>
    public virtual IReadOnlyList<string> ScopesBelowTheCity => [];

    /// <summary>The shared export app's settings for this source (its simulator's small sizes), if any.</summary>
    public virtual IReadOnlyDictionary<string, string?> FixtureSettings { get; } = new Dictionary<string, string?>();

    /// <summary>The page's tables for <paramref name="scope"/> ("" for the city), from its own query service.</summary>
    public abstract Task<IEnumerable<ExpectedTable>> ExpectedAsync(IServiceProvider services, string scope, CancellationToken ct);

    protected static bool IsKelurahanCode(string? code) => code?.Count(c => c == '.') == 3;

    protected static Counted C(double value, bool kelurahan) => new(value, kelurahan);

    protected static Derived D(object? value) => new(value);

    protected static string Wib(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
