using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Tests.Web.Exports;
using Dashboard.Web.Features.Revenue;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Revenue;

/// <summary>What the Revenue page shows, written from its view independently of <c>RevenueExports</c>.</summary>
public sealed class RevenueExportCase : DomainExportCase
{
    public override string Source => RevenueIndicators.Source;

    public override IReadOnlyDictionary<string, string?> FixtureSettings { get; } = new Dictionary<string, string?>
    {
        ["Sources:Revenue:Simulator:Taxpayers"] = "200",
        ["Sources:Revenue:Simulator:PbbObjects"] = "1000",
    };

    /// <summary>Scopes below the city worth a download of their own.</summary>
    public override IReadOnlyList<string> ScopesBelowTheCity => ["35.73.03"];

    public override async Task<IEnumerable<ExpectedTable>> ExpectedAsync(IServiceProvider services, string scope, CancellationToken ct) =>
        Tables(await services.GetRequiredService<RevenueQueries>().GetAsync(scope, ct));

    private static IEnumerable<ExpectedTable> Tables(RevenueView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        yield return new("kumulatif", [.. v.YearDays.Select((d, i) => new object?[] { d, v.CumulativeTax[i], v.ProportionalTax[i] })]);
        yield return new("jenis", [.. v.Types.Append(v.TaxTotal).Append(v.RetributionTotal).Append(v.PadTotal)
            .Select(r => new object?[] { r.Code, r.Name, r.Kind, r.Target, r.Realised, r.Pct, r.GapPp })]);
        yield return new("harian", [.. v.RecentDays.Select((d, i) => new object?[] { d, v.DailyReceipts[i], v.DailyReceiptsLastYear[i] })]);
        yield return new("pbb", [.. v.Pbb.Select(r => new object?[] { r.Rank, r.Code, r.Name, r.Kecamatan, r.Due, r.Paid, r.Pct, r.Arrears, r.Status.ToString() })]);
        yield return new("wajib_pajak", [[C(v.BphtbThisMonth, k), v.BphtbValueThisMonth, v.NewTaxpayers is { } n ? C(n, k) : null]]);
    }
}
