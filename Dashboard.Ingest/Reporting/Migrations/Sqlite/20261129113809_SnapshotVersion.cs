using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
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
                type: "INTEGER",
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
