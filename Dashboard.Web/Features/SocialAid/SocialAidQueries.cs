using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Web.Shared.Scope;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.SocialAid.SocialAidIndicators.Codes;

namespace Dashboard.Web.Features.SocialAid;

/// <summary>Beneficiary families per programme in one region (a bar of the programme chart, a row of the table).</summary>
/// <param name="PerProgram">Recipients per programme, in <see cref="AidView.Programs"/> order.</param>
public sealed record AidRegionRow(
    string Code, string Name, int Recipients, IReadOnlyList<int> PerProgram, int Poorest, double? CoveragePct,
    double? VervalPct, double? DisbursedPct, int Failed, int Graduated);

/// <summary>A programme's payments in the current tahap, by status.</summary>
public sealed record AidProgramProgress(string Program, int Scheduled, int Disbursed, int Failed, long AmountDisbursed)
{
    public int Allocated => Scheduled + Disbursed + Failed;
}

/// <summary>One tahap's payments in scope (all programmes).</summary>
public sealed record AidStageRow(string Stage, int Allocated, int Disbursed, int Failed, double? DisbursedPct, long AmountDisbursed);

/// <summary>A label and a count.</summary>
public sealed record AidCount(string Label, int Count);

/// <summary>Everything the social aid page shows for the city or one region.</summary>
public sealed record AidView : Dashboard.Web.Shared.Live.IDomainView
{
    public required Region Scope { get; init; }
    public required IReadOnlyList<ScopeStep> Trail { get; init; }
    public required IReadOnlyList<KpiTileModel> Tiles { get; init; }

    /// <summary>The programmes shown (contract order, then unknown ones the source sent).</summary>
    public required IReadOnlyList<string> Programs { get; init; }

    /// <summary>The regions one level below the scope (kecamatan of the city, kelurahan of a kecamatan), or the kelurahan itself.</summary>
    public required IReadOnlyList<AidRegionRow> Regions { get; init; }

    /// <summary>The current tahap (the one the disbursement tile is about), or null before any payment.</summary>
    public string? Stage { get; init; }
    public required IReadOnlyList<AidProgramProgress> Progress { get; init; }

    /// <summary>Failures of the current tahap by reason (most first); a missing reason is an empty label.</summary>
    public required IReadOnlyList<AidCount> FailureReasons { get; init; }

    /// <summary>The latest tahap in scope, newest first.</summary>
    public required IReadOnlyList<AidStageRow> Stages { get; init; }

    /// <summary>Registered families (not nonaktif) per desil 1–10: recipients and the rest.</summary>
    public required IReadOnlyList<int> DesilRecipients { get; init; }
    public required IReadOnlyList<int> DesilOthers { get; init; }

    /// <summary>Families by verval status: belum, layak, tidak_layak.</summary>
    public required IReadOnlyList<AidCount> Verval { get; init; }

    /// <summary>Graduations per month over the last 12 months, this month last (yyyy-MM).</summary>
    public required IReadOnlyList<AidCount> Graduations { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public bool IsRunning { get; init; }
}

/// <summary>
/// Read side of the social aid page. Tiles are the indicators ingest computed; the breakdowns are aggregated in the
/// database from the stored rows (families and payments carry no personal data) and joined to regions through the
/// family key. One short-lived DbContext per call, read-only projections.
/// </summary>
public sealed class SocialAidQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    private static readonly string[] VervalOrder = ["belum", "layak", "tidak_layak"];

    /// <summary>Tahap rows in the stage table.</summary>
    public const int StageRows = 6;

