using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 1L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 2L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 3L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 4L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 5L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 6L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 7L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 8L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 9L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 10L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 11L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 12L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 13L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 14L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 15L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 16L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 17L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 18L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 19L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 20L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 21L);

            migrationBuilder.InsertData(
                table: "IndicatorTargets",
                columns: new[] { "Id", "IndicatorCode", "Period", "PeriodEnd", "PeriodStart", "Value" },
                values: new object[,]
                {
                    { 2025L, "ADUAN_BELUM_VERIFIKASI", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 10.0 },
                    { 2026L, "ADUAN_BELUM_VERIFIKASI", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 10.0 },
                    { 2027L, "ADUAN_BELUM_VERIFIKASI", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 10.0 },
                    { 3025L, "ADUAN_DITINDAKLANJUTI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 95.0 },
                    { 3026L, "ADUAN_DITINDAKLANJUTI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 95.0 },
                    { 3027L, "ADUAN_DITINDAKLANJUTI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 95.0 },
                    { 4025L, "ADUAN_TL_5HK_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 4026L, "ADUAN_TL_5HK_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 4027L, "ADUAN_TL_5HK_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 },
                    { 5025L, "ADUAN_LEWAT_SLA", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 20.0 },
                    { 5026L, "ADUAN_LEWAT_SLA", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 20.0 },
                    { 5027L, "ADUAN_LEWAT_SLA", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 20.0 },
                    { 6025L, "ADUAN_RESPON_PERTAMA_JAM", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 16.0 },
                    { 6026L, "ADUAN_RESPON_PERTAMA_JAM", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 16.0 },
                    { 6027L, "ADUAN_RESPON_PERTAMA_JAM", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 16.0 },
                    { 7025L, "ADUAN_SELESAI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 85.0 },
                    { 7026L, "ADUAN_SELESAI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 85.0 },
                    { 7027L, "ADUAN_SELESAI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 85.0 },
                    { 8025L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 8026L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 8027L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 2025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 2026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 2027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 3025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 3026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 3027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 4025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 4026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 4027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 5025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 5026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 5027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 6025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 6026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 6027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 7025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 7026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 7027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 8025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 8026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 8027L);

            migrationBuilder.InsertData(
                table: "IndicatorTargets",
                columns: new[] { "Id", "IndicatorCode", "Period", "PeriodEnd", "PeriodStart", "Value" },
                values: new object[,]
                {
                    { 1L, "ADUAN_BELUM_VERIFIKASI", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 10.0 },
                    { 2L, "ADUAN_DITINDAKLANJUTI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 95.0 },
                    { 3L, "ADUAN_TL_5HK_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 4L, "ADUAN_LEWAT_SLA", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 20.0 },
                    { 5L, "ADUAN_RESPON_PERTAMA_JAM", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 16.0 },
                    { 6L, "ADUAN_SELESAI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 85.0 },
                    { 7L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 8L, "ADUAN_BELUM_VERIFIKASI", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 10.0 },
                    { 9L, "ADUAN_DITINDAKLANJUTI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 95.0 },
                    { 10L, "ADUAN_TL_5HK_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 11L, "ADUAN_LEWAT_SLA", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 20.0 },
                    { 12L, "ADUAN_RESPON_PERTAMA_JAM", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 16.0 },
                    { 13L, "ADUAN_SELESAI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 85.0 },
                    { 14L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 15L, "ADUAN_BELUM_VERIFIKASI", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 10.0 },
                    { 16L, "ADUAN_DITINDAKLANJUTI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 95.0 },
                    { 17L, "ADUAN_TL_5HK_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 },
                    { 18L, "ADUAN_LEWAT_SLA", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 20.0 },
                    { 19L, "ADUAN_RESPON_PERTAMA_JAM", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 16.0 },
                    { 20L, "ADUAN_SELESAI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 85.0 },
                    { 21L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 }
                });
        }
    }
}
