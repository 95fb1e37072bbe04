using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Web.Shared.Export;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Admissions;

/// <summary>
/// SPMB for the head of Disdikbud: the city, a kecamatan or kelurahan (<c>?wilayah=35.73.02</c>) or one school
/// (<c>?sekolah=NPSN</c>), so a link shows the same view. Tiles of #39–#43, applicants against seats per level, the
/// quota filled per route, the status of every application (verification progress), registrations per day with the
/// busiest day, the schools in most demand and the children not placed in a public school by home kelurahan. Live on
/// the source's events, like the other pages: on the busiest registration day it moves with every pull.
/// </summary>
public sealed partial class AdmissionsPage
{
    protected override string Source => AdmissionsIndicators.Source;

    /// <summary>A kecamatan or kelurahan code; empty or unknown is the whole city.</summary>
    [SupplyParameterFromQuery(Name = "wilayah")]
    public string? Wilayah { get; set; }

    /// <summary>A school's NPSN; it wins over <see cref="Wilayah"/>.</summary>
    [SupplyParameterFromQuery(Name = "sekolah")]
    public string? Sekolah { get; set; }

    [Inject]
    private AdmissionsQueries Queries { get; set; } = default!;

    private static IReadOnlyList<Region> Kecamatan { get; } = ReferenceData.Kecamatan;

    protected override DomainExport<(string? Region, string? School), AdmissionsView> Exports => AdmissionsExports.Page;

    protected override (string? Region, string? School) CurrentScope() => (Wilayah, Sekolah);

    protected override Task<AdmissionsView> LoadAsync((string? Region, string? School) scope, CancellationToken ct) => Queries.GetAsync(scope.Region, scope.School, ct);

    private bool IsSelected(string kecamatan) =>
        View is not null && View.Trail.Count > 1 && View.Trail[1].Code == kecamatan;

    private static string RegionHref(string code) => AdmissionsDomain.Descriptor.Href(code);

    private static string SchoolHref(string npsn) => $"{AdmissionsDomain.Route}?sekolah={Uri.EscapeDataString(npsn)}";

    /// <summary>A route's display name; one outside the contract shows as the source sent it.</summary>
    private string RouteName(string route)
    {
        var name = L["admissions.route." + route];
        return name.ResourceNotFound ? route : name.Value;
    }

    private string StatusName(string status)
    {
        var name = L["admissions.status." + status];
        return name.ResourceNotFound ? status : name.Value;
    }

    private string Season() => View!.BusiestDay is { } busiest
        ? View.SeasonOver && View.Season is { } season
            // Past the season: its summary, said to be one, and today's between-season transfers apart.
            ? L["admissions.season.over", View.Year, Format.Date(season.From), Format.Date(season.To), Format.Date(busiest.Day),
                Format.Count(busiest.Count), Format.Count(View.Today)].Value
            : L["admissions.season", Format.Date(busiest.Day), Format.Count(busiest.Count), Format.Count(View.Today)].Value
        : L["admissions.season.none"].Value;
}
