using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Dashboard.Ingest.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// PostgreSQL's write path for a batch's source rows (<see cref="SourceRowWriter"/> hands PostgreSQL batches here: a whole
/// commit group, <see cref="FeedBatch.ApplyGroupAsync{T}"/>), inside the caller's transaction. New rows (none stored under
/// their id, as the batch found) go by binary <c>COPY</c> straight into the table, one <c>COPY</c> a batch, encoded by
/// <see cref="CopyBuffer"/> through an encoder compiled per table, its key refusing any that another writer stored since. Rows that replace a stored one go by binary
/// <c>COPY</c> into a temporary staging table of the same shape (one per entity table and session, no index, emptied at
/// commit), then one <c>INSERT … SELECT … ON CONFLICT (Id) DO UPDATE … WHERE excluded.UpdatedAt &gt;= stored.UpdatedAt</c>
/// moves them into the table, so the stale-version rule holds in SQL too. Deletions are one
/// <c>DELETE … WHERE Id = ANY(…)</c>. Columns,
/// their PostgreSQL types and value converters come from the EF model, so every source entity gets it without code of its
/// own. docs/BENCHMARKS.md (<c>bench-ingest --postgres</c>) compares it with a bare <c>COPY</c> of the same rows.
/// </summary>
public static class PostgreSqlRowWriter
{
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
        var table = Tables.GetOrAdd((db.Model, typeof(T)), static (key, model) => Table.For(model, key.Item2), db.Model);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Source rows are written inside the batch's transaction."));

        var deletes = changes.Where(c => c.Entity is null && c.Existed).Select(c => c.Stored!.Id).ToArray();
        if (deletes.Length > 0)
        {
            await using var delete = new NpgsqlCommand(table.DeleteSql, connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter<string[]>("ids", deletes));
            await delete.ExecuteNonQueryAsync(ct);
        }

        // Rows the batch found nowhere in the table (as this transaction sees it) are copied straight in: only this run writes
        // the source's tables (its lease), and should another writer have stored one since, the key refuses it and the
        // transaction rolls back: never a duplicate, never a newer row overwritten.
        var inserts = changes.Where(c => c.Entity is not null && !c.Existed).Select(c => c.Entity!).ToList();
        if (inserts.Count > 0)
        {
            await CopyAsync(connection, table.CopyToTableSql, table, inserts, ct);
        }
        var rows = changes.Where(c => c.Entity is not null && c.Existed).Select(c => c.Entity!).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        // A pooled connection comes back reset (its temporary tables dropped): the staging table is created once per use.
        await using (var create = new NpgsqlCommand(table.CreateStagingSql, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await CopyAsync(connection, table.CopySql, table, rows, ct);
        await using var upsert = new NpgsqlCommand(table.UpsertSql, connection, transaction);
        await upsert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Whether <paramref name="clrType"/>'s rows are encoded by <see cref="CopyBuffer"/> (every column of a type it encodes).</summary>
    internal static bool Encodes(IModel model, Type clrType) =>
        Tables.GetOrAdd((model, clrType), static (key, model) => Table.For(model, key.Item2), model).EncodeRow is not null;

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, Table table, List<T> rows, CancellationToken ct)
    {
        if (table.EncodeRow is Action<CopyBuffer, T> encode)
        {
            await CopyEncodedAsync(connection, copy, table.Columns, encode, rows, ct);
            return;
        }
        await using var import = await connection.BeginBinaryImportAsync(copy, ct);
        var write = (Action<NpgsqlBinaryImporter, T>)table.WriteRow!;
        foreach (var row in rows)
        {
            await import.StartRowAsync(ct);
            write(import, row);
        }
        await import.CompleteAsync(ct);
    }

    /// <summary>
    /// The rows encoded here in <c>COPY</c>'s binary format (<see cref="CopyBuffer"/>) and sent in blocks of about 64 KiB
    /// through Npgsql's raw binary <c>COPY</c>: no type resolution or parameter per value. A failure cancels the <c>COPY</c>, so
    /// no part of a block is taken (the caller's transaction rolls back anyway).
    /// </summary>
    private static async Task CopyEncodedAsync<T>(
        NpgsqlConnection connection, string copy, int columns, Action<CopyBuffer, T> encode, List<T> rows, CancellationToken ct)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(copy, ct);
        var buffer = new CopyBuffer();
        try
        {
            buffer.Header();
            foreach (var row in rows)
            {
                buffer.StartRow(columns);
                encode(buffer, row);
                if (buffer.Length >= CopyBuffer.Block)
                {
                    await stream.WriteAsync(buffer.Written, ct);
                    buffer.Clear();
                }
            }
            buffer.Trailer();
            await stream.WriteAsync(buffer.Written, ct);
        }
        catch
        {
            await stream.CancelAsync();
            await stream.DisposeAsync();
            throw;
        }
        // Disposing ends the COPY and reports the server's verdict (a key refused, a value too long).
        await stream.DisposeAsync();
    }

