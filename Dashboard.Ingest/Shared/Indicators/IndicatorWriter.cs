using System.Data.Common;
using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>A computed value of one indicator, scope and day.</summary>
public readonly record struct ComputedValue(string Code, ScopeKind Kind, string Scope, DateOnly Date, double? Value, string? Label);

/// <summary>
/// Replaces a source's indicator series from a day on and rewrites its current snapshot, inside the caller's
/// transaction. Series rows go through one prepared command (EF change tracking costs ~5× here).
/// </summary>
public static class IndicatorWriter
{
    public static async Task ReplaceAsync(
        ReportingDbContext db, IReadOnlyCollection<string> codes, DateOnly from, DateOnly today,
        IReadOnlyList<ComputedValue> values, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(values);
        await db.IndicatorValues.Where(v => codes.Contains(v.IndicatorCode) && v.Date >= from).ExecuteDeleteAsync(ct);
        await InsertSeriesAsync(db, values, ct);

        await db.IndicatorSnapshots.Where(s => codes.Contains(s.IndicatorCode)).ExecuteDeleteAsync(ct);
        db.IndicatorSnapshots.AddRange(values.Where(v => v.Date == today).Select(v => new IndicatorSnapshot
        {
            IndicatorCode = v.Code,
            ScopeKind = v.Kind,
            ScopeCode = v.Scope,
            AsOf = v.Date,
            Value = v.Value,
            Label = v.Label,
            ComputedAt = now,
            RunId = runId,
        }));
        await db.SaveChangesAsync(ct);
    }

    private static async Task InsertSeriesAsync(ReportingDbContext db, IReadOnlyList<ComputedValue> values, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            return;
        }
        var sqlite = db.Database.IsSqlite();
        var npgsql = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            // Quoted identifiers: PostgreSQL folds unquoted names to lower case; SQLite and SQL Server accept the quotes.
            """INSERT INTO "IndicatorValues" ("IndicatorCode", "ScopeKind", "ScopeCode", "Date", "Value", "Label") VALUES (@c, @k, @s, @d, @v, @l)""";
        var c = Add(command, "@c");
        var k = Add(command, "@k");
        var s = Add(command, "@s");
        var d = Add(command, "@d");
        var v = Add(command, "@v");
        var l = Add(command, "@l");
        if (sqlite)
        {
            // SqlClient's Prepare needs explicit parameter types; SQLite's saves re-parsing each row.
            await command.PrepareAsync(ct);
        }
        // An absent row is "no data": only values (or categorical answers) are stored in the series.
        foreach (var value in values.Where(v => v.Value is not null || v.Label is not null))
        {
            c.Value = value.Code;
            k.Value = (int)value.Kind;
            s.Value = value.Scope;
            // EF stores DateOnly as yyyy-MM-dd text on SQLite and as date on SQL Server and PostgreSQL.
            d.Value = sqlite ? value.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : npgsql ? value.Date
                : value.Date.ToDateTime(TimeOnly.MinValue);
            v.Value = value.Value is { } number ? number : DBNull.Value;
            l.Value = (object?)value.Label ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
            db.IndicatorRowsWritten++;
        }
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
