using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Revenue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PbbAssessments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    KelurahanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AmountDue = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountPaid = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PbbAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevenuePayments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevenueCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaxpayerKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KelurahanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenuePayments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevenueTargets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 72, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RevenueCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Target = table.Column<long>(type: "INTEGER", nullable: false),
                    RevisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueTargets", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "IndicatorTargets",
                columns: new[] { "Id", "IndicatorCode", "Period", "PeriodEnd", "PeriodStart", "Value" },
                values: new object[,]
                {
                    { 23025L, "PAJAK_DEVIASI_PROPORSIONAL", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 0.0 },
                    { 23026L, "PAJAK_DEVIASI_PROPORSIONAL", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 0.0 },
                    { 23027L, "PAJAK_DEVIASI_PROPORSIONAL", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 0.0 },
                    { 25025L, "PBB_REALISASI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 25026L, "PBB_REALISASI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 25027L, "PBB_REALISASI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 }
                });

            migrationBuilder.InsertData(
                table: "Indicators",
                columns: new[] { "Code", "CadenceMinutes", "DefinitionEn", "DefinitionId", "Direction", "DisplayOrder", "Formula", "FreshnessMinutes", "LegalBasis", "NameEn", "NameId", "Number", "OwnerOpd", "Source", "Tolerance", "Unit" },
                values: new object[,]
                {
                    { "BPHTB_TRANSAKSI", 1440, "BPHTB transactions (land and building transfers) of the month to date, less reversals; their value is on the Revenue page.", "Transaksi BPHTB (perolehan hak atas tanah dan bangunan) bulan berjalan sampai hari itu, dikurangi yang dibatalkan; nilainya di halaman Pendapatan.", 0, 28, "count(BPHTB posted) − count(BPHTB reversed), 1 s.d. hari itu bulan berjalan", 2880, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "BPHTB transactions", "Transaksi BPHTB", 28, "BAPENDA", "Revenue", 0.0, 0 },
                    { "PAD_REALISASI_PCT", 10080, "Taxes and retribution, cumulative, against both targets. The Bapenda contract has no BUMD dividends or other own-source revenue: this is PAD without them.", "Pajak dan retribusi kumulatif dibanding target keduanya. Kontrak Bapenda tidak memuat hasil BUMD dan lain-lain PAD yang sah: angka ini adalah PAD tanpa keduanya.", 1, 30, "Σ (pajak + retribusi) kumulatif / Σ target (pajak + retribusi) × 100", 20160, "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Perda APBD", "Own-source revenue (PAD) realisation", "Realisasi PAD", 30, "BKAD", "Revenue", 0.0, 1 },
                    { "PAJAK_DEVIASI_PROPORSIONAL", 1440, "Tax realisation (% of target) minus the share of the year elapsed (% of days), in percentage points: positive means ahead of plan.", "Realisasi pajak (% target) dikurangi bagian tahun yang sudah berjalan (% hari), dalam poin persen: positif berarti di depan rencana.", 1, 23, "realisasi % − hari berjalan / hari dalam tahun × 100", 2880, "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Perda APBD", "Gap to the time-proportional target", "Deviasi terhadap target proporsional", 23, "BAPENDA", "Revenue", 0.0, 1 },
                    { "PAJAK_JENIS_SESUAI_TARGET", 1440, "Tax types (of those with a target) whose cumulative realisation reaches the time-proportional target; the label names the type furthest behind. The Revenue page shows every type.", "Jumlah jenis pajak (dari yang bertarget) yang realisasi kumulatifnya mencapai target proporsional waktu; keterangan menyebut jenis yang paling tertinggal. Rincian per jenis ada di halaman Pendapatan.", 1, 22, "count(jenis: realisasi kumulatif ≥ target × hari berjalan / hari dalam tahun)", 2880, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "Tax types on the time-proportional track", "Jenis pajak sesuai target proporsional", 22, "BAPENDA", "Revenue", 0.0, 0 },
                    { "PAJAK_PENERIMAAN_HARIAN", 60, "Tax payments of the day less reversals of the day, by the tax object's location (opsen transferred by Samsat: city level only).", "Pembayaran pajak pada hari itu dikurangi pembatalan pada hari itu, menurut lokasi objek pajak (opsen dari Samsat hanya tingkat kota).", 1, 24, "Σ amount(posted, hari itu) − Σ amount(reversed, hari itu)", 180, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "Daily tax receipts", "Penerimaan pajak harian", 24, "BAPENDA", "Revenue", 0.0, 4 },
                    { "PAJAK_REALISASI_PCT", 60, "Cumulative regional tax receipts since 1 January (payments less reversals) against the APBD year's target in force (the APBD-P figure once set). Its status follows the gap to the time-proportional target (#23).", "Penerimaan pajak daerah kumulatif sejak 1 Januari (pembayaran dikurangi pembatalan) dibanding target berlaku tahun APBD (APBD-P bila sudah ditetapkan). Status mengikuti deviasi terhadap target proporsional (#23).", 1, 21, "Σ pembayaran pajak (posted − reversed) 1 Jan s.d. hari itu / Σ target pajak tahun itu × 100", 180, "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Perda APBD", "Regional tax realisation", "Realisasi pajak daerah", 21, "BAPENDA", "Revenue", 0.0, 1 },
                    { "PBB_REALISASI_PCT", 1440, "Share of the current year's PBB-P2 assessments (SPPT) paid, by the tax object's kelurahan. An assessment only carries what is paid now: past days keep the value recorded on them.", "Bagian ketetapan PBB-P2 (SPPT) tahun berjalan yang sudah dibayar, per kelurahan objek pajak. Ketetapan hanya memuat jumlah terbayar saat ini: nilai hari-hari lalu adalah yang tercatat pada hari itu.", 1, 25, "Σ amount_paid / Σ amount_due (ketetapan tahun berjalan) × 100", 2880, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "PBB-P2 collected vs assessed", "Realisasi PBB-P2 per kelurahan", 25, "BAPENDA", "Revenue", 0.10000000000000001, 1 },
                    { "PBB_TUNGGAKAN", 10080, "PBB-P2 assessments not yet paid: earlier years, and the current year after its 31 July due date. Self-assessed taxes have no assessments in the contract, so they are not included.", "Ketetapan PBB-P2 yang belum dibayar: tahun-tahun lalu, dan tahun berjalan setelah jatuh tempo 31 Juli. Pajak yang dinilai sendiri tidak punya ketetapan dalam kontrak, jadi tidak termasuk.", 2, 26, "Σ max(0, amount_due − amount_paid) (tahun < berjalan, atau tahun berjalan setelah 31 Juli)", 20160, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "PBB-P2 arrears outstanding", "Tunggakan PBB-P2", 26, "BAPENDA", "Revenue", 0.0, 4 },
                    { "RETRIBUSI_REALISASI_PCT", 1440, "Cumulative retribution receipts since 1 January against the year's retribution target; per collecting agency where the agency is known.", "Penerimaan retribusi kumulatif sejak 1 Januari dibanding target retribusi tahun itu; per OPD pemungut untuk retribusi yang OPD-nya diketahui.", 1, 29, "Σ pembayaran RETRIBUSI_* (posted − reversed) / Σ target retribusi × 100", 10080, "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Perda APBD", "Retribution realisation", "Realisasi retribusi daerah", 29, "BKAD", "Revenue", 0.0, 1 },
                    { "WAJIB_PAJAK_AKTIF", 10080, "Taxpayers (NPWPD, pseudonymised) of self-assessed taxes (PBJT, billboards, groundwater) with a payment in the last 365 days, by the object's location. New taxpayers (first payment within 30 days) are on the Revenue page.", "Wajib pajak (NPWPD, disamarkan) pajak yang dinilai sendiri (PBJT, reklame, air tanah) dengan pembayaran dalam 365 hari terakhir, menurut lokasi objek. Wajib pajak baru (pembayaran pertama dalam 30 hari) ada di halaman Pendapatan.", 1, 27, "count distinct(taxpayer: pembayaran posted dalam 365 hari s.d. hari itu)", 20160, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "Active taxpayers", "Wajib pajak aktif", 27, "BAPENDA", "Revenue", 0.0, 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_PbbAssessments_Year",
                table: "PbbAssessments",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_RevenuePayments_PaidDate",
                table: "RevenuePayments",
                column: "PaidDate");

            migrationBuilder.CreateIndex(
                name: "IX_RevenuePayments_RevenueCode_PaidDate",
                table: "RevenuePayments",
                columns: new[] { "RevenueCode", "PaidDate" });

            migrationBuilder.CreateIndex(
                name: "IX_RevenueTargets_Year",
                table: "RevenueTargets",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PbbAssessments");

            migrationBuilder.DropTable(
                name: "RevenuePayments");

            migrationBuilder.DropTable(
                name: "RevenueTargets");

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 23025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 23026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 23027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 25025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 25026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 25027L);

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BPHTB_TRANSAKSI");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAD_REALISASI_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAJAK_DEVIASI_PROPORSIONAL");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAJAK_JENIS_SESUAI_TARGET");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAJAK_PENERIMAAN_HARIAN");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAJAK_REALISASI_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PBB_REALISASI_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PBB_TUNGGAKAN");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "RETRIBUSI_REALISASI_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "WAJIB_PAJAK_AKTIF");
        }
    }
}
