using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WallScreens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WallScreen",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Boards = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RotateRegions = table.Column<bool>(type: "INTEGER", nullable: false),
                    RotationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<int>(type: "INTEGER", nullable: false),
                    NightFrom = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    NightUntil = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TokenRotatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastResolution = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LastAppVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastBoard = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WallScreen", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WallScreen_TokenHash",
                table: "WallScreen",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WallScreen");
        }
    }
}
