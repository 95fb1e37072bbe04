using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Tests.Web.Exports;
using Dashboard.Web.Features.SocialAid;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.SocialAid;

/// <summary>What the SocialAid page shows, written from its view independently of <c>SocialAidExports</c>.</summary>
public sealed class SocialAidExportCase : DomainExportCase
{
    public override string Source => SocialAidIndicators.Source;

    public override IReadOnlyDictionary<string, string?> FixtureSettings { get; } = new Dictionary<string, string?>
    {
        ["Sources:SocialAid:Simulator:Families"] = "2000",
    };

    /// <summary>Scopes below the city worth a download of their own.</summary>
    public override IReadOnlyList<string> ScopesBelowTheCity => ["35.73.01", "35.73.01.1005"];

    public override async Task<IEnumerable<ExpectedTable>> ExpectedAsync(IServiceProvider services, string scope, CancellationToken ct) =>
        Tables(await services.GetRequiredService<SocialAidQueries>().GetAsync(scope, ct));

    private static IEnumerable<ExpectedTable> Tables(AidView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        yield return new("wilayah", [.. v.Regions.Select(r =>
        {
            var kr = IsKelurahanCode(r.Code);
            return new object?[] { r.Code, r.Name, C(r.Recipients, kr) }
                .Concat(r.PerProgram.Select(p => (object?)C(p, kr)))
                .Concat([C(r.Poorest, kr), D(r.CoveragePct), D(r.VervalPct), D(r.DisbursedPct), C(r.Failed, kr), C(r.Graduated, kr)]).ToArray();
        })]);
        yield return new("penyaluran", [.. v.Progress.Select(r => new object?[] { r.Program, C(r.Disbursed, k), C(r.Scheduled, k), C(r.Failed, k), r.AmountDisbursed })]);
        yield return new("desil", [.. v.DesilRecipients.Select((n, i) => new object?[] { i + 1, C(n, k), C(v.DesilOthers[i], k) })]);
        yield return new("verval", [.. v.Verval.Select(r => new object?[] { r.Label, C(r.Count, k) })]);
        yield return new("graduasi", [.. v.Graduations.Select(r => new object?[] { r.Label, C(r.Count, k) })]);
        yield return new("tahap", [.. v.Stages.Select(r => new object?[] { r.Stage, C(r.Allocated, k), C(r.Disbursed, k), D(r.DisbursedPct), C(r.Failed, k), r.AmountDisbursed })]);
        yield return new("alasan_gagal", [.. v.FailureReasons.Select(r => new object?[] { r.Label, C(r.Count, k) })]);
    }
}
