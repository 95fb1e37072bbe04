using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Dashboard.Ingest.Reporting.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Admissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdmissionsApplications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Route = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Choices = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FirstChoice = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ApplicantKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    HomeKelurahanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    HomeKecamatanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    PlacedSchoolId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionsApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdmissionsSchools",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Ownership = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    KelurahanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    QuotaDomisili = table.Column<int>(type: "int", nullable: false),
                    QuotaAfirmasi = table.Column<int>(type: "int", nullable: false),
                    QuotaMutasi = table.Column<int>(type: "int", nullable: false),
                    QuotaPrestasi = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionsSchools", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "IndicatorTargets",
                columns: new[] { "Id", "IndicatorCode", "Period", "PeriodEnd", "PeriodStart", "Value" },
                values: new object[,]
                {
                    { 40025L, "SPMB_KUOTA_TERISI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 95.0 },
                    { 40026L, "SPMB_KUOTA_TERISI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 95.0 },
                    { 40027L, "SPMB_KUOTA_TERISI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 95.0 },
                    { 41025L, "SPMB_VERIFIKASI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 100.0 },
                    { 41026L, "SPMB_VERIFIKASI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 100.0 },
                    { 41027L, "SPMB_VERIFIKASI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 100.0 }
                });

            migrationBuilder.InsertData(
                table: "Indicators",
                columns: new[] { "Code", "CadenceMinutes", "DefinitionEn", "DefinitionId", "Direction", "DisplayOrder", "Formula", "FreshnessMinutes", "LegalBasis", "NameEn", "NameId", "Number", "OwnerOpd", "Source", "Tolerance", "Unit" },
                values: new object[,]
                {
                    { "SPMB_KUOTA_TERISI_PCT", 15, "Seats taken (accepted or re-registered) against the quota of every route, by placement school; the breakdown per route is on the SPMB page. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Kursi yang terisi (diterima atau daftar ulang) dibanding kuota semua jalur, menurut sekolah penempatan; rincian per jalur di halaman SPMB. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 1, 40, "count(status ∈ {diterima, daftar_ulang}, sekolah penempatan dalam lingkup) / Σ kuota × 100", 60, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Quota filled", "Keterisian kuota", 40, "DISDIKBUD", "Admissions", 0.050000000000000003, 1 },
                    { "SPMB_PENDAFTAR_PER_DAYA_TAMPUNG", 15, "Applications of the current admission year (withdrawals excluded) per seat, by first-choice school; region = the school's location. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Pendaftaran tahun penerimaan berjalan (tidak termasuk yang mengundurkan diri) dibanding daya tampung, menurut sekolah pilihan pertama; wilayah = letak sekolah. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 0, 39, "count(pendaftaran, status ≠ mengundurkan_diri, sekolah pilihan 1 dalam lingkup) / Σ kuota sekolah dalam lingkup", 60, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Applicants per seat", "Pendaftar vs daya tampung", 39, "DISDIKBUD", "Admissions", 0.0, 5 },
                    { "SPMB_SISA_PAGU", 1440, "Quota minus re-registered applicants per school (never below zero), summed by the school's location; empty before the admission year's first re-registration. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Kuota dikurangi pendaftar yang sudah daftar ulang, per sekolah (tidak kurang dari nol), dijumlah menurut letak sekolah; kosong sebelum ada daftar ulang pada tahun penerimaan itu. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 2, 43, "Σ_sekolah max(0, Σ kuota − count(status = daftar_ulang, sekolah penempatan))", 2880, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Seats left after re-registration", "Sisa pagu setelah daftar ulang", 43, "DISDIKBUD", "Admissions", 0.20000000000000001, 0 },
                    { "SPMB_TIDAK_TERTAMPUNG", 1440, "Children (pseudonymised NIK) with an application not accepted or placed in a private school, none of whose applications holds a place in a public school (a school missing from the register counts as public); by the home kelurahan of their latest application. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Anak (NIK terpseudonimkan) yang punya pendaftaran tidak diterima atau ditempatkan di sekolah swasta, dan tidak satu pun pendaftarannya ditempatkan di sekolah negeri (sekolah yang tidak ada di daftar dianggap negeri); menurut kelurahan domisili pada pendaftaran terakhirnya. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 2, 42, "count(anak: ∃ tidak_diterima ∨ ditempatkan di swasta, ∄ ditempatkan di negeri)", 2880, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Applicants not placed in a public school", "Calon murid tidak tertampung di sekolah negeri", 42, "DISDIKBUD", "Admissions", 0.10000000000000001, 0 },
                    { "SPMB_VERIFIKASI_PCT", 60, "Applications whose documents were processed (verified or decided) against every application not withdrawn; region = home kelurahan, school = first choice. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Pendaftaran yang berkasnya sudah diproses (terverifikasi atau sudah diputuskan) dibanding semua pendaftaran yang tidak mengundurkan diri; wilayah = kelurahan domisili, sekolah = pilihan pertama. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 1, 41, "count(status ∉ {terdaftar, mengundurkan_diri}) / count(status ≠ mengundurkan_diri) × 100", 120, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Documents verified", "Verifikasi berkas selesai", 41, "DISDIKBUD", "Admissions", 0.050000000000000003, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionsApplications_ApplicantKey",
                table: "AdmissionsApplications",
                column: "ApplicantKey");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionsApplications_Year",
                table: "AdmissionsApplications",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdmissionsApplications");

            migrationBuilder.DropTable(
                name: "AdmissionsSchools");

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 40025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 40026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 40027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 41025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 41026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 41027L);

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_KUOTA_TERISI_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_PENDAFTAR_PER_DAYA_TAMPUNG");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_SISA_PAGU");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_TIDAK_TERTAMPUNG");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_VERIFIKASI_PCT");
        }
    }
}
