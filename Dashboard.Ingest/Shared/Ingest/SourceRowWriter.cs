using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Dashboard.Ingest.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>One row's fate in a batch: written as <see cref="Entity"/>, or deleted when it is null.</summary>
/// <param name="Existed">The row was in the database before the batch (an update or a delete, not an insert).</param>
public readonly record struct RowChange<T>(T? Entity, T? Stored, bool Existed) where T : class;

/// <summary>
/// Writes a batch's source rows inside the caller's transaction, without change tracking; PostgreSQL's rows go to
/// <see cref="PostgreSqlRowWriter"/> (binary <c>COPY</c> into a staging table, then one upsert). On SQLite
/// one prepared <c>INSERT … ON CONFLICT (Id) DO UPDATE … WHERE excluded.UpdatedAt &gt;= stored</c>
/// (the stale-version rule again, in SQL) and a prepared <c>DELETE</c>; the statements are built from the EF model
/// (table, columns, value converters), so every source entity gets them without code of its own. On SQLite the upsert is
/// one row a statement, prepared on the connection's own handle and bound by position when every column's type allows. SQL Server keeps
/// EF's tracked <c>Add</c>/<c>Update</c>/<c>Remove</c>, saved with the rest of the batch (no server here to measure a
/// <c>MERGE</c> against).
/// </summary>
public static class SourceRowWriter
{
    /// <summary>
    /// Rows in one upsert statement on SQLite's by-name path (tables whose columns cannot all be bound natively): SQLite
    /// runs in process and binds parameters by name with a linear search, so a wide statement costs more than it saves.
    /// </summary>
    private const int RowsPerStatementSqlite = 1;

