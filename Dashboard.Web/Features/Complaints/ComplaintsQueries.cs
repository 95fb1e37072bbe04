using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Web.Shared.Scope;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Complaints.ComplaintsIndicators.Codes;

namespace Dashboard.Web.Features.Complaints;

/// <summary>A label and how many complaints it has.</summary>
public sealed record NamedCount(string Name, int Count);

/// <summary>A row of the agency (OPD) league table.</summary>
/// <param name="CompliancePct">The agency's OPD_KEPATUHAN_TL_PCT, or null when it has none.</param>
/// <param name="Received">Complaints received in the last 30 days.</param>
/// <param name="Overdue">The agency's ADUAN_LEWAT_SLA (open past the 5-working-day SLA), or null.</param>
public sealed record AgencyRow(string Code, string Name, double? CompliancePct, int Received, double? Overdue, IndicatorStatus Status);

/// <summary>A row of the kecamatan → kelurahan breakdown.</summary>
/// <param name="Received">Complaints received in the last 30 days.</param>
/// <param name="Per10k">Received per 10,000 residents (kelurahan populations are estimates).</param>
/// <param name="Overdue">The region's ADUAN_LEWAT_SLA, or null.</param>
/// <param name="ClosedPct">The region's ADUAN_SELESAI_PCT (closed of the last 90 days), or null.</param>
public sealed record RegionRow(
    string Code, string Name, RegionLevel Level, bool PopulationIsEstimate,
    int Received, double? Per10k, double? Overdue, double? ClosedPct);

/// <summary>Everything the complaints page shows for one region.</summary>
public sealed record ComplaintsView : Dashboard.Web.Shared.Live.IDomainView
{
    public required Region Scope { get; init; }
    public required IReadOnlyList<ScopeStep> Trail { get; init; }
    public required IReadOnlyList<KpiTileModel> Tiles { get; init; }
    public required IReadOnlyList<DateOnly> Days { get; init; }
    public required IReadOnlyList<double?> ReceivedPerDay { get; init; }
    public required IReadOnlyList<NamedCount> ByChannel { get; init; }
    public required IReadOnlyList<NamedCount> ByCategory { get; init; }
    public required IReadOnlyList<NamedCount> ByAgency { get; init; }
    public required IReadOnlyList<AgencyRow> League { get; init; }

    /// <summary>The region whose children <see cref="Regions"/> lists (the city, or a kecamatan).</summary>
    public required Region RegionsParent { get; init; }
    public required IReadOnlyList<RegionRow> Regions { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public bool IsRunning { get; init; }
}

/// <summary>
/// Read side of the complaints page: tiles at the selected region, 30-day charts, the OPD league table and
/// the kecamatan → kelurahan breakdown. Counts of received complaints come from the complaint rows; SLA and
/// closure figures are the indicators ingest computed, so that a table row and the tile of the same region
/// always agree. One short-lived DbContext per call, read-only projections.
/// </summary>
public sealed class ComplaintsQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    /// <summary>Days in the charts and the "received" counts, today included.</summary>
    public const int WindowDays = 30;

    /// <summary>Top categories shown in the category chart.</summary>
    public const int TopCategories = 10;

    public async Task<ComplaintsView> GetAsync(string? scopeCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var scope = RegionScope.Resolve(scopeCode);
        var firstDay = Wib.DateOf(now).AddDays(1 - WindowDays);
        var from = Wib.StartOf(firstDay);

        await using var db = await factory.CreateDbContextAsync(ct);
        var tiles = await KpiTileLoader.LoadAsync(db, scope.Code, ComplaintsIndicators.Source, now, ct);

        var all = db.Set<Complaint>().AsNoTracking();
        var recent = InScope(all, scope).Where(c => c.SubmittedAt >= from);

        var submitted = await recent.Select(c => c.SubmittedAt).ToListAsync(ct);
        var perDay = submitted.GroupBy(Wib.DateOf).ToDictionary(g => g.Key, g => g.Count());
        var days = Enumerable.Range(0, WindowDays).Select(firstDay.AddDays).ToList();

        var byChannel = await CountAsync(recent.GroupBy(c => c.Channel), int.MaxValue, ct);
        var byCategory = await CountAsync(recent.GroupBy(c => c.Category), TopCategories, ct);
        var byAgency = await CountAsync(recent.GroupBy(c => c.AgencyCode), int.MaxValue, ct);

        var league = await LoadLeagueAsync(db, all.Where(c => c.SubmittedAt >= from), tiles, ct);

        var regionsParent = scope.Level == RegionLevel.Kelurahan ? RegionScope.Resolve(scope.ParentCode) : scope;
        var regions = await LoadRegionsAsync(db, InScope(all, regionsParent).Where(c => c.SubmittedAt >= from), regionsParent, ct);

        return new ComplaintsView
        {
            Scope = scope,
            Trail = RegionScope.Trail(scope),
            Tiles = tiles,
            Days = days,
            ReceivedPerDay = [.. days.Select(d => (double?)perDay.GetValueOrDefault(d))],
            ByChannel = byChannel,
            ByCategory = byCategory,
            ByAgency = byAgency,
            League = league,
            RegionsParent = regionsParent,
            Regions = regions,
            LastSuccessAt = tiles.Count > 0 ? tiles[0].LastSuccessAt : null,
            IsRunning = tiles.Count > 0 && tiles[0].IsRunning,
        };
    }

