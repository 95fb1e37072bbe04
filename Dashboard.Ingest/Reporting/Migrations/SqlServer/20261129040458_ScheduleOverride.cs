using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScheduleOverride : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ScheduleChangedAt",
                table: "SourceStates",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleChangedBy",
                table: "SourceStates",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleOverride",
                table: "SourceStates",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScheduleChangedAt",
                table: "SourceStates");

            migrationBuilder.DropColumn(
                name: "ScheduleChangedBy",
                table: "SourceStates");

            migrationBuilder.DropColumn(
                name: "ScheduleOverride",
                table: "SourceStates");
        }
    }
}
