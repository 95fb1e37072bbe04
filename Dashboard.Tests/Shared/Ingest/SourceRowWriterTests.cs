using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Shared.Ingest;

public sealed class SourceRowWriterTests
{
    [Fact]
    public async Task Sqlite_UpsertRules_HoldThroughThePreparedWritePath()
    {
        await using var db = await TestDatabase.CreateAsync();
        await UpsertScenario.RunAsync(db, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The compiled binder writes every column as EF would: converted values (UTC ticks), a null nullable as NULL, a date as
    /// <c>yyyy-MM-dd</c> text, an empty string as an empty string (not NULL), a long text whole; EF reads back what was written;
    /// and the stale-version rule holds in SQL.
    /// </summary>
    [Fact]
    public async Task Sqlite_CompiledBinder_WritesWhatEfReads()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var at = new DateTimeOffset(2026, 10, 6, 8, 15, 0, TimeSpan.FromHours(7));
        var rows = new[]
        {
            new StaffingAttendance { Id = "PRS-1", NipKey = "p_a", Date = new DateOnly(2026, 10, 6), Status = "hadir", CheckInAt = at, UpdatedAt = at, Flags = "" },
            new StaffingAttendance { Id = "PRS-2", NipKey = "p_b", Date = new DateOnly(2026, 1, 2), Status = "cuti", CheckInAt = null, UpdatedAt = at.AddHours(1), Flags = null },
            new StaffingAttendance { Id = "PRS-3", NipKey = new string('é', 32), Date = new DateOnly(999, 12, 31), Status = "sakit", CheckInAt = null, UpdatedAt = at, Flags = new string('x', 200) },
        };
        await Write(rows);
        // A stale version changes nothing; a newer one replaces the row.
        await Write([
            new StaffingAttendance { Id = "PRS-1", NipKey = "p_a", Date = new DateOnly(2026, 10, 6), Status = "sakit", CheckInAt = null, UpdatedAt = at.AddHours(-1) },
            new StaffingAttendance { Id = "PRS-2", NipKey = "p_b", Date = new DateOnly(2026, 1, 2), Status = "hadir", CheckInAt = at, UpdatedAt = at.AddHours(2), Flags = "status" },
        ]);

        await using (var db = database.CreateDbContext())
        {
            var stored = await db.Set<StaffingAttendance>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
            Assert.Equal(3, stored.Count);
            Assert.True(stored[0].SameContentAs(rows[0]));
            Assert.Equal(("hadir", (DateTimeOffset?)at, at.AddHours(2), "status"), (stored[1].Status, stored[1].CheckInAt, stored[1].UpdatedAt, stored[1].Flags));
            Assert.True(stored[2].SameContentAs(rows[2]));
        }
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Date\", typeof(\"Date\"), \"CheckInAt\", \"UpdatedAt\", \"Flags\" IS NULL, \"Flags\" FROM \"StaffingAttendance\" ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal(("2026-10-06", "text", at.UtcTicks, at.UtcTicks, 0L, ""), (reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5)));
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal("2026-01-02", reader.GetString(0));
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal(("0999-12-31", true, 200), (reader.GetString(0), reader.IsDBNull(2), reader.GetString(5).Length));

        async Task Write(StaffingAttendance[] batch)
        {
            await using var db = database.CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await SourceRowWriter.WriteAsync(db, [.. batch.Select(r => new RowChange<StaffingAttendance>(r, null, false))], ct);
            await tx.CommitAsync(ct);
        }
    }
}
