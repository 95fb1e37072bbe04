using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OverdueTarget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 4L,
                column: "Value",
                value: 20.0);

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 11L,
                column: "Value",
                value: 20.0);

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 18L,
                column: "Value",
                value: 20.0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 4L,
                column: "Value",
                value: 10.0);

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 11L,
                column: "Value",
                value: 10.0);

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 18L,
                column: "Value",
                value: 10.0);
        }
    }
}