    /// <summary>The largest groups first (ties by name), at most <paramref name="take"/>.</summary>
    private static async Task<IReadOnlyList<NamedCount>> CountAsync(
        IQueryable<IGrouping<string, Complaint>> groups, int take, CancellationToken ct)
    {
        var counts = await groups
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name)
            .Take(take)
            .ToListAsync(ct);
        return [.. counts.Select(x => new NamedCount(x.Name, x.Count))];
    }

    private static IQueryable<Complaint> InScope(IQueryable<Complaint> complaints, Region scope) => scope.Level switch
    {
        RegionLevel.Kecamatan => complaints.Where(c => c.KecamatanCode == scope.Code),
        RegionLevel.Kelurahan => complaints.Where(c => c.KelurahanCode == scope.Code),
        _ => complaints,
    };

    /// <summary>Current values of one indicator for the given scopes, keyed by scope code.</summary>
    private static Task<Dictionary<string, double?>> SnapshotsAsync(
        ReportingDbContext db, string indicator, ScopeKind kind, List<string>? scopes, CancellationToken ct) =>
        db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.IndicatorCode == indicator && s.ScopeKind == kind && (scopes == null || scopes.Contains(s.ScopeCode)))
            .ToDictionaryAsync(s => s.ScopeCode, s => s.Value, ct);

    private static async Task<IReadOnlyList<AgencyRow>> LoadLeagueAsync(
        ReportingDbContext db, IQueryable<Complaint> recent, IReadOnlyList<KpiTileModel> tiles, CancellationToken ct)
    {
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var compliance = await SnapshotsAsync(db, Codes.OpdCompliancePct, ScopeKind.Opd, null, ct);
        var overdue = await SnapshotsAsync(db, Codes.Overdue, ScopeKind.Opd, null, ct);
        var received = await recent
            .GroupBy(c => c.AgencyCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        // An agency's compliance is held to the city-wide target and tolerance of OPD_KEPATUHAN_TL_PCT.
        var definition = tiles.FirstOrDefault(t => t.Code == Codes.OpdCompliancePct);
        var codes = compliance.Where(c => c.Value is not null).Select(c => c.Key).Union(received.Keys);
        return [.. codes
            .Select(code =>
            {
                var value = compliance.GetValueOrDefault(code);
                var status = IndicatorStatusEvaluator.Evaluate(
                    value, definition?.Target, definition?.Direction ?? IndicatorDirection.HigherIsBetter, definition?.Tolerance ?? 0);
                return new AgencyRow(code, names.GetValueOrDefault(code) ?? code, value,
                    received.GetValueOrDefault(code), overdue.GetValueOrDefault(code), status);
            })
            .OrderBy(r => Severity(r.Status))
            .ThenBy(r => r.CompliancePct ?? double.MaxValue)
            .ThenByDescending(r => r.Overdue ?? 0)
            .ThenBy(r => r.Code, StringComparer.Ordinal)];
    }

    private static int Severity(IndicatorStatus status) => status switch
    {
        IndicatorStatus.OffTrack => 0,
        IndicatorStatus.AtRisk => 1,
        IndicatorStatus.OnTrack => 2,
        IndicatorStatus.NoTarget => 3,
        _ => 4,
    };

    private static async Task<IReadOnlyList<RegionRow>> LoadRegionsAsync(
        ReportingDbContext db, IQueryable<Complaint> recent, Region parent, CancellationToken ct)
    {
        var children = ReferenceData.Regions.Where(r => r.ParentCode == parent.Code).ToList();
        var codes = children.Select(r => r.Code).ToList();
        var kind = parent.Level == RegionLevel.Kota ? ScopeKind.Kecamatan : ScopeKind.Kelurahan;

        var received = kind == ScopeKind.Kecamatan
            ? await recent.GroupBy(c => c.KecamatanCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct)
            : await recent.GroupBy(c => c.KelurahanCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        var receivedByCode = received.Where(x => x.Code != null).ToDictionary(x => x.Code!, x => x.Count);
        var overdue = await SnapshotsAsync(db, Codes.Overdue, kind, codes, ct);
        var closed = await SnapshotsAsync(db, Codes.ClosedPct, kind, codes, ct);

        return [.. children.Select(r =>
        {
            var count = receivedByCode.GetValueOrDefault(r.Code);
            return new RegionRow(
                r.Code, r.Name, r.Level, r.PopulationIsEstimate, count,
                r.Population > 0 ? count * 10_000.0 / r.Population : null,
                overdue.GetValueOrDefault(r.Code), closed.GetValueOrDefault(r.Code));
        })];
    }

}
