using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Api;

public sealed record RunSummary(
    long Id, string Trigger, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int Pages, int ItemsRead,
    int Inserted, int Updated, int Unchanged, int Deleted, int Rejected, int Flagged, DateTimeOffset? WatermarkAfter, string? Error);

public sealed record SourceStatus(
    string Name, bool Enabled, string Schedule, bool Running, string? LastStatus, DateTimeOffset? LastSuccessAt,
    double? AgeMinutes, int ConsecutiveFailures, RunSummary? LastRun);

/// <summary>Read side of the integration API and the health endpoint (no personal data exists to leak).</summary>
public sealed class ApiQueries(IDbContextFactory<ReportingDbContext> dbFactory, SourceCatalog catalog, TimeProvider time)
{
    public async Task<IReadOnlyList<SourceStatus>> SourcesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var states = await db.SourceStates.AsNoTracking().ToDictionaryAsync(s => s.Source, ct);
        var lastIds = states.Values.Where(s => s.LastRunId != null).Select(s => s.LastRunId!.Value).ToList();
        var runs = await db.IngestRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var now = time.GetUtcNow();
        return
        [
            .. catalog.All.OrderBy(s => s.Name).Select(s =>
            {
                states.TryGetValue(s.Name, out var st);
                var run = st?.LastRunId is { } id && runs.TryGetValue(id, out var r) ? r : null;
                return new SourceStatus(
                    s.Name, s.Options.Enabled, s.Options.Schedule, st?.RunningRunId != null, st?.LastStatus?.ToString(),
                    st?.LastSuccessAt, st?.LastSuccessAt is { } at ? Math.Round((now - at).TotalMinutes, 1) : null,
                    st?.ConsecutiveFailures ?? 0,
                    run is null ? null : new RunSummary(run.Id, run.Trigger.ToString(), run.Status.ToString(), run.StartedAt, run.FinishedAt,
                        run.Pages, run.ItemsRead, run.Inserted, run.Updated, run.Unchanged, run.Deleted, run.Rejected, run.Flagged,
                        run.WatermarkAfter, run.Error));
            }),
        ];
    }

    /// <summary>Current values at one scope (the city when none), optionally only the named indicators.</summary>
    public async Task<IReadOnlyList<IndicatorValueMessage>> IndicatorsAsync(string? scope, IReadOnlyCollection<string>? codes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.IndicatorSnapshots.AsNoTracking();
        query = string.IsNullOrEmpty(scope) ? query.Where(s => s.ScopeKind == ScopeKind.Kota) : query.Where(s => s.ScopeCode == scope);
        if (codes is not null)
        {
            query = query.Where(s => codes.Contains(s.IndicatorCode));
        }
        return await query
            .OrderBy(s => s.IndicatorCode)
            .Select(s => new IndicatorValueMessage(s.IndicatorCode, s.ScopeCode, s.ScopeKind.ToString(), s.AsOf, s.Value, s.Label, s.ComputedAt, s.RunId))
            .ToListAsync(ct);
    }

    /// <summary>The values <paramref name="reader"/> may read (<see cref="Auth.ReaderScope.MayReadValue"/>, owners from the catalogue).</summary>
    public static IReadOnlyList<IndicatorValueMessage> Visible(Auth.ReaderScope reader, IReadOnlyList<IndicatorValueMessage> values)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(values);
        return reader.SeesAll
            ? values
            : [.. values.Where(v => Enum.TryParse<ScopeKind>(v.ScopeKind, out var kind)
                && reader.MayReadValue(kind, IndicatorCatalog.Definitions.FirstOrDefault(d => d.Code == v.Code)?.OwnerOpd ?? ""))];
    }

    /// <summary>The current values of <paramref name="codes"/> at each agency's scope, by agency (for its heads' hub connections).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<IndicatorValueMessage>>> AgencyIndicatorsAsync(
        IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.ScopeKind == ScopeKind.Opd && codes.Contains(s.IndicatorCode))
            .OrderBy(s => s.ScopeCode).ThenBy(s => s.IndicatorCode)
            .Select(s => new IndicatorValueMessage(s.IndicatorCode, s.ScopeCode, s.ScopeKind.ToString(), s.AsOf, s.Value, s.Label, s.ComputedAt, s.RunId))
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ScopeCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<IndicatorValueMessage>)[.. g], StringComparer.Ordinal);
    }

    public async Task<bool> DatabaseReachableAsync(CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