    private sealed class Table
    {
        private Table(string name, string staging, IReadOnlyList<string> columns, string key, string updatedAt, Delegate? writeRow, Delegate? encodeRow)
        {
            Columns = columns.Count;
            EncodeRow = encodeRow;
            var list = string.Join(", ", columns.Select(Quote));
            var set = string.Join(", ", columns.Where(c => c != key).Select(c => $"{Quote(c)} = excluded.{Quote(c)}"));
            CreateStagingSql = $"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {name} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";
            CopySql = $"COPY {staging} ({list}) FROM STDIN (FORMAT BINARY)";
            CopyToTableSql = $"COPY {name} ({list}) FROM STDIN (FORMAT BINARY)";
            // The staging table is emptied in the same round trip: the next page of the transaction stages its own rows.
            UpsertSql = $"INSERT INTO {name} ({list}) SELECT {list} FROM {staging} " +
                        $"ON CONFLICT ({Quote(key)}) DO UPDATE SET {set} WHERE excluded.{Quote(updatedAt)} >= {name}.{Quote(updatedAt)}; " +
                        $"TRUNCATE {staging}";
            DeleteSql = $"DELETE FROM {name} WHERE {Quote(key)} = ANY(@ids)";
            WriteRow = writeRow;
        }

        public string CreateStagingSql { get; }
        public string CopySql { get; }
        public string CopyToTableSql { get; }
        public string UpsertSql { get; }
        public string DeleteSql { get; }

        /// <summary>
        /// An <c>Action&lt;NpgsqlBinaryImporter, T&gt;</c> writing one entity's columns through Npgsql's importer, compiled once
        /// per table when <see cref="EncodeRow"/> is null.
        /// </summary>
        public Delegate? WriteRow { get; }

        /// <summary>
        /// An <c>Action&lt;CopyBuffer, T&gt;</c> encoding one entity's columns in <c>COPY</c>'s binary format, compiled once per
        /// table; null when a column's type is not one <see cref="CopyBuffer"/> encodes (the table then goes through
        /// <see cref="WriteRow"/>).
        /// </summary>
        public Delegate? EncodeRow { get; }

        public int Columns { get; }

        public static Table For(IModel model, Type clrType)
        {
            var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the reporting model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            if (entity.FindPrimaryKey() is not { Properties.Count: 1 } primaryKey)
            {
                throw new InvalidOperationException($"{clrType.Name} needs a single-column key to be upserted.");
            }
            var properties = entity.GetProperties().ToList();
            var name = table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
            var staging = Quote("dasbor_stage_" + table.Name);
            var updatedAt = properties.Single(p => p.Name == nameof(ISourceEntity.UpdatedAt));
            var encoder = CompileEncoder(clrType, properties);
            return new Table(
                name, staging, [.. properties.Select(p => p.GetColumnName(table)!)], primaryKey.Properties[0].GetColumnName(table)!,
                updatedAt.GetColumnName(table)!, encoder is null ? CompileWriter(clrType, properties) : null, encoder);
        }

