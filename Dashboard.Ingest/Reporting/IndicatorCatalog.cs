namespace Dashboard.Ingest.Reporting;

/// <summary>One source's part of the catalogue. Found by reflection: a new source adds a file in its own folder.</summary>
public interface IIndicatorSet
{
    /// <summary>The source name (<see cref="IndicatorDefinition.Source"/>, <c>SourceStates.Source</c>).</summary>
    string Source { get; }

    IReadOnlyList<IndicatorDefinition> Definitions { get; }

    /// <summary>Targets for each seeded APBD year; administrators edit them in the database afterwards.</summary>
    IReadOnlyList<YearlyTarget> YearlyTargets { get; }

    /// <summary>The codes the overview shows for this domain, in order.</summary>
    IReadOnlyList<string> Headlines { get; }

    /// <summary>Running totals over the target's period (realisation since 1 January): their targets apply time-proportionally.</summary>
    IReadOnlyList<string> Cumulative => [];

    /// <summary>
    /// The agency dimension: the indicators this source computes per OPD (<c>ScopeKind.Opd</c>, the agency's own
    /// number), shown on each agency head's home and beside the city-wide figure on the source's page. Empty: none.
    /// </summary>
    IReadOnlyList<string> AgencyIndicators => [];
}

public sealed record YearlyTarget(string Code, double Value);

/// <summary>What every indicator of one source shares.</summary>
public sealed record IndicatorSpec(string Source, string OwnerOpd, string? LegalBasis);

/// <summary>
/// The indicator catalogue (docs/DOMAIN.md §10) with Satu Data metadata, seeded into the reporting database: the
/// union of every source's <see cref="IIndicatorSet"/>, ordered by catalogue number.
/// </summary>
public static class IndicatorCatalog
{
    public static readonly int[] SeededYears = [2025, 2026, 2027];

    public static IReadOnlyList<IIndicatorSet> Sets { get; } = typeof(IndicatorCatalog).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIndicatorSet).IsAssignableFrom(t))
        .Select(t => (IIndicatorSet)Activator.CreateInstance(t)!)
        .OrderBy(s => s.Definitions.Min(d => d.Number))
        .ToList();

    public static IReadOnlyList<IndicatorDefinition> Definitions { get; } = Checked(Sets.SelectMany(MarkCumulative).OrderBy(d => d.Number).ToList());

    /// <summary>Targets per APBD year (<see cref="ReportingSeed"/> keys them by indicator, period and start; the database assigns ids).</summary>
    public static IReadOnlyList<IndicatorTarget> Targets { get; } = BuildTargets();

    public static IndicatorDefinition Find(string code) =>
        Definitions.FirstOrDefault(d => d.Code == code) ?? throw new KeyNotFoundException($"No indicator '{code}' in the catalogue.");

    public static IndicatorDefinition Define(
        IndicatorSpec spec, int number, string code, IndicatorUnit unit, IndicatorDirection direction, int cadence, int freshness,
        double tolerance, string nameId, string nameEn, string definitionId, string definitionEn, string formula)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new IndicatorDefinition
        {
            Code = code,
            Number = number,
            NameId = nameId,
            NameEn = nameEn,
            DefinitionId = definitionId,
            DefinitionEn = definitionEn,
            Formula = formula,
            Unit = unit,
            Direction = direction,
            OwnerOpd = spec.OwnerOpd,
            Source = spec.Source,
            CadenceMinutes = cadence,
            FreshnessMinutes = freshness,
            LegalBasis = spec.LegalBasis,
            Tolerance = tolerance,
            DisplayOrder = number,
        };
    }

    private static IEnumerable<IndicatorDefinition> MarkCumulative(IIndicatorSet set)
    {
        foreach (var d in set.Definitions)
        {
            d.Cumulative = set.Cumulative.Contains(d.Code);
            yield return d;
        }
    }

    private static List<IndicatorDefinition> Checked(List<IndicatorDefinition> definitions)
    {
        var codes = definitions.GroupBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        var numbers = definitions.GroupBy(d => d.Number).FirstOrDefault(g => g.Count() > 1);
        if (codes is not null || numbers is not null)
        {
            throw new InvalidOperationException(
                $"The indicator catalogue repeats {(codes is not null ? "code " + codes.Key : "number " + numbers!.Key)}.");
        }
        return definitions;
    }

    private static List<IndicatorTarget> BuildTargets()
    {
        var targets = new List<IndicatorTarget>();
        foreach (var set in Sets)
        {
            foreach (var target in set.YearlyTargets)
            {
                foreach (var year in SeededYears)
                {
                    targets.Add(new IndicatorTarget
                    {
                        IndicatorCode = target.Code,
                        Period = TargetPeriod.Year,
                        PeriodStart = new DateOnly(year, 1, 1),
                        PeriodEnd = new DateOnly(year, 12, 31),
                        Value = target.Value,
                    });
                }
            }
        }
        return targets;
    }
}
