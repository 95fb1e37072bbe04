using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunRetries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PendingRetryAttempt",
                table: "SourceStates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PendingRetryOfRunId",
                table: "SourceStates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempt",
                table: "IngestRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RetryOfRunId",
                table: "IngestRuns",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PendingRetryAttempt",
                table: "SourceStates");

            migrationBuilder.DropColumn(
                name: "PendingRetryOfRunId",
                table: "SourceStates");

            migrationBuilder.DropColumn(
                name: "Attempt",
                table: "IngestRuns");

            migrationBuilder.DropColumn(
                name: "RetryOfRunId",
                table: "IngestRuns");
        }
    }
}
