using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.Staffing;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Bench.Ingest;

/// <summary>
/// The machine's ceiling for the staffing feed (issue 22): what a careful hand-written loader does with the same pages into
/// the same tables (same DDL, indexes and key shape: the NIP replaced by its keyed hash, tokens cached), and nothing else:
/// no validation, quarantine, ledger, watermark or lease. Fetching and parsing run on one task and writing on another,
/// through a bounded channel; the writer holds one connection with WAL, <c>synchronous=NORMAL</c> and a 64 MiB cache, and
/// one prepared single-row <c>INSERT … ON CONFLICT DO UPDATE … WHERE excluded.UpdatedAt &gt;= stored</c> a table, bound by
/// position through SQLite's own API and reused, committing every 50,000 rows.
/// </summary>
internal static class StrongPipeline
{
    public const int RowsPerTransaction = 50_000;

    private sealed record Page(TableSpec Table, object?[][] Rows, string?[] Deletes, int Items);

    public static async Task<BaselineResult> RunAsync(
        Uri baseAddress, string apiKey, string databasePath, IReadOnlyList<TableSpec> tables, Pseudonymizer pseudonymizer, int pageSize)
    {
        var channel = Channel.CreateBounded<Page>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        var started = Stopwatch.GetTimestamp();
        long fetchTicks = 0;
        var producer = Task.Run(async () =>
        {
            try
            {
                using var http = new HttpClient { BaseAddress = baseAddress };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                foreach (var table in tables)
                {
                    string? cursor = null;
                    do
                    {
                        var t0 = Stopwatch.GetTimestamp();
                        var url = $"v1/{table.Resource}?limit={pageSize}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
                        var body = await http.GetByteArrayAsync(url);
                        using var document = JsonDocument.Parse(body);
                        var root = document.RootElement;
                        cursor = root.GetProperty("next_cursor").GetString();
                        var page = Parse(table, root.GetProperty("items"), pseudonymizer);
                        fetchTicks += Stopwatch.GetTimestamp() - t0;
                        await channel.Writer.WriteAsync(page);
                    }
                    while (!string.IsNullOrEmpty(cursor));
                }
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        });

        long dbTicks = 0;
        var items = 0;
        await using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            var db = connection.Handle!;
            Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
            var statements = new Dictionary<TableSpec, (sqlite3_stmt Upsert, sqlite3_stmt Delete)>();
            try
            {
                var inTransaction = 0;
                await foreach (var page in channel.Reader.ReadAllAsync())
                {
                    var t0 = Stopwatch.GetTimestamp();
                    if (!statements.TryGetValue(page.Table, out var s))
                    {
                        statements[page.Table] = s = (Prepare(db, UpsertSql(page.Table)), Prepare(db, $"DELETE FROM \"{page.Table.Table}\" WHERE \"Id\" = ?1"));
                    }
                    if (inTransaction == 0)
                    {
                        Exec(db, "BEGIN");
                    }
                    foreach (var row in page.Rows)
                    {
                        for (var i = 0; i < row.Length; i++)
                        {
                            Check(db, row[i] switch
                            {
                                null => raw.sqlite3_bind_null(s.Upsert, i + 1),
                                string text => BindText(s.Upsert, i + 1, text),
                                long number => raw.sqlite3_bind_int64(s.Upsert, i + 1, number),
                                var other => throw new InvalidOperationException($"unexpected {other.GetType().Name}"),
                            });
                        }
                        Step(db, s.Upsert);
                    }
                    foreach (var id in page.Deletes)
                    {
                        Check(db, id is null ? raw.sqlite3_bind_null(s.Delete, 1) : BindText(s.Delete, 1, id));
                        Step(db, s.Delete);
                    }
                    items += page.Items;
                    inTransaction += page.Items;
                    if (inTransaction >= RowsPerTransaction)
                    {
                        Exec(db, "COMMIT");
                        inTransaction = 0;
                    }
                    dbTicks += Stopwatch.GetTimestamp() - t0;
                }
                if (inTransaction > 0)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    Exec(db, "COMMIT");
                    dbTicks += Stopwatch.GetTimestamp() - t0;
                }
            }
            finally
            {
                foreach (var (upsert, delete) in statements.Values)
                {
                    upsert.Dispose();
                    delete.Dispose();
                }
            }
        }
        await producer;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new BaselineResult(items, seconds, HandWrittenPipeline.Seconds(fetchTicks), HandWrittenPipeline.Seconds(dbTicks));
    }

    private static string UpsertSql(TableSpec table)
    {
        var columns = table.Columns.Select(c => $"\"{c.Column}\"").ToList();
        return $"INSERT INTO \"{table.Table}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))}) " +
            $"ON CONFLICT (\"Id\") DO UPDATE SET {string.Join(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"))} " +
            $"WHERE excluded.\"UpdatedAt\" >= \"{table.Table}\".\"UpdatedAt\"";
    }

    private static Page Parse(TableSpec table, JsonElement items, Pseudonymizer pseudonymizer)
    {
        var rows = new List<object?[]>(items.GetArrayLength());
        var deletes = new List<string?>();
        var count = 0;
        foreach (var item in items.EnumerateArray())
        {
            count++;
            if (item.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True)
            {
                deletes.Add((string?)Read(item, table.Columns[0], pseudonymizer));
                continue;
            }
            var row = new object?[table.Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Read(item, table.Columns[i], pseudonymizer);
            }
            rows.Add(row);
        }
        return new Page(table, [.. rows], [.. deletes], count);
    }

    private static object? Read(JsonElement item, (string Column, string Field, FieldKind Kind) column, Pseudonymizer pseudonymizer)
    {
        if (!item.TryGetProperty(column.Field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var text = value.GetString()!;
        return column.Kind switch
        {
            FieldKind.Text or FieldKind.Date => text,
            FieldKind.MonthOf => string.Concat(text.AsSpan(0, 8), "01"),
            FieldKind.Nip => pseudonymizer.HashRecurring(StaffingPayload.NipPurpose, text),
            FieldKind.NipRecordKey => RecordKey(pseudonymizer, text),
            _ => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcTicks,
        };
    }

    /// <summary>The product's key shape for an id that ends in an NIP (<c>PRS-20261006-{nip}</c>): the NIP replaced by its token.</summary>
    private static string RecordKey(Pseudonymizer pseudonymizer, string id) =>
        string.Concat(id.AsSpan(0, id.Length - 18), pseudonymizer.HashRecurring(StaffingPayload.NipPurpose, id[^18..]));

    /// <summary>Text bound as UTF-8 encoded on the stack (SQLite copies it), not in a new array; an empty string as itself (an empty span binds NULL).</summary>
    private static int BindText(sqlite3_stmt statement, int index, string text)
    {
        if (text.Length is 0 or > 128)
        {
            return raw.sqlite3_bind_text(statement, index, text);
        }
        Span<byte> utf8 = stackalloc byte[128 * 3];
        var length = System.Text.Encoding.UTF8.GetBytes(text, utf8);
        return raw.sqlite3_bind_text(statement, index, utf8[..length]);
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    private static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(db, rc);
        }
        raw.sqlite3_reset(statement);
    }

    private static void Exec(sqlite3 db, string sql) => Check(db, raw.sqlite3_exec(db, sql));

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new InvalidOperationException($"SQLite {rc}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }
}
