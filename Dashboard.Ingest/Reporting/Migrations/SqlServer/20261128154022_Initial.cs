using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Dashboard.Ingest.Reporting.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    AgencyCode = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    KelurahanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FirstResponseAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Rating = table.Column<int>(type: "int", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    NameId = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DefinitionId = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DefinitionEn = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Formula = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Unit = table.Column<int>(type: "int", nullable: false),
                    Direction = table.Column<int>(type: "int", nullable: false),
                    OwnerOpd = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CadenceMinutes = table.Column<int>(type: "int", nullable: false),
                    FreshnessMinutes = table.Column<int>(type: "int", nullable: false),
                    LegalBasis = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Tolerance = table.Column<double>(type: "float", nullable: false),
                    DisplayOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorSnapshots",
                columns: table => new
                {
                    IndicatorCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    ScopeCode = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    ScopeKind = table.Column<int>(type: "int", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "float", nullable: true),
                    Label = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RunId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSnapshots", x => new { x.IndicatorCode, x.ScopeCode });
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IndicatorCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IndicatorCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    ScopeKind = table.Column<int>(type: "int", nullable: false),
                    ScopeCode = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "float", nullable: true),
                    Label = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IngestRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Trigger = table.Column<int>(type: "int", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Node = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    HeartbeatAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Pages = table.Column<int>(type: "int", nullable: false),
                    ItemsRead = table.Column<int>(type: "int", nullable: false),
                    Inserted = table.Column<int>(type: "int", nullable: false),
                    Updated = table.Column<int>(type: "int", nullable: false),
                    Unchanged = table.Column<int>(type: "int", nullable: false),
                    Deleted = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    Flagged = table.Column<int>(type: "int", nullable: false),
                    WatermarkBefore = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    WatermarkAfter = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuarantinedItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Resource = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    SourceItemId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantinedItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    ParentCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Population = table.Column<int>(type: "int", nullable: false),
                    PopulationIsEstimate = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SourceStates",
                columns: table => new
                {
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RunningRunId = table.Column<long>(type: "bigint", nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastRunId = table.Column<long>(type: "bigint", nullable: true),
                    LastStatus = table.Column<int>(type: "int", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "int", nullable: false),
                    KpiDirtyFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceStates", x => x.Source);
                });

            migrationBuilder.CreateTable(
                name: "SourceWatermarks",
                columns: table => new
                {
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Resource = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Value = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceWatermarks", x => new { x.Source, x.Resource });
                });

            migrationBuilder.InsertData(
                table: "Agencies",
                columns: new[] { "Code", "Name" },
                values: new object[,]
                {
                    { "BAPENDA", "Badan Pendapatan Daerah" },
                    { "BAPPEDA", "Badan Perencanaan Pembangunan Daerah" },
                    { "BKAD", "Badan Keuangan dan Aset Daerah" },
                    { "BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" },
                    { "BPBD", "Badan Penanggulangan Bencana Daerah" },
                    { "DINKES", "Dinas Kesehatan" },
                    { "DINSOS", "Dinas Sosial, Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana" },
                    { "DISDIKBUD", "Dinas Pendidikan dan Kebudayaan" },
                    { "DISHUB", "Dinas Perhubungan" },
                    { "DISKOMINFO", "Dinas Komunikasi dan Informatika" },
                    { "DISKOPINDAG", "Dinas Koperasi, Perindustrian dan Perdagangan" },
                    { "DISNAKER_PMPTSP", "Dinas Tenaga Kerja, Penanaman Modal dan Pelayanan Terpadu Satu Pintu" },
                    { "DISPANGTAN", "Dinas Ketahanan Pangan dan Pertanian" },
                    { "DISPENDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil" },
                    { "DISPORAPAR", "Dinas Kepemudaan, Olahraga dan Pariwisata" },
                    { "DLH", "Dinas Lingkungan Hidup" },
                    { "DPUPRPKP", "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman" },
                    { "INSPEKTORAT", "Inspektorat Daerah" },
                    { "SATPOLPP", "Satuan Polisi Pamong Praja" },
                    { "SETDA", "Sekretariat Daerah" }
                });

            migrationBuilder.InsertData(
                table: "IndicatorTargets",
                columns: new[] { "Id", "IndicatorCode", "Period", "PeriodEnd", "PeriodStart", "Value" },
                values: new object[,]
                {
                    { 1L, "ADUAN_BELUM_VERIFIKASI", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 10.0 },
                    { 2L, "ADUAN_DITINDAKLANJUTI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 95.0 },
                    { 3L, "ADUAN_TL_5HK_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 4L, "ADUAN_LEWAT_SLA", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 10.0 },
                    { 5L, "ADUAN_RESPON_PERTAMA_JAM", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 16.0 },
                    { 6L, "ADUAN_SELESAI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 85.0 },
                    { 7L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 8L, "ADUAN_BELUM_VERIFIKASI", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 10.0 },
                    { 9L, "ADUAN_DITINDAKLANJUTI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 95.0 },
                    { 10L, "ADUAN_TL_5HK_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 11L, "ADUAN_LEWAT_SLA", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 10.0 },
                    { 12L, "ADUAN_RESPON_PERTAMA_JAM", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 16.0 },
                    { 13L, "ADUAN_SELESAI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 85.0 },
                    { 14L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 15L, "ADUAN_BELUM_VERIFIKASI", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 10.0 },
                    { 16L, "ADUAN_DITINDAKLANJUTI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 95.0 },
                    { 17L, "ADUAN_TL_5HK_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 },
                    { 18L, "ADUAN_LEWAT_SLA", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 10.0 },
                    { 19L, "ADUAN_RESPON_PERTAMA_JAM", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 16.0 },
                    { 20L, "ADUAN_SELESAI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 85.0 },
                    { 21L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 }
                });

            migrationBuilder.InsertData(
                table: "Indicators",
                columns: new[] { "Code", "CadenceMinutes", "DefinitionEn", "DefinitionId", "Direction", "DisplayOrder", "Formula", "FreshnessMinutes", "LegalBasis", "NameEn", "NameId", "Number", "OwnerOpd", "Source", "Tolerance", "Unit" },
                values: new object[,]
                {
                    { "ADUAN_BELUM_VERIFIKASI", 15, "Complaints received but not yet verified at the end of the day.", "Aduan yang sudah masuk tetapi belum diverifikasi admin pada akhir hari itu.", 2, 2, "count(submitted_at ≤ akhir hari ∧ (verified_at kosong ∨ verified_at > akhir hari) ∧ status bukan ditunda/bukan_wewenang/diarsipkan)", 60, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Complaints awaiting verification", "Aduan belum terverifikasi", 2, "DISKOMINFO", "Complaints", 0.20000000000000001, 0 },
                    { "ADUAN_DITINDAKLANJUTI_PCT", 60, "Share of verified complaints of the last 30 days that an agency has responded to.", "Bagian aduan terverifikasi dalam 30 hari terakhir yang sudah mendapat tanggapan OPD.", 1, 3, "count(first_response_at ≤ akhir hari) / count(terverifikasi, masuk 30 hari terakhir) × 100", 180, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Complaints followed up", "Persentase aduan ditindaklanjuti", 3, "DISKOMINFO", "Complaints", 0.029999999999999999, 1 },
                    { "ADUAN_LEWAT_SLA", 60, "Complaints and information requests still open past 5 working days at the end of the day.", "Pengaduan dan permintaan informasi yang masih terbuka melewati 5 hari kerja pada akhir hari itu.", 2, 5, "count(terbuka ∧ tenggat < akhir hari)", 180, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Overdue complaints", "Aduan lewat SLA", 5, "DISKOMINFO", "Complaints", 0.20000000000000001, 0 },
                    { "ADUAN_MASUK", 15, "Complaints of every type received that day through every channel.", "Jumlah aduan (pengaduan, aspirasi, permintaan informasi) yang diterima pada hari itu dari semua kanal.", 0, 1, "count(submitted_at dalam hari itu)", 60, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Complaints received", "Jumlah aduan masuk", 1, "DISKOMINFO", "Complaints", 0.0, 0 },
                    { "ADUAN_PER_10RB_PENDUDUK", 1440, "Complaints received in the last 30 days per 10,000 residents (kelurahan population is an estimate).", "Aduan yang masuk dalam 30 hari terakhir per 10.000 penduduk (penduduk kelurahan adalah taksiran).", 0, 9, "count(masuk 30 hari terakhir) / penduduk × 10.000", 2880, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Complaints per 10,000 residents", "Aduan per 10.000 penduduk", 9, "DISKOMINFO", "Complaints", 0.0, 3 },
                    { "ADUAN_RESPON_PERTAMA_JAM", 60, "Mean working hours from submission to first response, for responses in the last 30 days.", "Rata-rata jam kerja dari aduan masuk sampai tanggapan pertama, untuk tanggapan dalam 30 hari terakhir.", 2, 6, "mean(jam_kerja(submitted_at, first_response_at))", 180, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Mean time to first response", "Rata-rata waktu respons pertama", 6, "DISKOMINFO", "Complaints", 0.10000000000000001, 2 },
                    { "ADUAN_SELESAI_PCT", 1440, "Share of complaints received in the last 90 days that are closed (Selesai) at the end of the day.", "Bagian aduan yang masuk dalam 90 hari terakhir dan berstatus selesai pada akhir hari itu.", 1, 7, "count(closed_at ≤ akhir hari) / count(masuk 90 hari terakhir) × 100", 2880, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Complaints closed", "Persentase aduan selesai", 7, "DISKOMINFO", "Complaints", 0.050000000000000003, 1 },
                    { "ADUAN_TL_5HK_PCT", 60, "Of complaints and information requests whose 5-working-day deadline fell in the last 30 days, the share settled by the deadline.", "Dari pengaduan dan permintaan informasi yang tenggatnya (5 hari kerja) jatuh dalam 30 hari terakhir, bagian yang selesai sebelum tenggat.", 1, 4, "count(closed_at ≤ tenggat) / count(tenggat dalam 30 hari terakhir) × 100", 180, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Settled within 5 working days", "Persentase tindak lanjut ≤ 5 hari kerja", 4, "DISKOMINFO", "Complaints", 0.050000000000000003, 1 },
                    { "ADUAN_TOPIK_TERATAS", 1440, "The category with the most complaints in the last 30 days, and its count.", "Kategori dengan aduan terbanyak dalam 30 hari terakhir dan jumlah aduannya.", 0, 10, "argmax_kategori count(masuk 30 hari terakhir)", 2880, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Top complaint category", "Topik aduan teratas", 10, "DISKOMINFO", "Complaints", 0.0, 0 },
                    { "OPD_KEPATUHAN_TL_PCT", 1440, "Per agency: share of complaints due in the last 30 days settled within 5 working days (league table).", "Per OPD: bagian aduan dengan tenggat 5 hari kerja dalam 30 hari terakhir yang selesai tepat waktu (tabel peringkat).", 1, 8, "count(closed_at ≤ tenggat) / count(tenggat dalam 30 hari terakhir) × 100, per OPD", 2880, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Agency follow-up compliance", "Kepatuhan OPD menindaklanjuti", 8, "DISKOMINFO", "Complaints", 0.050000000000000003, 1 }
                });

            migrationBuilder.InsertData(
                table: "Regions",
                columns: new[] { "Code", "Level", "Name", "ParentCode", "Population", "PopulationIsEstimate" },
                values: new object[,]
                {
                    { "35.73", 0, "Kota Malang", null, 847182, false },
                    { "35.73.01", 1, "Blimbing", "35.73", 182851, false },
                    { "35.73.01.1001", 2, "Balearjosari", "35.73.01", 16622, true },
                    { "35.73.01.1002", 2, "Arjosari", "35.73.01", 16622, true },
                    { "35.73.01.1003", 2, "Polowijen", "35.73.01", 16622, true },
                    { "35.73.01.1004", 2, "Purwodadi", "35.73.01", 16622, true },
                    { "35.73.01.1005", 2, "Blimbing", "35.73.01", 16622, true },
                    { "35.73.01.1006", 2, "Pandanwangi", "35.73.01", 16622, true },
                    { "35.73.01.1007", 2, "Purwantoro", "35.73.01", 16622, true },
                    { "35.73.01.1008", 2, "Bunulrejo", "35.73.01", 16622, true },
                    { "35.73.01.1009", 2, "Kesatrian", "35.73.01", 16622, true },
                    { "35.73.01.1010", 2, "Polehan", "35.73.01", 16622, true },
                    { "35.73.01.1011", 2, "Jodipan", "35.73.01", 16622, true },
                    { "35.73.02", 1, "Klojen", "35.73", 93990, false },
                    { "35.73.02.1001", 2, "Klojen", "35.73.02", 8544, true },
                    { "35.73.02.1002", 2, "Rampalcelaket", "35.73.02", 8544, true },
                    { "35.73.02.1003", 2, "Samaan", "35.73.02", 8544, true },
                    { "35.73.02.1004", 2, "Kiduldalem", "35.73.02", 8544, true },
                    { "35.73.02.1005", 2, "Sukoharjo", "35.73.02", 8544, true },
                    { "35.73.02.1006", 2, "Kasin", "35.73.02", 8544, true },
                    { "35.73.02.1007", 2, "Kauman", "35.73.02", 8544, true },
                    { "35.73.02.1008", 2, "Oro-oro Dowo", "35.73.02", 8544, true },
                    { "35.73.02.1009", 2, "Bareng", "35.73.02", 8544, true },
                    { "35.73.02.1010", 2, "Gading Kasri", "35.73.02", 8544, true },
                    { "35.73.02.1011", 2, "Penanggungan", "35.73.02", 8544, true },
                    { "35.73.03", 1, "Kedungkandang", "35.73", 209375, false },
                    { "35.73.03.1001", 2, "Kotalama", "35.73.03", 17447, true },
                    { "35.73.03.1002", 2, "Mergosono", "35.73.03", 17447, true },
                    { "35.73.03.1003", 2, "Bumiayu", "35.73.03", 17447, true },
                    { "35.73.03.1004", 2, "Wonokoyo", "35.73.03", 17447, true },
                    { "35.73.03.1005", 2, "Buring", "35.73.03", 17447, true },
                    { "35.73.03.1006", 2, "Kedungkandang", "35.73.03", 17447, true },
                    { "35.73.03.1007", 2, "Lesanpuro", "35.73.03", 17447, true },
                    { "35.73.03.1008", 2, "Sawojajar", "35.73.03", 17447, true },
                    { "35.73.03.1009", 2, "Madyopuro", "35.73.03", 17447, true },
                    { "35.73.03.1010", 2, "Cemorokandang", "35.73.03", 17447, true },
                    { "35.73.03.1011", 2, "Arjowinangun", "35.73.03", 17447, true },
                    { "35.73.03.1012", 2, "Tlogowaru", "35.73.03", 17447, true },
                    { "35.73.04", 1, "Sukun", "35.73", 196860, false },
                    { "35.73.04.1001", 2, "Ciptomulyo", "35.73.04", 17896, true },
                    { "35.73.04.1002", 2, "Gadang", "35.73.04", 17896, true },
                    { "35.73.04.1003", 2, "Kebonsari", "35.73.04", 17896, true },
                    { "35.73.04.1004", 2, "Bandungrejosari", "35.73.04", 17896, true },
                    { "35.73.04.1005", 2, "Sukun", "35.73.04", 17896, true },
                    { "35.73.04.1006", 2, "Tanjungrejo", "35.73.04", 17896, true },
                    { "35.73.04.1007", 2, "Pisangcandi", "35.73.04", 17896, true },
                    { "35.73.04.1008", 2, "Bandulan", "35.73.04", 17896, true },
                    { "35.73.04.1009", 2, "Karangbesuki", "35.73.04", 17896, true },
                    { "35.73.04.1010", 2, "Mulyorejo", "35.73.04", 17896, true },
                    { "35.73.04.1011", 2, "Bakalankrajan", "35.73.04", 17896, true },
                    { "35.73.05", 1, "Lowokwaru", "35.73", 164106, false },
                    { "35.73.05.1001", 2, "Tunggulwulung", "35.73.05", 13675, true },
                    { "35.73.05.1002", 2, "Merjosari", "35.73.05", 13675, true },
                    { "35.73.05.1003", 2, "Tlogomas", "35.73.05", 13675, true },
                    { "35.73.05.1004", 2, "Dinoyo", "35.73.05", 13675, true },
                    { "35.73.05.1005", 2, "Sumbersari", "35.73.05", 13675, true },
                    { "35.73.05.1006", 2, "Ketawanggede", "35.73.05", 13675, true },
                    { "35.73.05.1007", 2, "Jatimulyo", "35.73.05", 13675, true },
                    { "35.73.05.1008", 2, "Tunjungsekar", "35.73.05", 13675, true },
                    { "35.73.05.1009", 2, "Mojolangu", "35.73.05", 13675, true },
                    { "35.73.05.1010", 2, "Tulusrejo", "35.73.05", 13675, true },
                    { "35.73.05.1011", 2, "Lowokwaru", "35.73.05", 13675, true },
                    { "35.73.05.1012", 2, "Tasik Madu", "35.73.05", 13675, true }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_AgencyCode",
                table: "Complaints",
                column: "AgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_KelurahanCode",
                table: "Complaints",
                column: "KelurahanCode");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_SubmittedAt",
                table: "Complaints",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_IndicatorCode_PeriodStart",
                table: "IndicatorTargets",
                columns: new[] { "IndicatorCode", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorCode_ScopeCode_Date",
                table: "IndicatorValues",
                columns: new[] { "IndicatorCode", "ScopeCode", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IngestRuns_Source_StartedAt",
                table: "IngestRuns",
                columns: new[] { "Source", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IngestRuns_Status",
                table: "IngestRuns",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantinedItems_RunId",
                table: "QuarantinedItems",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantinedItems_Source_SourceItemId",
                table: "QuarantinedItems",
                columns: new[] { "Source", "SourceItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_ParentCode",
                table: "Regions",
                column: "ParentCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "IndicatorSnapshots");

            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "IngestRuns");

            migrationBuilder.DropTable(
                name: "QuarantinedItems");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropTable(
                name: "SourceStates");

            migrationBuilder.DropTable(
                name: "SourceWatermarks");
        }
    }
}
