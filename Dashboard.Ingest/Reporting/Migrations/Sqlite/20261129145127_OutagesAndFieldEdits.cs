using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutagesAndFieldEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "IndicatorAnnotation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "IndicatorAnnotation",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "OpenKey",
                table: "IndicatorAnnotation",
                type: "TEXT",
                maxLength: 48,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StartedAt",
                table: "IndicatorAnnotation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorFieldEdit",
                columns: table => new
                {
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CatalogueValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EditedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorFieldEdit", x => new { x.IndicatorCode, x.Field });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorAnnotation_OpenKey",
                table: "IndicatorAnnotation",
                column: "OpenKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorFieldEdit");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorAnnotation_OpenKey",
                table: "IndicatorAnnotation");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "IndicatorAnnotation");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "IndicatorAnnotation");

            migrationBuilder.DropColumn(
                name: "OpenKey",
                table: "IndicatorAnnotation");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "IndicatorAnnotation");
        }
    }
}
