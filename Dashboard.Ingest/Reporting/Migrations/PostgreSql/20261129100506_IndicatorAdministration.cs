using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class IndicatorAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "IndicatorTargets",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "IndicatorTargets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "IndicatorTargets",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SetAt",
                table: "IndicatorTargets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SetBy",
                table: "IndicatorTargets",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Cumulative",
                table: "Indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedAt",
                table: "Indicators",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "Indicators",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Indicators",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorAnnotation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorCode = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemovedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorAnnotation", x => x.Id);
                });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 2025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 2026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 2027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 3025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 3026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 3027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 4025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 4026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 4027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 5025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 5026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 5027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 6025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 6026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 6027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 7025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 7026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 7027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 8025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 8026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 8027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 12025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 12026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 12027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 13025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 13026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 13027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 14025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 14026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 14027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 16025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 16026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 16027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 17025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 17026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 17027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 19025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 19026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 19027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 23025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 23026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 23027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 25025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 25026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 25027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 32025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 32026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 32027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 33025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 33026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 33027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 35025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 35026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 35027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 36025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 36026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 36027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 37025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 37026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 37027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 38025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 38026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 38027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 40025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 40026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 40027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 41025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 41026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 41027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 45025L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 45026L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "IndicatorTargets",
                keyColumn: "Id",
                keyValue: 45027L,
                columns: new[] { "Reason", "RetiredAt", "RetiredBy", "SetAt", "SetBy" },
                values: new object[] { null, null, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ADUAN_BELUM_VERIFIKASI",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ADUAN_DITINDAKLANJUTI_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ADUAN_LEWAT_SLA",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ADUAN_MASUK",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ADUAN_PER_10RB_PENDUDUK",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ADUAN_RESPON_PERTAMA_JAM",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ADUAN_SELESAI_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ADUAN_TL_5HK_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ADUAN_TOPIK_TERATAS",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_DL_CUTI",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_JUMLAH",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_KEHADIRAN_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_KINERJA_BAIK_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_PENSIUN_12BLN",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_PER_1000_PENDUDUK",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_TANPA_KETERANGAN",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "ASN_TERLAMBAT_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_CAKUPAN_DESIL_1_4_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_GAGAL_SALUR",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_INCLUSION_ERROR",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_KPM",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BANSOS_SALUR_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "BPHTB_TRANSAKSI",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "DTSEN_DESIL_1_4",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "DTSEN_VERVAL_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "JABATAN_LOWONG",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "OPD_KEPATUHAN_TL_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAD_REALISASI_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { true, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAJAK_DEVIASI_PROPORSIONAL",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAJAK_JENIS_SESUAI_TARGET",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAJAK_PENERIMAAN_HARIAN",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PAJAK_REALISASI_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { true, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PBB_REALISASI_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PBB_TUNGGAKAN",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "PKH_GRADUASI",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "RETRIBUSI_REALISASI_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { true, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SKP_TEPAT_WAKTU_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_KUOTA_TERISI_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_PENDAFTAR_PER_DAYA_TAMPUNG",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_SISA_PAGU",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_TIDAK_TERTAMPUNG",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SPMB_VERIFIKASI_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SURAT_PERMOHONAN",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "SURAT_SESUAI_STANDAR_PCT",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.UpdateData(
                table: "Indicators",
                keyColumn: "Code",
                keyValue: "WAJIB_PAJAK_AKTIF",
                columns: new[] { "Cumulative", "EditedAt", "EditedBy", "Notes" },
                values: new object[] { false, null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorAnnotation_Source_Date",
                table: "IndicatorAnnotation",
                columns: new[] { "Source", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorAnnotation");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "IndicatorTargets");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "IndicatorTargets");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "IndicatorTargets");

            migrationBuilder.DropColumn(
                name: "SetAt",
                table: "IndicatorTargets");

            migrationBuilder.DropColumn(
                name: "SetBy",
                table: "IndicatorTargets");

            migrationBuilder.DropColumn(
                name: "Cumulative",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Indicators");
        }
    }
}
