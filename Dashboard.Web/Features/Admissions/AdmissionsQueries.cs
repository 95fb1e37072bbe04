using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Web.Shared.Scope;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Admissions.AdmissionsIndicators.Codes;

namespace Dashboard.Web.Features.Admissions;

/// <summary>
/// Applicants (first choice) against seats of one level, and the level's children not placed in a public school beside
/// its seats still free: a child finishing TK cannot take a seat left in an SMP, so the two are only compared per level.
/// </summary>
public sealed record AdmissionsLevelRow(string Level, int Applicants, int Seats, int NotPlaced = 0, int SeatsLeft = 0);

/// <summary>One route's quota and the seats taken on it (accepted or re-registered).</summary>
public sealed record AdmissionsRouteRow(string Route, int Quota, int Placed);

/// <summary>A count with its label (a status, a day).</summary>
public sealed record AdmissionsCount(string Label, int Count);

/// <summary>One school's demand and seats in the admission year.</summary>
public sealed record AdmissionsSchoolRow(
    string Npsn, string Name, string Level, string Ownership, int Seats, int Applicants, double? ApplicantsPerSeat, int Placed,
    double? FilledPct, int SeatsLeft);

/// <summary>Children living in one kelurahan: applied, and not placed in a public school.</summary>
public sealed record AdmissionsHomeRow(string Code, string Name, int Children, int NotPlaced);

/// <summary>Everything the SPMB page shows for the city, a region or a school.</summary>
public sealed record AdmissionsView : Dashboard.Web.Shared.Live.IDomainView
{
    /// <summary>A region code, or an NPSN when <see cref="IsSchool"/>.</summary>
    public required string Scope { get; init; }
    public required bool IsSchool { get; init; }
    public required IReadOnlyList<ScopeStep> Trail { get; init; }
    public required int Year { get; init; }
    public required IReadOnlyList<KpiTileModel> Tiles { get; init; }
    public required IReadOnlyList<AdmissionsLevelRow> Levels { get; init; }
    public required IReadOnlyList<AdmissionsRouteRow> Routes { get; init; }

    /// <summary>Applications per registration day of the year (days with none left out).</summary>
    public required IReadOnlyList<(DateOnly Day, int Count)> Days { get; init; }

    /// <summary>The day with the most registrations, with its count; null before the first.</summary>
    public (DateOnly Day, int Count)? BusiestDay { get; init; }

    /// <summary>
    /// The season's registration period: the first to the last day with at least <see cref="AdmissionsQueries.SeasonShare"/>
    /// of the busiest day's registrations (transfers that trickle in later are not the season); null before the first.
    /// </summary>
    public (DateOnly From, DateOnly To)? Season { get; init; }

    /// <summary>True when today is past the season's registration period: the page shows that season's summary.</summary>
    public bool SeasonOver { get; init; }

    /// <summary>The registration days of the season (<see cref="Season"/>), for the chart: not the months of transfers after it.</summary>
    public IReadOnlyList<(DateOnly Day, int Count)> SeasonDays =>
        Season is { } season ? [.. Days.Where(d => d.Day >= season.From && d.Day <= season.To)] : Days;
    public required int Today { get; init; }
    public required IReadOnlyList<AdmissionsCount> Statuses { get; init; }
    public required IReadOnlyList<AdmissionsSchoolRow> Schools { get; init; }
    public required int SchoolCount { get; init; }
    public required IReadOnlyList<AdmissionsHomeRow> NotPlaced { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public bool IsRunning { get; init; }
}

/// <summary>
/// Read side of the SPMB page. Tiles are the indicators ingest computed; the breakdowns (levels, routes, registration
/// days, statuses, schools, children not placed) are grouped here from the stored rows of today's admission year, which
/// hold no personal data (the applicant is a keyed hash). Seats count where the school stands, children where they live.
/// </summary>
public sealed class AdmissionsQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    /// <summary>Schools listed on the page, highest demand first.</summary>
    public const int SchoolRows = 25;

    /// <summary>A day belongs to the registration season when it has at least this share of the busiest day's registrations.</summary>
    public const double SeasonShare = 0.05;

