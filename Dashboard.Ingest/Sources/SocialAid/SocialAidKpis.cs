using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.SocialAid.SocialAidIndicators.Codes;

namespace Dashboard.Ingest.Sources.SocialAid;

/// <summary>
/// Social aid indicators #31–#38 (docs/DOMAIN.md §10) per day for the kota, each kecamatan and each kelurahan.
/// Disbursements reach a region through their family (the pseudonymised registry id). The registry has no
/// history in the contract: the family figures of a recomputed day are the register as stored (a day keeps the
/// values it had when it was last recomputed); disbursements and graduations carry their own times.
/// </summary>
public sealed class SocialAidKpis : ISourceKpis
{
    public IReadOnlyList<string> IndicatorCodes { get; } =
    [
        Codes.Recipients, Codes.DisbursedPct, Codes.Failed, Codes.PoorestFamilies, Codes.PoorestCoveragePct,
        Codes.InclusionError, Codes.VervalPct, Codes.Graduated,
    ];

    public async Task RecomputeAsync(ReportingDbContext db, DateOnly from, DateOnly today, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var families = await db.Set<SocialAidFamily>().AsNoTracking()
            .Select(f => new FamilyFacts(f.Id, f.KelurahanCode, f.Desil, f.Programs, f.Status, f.VervalStatus, f.GraduatedAt))
            .ToListAsync(ct);
        from = from > today ? today : from;
        var disbursements = await StagesFromAsync(db, from, ct);

        // The series starts with the first payment (or today): before it there is nothing the register could be compared with.
        var first = today;
        foreach (var d in disbursements)
        {
            var day = Wib.DateOf(d.DisbursedAt is { } paid && paid < d.UpdatedAt ? paid : d.UpdatedAt);
            if (day < first)
            {
                first = day;
            }
        }
        from = from < first ? first : from;

        var values = Compute(families, disbursements, from, today);
        await IndicatorWriter.ReplaceAsync(db, [.. IndicatorCodes], from, today, values, runId, now, ct);
    }

    /// <summary>
    /// The disbursements of the stages the days from <paramref name="from"/> on can show: each stage newer than the newest
    /// one whose payments had started by then, and that one. An older stage is never the current one on those days (a
    /// newer one had started), so it is not read. The stage names come one at a time through the stage index (the greatest
    /// name below the last: a handful of seeks a year), then each stage is read whole (its allocation), newest first in
    /// <see cref="AidStage"/> order (not the names' for tahap 10–12), until that stage. When a stage had started by
    /// <paramref name="from"/>, so had the series (its first payment is no later); otherwise every row is read, so the
    /// first payment is found as over the whole table.
    /// </summary>
    public static async Task<List<DisbursementFacts>> StagesFromAsync(ReportingDbContext db, DateOnly from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = db.Set<SocialAidDisbursement>().AsNoTracking();
        var names = new List<(AidStage Stage, string Name)>();
        var unparsed = new List<string>();
        string? below = null;
        while (true)
        {
            var query = set.Select(d => d.Stage);
            if (below is not null)
            {
                var bound = below;
                query = query.Where(s => string.Compare(s, bound) < 0);
            }
            var name = await query.OrderByDescending(s => s).FirstOrDefaultAsync(ct);
            if (name is null)
            {
                break;
            }
            if (AidStage.TryParse(name, out var stage))
            {
                names.Add((stage, name));
            }
            else
            {
                unparsed.Add(name);
            }
            below = name;
        }

        var disbursements = new List<DisbursementFacts>();
        foreach (var (_, name) in names.OrderByDescending(n => n.Stage))
        {
            var rows = await StageAsync(set, name, ct);
            disbursements.AddRange(rows);
            if (rows.Any(d => EventDay(d) is { } day && day <= from.DayNumber))
            {
                return disbursements;
            }
        }
        // No stage had started by then: every row counts for the series' first day, even one of a stage no one can name
        // (the mapper quarantines those, so there are none).
        foreach (var name in unparsed)
        {
            disbursements.AddRange(await StageAsync(set, name, ct));
        }
        return disbursements;
    }

