using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Web.Shared.Scope;
using Dashboard.Web.Shared.Tiles;
using Microsoft.EntityFrameworkCore;
using Codes = Dashboard.Ingest.Sources.Letters.LettersIndicators.Codes;

namespace Dashboard.Web.Features.Letters;

/// <summary>A letter type and how many requests it has.</summary>
public sealed record TypeCount(string Type, int Count);

/// <summary>A row of the kelurahan ranking.</summary>
/// <param name="Rank">1 for the best share within the standard; null when the kelurahan has no share yet.</param>
/// <param name="WithinStandardPct">The kelurahan's SURAT_SESUAI_STANDAR_PCT, or null.</param>
/// <param name="Requests">Requests in the last 30 days.</param>
/// <param name="PerThousand">Requests in the last 30 days per 1,000 residents (kelurahan populations are estimates).</param>
/// <param name="RejectedPct">Rejected of the last 30 days' requests, or null without requests.</param>
/// <param name="Overdue">Open requests past their service standard now.</param>
public sealed record KelurahanRow(
    int? Rank, string Code, string Name, string Kecamatan, double? WithinStandardPct, IndicatorStatus Status,
    int Requests, double? PerThousand, double? RejectedPct, int Open, int Overdue);

/// <summary>An open request past its service standard.</summary>
public sealed record BacklogRow(string Id, string KelurahanName, string Type, DateTimeOffset RequestedAt, DateTimeOffset Deadline, string Status);

/// <summary>Everything the letter-services page shows for one region.</summary>
public sealed record LettersView : Dashboard.Web.Shared.Live.IDomainView
{
    public required Region Scope { get; init; }
    public required IReadOnlyList<ScopeStep> Trail { get; init; }
    public required IReadOnlyList<KpiTileModel> Tiles { get; init; }
    public required IReadOnlyList<DateOnly> Days { get; init; }

    /// <summary>Letter types in the daily chart (contract order, then unknown ones).</summary>
    public required IReadOnlyList<string> Types { get; init; }

    /// <summary>Per type (aligned with <see cref="Types"/>), requests per day (aligned with <see cref="Days"/>).</summary>
    public required IReadOnlyList<IReadOnlyList<double?>> RequestsPerDayByType { get; init; }
    public required IReadOnlyList<TypeCount> ByType { get; init; }

    /// <summary>The scope's SURAT_SESUAI_STANDAR_PCT per day (aligned with <see cref="Days"/>).</summary>
    public required IReadOnlyList<double?> WithinStandardPerDay { get; init; }

    /// <summary>The kelurahan ranked: of the city, of the selected kecamatan, or of the selected kelurahan's kecamatan.</summary>
    public required Region RankingParent { get; init; }
    public required IReadOnlyList<KelurahanRow> Ranking { get; init; }

    /// <summary>Open requests past their standard in the scope, by type.</summary>
    public required IReadOnlyList<TypeCount> BacklogByType { get; init; }
    public int BacklogTotal { get; init; }

    /// <summary>The longest-waiting of them, oldest first, at most <see cref="LettersQueries.BacklogRows"/>.</summary>
    public required IReadOnlyList<BacklogRow> Backlog { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public bool IsRunning { get; init; }
}

/// <summary>
/// Read side of the letter-services page: tiles at the selected region, 30-day charts of requests by type and of the
/// share within the service standard, the kelurahan ranking, and the backlog of open requests past the standard.
/// Request counts come from the letter rows; the share within the standard is the indicator ingest computed, so a
/// ranking row and the tile of the same kelurahan always agree. One short-lived DbContext per call.
/// </summary>
public sealed class LettersQueries(IDbContextFactory<ReportingDbContext> factory, TimeProvider time)
{
    /// <summary>Days in the charts and the request counts, today included.</summary>
    public const int WindowDays = 30;

    /// <summary>Rows of the backlog list.</summary>
    public const int BacklogRows = 15;

