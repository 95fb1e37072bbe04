using System.Reflection;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>
/// <see cref="PostgreSqlRowWriter"/> encodes new rows itself in <c>COPY</c>'s binary format (<see cref="CopyBuffer"/>). For
/// every source entity of the model, a row written that way must be stored exactly as the same row saved through EF and
/// Npgsql's own parameters: text (non-ASCII, empty), negative and extreme numbers, dates and instants before 2000 with
/// sub-microsecond ticks and a +07:00 offset, the minimum and maximum dates and instants (infinity), and nulls. Needs a
/// server (<see cref="TemporaryPostgreSqlDatabase"/>).
/// </summary>
public sealed class CopyBufferTests
{
    [Fact]
    public async Task EverySourceEntity_IsEncoded_AndStoredExactlyAsEfStoresIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await TemporaryPostgreSqlDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<PostgreSqlReportingDbContext>().UseNpgsql(postgres.ConnectionString).UseReportingSeed().Options;
        await using (var db = new PostgreSqlReportingDbContext(options))
        {
            await db.Database.MigrateAsync(ct);
        }
        var write = typeof(CopyBufferTests).GetMethod(nameof(CompareAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        var entities = new PostgreSqlReportingDbContext(options).Model.GetEntityTypes()
            .Where(e => typeof(ISourceEntity).IsAssignableFrom(e.ClrType)).ToList();
        Assert.NotEmpty(entities);
        foreach (var entity in entities)
        {
            for (var variant = 0; variant < 2; variant++)
            {
                await (Task)write.MakeGenericMethod(entity.ClrType).Invoke(null, [options, variant, ct])!;
            }
        }
    }

    private static async Task CompareAsync<T>(DbContextOptions<PostgreSqlReportingDbContext> options, int variant, CancellationToken ct)
        where T : class, ISourceEntity
    {
        await using var db = new PostgreSqlReportingDbContext(options);
        var entityType = db.Model.FindEntityType(typeof(T))!;
        Assert.True(PostgreSqlRowWriter.Encodes(db.Model, typeof(T)), $"{typeof(T).Name} is not encoded by CopyBuffer.");
        var table = entityType.GetTableName()!;
        var key = entityType.FindPrimaryKey()!.Properties[0].GetColumnName();
        var clear = "DELETE FROM \"" + table + "\"";

        var viaEf = Fill<T>(entityType, variant, "ef");
        db.Add(viaEf);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var stored = await RowAsync(db, table, key, ct);

        var viaCopy = Fill<T>(entityType, variant, "ef");
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync(clear, ct);
            await PostgreSqlRowWriter.WriteAsync(db, [new RowChange<T>(viaCopy, null, false)], ct);
            await tx.CommitAsync(ct);
        }
        var copied = await RowAsync(db, table, key, ct);
        Assert.Equal(stored, copied);
        await db.Database.ExecuteSqlRawAsync(clear, ct);
    }

    /// <summary>The table's one row as PostgreSQL prints it (every column, infinity and microseconds included).</summary>
    private static async Task<string> RowAsync(ReportingDbContext db, string table, string key, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
            var row = (string?)await command.ExecuteScalarAsync(ct);
            Assert.NotNull(row);
            return row;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>An entity whose every mapped property holds an edge value of its type (variant 0) or an ordinary one (1).</summary>
    private static T Fill<T>(IEntityType entityType, int variant, string id) where T : class
    {
        var entity = Activator.CreateInstance<T>();
        var key = entityType.FindPrimaryKey()!.Properties[0];
        foreach (var property in entityType.GetProperties())
        {
            var info = property.PropertyInfo!;
            var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
            var nullable = property.IsNullable;
            object? value;
            if (property == key)
            {
                value = id;
            }
            else if (nullable && variant == 0)
            {
                value = null;
            }
            else if (type == typeof(string))
            {
                var text = variant == 0 ? "" : "Kedungkandang – Ünïcödé ☕ 'kutip' \"dua\" \\ baris\nbaru";
                var max = property.GetMaxLength() ?? text.Length;
                value = text.Length <= max ? text : text[..max];
            }
            else if (type == typeof(int))
            {
                value = variant == 0 ? int.MinValue : 1_234_567;
            }
            else if (type == typeof(long))
            {
                value = variant == 0 ? long.MinValue : 9_876_543_210L;
            }
            else if (type == typeof(bool))
            {
                value = variant == 1;
            }
            else if (type == typeof(double))
            {
                value = variant == 0 ? -1e-300 : 12.3456789012345;
            }
            else if (type == typeof(DateOnly))
            {
                value = variant == 0 ? DateOnly.MinValue : new DateOnly(1999, 12, 31);
            }
            else if (type == typeof(DateTimeOffset))
            {
                value = variant == 0 ? DateTimeOffset.MaxValue : new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.FromHours(7)).AddTicks(9_999_999);
            }
            else
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{info.Name}: no edge value for {type.Name}; add one here.");
            }
            info.SetValue(entity, value);
        }
        return entity;
    }
}
