using System.Diagnostics;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Bench.Ingest;

/// <summary>What a baseline moved and where its time went.</summary>
internal sealed record BaselineResult(int Items, double Seconds, double FetchSeconds, double DatabaseSeconds)
{
    public double Rate => Items / Seconds;
}

/// <summary>How a baseline stores one JSON field in a column of the product's table (no validation).</summary>
internal enum FieldKind
{
    Text,
    Date,
    MonthOf,
    Ticks,
    NullableTicks,
    /// <summary>An NIP, stored as its keyed hash (the product's token, cached).</summary>
    Nip,
    /// <summary>An id ending in an NIP (<c>PRS-20261006-{nip}</c>), stored with the NIP replaced by its token.</summary>
    NipRecordKey,
}

internal sealed record TableSpec(string Resource, string Table, IReadOnlyList<(string Column, string Field, FieldKind Kind)> Columns);

/// <summary>What the baselines share.</summary>
internal static class HandWrittenPipeline
{
    public const int RowsPerTransaction = 10_000;

    internal static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}

/// <summary>
/// The plain EF Core reference: the same pages and the product's own mappers, then <c>AddRange</c> and
/// <c>SaveChanges</c> with change tracking, 10,000 rows a transaction, into an empty database (inserts only).
/// </summary>
internal static class PlainEfPipeline
{
    public static async Task<BaselineResult> RunAsync(IDbContextFactory<ReportingDbContext> factory, ISourcePageClient client, IReadOnlyList<IFeed> feeds, int pageSize)
    {
        var items = 0;
        long fetchTicks = 0, dbTicks = 0;
        var started = Stopwatch.GetTimestamp();
        var pending = new List<ISourceEntity>(HandWrittenPipeline.RowsPerTransaction + pageSize);
        foreach (var feed in feeds)
        {
            string? cursor = null;
            do
            {
                var t0 = Stopwatch.GetTimestamp();
                using var page = await client.GetPageAsync(feed.Resource, null, cursor, pageSize, CancellationToken.None);
                cursor = page.NextCursor;
                // A full load has nothing to delete, and faults are off: the valid items are the rows.
                pending.AddRange(feed.Map(page.Items).Entities);
                items += page.Items.Count;
                var t1 = Stopwatch.GetTimestamp();
                fetchTicks += t1 - t0;
                if (pending.Count >= HandWrittenPipeline.RowsPerTransaction || cursor is null)
                {
                    await using var db = await factory.CreateDbContextAsync();
                    await using var tx = await db.Database.BeginTransactionAsync();
                    db.AddRange(pending);
                    await db.SaveChangesAsync();
                    await tx.CommitAsync();
                    pending.Clear();
                    dbTicks += Stopwatch.GetTimestamp() - t1;
                }
            }
            while (cursor is not null);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new BaselineResult(items, seconds, HandWrittenPipeline.Seconds(fetchTicks), HandWrittenPipeline.Seconds(dbTicks));
    }
}