    private static Task<List<DisbursementFacts>> StageAsync(IQueryable<SocialAidDisbursement> set, string name, CancellationToken ct) =>
        set.Where(d => d.Stage == name)
            .Select(d => new DisbursementFacts(d.FamilyKey, d.Stage, d.Status, d.DisbursedAt, d.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>The day a disbursement was paid or failed (what starts its stage and counts on its day); null while planned.</summary>
    private static int? EventDay(DisbursementFacts d) => d.Status switch
    {
        "tersalur" when d.DisbursedAt is { } paid => Wib.DateOf(paid).DayNumber,
        "gagal" => Wib.DateOf(d.UpdatedAt).DayNumber,
        _ => null,
    };

    public sealed record FamilyFacts(
        string Key, string? KelurahanCode, int Desil, string Programs, string Status, string VervalStatus, DateTimeOffset? GraduatedAt);

    public sealed record DisbursementFacts(string FamilyKey, string Stage, string Status, DateTimeOffset? DisbursedAt, DateTimeOffset UpdatedAt);

    /// <summary>Scope 0 is the kota, then the kecamatan, then the kelurahan of the reference data.</summary>
    public static IReadOnlyList<Region> Scopes { get; } =
    [
        .. ReferenceData.Regions.Where(r => r.Level == RegionLevel.Kota),
        .. ReferenceData.Kecamatan,
        .. ReferenceData.Kelurahan,
    ];

    public static List<ComputedValue> Compute(
        IReadOnlyList<FamilyFacts> families, IReadOnlyList<DisbursementFacts> disbursements, DateOnly from, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(disbursements);
        var scopes = Scopes.Count;
        var indexOf = Scopes.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        (int Kecamatan, int Kelurahan) ScopesOf(string? kelurahan) =>
            kelurahan is not null && indexOf.TryGetValue(kelurahan, out var kel) ? (indexOf[ReferenceData.KecamatanOf(kelurahan)!], kel) : (-1, -1);

        // The register as stored.
        var all = new int[scopes];
        var registered = new int[scopes];
        var recipients = new int[scopes];
        var poorest = new int[scopes];
        var poorestCovered = new int[scopes];
        var inclusion = new int[scopes];
        var verified = new int[scopes];
        var graduations = new List<(int Day, int Kecamatan, int Kelurahan)>();
        var regionOf = new Dictionary<string, (int Kecamatan, int Kelurahan)>(families.Count, StringComparer.Ordinal);
        foreach (var f in families)
        {
            var (kec, kel) = ScopesOf(f.KelurahanCode);
            regionOf[f.Key] = (kec, kel);
            var recipient = SocialAidPayload.IsRecipient(f.Status, f.Programs);
            Add(all, kec, kel);
            if (SocialAidPayload.Verified(f.VervalStatus))
            {
                Add(verified, kec, kel);
            }
            if (recipient)
            {
                Add(recipients, kec, kel);
                if (f.Desil >= SocialAidPayload.InclusionErrorDesil)
                {
                    Add(inclusion, kec, kel);
                }
            }
            if (SocialAidPayload.InRegistry(f.Status))
            {
                Add(registered, kec, kel);
                if (f.Desil <= SocialAidPayload.PoorestDesil)
                {
                    Add(poorest, kec, kel);
                    if (recipient)
                    {
                        Add(poorestCovered, kec, kel);
                    }
                }
            }
            if (f.Status == "graduasi" && f.GraduatedAt is { } graduatedAt)
            {
                graduations.Add((Wib.DateOf(graduatedAt).DayNumber, kec, kel));
            }
        }

        // Disbursements per stage: the allocation per scope, and when each was paid or failed.
        var stages = new Dictionary<AidStage, StageFacts>();
        foreach (var d in disbursements)
        {
            if (!AidStage.TryParse(d.Stage, out var stage))
            {
                continue;
            }
            if (!stages.TryGetValue(stage, out var facts))
            {
                stages[stage] = facts = new StageFacts(scopes);
            }
            var (kec, kel) = regionOf.GetValueOrDefault(d.FamilyKey, (-1, -1));
            Add(facts.Allocated, kec, kel);
            if (EventDay(d) is { } day)
            {
                facts.Events.Add(new StageEvent(day, d.Status == "tersalur", kec, kel));
                facts.Started = Math.Min(facts.Started, day);
            }
        }
        var ordered = stages.OrderBy(s => s.Key).ToList();
        foreach (var (_, facts) in ordered)
        {
            facts.Events.Sort((a, b) => a.Day.CompareTo(b.Day));
        }

        var values = new List<ComputedValue>((today.DayNumber - from.DayNumber + 1) * scopes * 8);
        var graduated = new int[scopes];
        var paidSoFar = new int[scopes];
        var failedSoFar = new int[scopes];
        StageFacts? current = null;
        AidStage currentStage = default;
        var next = 0;
        for (var date = from; date <= today; date = date.AddDays(1))
        {
            var day = date.DayNumber;
            var yearStart = new DateOnly(date.Year, 1, 1).DayNumber;
            Array.Clear(graduated);
            foreach (var g in graduations)
            {
                if (g.Day >= yearStart && g.Day <= day)
                {
                    Add(graduated, g.Kecamatan, g.Kelurahan);
                }
            }

            // The current stage: the latest one whose payments had started by this day.
            var latest = current;
            var latestStage = currentStage;
            foreach (var (stage, facts) in ordered)
            {
                if (facts.Started <= day && (latest is null || stage > latestStage))
                {
                    latest = facts;
                    latestStage = stage;
                }
            }
            if (!ReferenceEquals(latest, current))
            {
                current = latest;
                currentStage = latestStage;
                Array.Clear(paidSoFar);
                Array.Clear(failedSoFar);
                next = 0;
            }
            if (current is not null)
            {
                for (; next < current.Events.Count && current.Events[next].Day <= day; next++)
                {
                    var e = current.Events[next];
                    Add(e.Paid ? paidSoFar : failedSoFar, e.Kecamatan, e.Kelurahan);
                }
            }
            var label = current is null ? null : currentStage.ToString();

            for (var s = 0; s < scopes; s++)
            {
                var region = Scopes[s];
                var kind = region.Level switch
                {
                    RegionLevel.Kota => ScopeKind.Kota,
                    RegionLevel.Kecamatan => ScopeKind.Kecamatan,
                    _ => ScopeKind.Kelurahan,
                };
                void Put(string code, double? value, string? text = null) => values.Add(new ComputedValue(code, kind, region.Code, date, value, text));

                Put(Codes.Recipients, recipients[s]);
                var allocated = current?.Allocated[s] ?? 0;
                Put(Codes.DisbursedPct, allocated == 0 ? null : Percent(paidSoFar[s], allocated), allocated == 0 ? null : label);
                Put(Codes.Failed, allocated == 0 ? null : failedSoFar[s], allocated == 0 ? null : label);
                Put(Codes.PoorestFamilies, poorest[s]);
                Put(Codes.PoorestCoveragePct, poorest[s] == 0 ? null : Percent(poorestCovered[s], poorest[s]));
                Put(Codes.InclusionError, inclusion[s]);
                Put(Codes.VervalPct, all[s] == 0 ? null : Percent(verified[s], all[s]));
                Put(Codes.Graduated, graduated[s]);
            }
        }
        return values;
    }

    private static void Add(int[] counts, int kecamatan, int kelurahan)
    {
        counts[0]++;
        if (kecamatan > 0)
        {
            counts[kecamatan]++;
        }
        if (kelurahan > 0)
        {
            counts[kelurahan]++;
        }
    }

    private static double Percent(int numerator, int denominator) => Math.Round(numerator * 100.0 / denominator, 1);

    private sealed class StageFacts(int scopes)
    {
        public int[] Allocated { get; } = new int[scopes];
        public List<StageEvent> Events { get; } = [];
        public int Started { get; set; } = int.MaxValue;
    }

    private readonly record struct StageEvent(int Day, bool Paid, int Kecamatan, int Kelurahan);
}
