using Dashboard.Ingest.Sources.Budget;
using Dashboard.Tests.Web.Exports;
using Dashboard.Web.Features.Budget;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Budget;

/// <summary>What the Budget page shows, written from its view independently of <c>BudgetExports</c>.</summary>
public sealed class BudgetExportCase : DomainExportCase
{
    public override string Source => BudgetIndicators.Source;

    public override IReadOnlyDictionary<string, string?> FixtureSettings { get; } = new Dictionary<string, string?>
    {
        ["Sources:Budget:Simulator:Lines"] = "150",
    };

    /// <summary>Scopes below the city worth a download of their own.</summary>
    public override IReadOnlyList<string> ScopesBelowTheCity => ["DPUPRPKP"];

    public override async Task<IEnumerable<ExpectedTable>> ExpectedAsync(IServiceProvider services, string scope, CancellationToken ct) =>
        Tables(await services.GetRequiredService<BudgetQueries>().GetAsync(scope, ct));

    private static IEnumerable<ExpectedTable> Tables(BudgetView v)
    {
        yield return new("serapan_opd", [.. v.League.Select(r => new object?[] { r.Code, r.Name, r.Pagu, r.Realised, r.Pct, r.PlannedPct, r.Status.ToString() })]);
        yield return new("kurva_s", [.. v.Curve.Select(r => new object?[] { r.Month, r.RealisedPct, r.PlannedPct, r.Lower, r.Upper })]);
        yield return new("fisik_keuangan", [.. v.Gaps.Select(r => new object?[]
        {
            r.LineId, r.Agency, r.SubActivityCode, r.SubActivityName, r.Month, r.PhysicalPct, r.FinancialPct, r.Gap,
        })]);
        yield return new("sumber_dana", [.. v.Funding.Select(r => new object?[] { r.Code, r.Pagu, r.Realised, r.Pct })]);
        yield return new("silpa", [[v.Silpa.Pagu, v.Silpa.Realised, v.Silpa.Planned, v.Silpa.PlanYear, v.Silpa.ProjectedSpending, v.Silpa.Silpa]]);
    }
}
