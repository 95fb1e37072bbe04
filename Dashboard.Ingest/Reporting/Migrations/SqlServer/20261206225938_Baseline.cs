using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Baseline : Migration
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
                name: "Alert",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(96)", maxLength: 96, nullable: false),
                    OpenKey = table.Column<string>(type: "nvarchar(96)", maxLength: 96, nullable: true),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    IndicatorCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    OwnerOpd = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    SummaryEn = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Reopened = table.Column<int>(type: "int", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    AcknowledgeNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    NotifyError = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alert", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    User = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Target = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Before = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    After = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
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
                name: "IndicatorAnnotation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    IndicatorCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RemovedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    OpenKey = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorAnnotation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorFieldEdit",
                columns: table => new
                {
                    IndicatorCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Field = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CatalogueValue = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EditedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorFieldEdit", x => new { x.IndicatorCode, x.Field });
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
                    DisplayOrder = table.Column<int>(type: "int", nullable: false),
                    Cumulative = table.Column<bool>(type: "bit", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EditedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    EditedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                    Value = table.Column<double>(type: "float", nullable: false),
                    SetBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    SetAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RetiredBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true)
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
                    Error = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RetryOfRunId = table.Column<long>(type: "bigint", nullable: true),
                    Attempt = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LettersRequests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    KelurahanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    LetterType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LettersRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PbbAssessments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    KelurahanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    AmountDue = table.Column<long>(type: "bigint", nullable: false),
                    AmountPaid = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PbbAssessments", x => x.Id);
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
                    SupersededAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReviewedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true)
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
                name: "RevenuePayments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RevenueCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TaxpayerKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    KelurahanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PaidDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenuePayments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevenueTargets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(72)", maxLength: 72, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    RevenueCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Target = table.Column<long>(type: "bigint", nullable: false),
                    RevisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialAidDisbursements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FamilyKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Program = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    FailureReason = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true),
                    DisbursedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialAidDisbursements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialAidFamilies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    KelurahanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Desil = table.Column<int>(type: "int", nullable: false),
                    Programs = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    VervalStatus = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    GraduatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialAidFamilies", x => x.Id);
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
                    KpiDirtyFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PausedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PausedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PausedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    PauseReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ScheduleOverride = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ScheduleChangedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    PendingRetryOfRunId = table.Column<long>(type: "bigint", nullable: true),
                    PendingRetryAttempt = table.Column<int>(type: "int", nullable: false),
                    ScheduleChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SnapshotVersion = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "StaffingAttendance",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    NipKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    CheckInAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingEmployees",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AgencyCode = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    AsnType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RankGroup = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PositionType = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    RetirementMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingEmployees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingPerformance",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    NipKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Rating = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingPerformance", x => x.Id);
                });

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
                name: "IX_AdmissionsApplications_ApplicantKey",
                table: "AdmissionsApplications",
                column: "ApplicantKey");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionsApplications_Year",
                table: "AdmissionsApplications",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_Alert_Key_ResolvedAt",
                table: "Alert",
                columns: new[] { "Key", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alert_OpenKey",
                table: "Alert",
                column: "OpenKey",
                unique: true,
                filter: "[OpenKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Alert_State_FiredAt",
                table: "Alert",
                columns: new[] { "State", "FiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

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
                name: "IX_IndicatorAnnotation_OpenKey",
                table: "IndicatorAnnotation",
                column: "OpenKey",
                unique: true,
                filter: "[OpenKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorAnnotation_Source_Date",
                table: "IndicatorAnnotation",
                columns: new[] { "Source", "Date" });

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

            migrationBuilder.CreateIndex(
                name: "IX_PbbAssessments_Year",
                table: "PbbAssessments",
                column: "Year");

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
                name: "AdmissionsApplications");

            migrationBuilder.DropTable(
                name: "AdmissionsSchools");

            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropTable(
                name: "Alert");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "IndicatorAnnotation");

            migrationBuilder.DropTable(
                name: "IndicatorFieldEdit");

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
                name: "LettersRequests");

            migrationBuilder.DropTable(
                name: "PbbAssessments");

            migrationBuilder.DropTable(
                name: "QuarantinedItems");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropTable(
                name: "RevenuePayments");

            migrationBuilder.DropTable(
                name: "RevenueTargets");

            migrationBuilder.DropTable(
                name: "SocialAidDisbursements");

            migrationBuilder.DropTable(
                name: "SocialAidFamilies");

            migrationBuilder.DropTable(
                name: "SourceStates");

            migrationBuilder.DropTable(
                name: "SourceWatermarks");

            migrationBuilder.DropTable(
                name: "StaffingAttendance");

            migrationBuilder.DropTable(
                name: "StaffingEmployees");

            migrationBuilder.DropTable(
                name: "StaffingPerformance");

            migrationBuilder.DropTable(
                name: "WallScreen");
        }
    }
}
