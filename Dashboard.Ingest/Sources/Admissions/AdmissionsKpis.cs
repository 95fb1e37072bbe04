using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Admissions.AdmissionsIndicators.Codes;

namespace Dashboard.Ingest.Sources.Admissions;

/// <summary>
/// SPMB indicators #39–#43 (docs/DOMAIN.md §10) per day for the kota, its kecamatan and kelurahan, and each school. Seats
/// count where the school stands; verification and children not placed count where the child lives. A day reads the
/// applications of its admission year submitted by its end, each with the status served by then (a later change
/// counts as terdaftar: the contract keeps no status history).
/// </summary>
public sealed class AdmissionsKpis : ISourceKpis
{
    public IReadOnlyList<string> IndicatorCodes { get; } =
        [Codes.ApplicantsPerSeat, Codes.QuotaFilledPct, Codes.VerifiedPct, Codes.NotPlaced, Codes.SeatsLeft];

    public async Task RecomputeAsync(ReportingDbContext db, DateOnly from, DateOnly today, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The series starts with the first submission (a range from today needs nothing). Its time has no index: an application
        // submitted by the end of the range's first day (found at once among the oldest rows) shows the range starts after
        // it, so only a range starting before every submission (a first load) needs the minimum.
        var first = today;
        if (from < today)
        {
            var byFirstDay = from > DateOnly.MinValue ? Wib.StartOf(from.AddDays(1)) : (DateTimeOffset?)null;
            if (byFirstDay is { } end && await db.Set<AdmissionApplication>().AnyAsync(a => a.SubmittedAt < end, ct))
            {
                first = from;
            }
            else
            {
                var firstSubmission = await db.Set<AdmissionApplication>().Select(a => (DateTimeOffset?)a.SubmittedAt).MinAsync(ct);
                first = firstSubmission is { } f && Wib.DateOf(f) < today ? Wib.DateOf(f) : today;
            }
        }
        from = from < first ? first : from > today ? today : from;

        var schools = await db.Set<AdmissionSchool>().AsNoTracking()
            .Select(s => new SchoolFacts(s.Id, s.Level, s.Ownership, s.KelurahanCode, s.QuotaDomisili + s.QuotaAfirmasi + s.QuotaMutasi + s.QuotaPrestasi))
            .ToListAsync(ct);
        // Only the admission years the recomputed days read.
        var firstYear = AdmissionsPayload.AdmissionYear(from);
        var applications = await db.Set<AdmissionApplication>().AsNoTracking()
            .Where(a => a.Year >= firstYear)
            .Select(a => new ApplicationFacts(a.Year, a.FirstChoice, a.ApplicantKey, a.HomeKelurahanCode, a.Status, a.PlacedSchoolId, a.SubmittedAt, a.UpdatedAt))
            .ToListAsync(ct);

        var values = Compute(schools, applications, from, today);
        await IndicatorWriter.ReplaceAsync(db, [.. IndicatorCodes], from, today, values, runId, now, ct);
    }

    public sealed record SchoolFacts(string Npsn, string Level, string Ownership, string? KelurahanCode, int Seats);

    public sealed record ApplicationFacts(
        int Year, string FirstChoice, string ApplicantKey, string? HomeKelurahanCode, string Status, string? PlacedSchoolId,
        DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt);

