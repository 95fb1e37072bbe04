using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Tests.Web.Exports;
using Dashboard.Web.Features.Admissions;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Admissions;

/// <summary>What the Admissions page shows, written from its view independently of <c>AdmissionsExports</c>.</summary>
public sealed class AdmissionsExportCase : DomainExportCase
{
    public override string Source => AdmissionsIndicators.Source;

    public override IReadOnlyDictionary<string, string?> FixtureSettings { get; } = new Dictionary<string, string?>
    {
        ["Sources:Admissions:Simulator:CohortSize"] = "1500",
    };

    /// <summary>Scopes below the city worth a download of their own.</summary>
    public override IReadOnlyList<string> ScopesBelowTheCity => ["35.73.04"];

    public override async Task<IEnumerable<ExpectedTable>> ExpectedAsync(IServiceProvider services, string scope, CancellationToken ct) =>
        Tables(await services.GetRequiredService<AdmissionsQueries>().GetAsync(scope, null, ct));

    private static IEnumerable<ExpectedTable> Tables(AdmissionsView v)
    {
        var k = !v.IsSchool && IsKelurahanCode(v.Scope);
        yield return new("jenjang", [.. v.Levels.Select(r => new object?[] { r.Level, C(r.Applicants, k), r.Seats })]);
        yield return new("jalur", [.. v.Routes.Select(r => new object?[] { r.Route, r.Quota, C(r.Placed, k) })]);
        yield return new("status", [.. v.Statuses.Select(r => new object?[] { r.Label, C(r.Count, k) })]);
        yield return new("harian", [.. v.Days.Select(r => new object?[] { r.Day, C(r.Count, k) })]);
        yield return new("sekolah", [.. v.Schools.Select(r => new object?[] { r.Npsn, r.Name, r.Level, r.Ownership, r.Seats, r.Applicants, r.ApplicantsPerSeat, r.Placed, r.FilledPct, r.SeatsLeft })]);
        yield return new("belum_tertampung", [.. v.NotPlaced.Select(r => new object?[] { r.Code, r.Name, C(r.Children, true), C(r.NotPlaced, true) })]);
    }
}
