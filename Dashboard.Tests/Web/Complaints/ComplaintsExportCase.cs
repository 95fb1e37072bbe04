using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Web.Exports;
using Dashboard.Web.Features.Complaints;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Complaints;

/// <summary>What the Complaints page shows, written from its view independently of <c>ComplaintsExports</c>.</summary>
public sealed class ComplaintsExportCase : DomainExportCase
{
    public override string Source => ComplaintsIndicators.Source;

    /// <summary>Scopes below the city worth a download of their own.</summary>
    public override IReadOnlyList<string> ScopesBelowTheCity => ["35.73.02", "35.73.02.1001"];

    public override async Task<IEnumerable<ExpectedTable>> ExpectedAsync(IServiceProvider services, string scope, CancellationToken ct) =>
        Tables(await services.GetRequiredService<ComplaintsQueries>().GetAsync(scope, ct));

    private static IEnumerable<ExpectedTable> Tables(ComplaintsView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        yield return new("harian", [.. v.Days.Select((d, i) => new object?[] { d, C(v.ReceivedPerDay[i] ?? 0, k) })]);
        yield return new("kanal", [.. v.ByChannel.Select(r => new object?[] { r.Name, C(r.Count, k) })]);
        yield return new("kategori", [.. v.ByCategory.Select(r => new object?[] { r.Name, C(r.Count, k) })]);
        yield return new("opd", [.. v.ByAgency.Select(r => new object?[] { r.Name, C(r.Count, k) })]);
        yield return new("liga_opd", [.. v.League.Select(r => new object?[] { r.Code, r.Name, r.CompliancePct, r.Status.ToString(), r.Received, r.Overdue })]);
        yield return new("wilayah", [.. v.Regions.Select(r => new object?[]
        {
            r.Code, r.Name, r.Level.ToString().ToLowerInvariant(), C(r.Received, IsKelurahanCode(r.Code)), D(r.Per10k),
            r.PopulationIsEstimate ? "ya" : "tidak", r.Overdue is { } o ? C(o, IsKelurahanCode(r.Code)) : null, D(r.ClosedPct),
        })]);
    }
}
