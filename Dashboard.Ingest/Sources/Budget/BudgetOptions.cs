using System.ComponentModel.DataAnnotations;
using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Budget;

/// <summary>
/// APBD execution and monev feeds (<c>Sources:Budget</c>) and the monthly band ("kurva S") that realisation is held to:
/// <see cref="Band"/> for every year, or a year's own entry in <see cref="Bands"/> (<c>Sources:Budget:Bands:2027</c>).
/// </summary>
public sealed class BudgetOptions : SourceOptions, IValidatableObject
{
    public const string Section = "Sources:Budget";

    /// <summary>The schedule unless <c>Sources:Budget:Schedule</c> says otherwise (every source's settings have defaults).</summary>
    public BudgetOptions() => Schedule = "*/2 * * * *";

    /// <summary>The band every year follows unless <see cref="Bands"/> has its own (docs/DOMAIN.md §13).</summary>
    public BudgetBandOptions Band { get; set; } = new();

    /// <summary>A year's own band, keyed by APBD year.</summary>
    public Dictionary<int, BudgetBandOptions> Bands { get; set; } = [];

    /// <summary>The band in force for <paramref name="year"/>.</summary>
    public BudgetBand BandFor(int year) => (Bands.TryGetValue(year, out var own) ? own : Band).ToBand();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var error in Band.Errors(Section + ":Band"))
        {
            yield return new ValidationResult(error, [nameof(Band)]);
        }
        foreach (var (year, band) in Bands)
        {
            if (year is < 2000 or > 2100)
            {
                yield return new ValidationResult($"{Section}:Bands:{year}: the key must be an APBD year (2000–2100).", [nameof(Bands)]);
            }
            foreach (var error in band.Errors($"{Section}:Bands:{year}"))
            {
                yield return new ValidationResult(error, [nameof(Bands)]);
            }
        }
    }
}

/// <summary>Cumulative % of pagu expected by the end of each month, January first: twelve lower and twelve upper bounds.</summary>
public sealed class BudgetBandOptions
{
    /// <summary>Twelve lower bounds; unset: docs/DOMAIN.md §13's (1, 1, 3, 5, 7, 10, 20, 30, 40, 50, 60, 70).</summary>
    public double[]? Lower { get; set; }

    /// <summary>Twelve upper bounds; unset: docs/DOMAIN.md §13's (1, 5, 7, 10, 20, 30, 40, 50, 60, 70, 80, 85).</summary>
    public double[]? Upper { get; set; }

    public BudgetBand ToBand() => new([.. Lower ?? BudgetBand.Default.Lower], [.. Upper ?? BudgetBand.Default.Upper]);

    /// <summary>What is wrong with this band, each message naming its key under <paramref name="key"/>.</summary>
    public IEnumerable<string> Errors(string key)
    {
        var lower = Lower ?? [.. BudgetBand.Default.Lower];
        var upper = Upper ?? [.. BudgetBand.Default.Upper];
        if (lower.Length != 12 || upper.Length != 12)
        {
            yield return $"{key}: Lower and Upper need twelve values each (January to December), not {lower.Length} and {upper.Length}.";
            yield break;
        }
        for (var m = 0; m < 12; m++)
        {
            if (lower[m] is < 0 or > 100 || upper[m] is < 0 or > 100 || double.IsNaN(lower[m]) || double.IsNaN(upper[m]))
            {
                yield return $"{key}: month {m + 1} must lie between 0 and 100.";
            }
            else if (lower[m] > upper[m])
            {
                yield return $"{key}: month {m + 1}'s Lower ({lower[m]}) is above its Upper ({upper[m]}).";
            }
            else if (m > 0 && (lower[m] < lower[m - 1] || upper[m] < upper[m - 1]))
            {
                yield return $"{key}: month {m + 1} falls below month {m}: the band is cumulative.";
            }
        }
    }
}
