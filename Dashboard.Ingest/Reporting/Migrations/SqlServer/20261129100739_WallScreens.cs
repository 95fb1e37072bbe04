using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Location = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: true),
                    Boards = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    RotateRegions = table.Column<bool>(type: "bit", nullable: false),
                    RotationSeconds = table.Column<int>(type: "int", nullable: false),
                    Theme = table.Column<int>(type: "int", nullable: false),
                    NightFrom = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    NightUntil = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    TokenRotatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastResolution = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    LastAppVersion = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LastBoard = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
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