    public async Task<LettersView> GetAsync(string? scopeCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var scope = RegionScope.Resolve(scopeCode);
        var today = Wib.DateOf(now);
        var firstDay = today.AddDays(1 - WindowDays);
        var from = Wib.StartOf(firstDay);
        var rankingParent = scope.Level == RegionLevel.Kelurahan ? RegionScope.Resolve(scope.ParentCode) : scope;

        await using var db = await factory.CreateDbContextAsync(ct);
        var tiles = await KpiTileLoader.LoadAsync(db, scope.Code, LettersIndicators.Source, now, ct);

        var letters = db.Set<LetterRequest>().AsNoTracking();
        var calendar = await WorkingCalendars.LoadAsync(db, ct);
        // The ranking's region holds the scope, so one read serves both.
        var recent = await InScope(letters, rankingParent)
            .Where(l => l.RequestedAt >= from)
            .Select(l => new Recent(l.KelurahanCode, l.LetterType, l.Status, l.RequestedAt))
            .ToListAsync(ct);
        var open = (await InScope(letters, rankingParent)
                .Where(l => l.CompletedAt == null && l.Status != LettersPayload.Completed && l.Status != LettersPayload.Rejected)
                .Select(l => new { l.Id, l.KelurahanCode, l.LetterType, l.Status, l.RequestedAt })
                .ToListAsync(ct))
            .Select(l => new Open(l.Id, l.KelurahanCode, l.LetterType, l.Status, l.RequestedAt, LettersPayload.Deadline(l.LetterType, l.RequestedAt, calendar)))
            .ToList();

        var inScope = recent.Where(l => Contains(scope, l.KelurahanCode)).ToList();
        var days = Enumerable.Range(0, WindowDays).Select(firstDay.AddDays).ToList();
        var types = LettersPayload.TypeOrder
            .Concat(inScope.Select(l => l.Type).Where(t => !LettersPayload.Types.Contains(t)).Distinct().Order(StringComparer.Ordinal))
            .ToList();
        var perDay = inScope.GroupBy(l => (l.Type, Day: Wib.DateOf(l.RequestedAt))).ToDictionary(g => g.Key, g => g.Count());
        var byType = types.Select(t => new TypeCount(t, inScope.Count(l => l.Type == t))).Where(t => t.Count > 0).ToList();

        var series = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorCode == Codes.WithinStandardPct && v.ScopeCode == scope.Code && v.Date >= firstDay && v.Date <= today)
            .Select(v => new { v.Date, v.Value })
            .ToDictionaryAsync(v => v.Date, v => v.Value, ct);

        var overdue = open.Where(l => l.Deadline < now && Contains(scope, l.KelurahanCode)).ToList();
        var names = ReferenceData.Regions.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);

