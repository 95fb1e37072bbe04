using System.Data.Common;
using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Ingest.Shared.Indicators;

/// <summary>A computed value of one indicator, scope and day.</summary>
/// <param name="AsOf">
/// The day the value describes when it is not <paramref name="Date"/>: a day that repeats an earlier one (a weekend or a
/// morning before the first check-in showing the last working day) names the day it repeats, so the current value is
/// labelled with it.
/// </param>
public readonly record struct ComputedValue(string Code, ScopeKind Kind, string Scope, DateOnly Date, double? Value, string? Label, DateOnly? AsOf = null);

/// <summary>
/// Replaces a source's indicator series from a day on and rewrites its current snapshot, inside the caller's
/// transaction. Series rows go through one prepared command (EF change tracking costs ~5× here).
/// The snapshot is the one place every screen reads the current value from (overview, walls, indicator page, brief,
/// API): where today has no value yet (before the day's first check-in, a period or season not yet begun) it holds the
/// latest earlier day that has one, with <see cref="IndicatorSnapshot.AsOf"/> naming that day, so a screen shows the
/// last known figure labelled with its date instead of a blank.
/// </summary>
public static class IndicatorWriter
{
    /// <summary>How far back the snapshot looks for the latest value when today has none (a season is yearly).</summary>
    public const int CarryLookbackDays = 400;

    private const int ShortLookbackDays = 14;

    public static async Task ReplaceAsync(
        ReportingDbContext db, IReadOnlyCollection<string> codes, DateOnly from, DateOnly today,
        IReadOnlyList<ComputedValue> values, long runId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(values);
        await DeleteFromAsync(db, codes, from, ct);
        await InsertSeriesAsync(db, values, ct);

        var current = await CurrentAsync(db, values, from, today, ct);
        await db.IndicatorSnapshots.Where(s => codes.Contains(s.IndicatorCode)).ExecuteDeleteAsync(ct);
        db.IndicatorSnapshots.AddRange(current.Select(v => new IndicatorSnapshot
        {
            IndicatorCode = v.Code,
            ScopeKind = v.Kind,
            ScopeCode = v.Scope,
            AsOf = v.AsOf ?? v.Date,
            Value = v.Value,
            Label = v.Label,
            ComputedAt = now,
            RunId = runId,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Deletes the codes' series from <paramref name="from"/> on, in every scope: the (code, day) index seeks straight to the
    /// replaced days, however long the history before them. A scope the new values leave out (its records went away) keeps
    /// no row in the replaced days.
    /// </summary>
    private static Task<int> DeleteFromAsync(ReportingDbContext db, IReadOnlyCollection<string> codes, DateOnly from, CancellationToken ct) =>
        db.IndicatorValues.Where(v => codes.Contains(v.IndicatorCode) && v.Date >= from).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Today's value of every indicator and scope computed, or, where today has neither a value nor a label, the latest
    /// earlier day with one (from the values just computed, else from the stored series before <paramref name="from"/>,
    /// within <see cref="CarryLookbackDays"/>). Only the missing codes are looked up, with one grouped query.
    /// </summary>
    private static async Task<List<ComputedValue>> CurrentAsync(
        ReportingDbContext db, IReadOnlyList<ComputedValue> values, DateOnly from, DateOnly today, CancellationToken ct)
    {
        var current = values.Where(v => v.Date == today).ToList();
        var missing = current.Where(v => v.Value is null && v.Label is null).Select(v => (v.Code, v.Scope)).ToHashSet();
        if (missing.Count == 0)
        {
            return current;
        }
        var latest = new Dictionary<(string Code, string Scope), ComputedValue>();
        foreach (var v in values)
        {
            if (v.Date < today && (v.Value is not null || v.Label is not null) && missing.Contains((v.Code, v.Scope))
                && (!latest.TryGetValue((v.Code, v.Scope), out var seen) || seen.Date < v.Date))
            {
                latest[(v.Code, v.Scope)] = v;
            }
        }
        // A short look first (a weekend, a holiday, a morning), the long one only for what is still missing (a season).
        foreach (var lookback in new[] { ShortLookbackDays, CarryLookbackDays })
        {
            var stillMissing = missing.Where(k => !latest.ContainsKey(k)).ToList();
            if (stillMissing.Count == 0)
            {
                break;
            }
            var missingCodes = stillMissing.Select(k => k.Code).Distinct().ToList();
            var missingScopes = stillMissing.Select(k => k.Scope).Distinct().ToList();
            var oldest = today.AddDays(-lookback);
            // By code and scope: the unique (code, scope, day) index then reads only the look-back's days.
            var candidates = db.IndicatorValues.AsNoTracking()
                .Where(v => missingCodes.Contains(v.IndicatorCode) && missingScopes.Contains(v.ScopeCode) && v.Date >= oldest && v.Date < from &&
                            (v.Value != null || v.Label != null));
            var lastDays = candidates
                .GroupBy(v => new { v.IndicatorCode, v.ScopeCode })
                .Select(g => new { g.Key.IndicatorCode, g.Key.ScopeCode, Date = g.Max(v => v.Date) });
            var stored = await candidates
                .Join(lastDays, v => new { v.IndicatorCode, v.ScopeCode, v.Date }, l => new { l.IndicatorCode, l.ScopeCode, l.Date }, (v, l) => v)
                .Select(v => new { v.IndicatorCode, v.ScopeKind, v.ScopeCode, v.Date, v.Value, v.Label })
                .ToListAsync(ct);
            foreach (var v in stored.Where(v => missing.Contains((v.IndicatorCode, v.ScopeCode)) && !latest.ContainsKey((v.IndicatorCode, v.ScopeCode))))
            {
                latest[(v.IndicatorCode, v.ScopeCode)] = new ComputedValue(v.IndicatorCode, v.ScopeKind, v.ScopeCode, v.Date, v.Value, v.Label);
            }
        }
        return [.. current.Select(v => v.Value is null && v.Label is null && latest.TryGetValue((v.Code, v.Scope), out var last)
            ? v with { Value = last.Value, Label = last.Label, AsOf = last.AsOf ?? last.Date }
            : v)];
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