    /// <summary>
    /// Of <paramref name="ids"/>, those stored in <typeparamref name="T"/>'s table (one cheap keyed query; null on SQL
    /// Server, where the caller looks the rows up through EF). A first load finds none and loads no entity.
    /// </summary>
    public static async Task<HashSet<string>?> StoredIdsAsync<T>(ReportingDbContext db, IReadOnlyCollection<string> ids, CancellationToken ct)
        where T : class, ISourceEntity
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        var sqlite = db.Database.IsSqlite();
        if (!sqlite && !db.Database.IsNpgsql())
        {
            return null;
        }
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }
        var table = Tables.GetOrAdd((db.Model, typeof(T)), static (key, model) => Table.For(model, key.Item2), db.Model);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var p = command.CreateParameter();
        p.ParameterName = "@ids";
        if (sqlite)
        {
            command.CommandText = table.StoredIdsSqlite;
            p.Value = System.Text.Json.JsonSerializer.Serialize(ids);
        }
        else
        {
            command.CommandText = table.StoredIdsPostgreSql;
            p.Value = ids.ToArray();
        }
        command.Parameters.Add(p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetString(0));
        }
        return found;
    }

    private static readonly ConcurrentDictionary<(IModel, Type), Table> Tables = new();

    public static async Task WriteAsync<T>(ReportingDbContext db, IReadOnlyCollection<RowChange<T>> changes, CancellationToken ct)
        where T : class, ISourceEntity
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }
        if (db.Database.IsNpgsql())
        {
            await PostgreSqlRowWriter.WriteAsync(db, changes, ct);
            return;
        }
        var sqlite = db.Database.IsSqlite();
        if (!sqlite)
        {
            Track(db, changes);
            return;
        }
        var table = Tables.GetOrAdd((db.Model, typeof(T)), static (key, model) => Table.For(model, key.Item2), db.Model);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Source rows are written inside the batch's transaction.");

        // One pass: a first load's million rows go through here (no LINQ pipeline a page).
        var deletes = new List<string>();
        var rows = new List<T>(changes.Count);
        foreach (var c in changes)
        {
            if (c.Entity is not null)
            {
                rows.Add(c.Entity);
            }
            else if (c.Existed)
            {
                deletes.Add(c.Stored!.Id);
            }
        }
        if (deletes.Count > 0)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = table.DeleteSql;
            var id = table.KeyParameter(delete);
            await delete.PrepareAsync(ct);
            foreach (var key in deletes)
            {
                id.Value = key;
                await delete.ExecuteNonQueryAsync(ct);
            }
        }

        if (rows.Count == 0)
        {
            return;
        }
        if (table.BindsNatively && connection is SqliteConnection { Handle: { } handle })
        {
            table.UpsertNatively(handle, rows);
            return;
        }
        await using var upsert = table.UpsertCommand(connection, transaction, RowsPerStatementSqlite);
        await upsert.PrepareAsync(ct);
        for (var start = 0; start < rows.Count; start += RowsPerStatementSqlite)
        {
            table.Bind(upsert, rows, start, RowsPerStatementSqlite);
            await upsert.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Track<T>(ReportingDbContext db, IReadOnlyCollection<RowChange<T>> changes) where T : class
    {
        var set = db.Set<T>();
        foreach (var c in changes)
        {
            if (c.Entity is null)
            {
                if (c.Existed)
                {
                    set.Remove(c.Stored!);
                }
            }
            else if (c.Existed)
            {
                set.Update(c.Entity);
            }
            else
            {
                set.Add(c.Entity);
            }
        }
    }

    private sealed class Column(IProperty property, string name)
    {
        public IProperty Property => property;

        public ValueConverter? Converter => _mapping.Converter;

        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly RelationalTypeMapping _mapping = (RelationalTypeMapping)property.GetTypeMapping();

        public string Name { get; } = name;
        public bool IsKey { get; } = property.IsPrimaryKey();
        public bool IsUpdatedAt { get; } = property.Name == nameof(ISourceEntity.UpdatedAt);

        public DbParameter Parameter(DbCommand command, string name)
        {
            // The mapping sets the provider's parameter type (timestamptz, date, …); the value is set row by row.
            var p = _mapping.CreateParameter(command, name, null, property.IsNullable);
            command.Parameters.Add(p);
            return p;
        }

        /// <summary>
        /// The provider value is one SQLite's own API binds directly as Microsoft.Data.Sqlite would (integer, real, text, a
        /// date as <c>yyyy-MM-dd</c>); other types (GUIDs, decimals, timestamps as text…) go through Microsoft.Data.Sqlite.
        /// </summary>
        public bool BindsNatively { get; } = IsNative(property);

        private static readonly HashSet<Type> NativeTypes =
            [typeof(string), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(DateOnly)];

        private static bool IsNative(IProperty property)
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            return NativeTypes.Contains(Nullable.GetUnderlyingType(type) ?? type);
        }

        /// <summary>Binds this column's value of <paramref name="entity"/> to parameter <paramref name="index"/> (1-based) of a statement.</summary>
        public void Bind(sqlite3_stmt statement, int index, object entity)
        {
            var rc = Value(entity) switch
            {
                DBNull => raw.sqlite3_bind_null(statement, index),
                string text => raw.sqlite3_bind_text(statement, index, text),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                int number => raw.sqlite3_bind_int64(statement, index, number),
                short number => raw.sqlite3_bind_int64(statement, index, number),
                byte number => raw.sqlite3_bind_int64(statement, index, number),
                bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
                double real => raw.sqlite3_bind_double(statement, index, real),
                DateOnly day => raw.sqlite3_bind_text(statement, index, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                var other => throw new InvalidOperationException($"{Name}: {other.GetType().Name} is not bound natively."),
            };
            Native.Check(rc, statement);
        }

        public object Value(object entity)
        {
            var value = _getter.GetClrValue(entity);
            if (value is not null && _mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }
            return value ?? DBNull.Value;
        }
    }

    private sealed class Table
    {
        private readonly string _name;
        private readonly Column[] _columns;
        private readonly Column _key;
        private readonly string _conflict;

        private Table(string name, Column[] columns)
        {
            _name = name;
            _columns = columns;
            _key = columns.Single(c => c.IsKey);
            var updatedAt = columns.Single(c => c.IsUpdatedAt);
            var set = string.Join(", ", columns.Where(c => !c.IsKey).Select(c => $"{Quote(c.Name)} = excluded.{Quote(c.Name)}"));
            _conflict = $" ON CONFLICT ({Quote(_key.Name)}) DO UPDATE SET {set} WHERE excluded.{Quote(updatedAt.Name)} >= {_name}.{Quote(updatedAt.Name)}";
            DeleteSql = $"DELETE FROM {_name} WHERE {Quote(_key.Name)} = @k";
            StoredIdsSqlite = $"SELECT {Quote(_key.Name)} FROM {_name} WHERE {Quote(_key.Name)} IN (SELECT value FROM json_each(@ids))";
            StoredIdsPostgreSql = $"SELECT {Quote(_key.Name)} FROM {_name} WHERE {Quote(_key.Name)} = ANY(@ids)";
            _nativeUpsert = $"INSERT INTO {_name} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES " +
                $"({string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))}){_conflict}";
        }

        private readonly string _nativeUpsert;

        /// <summary>The compiled <c>Action&lt;sqlite3_stmt, T&gt;</c> that binds a row (<see cref="RowBinder"/>), made on first use.</summary>
        private Delegate? _rowBinder;

        public string DeleteSql { get; }
        public string StoredIdsSqlite { get; }
        public string StoredIdsPostgreSql { get; }

        public static Table For(IModel model, Type clrType)
        {
            var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the reporting model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            if (entity.FindPrimaryKey() is not { Properties.Count: 1 })
            {
                throw new InvalidOperationException($"{clrType.Name} needs a single-column key to be upserted.");
            }
            var columns = entity.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!)).ToArray();
            var name = table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
            return new Table(name, columns);
        }

        public DbParameter KeyParameter(DbCommand command) => _key.Parameter(command, "@k");

        /// <summary>Every column binds natively on SQLite (<see cref="Column.BindsNatively"/>).</summary>
        public bool BindsNatively => _columns.All(c => c.BindsNatively);

        /// <summary>
        /// Upserts <paramref name="rows"/> through one statement prepared on the connection's own handle and bound by position,
        /// inside the transaction the connection holds: Microsoft.Data.Sqlite looks every parameter up by name and opens a
        /// reader for each execution, which on a million rows costs seconds.
        /// </summary>
        public void UpsertNatively<T>(sqlite3 db, List<T> rows) where T : class
        {
            var bind = (Action<sqlite3_stmt, T>)(_rowBinder ??= RowBinder.For<T>(_columns));
            Native.Check(db, raw.sqlite3_prepare_v2(db, _nativeUpsert, out var statement));
            using (statement)
            {
                foreach (var row in rows)
                {
                    bind(statement, row);
                    var rc = raw.sqlite3_step(statement);
                    if (rc != raw.SQLITE_DONE)
                    {
                        Native.Check(db, rc);
                    }
                    raw.sqlite3_reset(statement);
                }
            }
        }

        public DbCommand UpsertCommand(DbConnection connection, DbTransaction transaction, int rows)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO ").Append(_name).Append(" (")
                .AppendJoin(", ", _columns.Select(c => Quote(c.Name))).Append(") VALUES ");
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < _columns.Length; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                    _columns[c].Parameter(command, name);
                }
                sql.Append(')');
            }
            command.CommandText = sql.Append(_conflict).ToString();
            return command;
        }

        public void Bind<T>(DbCommand command, List<T> rows, int start, int count) where T : class
        {
            var parameters = command.Parameters;
            var i = 0;
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                foreach (var column in _columns)
                {
                    parameters[i++].Value = column.Value(row);
                }
            }
        }

        // Quoted identifiers: PostgreSQL folds unquoted names to lower case; SQLite accepts the quotes.
        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Binds a row's columns to a prepared statement by position, compiled once a table: the property read, the EF value
    /// converter (<c>DateTimeOffset</c> to UTC ticks…) and SQLite's typed bind, without boxing a value or calling a converter
    /// through <c>object</c>. Text is bound as UTF-8 encoded on the stack when short. A column of another type goes through
    /// <see cref="Column.Bind"/>.
    /// </summary>
    private static class RowBinder
    {
        public static Action<sqlite3_stmt, T> For<T>(Column[] columns)
        {
            var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
            var row = Expression.Parameter(typeof(T), "row");
            var body = new List<Expression>(columns.Length);
            for (var c = 0; c < columns.Length; c++)
            {
                body.Add(Bind(columns[c], statement, Expression.Constant(c + 1), row));
            }
            return Expression.Lambda<Action<sqlite3_stmt, T>>(Expression.Block(body), statement, row).Compile();
        }

        private static MethodCallExpression Bind(Column column, ParameterExpression statement, Expression index, ParameterExpression row)
        {
            var info = column.Property.PropertyInfo;
            if (info is null || info.GetMethod is null || column.Property.IsShadowProperty())
            {
                return Boxed(column, statement, index, row);
            }
            Expression value = Expression.Property(row, info);
            var underlying = Nullable.GetUnderlyingType(value.Type);
            if (column.Converter is { } converter)
            {
                var model = underlying ?? value.Type;
                if (converter.ModelClrType != model)
                {
                    return Boxed(column, statement, index, row);
                }
                var convert = converter.ConvertToProviderExpression;
                var provider = convert.ReturnType;
                if (underlying is null)
                {
                    value = Expression.Invoke(convert, value);
                }
                else
                {
                    // EF never hands a null to a converter: null stays null.
                    var nullable = provider.IsValueType ? typeof(Nullable<>).MakeGenericType(provider) : provider;
                    value = Expression.Condition(
                        Expression.Property(value, "HasValue"),
                        Expression.Convert(Expression.Invoke(convert, Expression.Property(value, "Value")), nullable),
                        Expression.Constant(null, nullable));
                }
            }
            var type = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
            var isNullable = Nullable.GetUnderlyingType(value.Type) is not null;
            string? method = type switch
            {
                _ when type == typeof(string) => nameof(Text),
                _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) => isNullable ? nameof(NullableInt64) : nameof(Int64),
                _ when type == typeof(bool) => isNullable ? nameof(NullableBoolean) : nameof(Boolean),
                _ when type == typeof(double) => isNullable ? nameof(NullableReal) : nameof(Real),
                _ when type == typeof(DateOnly) => isNullable ? nameof(NullableDate) : nameof(Date),
                _ => null,
            };
            if (method is null)
            {
                return Boxed(column, statement, index, row);
            }
            var target = typeof(RowBinder).GetMethod(method, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!;
            var parameter = target.GetParameters()[2].ParameterType;
            return Expression.Call(target, statement, index, value.Type == parameter ? value : Expression.Convert(value, parameter));
        }

        private static MethodCallExpression Boxed(Column column, ParameterExpression statement, Expression index, ParameterExpression row) =>
            Expression.Call(Expression.Constant(column), typeof(Column).GetMethod(nameof(Column.Bind))!, statement, index, row);

        public static void Text(sqlite3_stmt statement, int index, string? value)
        {
            if (value is null)
            {
                Native.Check(raw.sqlite3_bind_null(statement, index), statement);
                return;
            }
            // SQLite copies the bytes (SQLITE_TRANSIENT): a short value is encoded on the stack, not in a new array. Not an
            // empty one: an empty span has no address, and SQLite would bind a NULL.
            if (value.Length is > 0 and <= 128)
            {
                Span<byte> utf8 = stackalloc byte[128 * 3];
                var length = Encoding.UTF8.GetBytes(value, utf8);
                Native.Check(raw.sqlite3_bind_text(statement, index, utf8[..length]), statement);
                return;
            }
            Native.Check(raw.sqlite3_bind_text(statement, index, value), statement);
        }

        public static void Int64(sqlite3_stmt statement, int index, long value) =>
            Native.Check(raw.sqlite3_bind_int64(statement, index, value), statement);

        public static void NullableInt64(sqlite3_stmt statement, int index, long? value) =>
            Native.Check(value is { } v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index), statement);

        public static void Boolean(sqlite3_stmt statement, int index, bool value) => Int64(statement, index, value ? 1 : 0);

        public static void NullableBoolean(sqlite3_stmt statement, int index, bool? value) =>
            NullableInt64(statement, index, value is { } v ? (v ? 1 : 0) : null);

        public static void Real(sqlite3_stmt statement, int index, double value) =>
            Native.Check(raw.sqlite3_bind_double(statement, index, value), statement);

        public static void NullableReal(sqlite3_stmt statement, int index, double? value) =>
            Native.Check(value is { } v ? raw.sqlite3_bind_double(statement, index, v) : raw.sqlite3_bind_null(statement, index), statement);

        /// <summary>A date as Microsoft.Data.Sqlite writes it: <c>yyyy-MM-dd</c> text.</summary>
        public static void Date(sqlite3_stmt statement, int index, DateOnly value)
        {
            Span<byte> utf8 = stackalloc byte[10];
            IsoTime.FormatDate(value, utf8);
            Native.Check(raw.sqlite3_bind_text(statement, index, utf8), statement);
        }

        public static void NullableDate(sqlite3_stmt statement, int index, DateOnly? value)
        {
            if (value is { } v)
            {
                Date(statement, index, v);
            }
            else
            {
                Native.Check(raw.sqlite3_bind_null(statement, index), statement);
            }
        }
    }

    private static class Native
    {
        public static void Check(sqlite3 db, int rc)
        {
            if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                // The same exception Microsoft.Data.Sqlite throws, so callers and tests see no difference.
                throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(db));
            }
        }

        public static void Check(int rc, sqlite3_stmt statement)
        {
            if (rc != raw.SQLITE_OK)
            {
                Check(raw.sqlite3_db_handle(statement), rc);
            }
        }
    }
}
