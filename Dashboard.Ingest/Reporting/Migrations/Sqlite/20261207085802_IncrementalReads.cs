using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncrementalReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastEventAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorCode_Date",
                table: "IndicatorValues",
                columns: new[] { "IndicatorCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_LastEventAt",
                table: "Complaints",
                column: "LastEventAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_IndicatorCode_Date",
                table: "IndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_LastEventAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LastEventAt",
                table: "Complaints");
        }
    }
}
