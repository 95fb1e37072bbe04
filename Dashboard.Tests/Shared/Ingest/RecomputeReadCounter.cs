using System.Collections;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Dashboard.Ingest.Shared.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>
/// What each source's indicator recomputations read from one host's SQLite database, attributed through the engine's
/// <c>ingest.recompute</c> span (its <c>dasbor.source</c> tag) on the thread that runs the statement: the rows their queries
/// return (<see cref="Rows"/>), and the work SQLite did for them, in thousands of virtual-machine steps
/// (<see cref="KiloSteps"/>, from a progress handler on every connection the host's contexts open). The second catches what
/// the first cannot: a minimum over a column without index returns one row but steps through the whole table. Added to a
/// host's <c>SqliteReportingDbContext</c> as an interceptor; it starts an activity listener so the span exists.
/// </summary>
public sealed class RecomputeReadCounter : DbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private const int StepsPerCall = 1000;
    private readonly ConcurrentDictionary<string, long> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _kiloSteps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Source, string Command), long> _byCommand = new();
    private readonly ActivityListener _listener;
    private readonly delegate_progress _progress;

    public RecomputeReadCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == DasborTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
        _progress = _ =>
        {
            if (Recomputing() is { } source)
            {
                _kiloSteps.AddOrUpdate(source, 1, (_, n) => n + 1);
            }
            return 0;
        };
    }

    /// <summary>Rows returned to <paramref name="source"/>'s recomputations since the last call, and the count reset.</summary>
    public long TakeRows(string source) => _rows.TryRemove(source, out var n) ? n : 0;

    /// <summary>The statements that returned the most rows to <paramref name="source"/> since the last call (for the test's output), and their counts reset.</summary>
    public IReadOnlyList<string> TakeTopCommands(string source, int count)
    {
        var mine = _byCommand.Where(p => p.Key.Source == source).ToList();
        foreach (var p in mine)
        {
            _byCommand.TryRemove(p.Key, out _);
        }
        return [.. mine.OrderByDescending(p => p.Value).Take(count).Select(p => $"{p.Value} rows: {p.Key.Command}")];
    }

    /// <summary>Thousands of SQLite steps of <paramref name="source"/>'s recomputations since the last call, and the count reset.</summary>
    public long TakeKiloSteps(string source) => _kiloSteps.TryRemove(source, out var n) ? n : 0;

    private static string? Recomputing()
    {
        for (var a = Activity.Current; a is not null; a = a.Parent)
        {
            if (a.Source.Name == DasborTelemetry.Name && a.OperationName == "ingest.recompute")
            {
                return a.GetTagItem("dasbor.source") as string;
            }
        }
        return null;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Recomputing() is not { } source)
        {
            return result;
        }
        var text = command.CommandText.ReplaceLineEndings(" ");
        var key = (source, text.Length <= 160 ? text : text[..160]);
        return new CountingReader(result, () =>
        {
            _rows.AddOrUpdate(source, 1, (_, n) => n + 1);
            _byCommand.AddOrUpdate(key, 1, (_, n) => n + 1);
        });
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuted(command, eventData, result));

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Hook(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Hook(connection);
        return Task.CompletedTask;
    }

    private void Hook(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            raw.sqlite3_progress_handler(handle, StepsPerCall, _progress, null);
        }
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>A reader that reports each row it moves to.</summary>
    private sealed class CountingReader(DbDataReader inner, Action counted) : DbDataReader
    {
        public override bool Read()
        {
            var row = inner.Read();
            if (row)
            {
                counted();
            }
            return row;
        }

        public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
        {
            var row = await inner.ReadAsync(cancellationToken);
            if (row)
            {
                counted();
            }
            return row;
        }

        public override int Depth => inner.Depth;
        public override int FieldCount => inner.FieldCount;
        public override bool HasRows => inner.HasRows;
        public override bool IsClosed => inner.IsClosed;
        public override int RecordsAffected => inner.RecordsAffected;
        public override int VisibleFieldCount => inner.VisibleFieldCount;
        public override object this[int ordinal] => inner[ordinal];
        public override object this[string name] => inner[name];
        public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);
        public override byte GetByte(int ordinal) => inner.GetByte(ordinal);
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);
        public override char GetChar(int ordinal) => inner.GetChar(ordinal);
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);
        public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);
        public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);
        public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);
        public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);
        public override IEnumerator GetEnumerator() => inner.GetEnumerator();
        public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);
        public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);
        public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => inner.GetFieldValueAsync<T>(ordinal, cancellationToken);
        public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);
        public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);
        public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);
        public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);
        public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);
        public override string GetName(int ordinal) => inner.GetName(ordinal);
        public override int GetOrdinal(string name) => inner.GetOrdinal(name);
        public override Stream GetStream(int ordinal) => inner.GetStream(ordinal);
        public override string GetString(int ordinal) => inner.GetString(ordinal);
        public override TextReader GetTextReader(int ordinal) => inner.GetTextReader(ordinal);
        public override object GetValue(int ordinal) => inner.GetValue(ordinal);
        public override int GetValues(object[] values) => inner.GetValues(values);
        public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);
        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => inner.IsDBNullAsync(ordinal, cancellationToken);
        public override bool NextResult() => inner.NextResult();
        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => inner.NextResultAsync(cancellationToken);
        public override Type GetProviderSpecificFieldType(int ordinal) => inner.GetProviderSpecificFieldType(ordinal);
        public override object GetProviderSpecificValue(int ordinal) => inner.GetProviderSpecificValue(ordinal);
        public override int GetProviderSpecificValues(object[] values) => inner.GetProviderSpecificValues(values);
        public override void Close() => inner.Close();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