        return new LettersView
        {
            Scope = scope,
            Trail = RegionScope.Trail(scope),
            Tiles = tiles,
            Days = days,
            Types = types,
            RequestsPerDayByType = [.. types.Select(t => (IReadOnlyList<double?>)[.. days.Select(d => (double?)perDay.GetValueOrDefault((t, d)))])],
            ByType = byType,
            WithinStandardPerDay = [.. days.Select(d => series.GetValueOrDefault(d))],
            RankingParent = rankingParent,
            Ranking = await RankingAsync(db, rankingParent, recent, open, now, tiles, ct),
            BacklogByType = [.. overdue.GroupBy(l => l.Type).Select(g => new TypeCount(g.Key, g.Count()))
                .OrderByDescending(t => t.Count).ThenBy(t => t.Type, StringComparer.Ordinal)],
            BacklogTotal = overdue.Count,
            Backlog = [.. overdue.OrderBy(l => l.Deadline).ThenBy(l => l.Id, StringComparer.Ordinal).Take(BacklogRows)
                .Select(l => new BacklogRow(l.Id, l.KelurahanCode is { } k ? names.GetValueOrDefault(k, k) : "—", l.Type, l.RequestedAt, l.Deadline, l.Status))],
            LastSuccessAt = tiles.Count > 0 ? tiles[0].LastSuccessAt : null,
            IsRunning = tiles.Count > 0 && tiles[0].IsRunning,
        };
    }

    private sealed record Recent(string? KelurahanCode, string Type, string Status, DateTimeOffset RequestedAt);

    private sealed record Open(string Id, string? KelurahanCode, string Type, string Status, DateTimeOffset RequestedAt, DateTimeOffset Deadline);

    private static bool Contains(Region scope, string? kelurahan) => scope.Level switch
    {
        RegionLevel.Kelurahan => kelurahan == scope.Code,
        RegionLevel.Kecamatan => kelurahan is not null && kelurahan.StartsWith(scope.Code + ".", StringComparison.Ordinal),
        _ => true,
    };

    private static IQueryable<LetterRequest> InScope(IQueryable<LetterRequest> letters, Region scope) => scope.Level switch
    {
        RegionLevel.Kecamatan => letters.Where(l => l.KecamatanCode == scope.Code),
        RegionLevel.Kelurahan => letters.Where(l => l.KelurahanCode == scope.Code),
        _ => letters,
    };

    private static async Task<IReadOnlyList<KelurahanRow>> RankingAsync(
        ReportingDbContext db, Region parent, List<Recent> recent, List<Open> open, DateTimeOffset now,
        IReadOnlyList<KpiTileModel> tiles, CancellationToken ct)
    {
        var kelurahan = ReferenceData.Kelurahan.Where(k => Contains(parent, k.Code)).ToList();
        var codes = kelurahan.Select(k => k.Code).ToList();
        var shares = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.IndicatorCode == Codes.WithinStandardPct && s.ScopeKind == ScopeKind.Kelurahan && codes.Contains(s.ScopeCode))
            .ToDictionaryAsync(s => s.ScopeCode, s => s.Value, ct);
        var requests = recent.Where(l => l.KelurahanCode is not null).GroupBy(l => l.KelurahanCode!)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Rejected: g.Count(l => l.Status == LettersPayload.Rejected)));
        var openBy = open.Where(l => l.KelurahanCode is not null).GroupBy(l => l.KelurahanCode!)
            .ToDictionary(g => g.Key, g => (Open: g.Count(), Overdue: g.Count(l => l.Deadline < now)));
        var kecamatanNames = ReferenceData.Kecamatan.ToDictionary(k => k.Code, k => k.Name, StringComparer.Ordinal);
        // Each kelurahan is held to the city-wide target and tolerance of SURAT_SESUAI_STANDAR_PCT.
        var definition = tiles.FirstOrDefault(t => t.Code == Codes.WithinStandardPct);

        var rows = kelurahan.Select(k =>
            {
                var share = shares.GetValueOrDefault(k.Code);
                var (count, rejected) = requests.GetValueOrDefault(k.Code);
                var (openCount, overdueCount) = openBy.GetValueOrDefault(k.Code);
                return new KelurahanRow(null, k.Code, k.Name, kecamatanNames.GetValueOrDefault(k.ParentCode ?? "", ""), share,
                    IndicatorStatusEvaluator.Evaluate(share, definition?.Target, IndicatorDirection.HigherIsBetter, definition?.Tolerance ?? 0),
                    count, k.Population > 0 ? Math.Round(count * 1000.0 / k.Population, 1) : null,
                    count > 0 ? Math.Round(rejected * 100.0 / count, 1) : null, openCount, overdueCount);
            })
            .OrderBy(r => r.WithinStandardPct is null)
            .ThenByDescending(r => r.WithinStandardPct)
            .ThenBy(r => r.Overdue)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return [.. rows.Select((r, i) => r.WithinStandardPct is null ? r : r with { Rank = i + 1 })];
    }

}
