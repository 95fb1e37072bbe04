using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Letters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LettersRequests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KelurahanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LetterType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LettersRequests", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "IndicatorTargets",
                columns: new[] { "Id", "IndicatorCode", "Period", "PeriodEnd", "PeriodStart", "Value" },
                values: new object[,]
                {
                    { 45025L, "SURAT_SESUAI_STANDAR_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 45026L, "SURAT_SESUAI_STANDAR_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 45027L, "SURAT_SESUAI_STANDAR_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 }
                });

            migrationBuilder.InsertData(
                table: "Indicators",
                columns: new[] { "Code", "CadenceMinutes", "DefinitionEn", "DefinitionId", "Direction", "DisplayOrder", "Formula", "FreshnessMinutes", "LegalBasis", "NameEn", "NameId", "Number", "OwnerOpd", "Source", "Tolerance", "Unit" },
                values: new object[,]
                {
                    { "SURAT_PERMOHONAN", 60, "Letter requests made at the kelurahan that day (every type, rejected ones included). Label: the breakdown by letter type (domisili, sktm, pengantar_skck, keterangan_usaha, kematian, lainnya).", "Jumlah permohonan surat keterangan di kelurahan pada hari itu (semua jenis, termasuk yang ditolak). Label: rincian per jenis surat (domisili, sktm, pengantar_skck, keterangan_usaha, kematian, lainnya).", 0, 44, "count(requested_at dalam hari itu); label = count per letter_type", 180, "UU 25/2009 (Pelayanan Publik); Permenpan RB 15/2014 (Standar Pelayanan); PP 17/2018 (Kecamatan)", "Kelurahan letter requests", "Permohonan surat keterangan kelurahan", 44, "SETDA", "Letters", 0.0, 0 },
                    { "SURAT_SESUAI_STANDAR_PCT", 1440, "Of requests (rejected ones excluded) whose service-standard deadline fell in the last 30 days, the share completed by that deadline. Design assumption (no published Malang standard was found): domisili, pengantar SKCK and kematian 1 working day; SKTM, keterangan usaha and lainnya 3 working days; Monday–Friday, national holidays not yet subtracted.", "Dari permohonan (tidak termasuk yang ditolak) yang batas standar pelayanannya jatuh dalam 30 hari terakhir, bagian yang selesai sebelum batas itu. Asumsi desain (standar Malang tidak ditemukan): domisili, pengantar SKCK dan kematian 1 hari kerja; SKTM, keterangan usaha dan lainnya 3 hari kerja; hari kerja Senin–Jumat, libur nasional belum dikurangkan.", 1, 45, "count(status = selesai ∧ completed_at ≤ batas) / count(status ≠ ditolak ∧ batas dalam 30 hari terakhir) × 100; batas = requested_at + standar(letter_type) hari kerja", 2880, "UU 25/2009 (Pelayanan Publik); Permenpan RB 15/2014 (Standar Pelayanan); PP 17/2018 (Kecamatan)", "Letters completed within the service standard", "Surat selesai sesuai standar pelayanan", 45, "SETDA", "Letters", 0.050000000000000003, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_LettersRequests_KelurahanCode",
                table: "LettersRequests",
                column: "KelurahanCode");

            migrationBuilder.CreateIndex(
                name: "IX_LettersRequests_RequestedAt",
                table: "LettersRequests",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LettersRequests_Status_CompletedAt",
                table: "LettersRequests",
                columns: new[] { "Status", "CompletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LettersRequests");

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 45025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 45026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 45027L);

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SURAT_PERMOHONAN");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SURAT_SESUAI_STANDAR_PCT");
        }
    }
}