    public async Task<AidView> GetAsync(string? scopeCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = Wib.DateOf(now);
        var scope = RegionScope.Resolve(scopeCode);
        await using var db = await factory.CreateDbContextAsync(ct);
        var tiles = await KpiTileLoader.LoadAsync(db, scope.Code, SocialAidIndicators.Source, now, ct);

        var families = await db.Set<SocialAidFamily>().AsNoTracking()
            .GroupBy(f => new { f.KelurahanCode, f.Desil, f.Programs, f.Status, f.VervalStatus })
            .Select(g => new FamilyGroup(g.Key.KelurahanCode, g.Key.Desil, g.Key.Programs, g.Key.Status, g.Key.VervalStatus, g.Count()))
            .ToListAsync(ct);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var since = Wib.StartOf(new DateOnly(today.Year, 1, 1) < firstMonth ? new DateOnly(today.Year, 1, 1) : firstMonth);
        var graduations = await db.Set<SocialAidFamily>().AsNoTracking()
            .Where(f => f.Status == "graduasi" && f.GraduatedAt != null && f.GraduatedAt >= since)
            .Select(f => new { f.KelurahanCode, f.GraduatedAt })
            .ToListAsync(ct);
        var payments = await (
                from d in db.Set<SocialAidDisbursement>().AsNoTracking()
                join f in db.Set<SocialAidFamily>().AsNoTracking() on d.FamilyKey equals f.Id into owners
                from f in owners.DefaultIfEmpty()
                group d by new { d.Stage, d.Program, d.Status, d.FailureReason, Kelurahan = f == null ? null : f.KelurahanCode } into g
                select new PaymentGroup(g.Key.Stage, g.Key.Program, g.Key.Status, g.Key.FailureReason, g.Key.Kelurahan, g.Count(), g.Sum(x => x.Amount)))
            .ToListAsync(ct);

        var programs = SocialAidPayload.ProgramOrder
            .Concat(families.SelectMany(f => SocialAidPayload.ProgramsOf(f.Programs)).Where(p => !SocialAidPayload.Programs.Contains(p)).Distinct().Order(StringComparer.Ordinal))
            .ToList();
        var stage = tiles.FirstOrDefault(t => t.Code == Codes.DisbursedPct)?.Label
                    ?? payments.Select(p => p.Stage).Where(s => AidStage.TryParse(s, out _)).OrderByDescending(Key).FirstOrDefault();

        var inScope = families.Where(f => Contains(scope, f.Kelurahan)).ToList();
        var paymentsInScope = payments.Where(p => Contains(scope, p.Kelurahan)).ToList();
        var current = paymentsInScope.Where(p => p.Stage == stage).ToList();
        var progress = programs
            .Select(program => new AidProgramProgress(program,
                current.Where(p => p.Program == program && p.Status == "dijadwalkan").Sum(p => p.Count),
                current.Where(p => p.Program == program && p.Status == "tersalur").Sum(p => p.Count),
                current.Where(p => p.Program == program && p.Status == "gagal").Sum(p => p.Count),
                current.Where(p => p.Program == program && p.Status == "tersalur").Sum(p => p.Amount)))
            .Where(p => p.Allocated > 0)
            .ToList();
        var reasons = current.Where(p => p.Status == "gagal")
            .GroupBy(p => p.FailureReason ?? "")
            .Select(g => new AidCount(g.Key, g.Sum(p => p.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToList();
        var stages = paymentsInScope.GroupBy(p => p.Stage)
            .Where(g => AidStage.TryParse(g.Key, out _))
            .OrderByDescending(g => Key(g.Key))
            .Take(StageRows)
            .Select(g =>
            {
                var allocated = g.Sum(p => p.Count);
                var disbursed = g.Where(p => p.Status == "tersalur").Sum(p => p.Count);
                return new AidStageRow(g.Key, allocated, disbursed, g.Where(p => p.Status == "gagal").Sum(p => p.Count),
                    allocated == 0 ? null : Math.Round(disbursed * 100.0 / allocated, 1), g.Where(p => p.Status == "tersalur").Sum(p => p.Amount));
            })
            .ToList();

        var registered = inScope.Where(f => SocialAidPayload.InRegistry(f.Status)).ToList();
        var desilRecipients = Enumerable.Range(1, 10)
            .Select(d => registered.Where(f => f.Desil == d && SocialAidPayload.IsRecipient(f.Status, f.Programs)).Sum(f => f.Count)).ToList();
        var desilOthers = Enumerable.Range(1, 10)
            .Select(d => registered.Where(f => f.Desil == d && !SocialAidPayload.IsRecipient(f.Status, f.Programs)).Sum(f => f.Count)).ToList();
        var verval = VervalOrder
            .Select(v => new AidCount(v, inScope.Where(f => f.Verval == v).Sum(f => f.Count))).ToList();
        var months = Enumerable.Range(0, 12).Select(firstMonth.AddMonths)
            .Select(m => new AidCount($"{m.Year:D4}-{m.Month:D2}", graduations.Count(g =>
                Contains(scope, g.KelurahanCode) && Wib.DateOf(g.GraduatedAt!.Value) is var day && day.Month == m.Month && day.Year == m.Year && day <= today)))
            .ToList();

        var children = scope.Level switch
        {
            RegionLevel.Kota => ReferenceData.Kecamatan,
            RegionLevel.Kecamatan => [.. ReferenceData.Kelurahan.Where(k => k.ParentCode == scope.Code)],
            _ => [scope],
        };
        var rows = children.Select(region => RegionRow(region, programs, families, graduations.Select(g => (g.KelurahanCode, g.GraduatedAt!.Value)), payments, stage, today))
            .ToList();

        return new AidView
        {
            Scope = scope,
            Trail = RegionScope.Trail(scope),
            Tiles = tiles,
            Programs = programs,
            Regions = rows,
            Stage = stage,
            Progress = progress,
            FailureReasons = reasons,
            Stages = stages,
            DesilRecipients = desilRecipients,
            DesilOthers = desilOthers,
            Verval = verval,
            Graduations = months,
            LastSuccessAt = tiles.Count > 0 ? tiles[0].LastSuccessAt : null,
            IsRunning = tiles.Count > 0 && tiles[0].IsRunning,
        };
    }

    private static AidRegionRow RegionRow(
        Region region, IReadOnlyList<string> programs, IReadOnlyList<FamilyGroup> families,
        IEnumerable<(string? Kelurahan, DateTimeOffset At)> graduations, IReadOnlyList<PaymentGroup> payments, string? stage, DateOnly today)
    {
        var mine = families.Where(f => Contains(region, f.Kelurahan)).ToList();
        var recipients = mine.Where(f => SocialAidPayload.IsRecipient(f.Status, f.Programs)).ToList();
        var poorest = mine.Where(f => SocialAidPayload.InRegistry(f.Status) && f.Desil <= SocialAidPayload.PoorestDesil).ToList();
        var all = mine.Sum(f => f.Count);
        var current = payments.Where(p => p.Stage == stage && Contains(region, p.Kelurahan)).ToList();
        var allocated = current.Sum(p => p.Count);
        var poorestCount = poorest.Sum(f => f.Count);
        return new AidRegionRow(
            region.Code,
            region.Name,
            recipients.Sum(f => f.Count),
            [.. programs.Select(p => recipients.Where(f => SocialAidPayload.ProgramsOf(f.Programs).Contains(p)).Sum(f => f.Count))],
            poorestCount,
            poorestCount == 0 ? null : Math.Round(poorest.Where(f => SocialAidPayload.IsRecipient(f.Status, f.Programs)).Sum(f => f.Count) * 100.0 / poorestCount, 1),
            all == 0 ? null : Math.Round(mine.Where(f => SocialAidPayload.Verified(f.Verval)).Sum(f => f.Count) * 100.0 / all, 1),
            allocated == 0 ? null : Math.Round(current.Where(p => p.Status == "tersalur").Sum(p => p.Count) * 100.0 / allocated, 1),
            current.Where(p => p.Status == "gagal").Sum(p => p.Count),
            graduations.Count(g => Contains(region, g.Kelurahan) && Wib.DateOf(g.At) is var day && day.Year == today.Year && day <= today));
    }

    private static AidStage Key(string stage) => AidStage.TryParse(stage, out var s) ? s : default;

    private static bool Contains(Region scope, string? kelurahan) => scope.Level switch
    {
        RegionLevel.Kota => true,
        _ => kelurahan is not null && (kelurahan == scope.Code || kelurahan.StartsWith(scope.Code + ".", StringComparison.Ordinal)),
    };


    private sealed record FamilyGroup(string? Kelurahan, int Desil, string Programs, string Status, string Verval, int Count);

    private sealed record PaymentGroup(string Stage, string Program, string Status, string? FailureReason, string? Kelurahan, int Count, long Amount);
}
