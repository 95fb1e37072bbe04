using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Staffing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StaffingAttendance",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NipKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CheckInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingEmployees",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    AsnType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RankGroup = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PositionType = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RetirementMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingEmployees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingPerformance",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NipKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingPerformance", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "IndicatorTargets",
                columns: new[] { "Id", "IndicatorCode", "Period", "PeriodEnd", "PeriodStart", "Value" },
                values: new object[,]
                {
                    { 12025L, "ASN_KEHADIRAN_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 95.0 },
                    { 12026L, "ASN_KEHADIRAN_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 95.0 },
                    { 12027L, "ASN_KEHADIRAN_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 95.0 },
                    { 13025L, "ASN_TERLAMBAT_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 5.0 },
                    { 13026L, "ASN_TERLAMBAT_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 5.0 },
                    { 13027L, "ASN_TERLAMBAT_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 5.0 },
                    { 14025L, "ASN_TANPA_KETERANGAN", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 30.0 },
                    { 14026L, "ASN_TANPA_KETERANGAN", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 30.0 },
                    { 14027L, "ASN_TANPA_KETERANGAN", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 30.0 },
                    { 16025L, "ASN_KINERJA_BAIK_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 80.0 },
                    { 16026L, "ASN_KINERJA_BAIK_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 80.0 },
                    { 16027L, "ASN_KINERJA_BAIK_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 80.0 },
                    { 17025L, "SKP_TEPAT_WAKTU_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 17026L, "SKP_TEPAT_WAKTU_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 17027L, "SKP_TEPAT_WAKTU_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 },
                    { 19025L, "JABATAN_LOWONG", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 10.0 },
                    { 19026L, "JABATAN_LOWONG", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 10.0 },
                    { 19027L, "JABATAN_LOWONG", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 10.0 }
                });

            migrationBuilder.InsertData(
                table: "Indicators",
                columns: new[] { "Code", "CadenceMinutes", "DefinitionEn", "DefinitionId", "Direction", "DisplayOrder", "Formula", "FreshnessMinutes", "LegalBasis", "NameEn", "NameId", "Number", "OwnerOpd", "Source", "Tolerance", "Unit" },
                values: new object[,]
                {
                    { "ASN_DL_CUTI", 60, "Staff on official duty elsewhere or on leave that working day.", "ASN yang berdinas luar atau cuti pada hari kerja itu.", 0, 15, "count(dinas_luar + cuti)", 180, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Staff on duty travel or leave", "ASN dinas luar/cuti hari ini", 15, "BKPSDM", "Staffing", 0.0, 0 },
                    { "ASN_JUMLAH", 1440, "Civil servants in service at the end of the day, per agency. The SIMPEG contract has no appointment date: history is the current register projected back through retirement dates.", "ASN yang tercatat bertugas pada akhir hari itu, per OPD. Kontrak SIMPEG tidak memuat TMT pengangkatan: riwayat direkonstruksi dari daftar pegawai saat ini dan tanggal pensiunnya.", 0, 11, "count(status ∉ {pensiun, berhenti} ∨ (status = pensiun ∧ bulan pensiun > hari itu))", 2880, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Civil servants (PNS/PPPK)", "Jumlah ASN (PNS/PPPK)", 11, "BKPSDM", "Staffing", 0.0, 0 },
                    { "ASN_KEHADIRAN_PCT", 15, "Staff present (on time, late or on official duty) against headcount on that working day; a non-working day shows the last working day. Today's figure grows through the morning.", "ASN yang hadir (tepat waktu, terlambat, atau dinas luar) dibanding jumlah ASN, pada hari kerja itu; hari libur memakai hari kerja terakhir. Hari ini bertambah sepanjang pagi.", 1, 12, "count(hadir + terlambat + dinas_luar) / jumlah ASN × 100", 120, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Staff attendance rate", "Tingkat kehadiran ASN", 12, "BKPSDM", "Staffing", 0.029999999999999999, 1 },
                    { "ASN_KINERJA_BAIK_PCT", 1440, "Of the evaluations of the latest quarter whose deadline has passed, the share rated Baik or Sangat Baik (the organisation curve caps Baik at 70%).", "Dari evaluasi triwulan terakhir yang tenggatnya sudah lewat, bagian berpredikat Baik atau Sangat Baik (kurva organisasi membatasi Baik ≤ 70%).", 1, 16, "count(sangat_baik + baik) / count(evaluasi triwulan itu, diserahkan s.d. hari itu) × 100", 2880, "UU 20/2023; Permenpan RB 6/2022 tentang Pengelolaan Kinerja Pegawai ASN", "Staff rated Good or Very Good", "Predikat kinerja Baik & Sangat Baik", 16, "BKPSDM", "Staffing", 0.050000000000000003, 1 },
                    { "ASN_PENSIUN_12BLN", 43200, "Staff reaching retirement age (retirement month) within 12 months after the day.", "ASN yang mencapai batas usia pensiun (TMT pensiun) dalam 12 bulan setelah hari itu.", 0, 18, "count(hari itu < bulan pensiun ≤ hari itu + 12 bulan ∧ status ≠ berhenti)", 86400, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Retirements in the next 12 months", "ASN pensiun 12 bulan ke depan", 18, "BKPSDM", "Staffing", 0.0, 0 },
                    { "ASN_PER_1000_PENDUDUK", 43200, "Civil servants per 1,000 residents of the city (BPS 2023 population from the reference data).", "Jumlah ASN per 1.000 penduduk kota (penduduk BPS 2023 dari data rujukan).", 0, 20, "jumlah ASN / penduduk × 1.000", 86400, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Staff per 1,000 residents", "Rasio ASN per 1.000 penduduk", 20, "BKPSDM", "Staffing", 0.0, 5 },
                    { "ASN_TANPA_KETERANGAN", 1440, "Staff absent without notice on that working day (set when attendance closes at 16:00 WIB; later leave corrections change it).", "ASN tanpa keterangan pada hari kerja itu (ditetapkan saat presensi ditutup pukul 16.00 WIB; koreksi izin menyusul mengubahnya).", 2, 14, "count(tanpa_keterangan)", 2880, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Unexcused absences", "ASN tanpa keterangan", 14, "BKPSDM", "Staffing", 0.20000000000000001, 0 },
                    { "ASN_TERLAMBAT_PCT", 60, "Share of check-ins after 07:30 WIB among all check-ins of that working day.", "Bagian presensi masuk setelah pukul 07.30 WIB dari semua presensi masuk pada hari kerja itu.", 2, 13, "count(terlambat) / count(hadir + terlambat) × 100", 180, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Late check-ins", "Persentase keterlambatan", 13, "BKPSDM", "Staffing", 0.20000000000000001, 1 },
                    { "JABATAN_LOWONG", 10080, "Approximation: expected structural posts per agency (an SOTK approximation) minus structural staff in service. Acting heads (Plt) cannot be derived: the contract has no acting flag.", "Perkiraan: jabatan struktural yang diharapkan per OPD (pendekatan SOTK) dikurangi ASN struktural yang bertugas. Plt tidak dapat diturunkan: kontrak tidak memuat penanda pelaksana tugas.", 2, 19, "Σ_OPD max(0, jabatan struktural OPD − count(struktural bertugas))", 20160, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Vacant structural posts", "Jabatan struktural lowong", 19, "BKPSDM", "Staffing", 0.20000000000000001, 0 },
                    { "SKP_TEPAT_WAKTU_PCT", 10080, "Evaluations of the latest quarter past its deadline submitted on time, against staff in service at the quarter's end. Deadline: the 5th working day after the quarter ends (annual: 31 January).", "Evaluasi triwulan terakhir yang tenggatnya sudah lewat dan diserahkan tepat waktu, dibanding ASN yang bertugas di akhir triwulan. Tenggat: hari kerja ke-5 setelah triwulan berakhir (tahunan: 31 Januari).", 1, 17, "count(submitted_at ≤ akhir hari tenggat, pegawai bertugas) / jumlah ASN akhir triwulan × 100", 20160, "UU 20/2023; Permenpan RB 6/2022 tentang Pengelolaan Kinerja Pegawai ASN", "SKP evaluations submitted on time", "SKP terisi tepat waktu", 17, "BKPSDM", "Staffing", 0.050000000000000003, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffingAttendance_Date",
                table: "StaffingAttendance",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_StaffingAttendance_NipKey",
                table: "StaffingAttendance",
                column: "NipKey");

            migrationBuilder.CreateIndex(
                name: "IX_StaffingEmployees_AgencyCode",
                table: "StaffingEmployees",
                column: "AgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_StaffingPerformance_NipKey",
                table: "StaffingPerformance",
                column: "NipKey");

            migrationBuilder.CreateIndex(
                name: "IX_StaffingPerformance_Period",
                table: "StaffingPerformance",
                column: "Period");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffingAttendance");

            migrationBuilder.DropTable(
                name: "StaffingEmployees");

            migrationBuilder.DropTable(
                name: "StaffingPerformance");

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 12025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 12026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 12027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 13025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 13026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 13027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 14025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 14026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 14027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 16025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 16026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 16027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 17025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 17026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 17027L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 19025L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 19026L);

            migrationBuilder.DeleteData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 19027L);

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_DL_CUTI");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_JUMLAH");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_KEHADIRAN_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_KINERJA_BAIK_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_PENSIUN_12BLN");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_PER_1000_PENDUDUK");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_TANPA_KETERANGAN");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_TERLAMBAT_PCT");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "JABATAN_LOWONG");

            migrationBuilder.DeleteData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SKP_TEPAT_WAKTU_PCT");
        }
    }
}
