using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Bench.Ingest;

/// <summary>What a baseline moved and where its time went.</summary>
internal sealed record BaselineResult(int Items, double Seconds, double FetchSeconds, double DatabaseSeconds)
{
    public double Rate => Items / Seconds;
}

/// <summary>How a baseline stores one JSON field in a column of the product's table (no validation, no hashing).</summary>
internal enum FieldKind { Text, Date, MonthOf, Ticks, NullableTicks }

internal sealed record TableSpec(string Resource, string Table, IReadOnlyList<(string Column, string Field, FieldKind Kind)> Columns);

/// <summary>
/// The hand-written reference: <c>HttpClient</c> pages of 1,000 items from the same simulator →
/// <c>System.Text.Json</c> → one prepared Microsoft.Data.Sqlite upsert a row into the product's own tables (same
/// columns, same indexes), WAL, 10,000 rows a transaction. One thread, no pipelining, no validation, no pseudonymising.
/// </summary>
internal static class HandWrittenPipeline
{
    public const int RowsPerTransaction = 10_000;

    public static async Task<BaselineResult> RunAsync(Uri baseAddress, string apiKey, string databasePath, IReadOnlyList<TableSpec> tables, int pageSize)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL;");
        var items = 0;
        long fetchTicks = 0, dbTicks = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var table in tables)
        {
            await using var upsert = connection.CreateCommand();
            var columns = table.Columns.Select(c => $"\"{c.Column}\"").ToList();
            upsert.CommandText =
                $"INSERT INTO \"{table.Table}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))}) " +
                $"ON CONFLICT (\"Id\") DO UPDATE SET {string.Join(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"))} " +
                $"WHERE excluded.\"UpdatedAt\" >= \"{table.Table}\".\"UpdatedAt\"";
            var parameters = table.Columns.Select((_, i) => upsert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"{table.Table}\" WHERE \"Id\" = $id";
            var deleteId = delete.Parameters.Add(new SqliteParameter("$id", null));
            DbTransaction? tx = null;
            var inTransaction = 0;
            string? cursor = null;
            do
            {
                var t0 = Stopwatch.GetTimestamp();
                var url = $"v1/{table.Resource}?limit={pageSize}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var stream = await response.Content.ReadAsStreamAsync();
                using var document = await JsonDocument.ParseAsync(stream);
                var root = document.RootElement;
                cursor = root.GetProperty("next_cursor").GetString();
                var t1 = Stopwatch.GetTimestamp();
                fetchTicks += t1 - t0;
                foreach (var item in root.GetProperty("items").EnumerateArray())
                {
                    if (tx is null)
                    {
                        tx = await connection.BeginTransactionAsync();
                        upsert.Transaction = (SqliteTransaction)tx;
                        delete.Transaction = (SqliteTransaction)tx;
                    }
                    if (item.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True)
                    {
                        deleteId.Value = item.GetProperty("id").GetString();
                        await delete.ExecuteNonQueryAsync();
                    }
                    else
                    {
                        for (var i = 0; i < parameters.Length; i++)
                        {
                            parameters[i].Value = Read(item, table.Columns[i]);
                        }
                        await upsert.ExecuteNonQueryAsync();
                    }
                    items++;
                    if (++inTransaction == RowsPerTransaction)
                    {
                        await tx.CommitAsync();
                        await tx.DisposeAsync();
                        tx = null;
                        inTransaction = 0;
                    }
                }
                dbTicks += Stopwatch.GetTimestamp() - t1;
            }
            while (!string.IsNullOrEmpty(cursor));
            if (tx is not null)
            {
                var t = Stopwatch.GetTimestamp();
                await tx.CommitAsync();
                await tx.DisposeAsync();
                dbTicks += Stopwatch.GetTimestamp() - t;
            }
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new BaselineResult(items, seconds, Seconds(fetchTicks), Seconds(dbTicks));
    }

    private static object Read(JsonElement item, (string Column, string Field, FieldKind Kind) column)
    {
        if (!item.TryGetProperty(column.Field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return DBNull.Value;
        }
        var text = value.GetString()!;
        return column.Kind switch
        {
            FieldKind.Text => text,
            FieldKind.Date => text,
            FieldKind.MonthOf => string.Concat(text.AsSpan(0, 8), "01"),
            _ => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcTicks,
        };
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

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
