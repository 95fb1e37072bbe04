using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Tests.Web.Exports;
using Dashboard.Web.Features.Staffing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Staffing;

/// <summary>What the Staffing page shows, written from its view independently of <c>StaffingExports</c>.</summary>
public sealed class StaffingExportCase : DomainExportCase
{
    public override string Source => StaffingIndicators.Source;

    public override IReadOnlyDictionary<string, string?> FixtureSettings { get; } = new Dictionary<string, string?>
    {
        ["Sources:Staffing:Simulator:Headcount"] = "800",
        ["Sources:Staffing:Simulator:AttendanceWorkingDays"] = "5",
    };

    /// <summary>Scopes below the city worth a download of their own.</summary>
    public override IReadOnlyList<string> ScopesBelowTheCity => ["DISDIKBUD"];

    public override async Task<IEnumerable<ExpectedTable>> ExpectedAsync(IServiceProvider services, string scope, CancellationToken ct) =>
        Tables(await services.GetRequiredService<StaffingQueries>().GetAsync(scope, ct));

    private static IEnumerable<ExpectedTable> Tables(StaffingView v)
    {
        yield return new("kehadiran", [.. v.Attendance.Select(r => new object?[] { r.Code, r.Name, r.Headcount, r.Present, r.Late, r.Unexcused, r.AwayOrLeave, r.Sick, r.PresentPct })]);
        yield return new("kedatangan", [.. v.Arrivals.Select(r => new object?[] { r.Label, r.Count })]);
        yield return new("penilaian", [.. v.Ratings.Select(r => new object?[] { r.Label, r.Count })]);
        yield return new("golongan", [.. v.RankGroups.Select((g, i) => new object?[] { g, v.Pns[i], v.Pppk[i] })]);
        yield return new("pensiun", [.. v.Retirements.Select(r => new object?[] { r.Label, r.Count })]);
        yield return new("jabatan", [.. v.Posts.Select(r => new object?[] { r.Code, r.Name, r.Expected, r.Filled, r.Vacant })]);
    }
}