    public static List<ComputedValue> Compute(
        IReadOnlyList<SchoolFacts> schools, IReadOnlyList<ApplicationFacts> applications, DateOnly from, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(applications);

        // Region 0 is the kota, then the kecamatan and the kelurahan of the reference data.
        var regions = ReferenceData.Regions.Where(r => r.Level != RegionLevel.Kota)
            .Select(r => (r.Code, Kind: r.Level == RegionLevel.Kecamatan ? ScopeKind.Kecamatan : ScopeKind.Kelurahan))
            .Prepend((Code: ReferenceData.KotaCode, Kind: ScopeKind.Kota)).ToArray();
        var regionIndex = regions.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var regionCount = regions.Length;

        // A place's regions: the kota, its kecamatan, its kelurahan (-1 where unknown).
        (int Kec, int Kel) PlaceOf(string? kelurahan) => ReferenceData.IsKelurahan(kelurahan)
            ? (regionIndex[ReferenceData.KecamatanOf(kelurahan)!], regionIndex[kelurahan!])
            : (-1, -1);

        var schoolIndex = schools.Select((s, i) => (s.Npsn, i)).ToDictionary(x => x.Npsn, x => x.i, StringComparer.Ordinal);
        var schoolPlace = schools.Select(s => PlaceOf(s.KelurahanCode)).ToArray();
        var seatsRegion = new int[regionCount];
        for (var i = 0; i < schools.Count; i++)
        {
            AddRegion(seatsRegion, schoolPlace[i], schools[i].Seats);
        }

        var byYear = applications
            .Select(a => new Fact(
                a,
                schoolIndex.TryGetValue(a.FirstChoice, out var s) ? s : -1,
                a.PlacedSchoolId is { } p && schoolIndex.TryGetValue(p, out var q) ? q : -1,
                PlaceOf(a.HomeKelurahanCode)))
            .GroupBy(x => x.App.Year)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.App.SubmittedAt).ToArray());

        var n = schools.Count;
        var appsRegion = new int[regionCount];
        var appsSchool = new int[n];
        var placedRegion = new int[regionCount];
        var placedSchool = new int[n];
        var verifiedRegion = new int[regionCount];
        var activeRegion = new int[regionCount];
        var verifiedSchool = new int[n];
        var activeSchool = new int[n];
        var reRegistered = new int[n];
        var notPlaced = new int[regionCount];
        var children = new Dictionary<string, Child>(StringComparer.Ordinal);
        var values = new List<ComputedValue>();

        for (var day = from; day <= today; day = day.AddDays(1))
        {
            var end = Wib.EndOf(day);
            var year = AdmissionsPayload.AdmissionYear(day);
            Array.Clear(appsRegion);
            Array.Clear(appsSchool);
            Array.Clear(placedRegion);
            Array.Clear(placedSchool);
            Array.Clear(verifiedRegion);
            Array.Clear(activeRegion);
            Array.Clear(verifiedSchool);
            Array.Clear(activeSchool);
            Array.Clear(reRegistered);
            Array.Clear(notPlaced);
            children.Clear();
            var any = false;
            var anyReRegistered = false;

            foreach (var x in byYear.GetValueOrDefault(year) ?? [])
            {
                var a = x.App;
                if (a.SubmittedAt >= end)
                {
                    break;
                }
                any = true;
                var status = a.UpdatedAt < end ? a.Status : AdmissionsPayload.Registered;
                var withdrawn = status == AdmissionsPayload.Withdrawn;
                if (!withdrawn)
                {
                    appsRegion[0]++;
                    activeRegion[0]++;
                    if (x.First >= 0)
                    {
                        appsSchool[x.First]++;
                        activeSchool[x.First]++;
                        AddRegion(appsRegion, schoolPlace[x.First], 1, kota: false);
                    }
                    AddRegion(activeRegion, x.Home, 1, kota: false);
                    if (AdmissionsPayload.Verified(status))
                    {
                        verifiedRegion[0]++;
                        AddRegion(verifiedRegion, x.Home, 1, kota: false);
                        if (x.First >= 0)
                        {
                            verifiedSchool[x.First]++;
                        }
                    }
                }
                var placed = AdmissionsPayload.Placed(status);
                if (placed)
                {
                    placedRegion[0]++;
                    if (x.Placed >= 0)
                    {
                        placedSchool[x.Placed]++;
                        AddRegion(placedRegion, schoolPlace[x.Placed], 1, kota: false);
                    }
                }
                if (status == AdmissionsPayload.ReRegistered)
                {
                    anyReRegistered = true;
                    if (x.Placed >= 0)
                    {
                        reRegistered[x.Placed]++;
                    }
                }

                // Children: placed in a public school, or left out (not accepted, or placed in a private one).
                if (!children.TryGetValue(a.ApplicantKey, out var child))
                {
                    children[a.ApplicantKey] = child = new Child();
                }
                child.Home = x.Home;
                // A placement in a school missing from the register (closed, not yet published) is not held against it.
                var inPublic = placed && (x.Placed < 0 || schools[x.Placed].Ownership == "negeri");
                child.PlacedInPublic |= inPublic;
                child.LeftOut |= status == AdmissionsPayload.NotAccepted || (placed && !inPublic);
            }

            if (!any)
            {
                foreach (var (code, kind) in regions)
                {
                    foreach (var indicator in IndicatorCodes5)
                    {
                        values.Add(new ComputedValue(indicator, kind, code, day, null, null));
                    }
                }
                foreach (var s in schools)
                {
                    foreach (var indicator in SchoolCodes)
                    {
                        values.Add(new ComputedValue(indicator, ScopeKind.School, s.Npsn, day, null, null));
                    }
                }
                continue;
            }

            foreach (var child in children.Values)
            {
                if (child.LeftOut && !child.PlacedInPublic)
                {
                    AddRegion(notPlaced, child.Home, 1);
                }
            }
            var leftRegion = new int[regionCount];
            var left = new int[n];
            for (var i = 0; i < n; i++)
            {
                left[i] = Math.Max(0, schools[i].Seats - reRegistered[i]);
                AddRegion(leftRegion, schoolPlace[i], left[i]);
            }

            for (var r = 0; r < regionCount; r++)
            {
                var (code, kind) = regions[r];
                values.Add(new ComputedValue(Codes.ApplicantsPerSeat, kind, code, day, Ratio(appsRegion[r], seatsRegion[r]), null));
                values.Add(new ComputedValue(Codes.QuotaFilledPct, kind, code, day, Percent(placedRegion[r], seatsRegion[r]), null));
                values.Add(new ComputedValue(Codes.VerifiedPct, kind, code, day, Percent(verifiedRegion[r], activeRegion[r]), null));
                values.Add(new ComputedValue(Codes.NotPlaced, kind, code, day, notPlaced[r], null));
                values.Add(new ComputedValue(Codes.SeatsLeft, kind, code, day, anyReRegistered ? leftRegion[r] : null, null));
            }
            for (var i = 0; i < n; i++)
            {
                var code = schools[i].Npsn;
                values.Add(new ComputedValue(Codes.ApplicantsPerSeat, ScopeKind.School, code, day, Ratio(appsSchool[i], schools[i].Seats), null));
                values.Add(new ComputedValue(Codes.QuotaFilledPct, ScopeKind.School, code, day, Percent(placedSchool[i], schools[i].Seats), null));
                values.Add(new ComputedValue(Codes.VerifiedPct, ScopeKind.School, code, day, Percent(verifiedSchool[i], activeSchool[i]), null));
                values.Add(new ComputedValue(Codes.SeatsLeft, ScopeKind.School, code, day, anyReRegistered ? left[i] : null, null));
            }
        }
        return values;
    }

    private static readonly string[] IndicatorCodes5 =
        [Codes.ApplicantsPerSeat, Codes.QuotaFilledPct, Codes.VerifiedPct, Codes.NotPlaced, Codes.SeatsLeft];

    /// <summary>What a school scope has: not #42, which counts children where they live.</summary>
    private static readonly string[] SchoolCodes = [Codes.ApplicantsPerSeat, Codes.QuotaFilledPct, Codes.VerifiedPct, Codes.SeatsLeft];

    private static void AddRegion(int[] counts, (int Kec, int Kel) place, int amount, bool kota = true)
    {
        if (kota)
        {
            counts[0] += amount;
        }
        if (place.Kec >= 0)
        {
            counts[place.Kec] += amount;
            counts[place.Kel] += amount;
        }
    }

    private static double? Percent(int numerator, int denominator) =>
        denominator == 0 ? null : Math.Round(numerator * 100.0 / denominator, 1);

    private static double? Ratio(int numerator, int denominator) =>
        denominator == 0 ? null : Math.Round(numerator / (double)denominator, 2);

    private sealed record Fact(ApplicationFacts App, int First, int Placed, (int Kec, int Kel) Home);

    private sealed class Child
    {
        public (int Kec, int Kel) Home { get; set; } = (-1, -1);
        public bool PlacedInPublic { get; set; }
        public bool LeftOut { get; set; }
    }
}
