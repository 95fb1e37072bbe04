using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialAid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SocialAidDisbursements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FamilyKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Program = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DisbursedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialAidDisbursements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialAidFamilies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KelurahanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Desil = table.Column<int>(type: "INTEGER", nullable: false),
                    Programs = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    VervalStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    GraduatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialAidFamilies", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "IndicatorTargets",
                columns: new[] { "Id", "IndicatorCode", "Period", "PeriodEnd", "PeriodStart", "Value" },
                values: new object[,]
                {
                    { 32025L, "BANSOS_SALUR_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 98.0 },
                    { 32026L, "BANSOS_SALUR_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 98.0 },
                    { 32027L, "BANSOS_SALUR_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 98.0 },
                    { 33025L, "BANSOS_GAGAL_SALUR", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 50.0 },
                    { 33026L, "BANSOS_GAGAL_SALUR", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 50.0 },
                    { 33027L, "BANSOS_GAGAL_SALUR", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 50.0 },
                    { 35025L, "BANSOS_CAKUPAN_DESIL_1_4_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 35026L, "BANSOS_CAKUPAN_DESIL_1_4_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 35027L, "BANSOS_CAKUPAN_DESIL_1_4_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 },
                    { 36025L, "BANSOS_INCLUSION_ERROR", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 100.0 },
                    { 36026L, "BANSOS_INCLUSION_ERROR", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 100.0 },
                    { 36027L, "BANSOS_INCLUSION_ERROR", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 100.0 },
                    { 37025L, "DTSEN_VERVAL_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 95.0 },
                    { 37026L, "DTSEN_VERVAL_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 95.0 },
                    { 37027L, "DTSEN_VERVAL_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 95.0 },
                    { 38025L, "PKH_GRADUASI", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 130.0 },
                    { 38026L, "PKH_GRADUASI", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 130.0 },
                    { 38027L, "PKH_GRADUASI", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 130.0 }
                });

            migrationBuilder.InsertData(
                table: "Indicators",
                columns: new[] { "Code", "CadenceMinutes", "DefinitionEn", "DefinitionId", "Direction", "DisplayOrder", "Formula", "FreshnessMinutes", "LegalBasis", "NameEn", "NameId", "Number", "OwnerOpd", "Source", "Tolerance", "Unit" },
                values: new object[,]
                {
                    { "BANSOS_CAKUPAN_DESIL_1_4_PCT", 129600, "Share of registered desil 1–4 families receiving at least one programme.", "Bagian keluarga desil 1–4 yang masih terdaftar yang menerima sedikitnya satu program.", 1, 35, "count(desil ≤ 4 ∧ KPM) / count(status ≠ nonaktif ∧ desil ≤ 4) × 100", 259200, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Aid coverage of desil 1–4", "Cakupan bansos desil 1–4", 35, "DINSOS", "SocialAid", 0.050000000000000003, 1 },
                    { "BANSOS_GAGAL_SALUR", 1440, "Payments of the current tahap that failed; the page lists their reasons. The failure time is the failed version's updated_at (the contract has no failure date); a successful retry no longer counts.", "Penyaluran tahap berjalan yang berstatus gagal, dengan alasannya di halaman bansos. Waktu kegagalan adalah updated_at versi gagal (kontrak tidak memuat tanggal gagal); penyaluran ulang yang berhasil tidak lagi dihitung.", 2, 33, "count(stage = tahap berjalan ∧ status = gagal ∧ updated_at ≤ akhir hari)", 2880, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Failed disbursements", "Gagal salur", 33, "DINSOS", "SocialAid", 0.20000000000000001, 0 },
                    { "BANSOS_INCLUSION_ERROR", 129600, "Beneficiary families in desil 6 or above: flagged for verification, not necessarily ineligible.", "KPM yang berada pada desil 6 ke atas: ditandai untuk verval, belum tentu salah sasaran.", 2, 36, "count(KPM ∧ desil ≥ 6)", 259200, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Possible inclusion errors", "Indikasi inclusion error", 36, "DINSOS", "SocialAid", 0.20000000000000001, 0 },
                    { "BANSOS_KPM", 43200, "Beneficiary families (KPM): active families enrolled in at least one programme (PKH, Sembako, PBI-JK, BLT, BPNTD). The page breaks them down by programme. Days before the first load show the current register.", "Keluarga penerima manfaat (KPM): keluarga berstatus aktif yang terdaftar pada sedikitnya satu program (PKH, Sembako, PBI-JK, BLT, BPNTD). Rincian per program ada di halaman bansos. Riwayat sebelum pemuatan pertama adalah daftar keluarga saat ini.", 0, 31, "count(status = aktif ∧ programs ≠ ∅)", 86400, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Beneficiary families", "KPM per program per kelurahan", 31, "DINSOS", "SocialAid", 0.0, 0 },
                    { "BANSOS_SALUR_PCT", 1440, "For the current tahap (the latest one whose disbursement had started by that day), payments disbursed by the end of the day against the tahap's whole allocation, all programmes.", "Untuk tahap berjalan (tahap terakhir yang sudah mulai disalurkan pada hari itu), penyaluran berstatus tersalur s.d. akhir hari itu dibanding seluruh alokasi tahap tersebut, semua program.", 1, 32, "count(stage = tahap berjalan ∧ status = tersalur ∧ disbursed_at ≤ akhir hari) / count(stage = tahap berjalan) × 100", 2880, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Aid disbursed against allocation", "Persentase penyaluran bansos", 32, "DINSOS", "SocialAid", 0.050000000000000003, 1 },
                    { "DTSEN_DESIL_1_4", 129600, "DTSEN families still registered (not nonaktif) in desil 1–4. The page shows their share of all registered families.", "Keluarga DTSEN yang masih terdaftar (bukan nonaktif) pada desil 1–4. Persentasenya terhadap seluruh keluarga terdaftar ada di halaman bansos.", 2, 34, "count(status ≠ nonaktif ∧ desil ≤ 4)", 259200, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Families in desil 1–4", "Keluarga desil 1–4", 34, "DINSOS", "SocialAid", 0.0, 0 },
                    { "DTSEN_VERVAL_PCT", 1440, "DTSEN families verified and validated (eligible or not) against all families in the data. Dips when the quarterly update adds families to check.", "Keluarga DTSEN yang sudah diverifikasi dan divalidasi (layak atau tidak layak) dibanding seluruh keluarga dalam data. Turun saat pemutakhiran triwulanan menambah keluarga yang harus dicek.", 1, 37, "count(verval_status ∈ {layak, tidak_layak}) / count(keluarga) × 100", 2880, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Verification and validation progress", "Progres verval/groundcheck", 37, "DINSOS", "SocialAid", 0.050000000000000003, 1 },
                    { "PKH_GRADUASI", 43200, "Families graduated (left the programmes as self-reliant) from 1 January to that day. The graduation time is the updated_at of the first version with status graduasi (the contract has no graduation date). The city's target is 130 a year.", "Keluarga yang tergraduasi (keluar dari program karena mandiri) sejak 1 Januari s.d. hari itu. Waktu graduasi adalah updated_at versi pertama berstatus graduasi (kontrak tidak memuat tanggal graduasi). Target kota 130 KPM per tahun.", 1, 38, "count(status = graduasi ∧ waktu graduasi dalam tahun berjalan s.d. akhir hari)", 86400, "Permensos 1/2018 tentang Program Keluarga Harapan; Inpres 4/2025", "Graduated families", "KPM tergraduasi", 38, "DINSOS", "SocialAid", 0.10000000000000001, 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_SocialAidDisbursements_FamilyKey",
                table: "SocialAidDisbursements",
                column: "FamilyKey");

            migrationBuilder.CreateIndex(
                name: "IX_SocialAidDisbursements_Stage",
                table: "SocialAidDisbursements",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_SocialAidFamilies_KelurahanCode",
                table: "SocialAidFamilies",
                column: "KelurahanCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialAidDisbursements");

            migrationBuilder.DropTable(
                name: "SocialAidFamilies");

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 32025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 32026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 32027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 33025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 33026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 33027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 35025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 35026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 35027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 36025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 36026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 36027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 37025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 37026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 37027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 38025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 38026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 38027L);

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_CAKUPAN_DESIL_1_4_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_GAGAL_SALUR");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_INCLUSION_ERROR");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_KPM");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_SALUR_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "DTSEN_DESIL_1_4");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "DTSEN_VERVAL_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PKH_GRADUASI");
        }
    }
}
