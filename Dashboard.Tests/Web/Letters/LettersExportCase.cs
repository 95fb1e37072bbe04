using Dashboard.Ingest.Sources.Letters;
using Dashboard.Tests.Web.Exports;
using Dashboard.Web.Features.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Letters;

/// <summary>What the Letters page shows, written from its view independently of <c>LettersExports</c>.</summary>
public sealed class LettersExportCase : DomainExportCase
{
    public override string Source => LettersIndicators.Source;

    /// <summary>Scopes below the city worth a download of their own.</summary>
    public override IReadOnlyList<string> ScopesBelowTheCity => ["35.73.05"];

    public override async Task<IEnumerable<ExpectedTable>> ExpectedAsync(IServiceProvider services, string scope, CancellationToken ct) =>
        Tables(await services.GetRequiredService<LettersQueries>().GetAsync(scope, ct));

    private static IEnumerable<ExpectedTable> Tables(LettersView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        var shown = Enumerable.Range(0, v.Types.Count).Where(t => v.RequestsPerDayByType[t].Any(x => x > 0)).ToList();
        yield return new("harian", [.. v.Days.Select((d, i) => new object?[] { d }.Concat(shown.Select(t => (object?)C(v.RequestsPerDayByType[t][i] ?? 0, k))).ToArray())]);
        yield return new("jenis", [.. v.ByType.Select(r => new object?[] { r.Type, C(r.Count, k) })]);
        yield return new("sesuai_standar", [.. v.Days.Select((d, i) => new object?[] { d, v.WithinStandardPerDay[i] })]);
        yield return new("peringkat", [.. v.Ranking.Select(r => new object?[]
        {
            r.Rank, r.Code, r.Name, r.Kecamatan, D(r.WithinStandardPct), r.Status.ToString(), C(r.Requests, true), D(r.PerThousand), D(r.RejectedPct),
            C(r.Open, true), C(r.Overdue, true),
        })]);
        yield return new("tunggakan", [.. v.Backlog.Select(r => new object?[] { r.Id, r.KelurahanName, r.Type, Wib(r.RequestedAt), Wib(r.Deadline), r.Status })]);
    }
}