    public async Task<AdmissionsView> GetAsync(string? regionCode, string? npsn, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = Wib.DateOf(now);
        var year = AdmissionsPayload.AdmissionYear(today);
        await using var db = await factory.CreateDbContextAsync(ct);

        var schools = await db.Set<AdmissionSchool>().AsNoTracking()
            .Select(s => new SchoolFacts(s.Id, s.Name, s.Level, s.Ownership, s.KelurahanCode, s.QuotaDomisili, s.QuotaAfirmasi, s.QuotaMutasi, s.QuotaPrestasi))
            .ToListAsync(ct);
        var school = npsn is null ? null : schools.FirstOrDefault(s => s.Id == npsn);
        var region = school is not null ? RegionScope.Resolve(school.KelurahanCode) : RegionScope.Resolve(regionCode);
        var scope = school?.Id ?? region.Code;

        var tiles = await KpiTileLoader.LoadAsync(db, scope, AdmissionsIndicators.Source, now, ct);
        if (school is not null)
        {
            // Children not placed count where they live, not per school.
            tiles = [.. tiles.Where(t => t.Code != Codes.NotPlaced)];
        }

        var applications = await db.Set<AdmissionApplication>().AsNoTracking()
            .Where(a => a.Year == year)
            .Select(a => new { a.Level, a.Route, a.FirstChoice, a.ApplicantKey, a.HomeKelurahanCode, a.Status, a.PlacedSchoolId, a.SubmittedAt })
            .ToListAsync(ct);

        bool InRegion(string? kelurahan) => region.Level switch
        {
            RegionLevel.Kota => true,
            RegionLevel.Kecamatan => kelurahan is not null && kelurahan.StartsWith(region.Code + ".", StringComparison.Ordinal),
            _ => kelurahan == region.Code,
        };
        var scopedSchools = schools.Where(s => school is not null ? s.Id == school.Id : InRegion(s.KelurahanCode)).ToList();
        var scopedIds = scopedSchools.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var all = school is null && region.Level == RegionLevel.Kota;
        var chosen = applications.Where(a => all || scopedIds.Contains(a.FirstChoice)).ToList();
        var active = chosen.Where(a => a.Status != AdmissionsPayload.Withdrawn).ToList();
        var placed = applications.Where(a => AdmissionsPayload.Placed(a.Status) && (all || (a.PlacedSchoolId is { } p && scopedIds.Contains(p)))).ToList();

        var levelsWithoutSplit = AdmissionsPayload.LevelOrder
            .Select(l => new AdmissionsLevelRow(l, active.Count(a => a.Level == l), scopedSchools.Where(s => s.Level == l).Sum(s => s.Seats)))
            .Where(r => r.Seats > 0 || r.Applicants > 0)
            .ToList();
        var routes = AdmissionsPayload.RouteOrder
            .Select(r => new AdmissionsRouteRow(r, scopedSchools.Sum(s => s.Quota(r)),
                placed.Count(a => a.Route == r)))
            .Where(r => r.Quota > 0 || r.Placed > 0)
            .ToList();
        var days = chosen.GroupBy(a => Wib.DateOf(a.SubmittedAt)).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        (DateOnly, int)? busiest = days.Count == 0 ? null : days.MaxBy(d => d.Item2);
        (DateOnly From, DateOnly To)? season = null;
        if (busiest is { } peak)
        {
            // At least two a day: a single transfer is never the season (and the busiest day always is).
            var seasonDays = days.Where(d => d.Item2 >= Math.Min(peak.Item2, Math.Max(2, peak.Item2 * SeasonShare))).Select(d => d.Key).ToList();
            season = (seasonDays[0], seasonDays[^1]);
        }
        var statuses = AdmissionsPayload.StatusOrder.Concat(chosen.Select(a => a.Status).Where(s => !AdmissionsPayload.Statuses.Contains(s)).Distinct())
            .Select(s => new AdmissionsCount(s, chosen.Count(a => a.Status == s)))
            .ToList();

        var applicantsBySchool = applications.Where(a => a.Status != AdmissionsPayload.Withdrawn)
            .GroupBy(a => a.FirstChoice).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var placedBySchool = applications.Where(a => AdmissionsPayload.Placed(a.Status) && a.PlacedSchoolId is not null)
            .GroupBy(a => a.PlacedSchoolId!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var reRegisteredBySchool = applications.Where(a => a.Status == AdmissionsPayload.ReRegistered && a.PlacedSchoolId is not null)
            .GroupBy(a => a.PlacedSchoolId!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var schoolRows = scopedSchools.Select(s =>
            {
                var seats = s.Seats;
                var applicants = applicantsBySchool.GetValueOrDefault(s.Id);
                var taken = placedBySchool.GetValueOrDefault(s.Id);
                return new AdmissionsSchoolRow(s.Id, s.Name, s.Level, s.Ownership, seats, applicants,
                    seats == 0 ? null : Math.Round(applicants / (double)seats, 2), taken,
                    seats == 0 ? null : Math.Round(taken * 100.0 / seats, 1), Math.Max(0, seats - reRegisteredBySchool.GetValueOrDefault(s.Id)));
            })
            .OrderByDescending(r => r.ApplicantsPerSeat ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(SchoolRows)
            .ToList();

        // Children (keyed hash of the NIK) by the home kelurahan of their latest application.
        var publicSchools = schools.Where(s => s.Ownership == "negeri").Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var known = schools.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var children = applications.GroupBy(a => a.ApplicantKey).Select(g =>
        {
            var inPublic = g.Any(a => AdmissionsPayload.Placed(a.Status) && (a.PlacedSchoolId is not { } p || !known.Contains(p) || publicSchools.Contains(p)));
            var leftOut = g.Any(a => a.Status == AdmissionsPayload.NotAccepted ||
                                     (AdmissionsPayload.Placed(a.Status) && a.PlacedSchoolId is { } p && known.Contains(p) && !publicSchools.Contains(p)));
            var latest = g.MaxBy(a => a.SubmittedAt)!;
            return (Home: latest.HomeKelurahanCode, latest.Level, NotPlaced: leftOut && !inPublic);
        }).Where(c => c.Home is not null && InRegion(c.Home)).ToList();
        var levels = levelsWithoutSplit.Select(r => r with
        {
            NotPlaced = children.Count(c => c.NotPlaced && c.Level == r.Level),
            SeatsLeft = scopedSchools.Where(s => s.Level == r.Level).Sum(s => Math.Max(0, s.Seats - reRegisteredBySchool.GetValueOrDefault(s.Id))),
        }).ToList();
        var names = ReferenceData.Kelurahan.ToDictionary(k => k.Code, k => k.Name, StringComparer.Ordinal);
        var notPlaced = school is not null
            ? []
            : children.GroupBy(c => c.Home!)
                .Select(g => new AdmissionsHomeRow(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count(), g.Count(c => c.NotPlaced)))
                .Where(r => r.NotPlaced > 0)
                .OrderByDescending(r => r.NotPlaced).ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList();

        return new AdmissionsView
        {
            Scope = scope,
            IsSchool = school is not null,
            Trail = school is null ? RegionScope.Trail(region) : [.. RegionScope.Trail(region), new ScopeStep(school.Id, school.Name)],
            Year = year,
            Tiles = tiles,
            Levels = levels,
            Routes = routes,
            Days = days,
            BusiestDay = busiest,
            Season = season,
            SeasonOver = season is { } s && today > s.To,
            Today = chosen.Count(a => Wib.DateOf(a.SubmittedAt) == today),
            Statuses = statuses,
            Schools = schoolRows,
            SchoolCount = scopedSchools.Count,
            NotPlaced = notPlaced,
            LastSuccessAt = tiles.Count > 0 ? tiles[0].LastSuccessAt : null,
            IsRunning = tiles.Count > 0 && tiles[0].IsRunning,
        };
    }

    private sealed record SchoolFacts(
        string Id, string Name, string Level, string Ownership, string? KelurahanCode, int Domisili, int Afirmasi, int Mutasi, int Prestasi)
    {
        public int Seats => Domisili + Afirmasi + Mutasi + Prestasi;

        public int Quota(string route) => route switch
        {
            "domisili" => Domisili,
            "afirmasi" => Afirmasi,
            "mutasi" => Mutasi,
            "prestasi" => Prestasi,
            _ => 0,
        };
    }

}
