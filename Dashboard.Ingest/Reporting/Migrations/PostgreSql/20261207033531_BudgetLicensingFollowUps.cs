using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class BudgetLicensingFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Floor",
                table: "IndicatorTargets",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BudgetCashPlans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    BudgetLineId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetCashPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetLines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ProgramCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActivityCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubActivityCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubActivityName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SpendingKind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FundingSource = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Pagu = table.Column<long>(type: "bigint", nullable: false),
                    PaguOriginal = table.Column<long>(type: "bigint", nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RevisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetPayments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Type = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LsKind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Lines = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetPayments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetProgress",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    BudgetLineId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    PhysicalPct = table.Column<double>(type: "double precision", nullable: false),
                    Verified = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetProgress", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationMeetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CurrentOpd = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpHistories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FollowUpId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    User = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpHistories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Opd = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Expected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IndicatorCodes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Reopened = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<long>(type: "bigint", nullable: true),
                    AlertId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Holidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    NameId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SetBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RetiredBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LicensingApplications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PermitType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Kbli = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    RiskLevel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    ApplicantKind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    StatusSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    History = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RetributionAmount = table.Column<long>(type: "bigint", nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InvestmentValue = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicensingApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LicensingBusinessIds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kbli = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    RiskLevel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Scale = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    InvestmentValue = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicensingBusinessIds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LicensingInvestmentReports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Sector = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RealisedValue = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicensingInvestmentReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LicensingInvestmentTargets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Target = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicensingInvestmentTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LicensingPermitTypes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SlaDays = table.Column<int>(type: "integer", nullable: false),
                    TechnicalAgencyCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Retribution = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicensingPermitTypes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetCashPlans_BudgetLineId",
                table: "BudgetCashPlans",
                column: "BudgetLineId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_Year_AgencyCode",
                table: "BudgetLines",
                columns: new[] { "Year", "AgencyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetPayments_Date",
                table: "BudgetPayments",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProgress_Year_Month",
                table: "BudgetProgress",
                columns: new[] { "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationMeetings_Date",
                table: "EvaluationMeetings",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpHistories_FollowUpId",
                table: "FollowUpHistories",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Opd_Status",
                table: "FollowUps",
                columns: new[] { "Opd", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_DueDate",
                table: "FollowUps",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Holidays_Date",
                table: "Holidays",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_LicensingApplications_Status_StatusSince",
                table: "LicensingApplications",
                columns: new[] { "Status", "StatusSince" });

            migrationBuilder.CreateIndex(
                name: "IX_LicensingApplications_SubmittedAt",
                table: "LicensingApplications",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LicensingBusinessIds_IssuedAt",
                table: "LicensingBusinessIds",
                column: "IssuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LicensingInvestmentReports_Year_Quarter",
                table: "LicensingInvestmentReports",
                columns: new[] { "Year", "Quarter" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetCashPlans");

            migrationBuilder.DropTable(
                name: "BudgetLines");

            migrationBuilder.DropTable(
                name: "BudgetPayments");

            migrationBuilder.DropTable(
                name: "BudgetProgress");

            migrationBuilder.DropTable(
                name: "EvaluationMeetings");

            migrationBuilder.DropTable(
                name: "FollowUpHistories");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "Holidays");

            migrationBuilder.DropTable(
                name: "LicensingApplications");

            migrationBuilder.DropTable(
                name: "LicensingBusinessIds");

            migrationBuilder.DropTable(
                name: "LicensingInvestmentReports");

            migrationBuilder.DropTable(
                name: "LicensingInvestmentTargets");

            migrationBuilder.DropTable(
                name: "LicensingPermitTypes");

            migrationBuilder.DropColumn(
                name: "Floor",
                table: "IndicatorTargets");
        }
    }
}
