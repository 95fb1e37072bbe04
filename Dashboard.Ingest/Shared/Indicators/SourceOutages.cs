using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>
/// The annotations the system writes on every indicator of a source while the source is out: opened when a run fails
/// (from the first failed run since the last success) or when the data outlives its freshness limit (from the last
/// success), closed when a run succeeds again. Idempotent through the database: the unique
/// <see cref="IndicatorAnnotation.OpenKey"/> allows one open outage a source, whichever node or retry tries to open it.
/// </summary>
public static class SourceOutages
{
    /// <summary>A failure to write an annotation that callers log and pass over: a note on a trend never fails a run or an alert.</summary>
    public static bool IsWriteFailure(Exception ex) =>
        ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException;

    /// <summary>Opens an outage of <paramref name="source"/> from <paramref name="start"/> unless one is open. True when this call opened it.</summary>
    public static async Task<bool> OpenAsync(
        IDbContextFactory<ReportingDbContext> factory, string source, DateTimeOffset start, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Set<IndicatorAnnotation>().AnyAsync(a => a.OpenKey == source, ct))
        {
            return false;
        }
        db.Set<IndicatorAnnotation>().Add(new IndicatorAnnotation
        {
            Kind = AnnotationKind.SourceOutage,
            Source = source,
            IndicatorCode = null,
            Date = Wib.DateOf(start),
            // Shown worded from the kind and times in the reader's language; this text is for anyone reading the table.
            Text = $"Sumber {source} tidak tersedia",
            CreatedBy = IndicatorAnnotation.SystemAuthor,
            CreatedAt = now,
            StartedAt = start,
            OpenKey = source,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node (or a concurrent retry) opened it a moment earlier: that one stands.
            return false;
        }
    }

    /// <summary>Opens an outage from the first run that failed since the source's last success (the run just failed).</summary>
    public static async Task<bool> OpenAfterFailureAsync(
        IDbContextFactory<ReportingDbContext> factory, string source, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        DateTimeOffset start;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var lastSuccess = await db.SourceStates.AsNoTracking().Where(s => s.Source == source).Select(s => s.LastSuccessAt).SingleOrDefaultAsync(ct);
            var failed = db.IngestRuns.AsNoTracking().Where(r => r.Source == source && r.Status == IngestRunStatus.Failed);
            if (lastSuccess is { } since)
            {
                failed = failed.Where(r => r.StartedAt >= since);
            }
            start = await failed.MinAsync(r => (DateTimeOffset?)r.StartedAt, ct) ?? now;
        }
        return await OpenAsync(factory, source, start, now, ct);
    }

    /// <summary>Closes the open outage of <paramref name="source"/> at <paramref name="end"/>, if any. True when one was closed.</summary>
    public static async Task<bool> CloseAsync(IDbContextFactory<ReportingDbContext> factory, string source, DateTimeOffset end, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(ct);
        var closed = await db.Set<IndicatorAnnotation>()
            .Where(a => a.OpenKey == source)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EndedAt, end).SetProperty(a => a.OpenKey, (string?)null), ct);
        return closed > 0;
    }
}
