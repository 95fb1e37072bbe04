using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StaffingRecordKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows under the old keys go first (the feeds are read again); SQL Server cannot alter a primary-key column,
            // so each key is dropped, widened and added back.
            migrationBuilder.Sql(Dashboard.Ingest.Sources.Staffing.StaffingRecordKeysMigration.SqlServerSql);
            Widen(migrationBuilder, "StaffingPerformance", 32, 64);
            Widen(migrationBuilder, "StaffingAttendance", 32, 64);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Dashboard.Ingest.Sources.Staffing.StaffingRecordKeysMigration.SqlServerSql);
            Widen(migrationBuilder, "StaffingPerformance", 64, 32);
            Widen(migrationBuilder, "StaffingAttendance", 64, 32);
        }

        private static void Widen(MigrationBuilder migrationBuilder, string table, int from, int to)
        {
            migrationBuilder.DropPrimaryKey(name: "PK_" + table, table: table);
            migrationBuilder.AlterColumn<string>(
                name: "Id",
                table: table,
                type: $"nvarchar({to})",
                maxLength: to,
                nullable: false,
                oldClrType: typeof(string),
                oldType: $"nvarchar({from})",
                oldMaxLength: from);
            migrationBuilder.AddPrimaryKey(name: "PK_" + table, table: table, column: "Id");
        }
    }
}
