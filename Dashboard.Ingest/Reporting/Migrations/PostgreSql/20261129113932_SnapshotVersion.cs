using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SnapshotVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SnapshotVersion",
                table: "SourceStates",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SnapshotVersion",
                table: "SourceStates");
        }
    }
}