        /// <summary>
        /// <c>(buffer, entity) =&gt; { buffer.WriteInt4(entity.A); … }</c>: each value converted to its provider type (EF's value
        /// converter) and encoded as its column's PostgreSQL type expects, null as <c>NULL</c>. Null when a column's provider
        /// type or PostgreSQL type is not one of <see cref="CopyBuffer"/>'s.
        /// </summary>
        private static Delegate? CompileEncoder(Type clrType, IReadOnlyList<IProperty> properties)
        {
            var buffer = Expression.Parameter(typeof(CopyBuffer), "buffer");
            var entity = Expression.Parameter(clrType, "entity");
            var body = new List<Expression>();
            using var probe = new NpgsqlCommand();
            foreach (var property in properties)
            {
                var member = property.PropertyInfo as MemberInfo ?? property.FieldInfo;
                if (member is null)
                {
                    return null;
                }
                var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                var dbType = ((NpgsqlParameter)mapping.CreateParameter(probe, "p", null, property.IsNullable)).NpgsqlDbType;
                var column = ColumnValue.Of(entity, member, mapping);
                if (CopyBuffer.Encoder(column.ProviderType, dbType) is not { } encoder)
                {
                    return null;
                }
                body.Add(column.NullOr(
                    Expression.Call(buffer, nameof(CopyBuffer.WriteNull), Type.EmptyTypes), Expression.Call(buffer, encoder, column.Provider)));
            }
            var delegateType = typeof(Action<,>).MakeGenericType(typeof(CopyBuffer), clrType);
            return Expression.Lambda(delegateType, Expression.Block(body), buffer, entity).Compile();
        }

        /// <summary>
        /// <c>(import, entity) =&gt; { import.Write(entity.A, type of A); … }</c> with each value converted to its provider type
        /// and null written as <c>NULL</c>: the values are not boxed, and each column's PostgreSQL type is the one its EF
        /// mapping gives its parameters (binary <c>COPY</c> sends no types: a value must be in its column's own format).
        /// </summary>
        private static Delegate CompileWriter(Type clrType, IReadOnlyList<IProperty> properties)
        {
            var import = Expression.Parameter(typeof(NpgsqlBinaryImporter), "import");
            var entity = Expression.Parameter(clrType, "entity");
            var body = new List<Expression>();
            using var probe = new NpgsqlCommand();
            foreach (var property in properties)
            {
                var member = property.PropertyInfo as MemberInfo ?? property.FieldInfo
                    ?? throw new InvalidOperationException($"{clrType.Name}.{property.Name}: a shadow property cannot be copied.");
                var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                var parameter = (NpgsqlParameter)mapping.CreateParameter(probe, "p", null, property.IsNullable);
                var dbType = parameter.NpgsqlDbType;
                if (dbType == NpgsqlDbType.Unknown)
                {
                    throw new InvalidOperationException($"{clrType.Name}.{property.Name}: no PostgreSQL type for {mapping.StoreType}.");
                }
                var column = ColumnValue.Of(entity, member, mapping);
                body.Add(column.NullOr(
                    Expression.Call(import, nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes),
                    Expression.Call(import, nameof(NpgsqlBinaryImporter.Write), [column.ProviderType], column.Provider, Expression.Constant(dbType))));
            }
            var delegateType = typeof(Action<,>).MakeGenericType(typeof(NpgsqlBinaryImporter), clrType);
            return Expression.Lambda(delegateType, Expression.Block(body), import, entity).Compile();
        }

        /// <summary>
        /// A column's value as both compiled writers read it: the member, and its provider value (EF's converter applied to
        /// the present value, <c>Nullable</c> unwrapped) that is written when the member is not null.
        /// </summary>
        private sealed record ColumnValue(Expression Member, bool Nullable, Expression Provider, Type ProviderType)
        {
            public static ColumnValue Of(Expression entity, MemberInfo member, RelationalTypeMapping mapping)
            {
                Expression value = Expression.MakeMemberAccess(entity, member);
                var underlying = System.Nullable.GetUnderlyingType(value.Type);
                var present = underlying is not null ? Expression.Property(value, "Value") : value;
                Expression provider = present;
                if (mapping.Converter is { } converter)
                {
                    var convert = converter.ConvertToProviderExpression;
                    provider = Expression.Invoke(convert, Expression.Convert(present, convert.Parameters[0].Type));
                }
                var providerType = System.Nullable.GetUnderlyingType(provider.Type) ?? provider.Type;
                if (providerType != provider.Type)
                {
                    provider = Expression.Property(provider, "Value");
                }
                return new ColumnValue(value, !value.Type.IsValueType || underlying is not null, provider, providerType);
            }

            /// <summary><paramref name="write"/>, or <paramref name="writeNull"/> when the member is null.</summary>
            public Expression NullOr(Expression writeNull, Expression write) => Nullable
                ? Expression.IfThenElse(Expression.Equal(Member, Expression.Constant(null, Member.Type)), writeNull, write)
                : write;
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
