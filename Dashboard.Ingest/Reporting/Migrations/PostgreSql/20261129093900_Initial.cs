using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Dashboard.Ingest.Reporting.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdmissionsApplications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Route = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Choices = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstChoice = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HomeKelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    HomeKecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    PlacedSchoolId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionsApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdmissionsSchools",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Ownership = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    QuotaDomisili = table.Column<int>(type: "integer", nullable: false),
                    QuotaAfirmasi = table.Column<int>(type: "integer", nullable: false),
                    QuotaMutasi = table.Column<int>(type: "integer", nullable: false),
                    QuotaPrestasi = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionsSchools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: false),
                    OpenKey = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    OwnerOpd = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reopened = table.Column<int>(type: "integer", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    AcknowledgeNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NotifyError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    User = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Target = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Before = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    After = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstResponseAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    NameId = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: false),
                    DefinitionId = table.Column<string>(type: "text", nullable: false),
                    DefinitionEn = table.Column<string>(type: "text", nullable: false),
                    Formula = table.Column<string>(type: "text", nullable: false),
                    Unit = table.Column<int>(type: "integer", nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    OwnerOpd = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CadenceMinutes = table.Column<int>(type: "integer", nullable: false),
                    FreshnessMinutes = table.Column<int>(type: "integer", nullable: false),
                    LegalBasis = table.Column<string>(type: "text", nullable: true),
                    Tolerance = table.Column<double>(type: "double precision", nullable: false),
                    DisplayOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorSnapshots",
                columns: table => new
                {
                    IndicatorCode = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    ScopeCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ScopeKind = table.Column<int>(type: "integer", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Label = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorCode = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorCode = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    ScopeKind = table.Column<int>(type: "integer", nullable: false),
                    ScopeCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Label = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Node = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HeartbeatAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    ItemsRead = table.Column<int>(type: "integer", nullable: false),
                    Inserted = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Deleted = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Flagged = table.Column<int>(type: "integer", nullable: false),
                    WatermarkBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WatermarkAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RetryOfRunId = table.Column<long>(type: "bigint", nullable: true),
                    Attempt = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LettersRequests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    LetterType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LettersRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PbbAssessments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AmountDue = table.Column<long>(type: "bigint", nullable: false),
                    AmountPaid = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Resource = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    SourceItemId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantinedItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    PopulationIsEstimate = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "RevenuePayments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RevenueCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TaxpayerKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenuePayments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevenueTargets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(72)", maxLength: 72, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RevenueCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Target = table.Column<long>(type: "bigint", nullable: false),
                    RevisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialAidDisbursements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FamilyKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Program = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Stage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DisbursedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialAidDisbursements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialAidFamilies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    KelurahanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Desil = table.Column<int>(type: "integer", nullable: false),
                    Programs = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    VervalStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    GraduatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialAidFamilies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceStates",
                columns: table => new
                {
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RunningRunId = table.Column<long>(type: "bigint", nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastRunId = table.Column<long>(type: "bigint", nullable: true),
                    LastStatus = table.Column<int>(type: "integer", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    KpiDirtyFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PauseReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ScheduleOverride = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ScheduleChangedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PendingRetryOfRunId = table.Column<long>(type: "bigint", nullable: true),
                    PendingRetryAttempt = table.Column<int>(type: "integer", nullable: false),
                    ScheduleChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceStates", x => x.Source);
                });

            migrationBuilder.CreateTable(
                name: "SourceWatermarks",
                columns: table => new
                {
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Resource = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Value = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceWatermarks", x => new { x.Source, x.Resource });
                });

            migrationBuilder.CreateTable(
                name: "StaffingAttendance",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NipKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CheckInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingEmployees",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    AsnType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RankGroup = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PositionType = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    RetirementMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingEmployees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingPerformance",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NipKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Rating = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Flags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingPerformance", x => x.Id);
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
                    { 8027L, "OPD_KEPATUHAN_TL_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 },
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
                    { 19027L, "JABATAN_LOWONG", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 10.0 },
                    { 23025L, "PAJAK_DEVIASI_PROPORSIONAL", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 0.0 },
                    { 23026L, "PAJAK_DEVIASI_PROPORSIONAL", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 0.0 },
                    { 23027L, "PAJAK_DEVIASI_PROPORSIONAL", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 0.0 },
                    { 25025L, "PBB_REALISASI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 25026L, "PBB_REALISASI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 25027L, "PBB_REALISASI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 },
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
                    { 38027L, "PKH_GRADUASI", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 130.0 },
                    { 40025L, "SPMB_KUOTA_TERISI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 95.0 },
                    { 40026L, "SPMB_KUOTA_TERISI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 95.0 },
                    { 40027L, "SPMB_KUOTA_TERISI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 95.0 },
                    { 41025L, "SPMB_VERIFIKASI_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 100.0 },
                    { 41026L, "SPMB_VERIFIKASI_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 100.0 },
                    { 41027L, "SPMB_VERIFIKASI_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 100.0 },
                    { 45025L, "SURAT_SESUAI_STANDAR_PCT", 0, new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1), 90.0 },
                    { 45026L, "SURAT_SESUAI_STANDAR_PCT", 0, new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), 90.0 },
                    { 45027L, "SURAT_SESUAI_STANDAR_PCT", 0, new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), 90.0 }
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
                    { "ASN_DL_CUTI", 60, "Staff on official duty elsewhere or on leave that working day.", "ASN yang berdinas luar atau cuti pada hari kerja itu.", 0, 15, "count(dinas_luar + cuti)", 180, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Staff on duty travel or leave", "ASN dinas luar/cuti hari ini", 15, "BKPSDM", "Staffing", 0.0, 0 },
                    { "ASN_JUMLAH", 1440, "Civil servants in service at the end of the day, per agency. The SIMPEG contract has no appointment date: history is the current register projected back through retirement dates.", "ASN yang tercatat bertugas pada akhir hari itu, per OPD. Kontrak SIMPEG tidak memuat TMT pengangkatan: riwayat direkonstruksi dari daftar pegawai saat ini dan tanggal pensiunnya.", 0, 11, "count(status ∉ {pensiun, berhenti} ∨ (status = pensiun ∧ bulan pensiun > hari itu))", 2880, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Civil servants (PNS/PPPK)", "Jumlah ASN (PNS/PPPK)", 11, "BKPSDM", "Staffing", 0.0, 0 },
                    { "ASN_KEHADIRAN_PCT", 15, "Staff present (on time, late or on official duty) against headcount on that working day; a non-working day shows the last working day. Today's figure grows through the morning.", "ASN yang hadir (tepat waktu, terlambat, atau dinas luar) dibanding jumlah ASN, pada hari kerja itu; hari libur memakai hari kerja terakhir. Hari ini bertambah sepanjang pagi.", 1, 12, "count(hadir + terlambat + dinas_luar) / jumlah ASN × 100", 120, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Staff attendance rate", "Tingkat kehadiran ASN", 12, "BKPSDM", "Staffing", 0.029999999999999999, 1 },
                    { "ASN_KINERJA_BAIK_PCT", 1440, "Of the evaluations of the latest quarter whose deadline has passed, the share rated Baik or Sangat Baik (the organisation curve caps Baik at 70%).", "Dari evaluasi triwulan terakhir yang tenggatnya sudah lewat, bagian berpredikat Baik atau Sangat Baik (kurva organisasi membatasi Baik ≤ 70%).", 1, 16, "count(sangat_baik + baik) / count(evaluasi triwulan itu, diserahkan s.d. hari itu) × 100", 2880, "UU 20/2023; Permenpan RB 6/2022 tentang Pengelolaan Kinerja Pegawai ASN", "Staff rated Good or Very Good", "Predikat kinerja Baik & Sangat Baik", 16, "BKPSDM", "Staffing", 0.050000000000000003, 1 },
                    { "ASN_PENSIUN_12BLN", 43200, "Staff reaching retirement age (retirement month) within 12 months after the day.", "ASN yang mencapai batas usia pensiun (TMT pensiun) dalam 12 bulan setelah hari itu.", 0, 18, "count(hari itu < bulan pensiun ≤ hari itu + 12 bulan ∧ status ≠ berhenti)", 86400, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Retirements in the next 12 months", "ASN pensiun 12 bulan ke depan", 18, "BKPSDM", "Staffing", 0.0, 0 },
                    { "ASN_PER_1000_PENDUDUK", 43200, "Civil servants per 1,000 residents of the city (BPS 2023 population from the reference data).", "Jumlah ASN per 1.000 penduduk kota (penduduk BPS 2023 dari data rujukan).", 0, 20, "jumlah ASN / penduduk × 1.000", 86400, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Staff per 1,000 residents", "Rasio ASN per 1.000 penduduk", 20, "BKPSDM", "Staffing", 0.0, 5 },
                    { "ASN_TANPA_KETERANGAN", 1440, "Staff absent without notice on that working day (set when attendance closes at 16:00 WIB; later leave corrections change it).", "ASN tanpa keterangan pada hari kerja itu (ditetapkan saat presensi ditutup pukul 16.00 WIB; koreksi izin menyusul mengubahnya).", 2, 14, "count(tanpa_keterangan)", 2880, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Unexcused absences", "ASN tanpa keterangan", 14, "BKPSDM", "Staffing", 0.20000000000000001, 0 },
                    { "ASN_TERLAMBAT_PCT", 60, "Share of check-ins after 07:30 WIB among all check-ins of that working day.", "Bagian presensi masuk setelah pukul 07.30 WIB dari semua presensi masuk pada hari kerja itu.", 2, 13, "count(terlambat) / count(hadir + terlambat) × 100", 180, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Late check-ins", "Persentase keterlambatan", 13, "BKPSDM", "Staffing", 0.20000000000000001, 1 },
                    { "BANSOS_CAKUPAN_DESIL_1_4_PCT", 129600, "Share of registered desil 1–4 families receiving at least one programme.", "Bagian keluarga desil 1–4 yang masih terdaftar yang menerima sedikitnya satu program.", 1, 35, "count(desil ≤ 4 ∧ KPM) / count(status ≠ nonaktif ∧ desil ≤ 4) × 100", 259200, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Aid coverage of desil 1–4", "Cakupan bansos desil 1–4", 35, "DINSOS", "SocialAid", 0.050000000000000003, 1 },
                    { "BANSOS_GAGAL_SALUR", 1440, "Payments of the current tahap that failed; the page lists their reasons. The failure time is the failed version's updated_at (the contract has no failure date); a successful retry no longer counts.", "Penyaluran tahap berjalan yang berstatus gagal, dengan alasannya di halaman bansos. Waktu kegagalan adalah updated_at versi gagal (kontrak tidak memuat tanggal gagal); penyaluran ulang yang berhasil tidak lagi dihitung.", 2, 33, "count(stage = tahap berjalan ∧ status = gagal ∧ updated_at ≤ akhir hari)", 2880, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Failed disbursements", "Gagal salur", 33, "DINSOS", "SocialAid", 0.20000000000000001, 0 },
                    { "BANSOS_INCLUSION_ERROR", 129600, "Beneficiary families in desil 6 or above: flagged for verification, not necessarily ineligible.", "KPM yang berada pada desil 6 ke atas: ditandai untuk verval, belum tentu salah sasaran.", 2, 36, "count(KPM ∧ desil ≥ 6)", 259200, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Possible inclusion errors", "Indikasi inclusion error", 36, "DINSOS", "SocialAid", 0.20000000000000001, 0 },
                    { "BANSOS_KPM", 43200, "Beneficiary families (KPM): active families enrolled in at least one programme (PKH, Sembako, PBI-JK, BLT, BPNTD). The page breaks them down by programme. Days before the first load show the current register.", "Keluarga penerima manfaat (KPM): keluarga berstatus aktif yang terdaftar pada sedikitnya satu program (PKH, Sembako, PBI-JK, BLT, BPNTD). Rincian per program ada di halaman bansos. Riwayat sebelum pemuatan pertama adalah daftar keluarga saat ini.", 0, 31, "count(status = aktif ∧ programs ≠ ∅)", 86400, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Beneficiary families", "KPM per program per kelurahan", 31, "DINSOS", "SocialAid", 0.0, 0 },
                    { "BANSOS_SALUR_PCT", 1440, "For the current tahap (the latest one whose disbursement had started by that day), payments disbursed by the end of the day against the tahap's whole allocation, all programmes.", "Untuk tahap berjalan (tahap terakhir yang sudah mulai disalurkan pada hari itu), penyaluran berstatus tersalur s.d. akhir hari itu dibanding seluruh alokasi tahap tersebut, semua program.", 1, 32, "count(stage = tahap berjalan ∧ status = tersalur ∧ disbursed_at ≤ akhir hari) / count(stage = tahap berjalan) × 100", 2880, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Aid disbursed against allocation", "Persentase penyaluran bansos", 32, "DINSOS", "SocialAid", 0.050000000000000003, 1 },
                    { "BPHTB_TRANSAKSI", 1440, "BPHTB transactions (land and building transfers) of the month to date, less reversals; their value is on the Revenue page.", "Transaksi BPHTB (perolehan hak atas tanah dan bangunan) bulan berjalan sampai hari itu, dikurangi yang dibatalkan; nilainya di halaman Pendapatan.", 0, 28, "count(BPHTB posted) − count(BPHTB reversed), 1 s.d. hari itu bulan berjalan", 2880, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "BPHTB transactions", "Transaksi BPHTB", 28, "BAPENDA", "Revenue", 0.0, 0 },
                    { "DTSEN_DESIL_1_4", 129600, "DTSEN families still registered (not nonaktif) in desil 1–4. The page shows their share of all registered families.", "Keluarga DTSEN yang masih terdaftar (bukan nonaktif) pada desil 1–4. Persentasenya terhadap seluruh keluarga terdaftar ada di halaman bansos.", 2, 34, "count(status ≠ nonaktif ∧ desil ≤ 4)", 259200, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Families in desil 1–4", "Keluarga desil 1–4", 34, "DINSOS", "SocialAid", 0.0, 0 },
                    { "DTSEN_VERVAL_PCT", 1440, "DTSEN families verified and validated (eligible or not) against all families in the data. Dips when the quarterly update adds families to check.", "Keluarga DTSEN yang sudah diverifikasi dan divalidasi (layak atau tidak layak) dibanding seluruh keluarga dalam data. Turun saat pemutakhiran triwulanan menambah keluarga yang harus dicek.", 1, 37, "count(verval_status ∈ {layak, tidak_layak}) / count(keluarga) × 100", 2880, "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang DTSEN", "Verification and validation progress", "Progres verval/groundcheck", 37, "DINSOS", "SocialAid", 0.050000000000000003, 1 },
                    { "JABATAN_LOWONG", 10080, "Approximation: expected structural posts per agency (an SOTK approximation) minus structural staff in service. Acting heads (Plt) cannot be derived: the contract has no acting flag.", "Perkiraan: jabatan struktural yang diharapkan per OPD (pendekatan SOTK) dikurangi ASN struktural yang bertugas. Plt tidak dapat diturunkan: kontrak tidak memuat penanda pelaksana tugas.", 2, 19, "Σ_OPD max(0, jabatan struktural OPD − count(struktural bertugas))", 20160, "UU 20/2023 tentang ASN; PP 11/2017 jo. PP 17/2020", "Vacant structural posts", "Jabatan struktural lowong", 19, "BKPSDM", "Staffing", 0.20000000000000001, 0 },
                    { "OPD_KEPATUHAN_TL_PCT", 1440, "Per agency: share of complaints due in the last 30 days settled within 5 working days (league table).", "Per OPD: bagian aduan dengan tenggat 5 hari kerja dalam 30 hari terakhir yang selesai tepat waktu (tabel peringkat).", 1, 8, "count(closed_at ≤ tenggat) / count(tenggat dalam 30 hari terakhir) × 100, per OPD", 2880, "UU 25/2009; Perpres 76/2013; Permenpan RB 62/2018", "Agency follow-up compliance", "Kepatuhan OPD menindaklanjuti", 8, "DISKOMINFO", "Complaints", 0.050000000000000003, 1 },
                    { "PAD_REALISASI_PCT", 10080, "Taxes and retribution, cumulative, against both targets. The Bapenda contract has no BUMD dividends or other own-source revenue: this is PAD without them.", "Pajak dan retribusi kumulatif dibanding target keduanya. Kontrak Bapenda tidak memuat hasil BUMD dan lain-lain PAD yang sah: angka ini adalah PAD tanpa keduanya.", 1, 30, "Σ (pajak + retribusi) kumulatif / Σ target (pajak + retribusi) × 100", 20160, "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Perda APBD", "Own-source revenue (PAD) realisation", "Realisasi PAD", 30, "BKAD", "Revenue", 0.0, 1 },
                    { "PAJAK_DEVIASI_PROPORSIONAL", 1440, "Tax realisation (% of target) minus the share of the year elapsed (% of days), in percentage points: positive means ahead of plan.", "Realisasi pajak (% target) dikurangi bagian tahun yang sudah berjalan (% hari), dalam poin persen: positif berarti di depan rencana.", 1, 23, "realisasi % − hari berjalan / hari dalam tahun × 100", 2880, "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Perda APBD", "Gap to the time-proportional target", "Deviasi terhadap target proporsional", 23, "BAPENDA", "Revenue", 0.0, 1 },
                    { "PAJAK_JENIS_SESUAI_TARGET", 1440, "Tax types (of those with a target) whose cumulative realisation reaches the time-proportional target; the label names the type furthest behind. The Revenue page shows every type.", "Jumlah jenis pajak (dari yang bertarget) yang realisasi kumulatifnya mencapai target proporsional waktu; keterangan menyebut jenis yang paling tertinggal. Rincian per jenis ada di halaman Pendapatan.", 1, 22, "count(jenis: realisasi kumulatif ≥ target × hari berjalan / hari dalam tahun)", 2880, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "Tax types on the time-proportional track", "Jenis pajak sesuai target proporsional", 22, "BAPENDA", "Revenue", 0.0, 0 },
                    { "PAJAK_PENERIMAAN_HARIAN", 60, "Tax payments of the day less reversals of the day, by the tax object's location (opsen transferred by Samsat: city level only).", "Pembayaran pajak pada hari itu dikurangi pembatalan pada hari itu, menurut lokasi objek pajak (opsen dari Samsat hanya tingkat kota).", 1, 24, "Σ amount(posted, hari itu) − Σ amount(reversed, hari itu)", 180, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "Daily tax receipts", "Penerimaan pajak harian", 24, "BAPENDA", "Revenue", 0.0, 4 },
                    { "PAJAK_REALISASI_PCT", 60, "Cumulative regional tax receipts since 1 January (payments less reversals) against the APBD year's target in force (the APBD-P figure once set). Its status follows the gap to the time-proportional target (#23).", "Penerimaan pajak daerah kumulatif sejak 1 Januari (pembayaran dikurangi pembatalan) dibanding target berlaku tahun APBD (APBD-P bila sudah ditetapkan). Status mengikuti deviasi terhadap target proporsional (#23).", 1, 21, "Σ pembayaran pajak (posted − reversed) 1 Jan s.d. hari itu / Σ target pajak tahun itu × 100", 180, "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Perda APBD", "Regional tax realisation", "Realisasi pajak daerah", 21, "BAPENDA", "Revenue", 0.0, 1 },
                    { "PBB_REALISASI_PCT", 1440, "Share of the current year's PBB-P2 assessments (SPPT) paid, by the tax object's kelurahan. An assessment only carries what is paid now: past days keep the value recorded on them.", "Bagian ketetapan PBB-P2 (SPPT) tahun berjalan yang sudah dibayar, per kelurahan objek pajak. Ketetapan hanya memuat jumlah terbayar saat ini: nilai hari-hari lalu adalah yang tercatat pada hari itu.", 1, 25, "Σ amount_paid / Σ amount_due (ketetapan tahun berjalan) × 100", 2880, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "PBB-P2 collected vs assessed", "Realisasi PBB-P2 per kelurahan", 25, "BAPENDA", "Revenue", 0.10000000000000001, 1 },
                    { "PBB_TUNGGAKAN", 10080, "PBB-P2 assessments not yet paid: earlier years, and the current year after its 31 July due date. Self-assessed taxes have no assessments in the contract, so they are not included.", "Ketetapan PBB-P2 yang belum dibayar: tahun-tahun lalu, dan tahun berjalan setelah jatuh tempo 31 Juli. Pajak yang dinilai sendiri tidak punya ketetapan dalam kontrak, jadi tidak termasuk.", 2, 26, "Σ max(0, amount_due − amount_paid) (tahun < berjalan, atau tahun berjalan setelah 31 Juli)", 20160, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "PBB-P2 arrears outstanding", "Tunggakan PBB-P2", 26, "BAPENDA", "Revenue", 0.0, 4 },
                    { "PKH_GRADUASI", 43200, "Families graduated (left the programmes as self-reliant) from 1 January to that day. The graduation time is the updated_at of the first version with status graduasi (the contract has no graduation date). The city's target is 130 a year.", "Keluarga yang tergraduasi (keluar dari program karena mandiri) sejak 1 Januari s.d. hari itu. Waktu graduasi adalah updated_at versi pertama berstatus graduasi (kontrak tidak memuat tanggal graduasi). Target kota 130 KPM per tahun.", 1, 38, "count(status = graduasi ∧ waktu graduasi dalam tahun berjalan s.d. akhir hari)", 86400, "Permensos 1/2018 tentang Program Keluarga Harapan; Inpres 4/2025", "Graduated families", "KPM tergraduasi", 38, "DINSOS", "SocialAid", 0.10000000000000001, 0 },
                    { "RETRIBUSI_REALISASI_PCT", 1440, "Cumulative retribution receipts since 1 January against the year's retribution target; per collecting agency where the agency is known.", "Penerimaan retribusi kumulatif sejak 1 Januari dibanding target retribusi tahun itu; per OPD pemungut untuk retribusi yang OPD-nya diketahui.", 1, 29, "Σ pembayaran RETRIBUSI_* (posted − reversed) / Σ target retribusi × 100", 10080, "UU 1/2022 tentang HKPD; PP 12/2019 tentang Pengelolaan Keuangan Daerah; Perda APBD", "Retribution realisation", "Realisasi retribusi daerah", 29, "BKAD", "Revenue", 0.0, 1 },
                    { "SKP_TEPAT_WAKTU_PCT", 10080, "Evaluations of the latest quarter past its deadline submitted on time, against staff in service at the quarter's end. Deadline: the 5th working day after the quarter ends (annual: 31 January).", "Evaluasi triwulan terakhir yang tenggatnya sudah lewat dan diserahkan tepat waktu, dibanding ASN yang bertugas di akhir triwulan. Tenggat: hari kerja ke-5 setelah triwulan berakhir (tahunan: 31 Januari).", 1, 17, "count(submitted_at ≤ akhir hari tenggat, pegawai bertugas) / jumlah ASN akhir triwulan × 100", 20160, "UU 20/2023; Permenpan RB 6/2022 tentang Pengelolaan Kinerja Pegawai ASN", "SKP evaluations submitted on time", "SKP terisi tepat waktu", 17, "BKPSDM", "Staffing", 0.050000000000000003, 1 },
                    { "SPMB_KUOTA_TERISI_PCT", 15, "Seats taken (accepted or re-registered) against the quota of every route, by placement school; the breakdown per route is on the SPMB page. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Kursi yang terisi (diterima atau daftar ulang) dibanding kuota semua jalur, menurut sekolah penempatan; rincian per jalur di halaman SPMB. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 1, 40, "count(status ∈ {diterima, daftar_ulang}, sekolah penempatan dalam lingkup) / Σ kuota × 100", 60, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Quota filled", "Keterisian kuota", 40, "DISDIKBUD", "Admissions", 0.050000000000000003, 1 },
                    { "SPMB_PENDAFTAR_PER_DAYA_TAMPUNG", 15, "Applications of the current admission year (withdrawals excluded) per seat, by first-choice school; region = the school's location. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Pendaftaran tahun penerimaan berjalan (tidak termasuk yang mengundurkan diri) dibanding daya tampung, menurut sekolah pilihan pertama; wilayah = letak sekolah. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 0, 39, "count(pendaftaran, status ≠ mengundurkan_diri, sekolah pilihan 1 dalam lingkup) / Σ kuota sekolah dalam lingkup", 60, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Applicants per seat", "Pendaftar vs daya tampung", 39, "DISDIKBUD", "Admissions", 0.0, 5 },
                    { "SPMB_SISA_PAGU", 1440, "Quota minus re-registered applicants per school (never below zero), summed by the school's location; empty before the admission year's first re-registration. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Kuota dikurangi pendaftar yang sudah daftar ulang, per sekolah (tidak kurang dari nol), dijumlah menurut letak sekolah; kosong sebelum ada daftar ulang pada tahun penerimaan itu. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 2, 43, "Σ_sekolah max(0, Σ kuota − count(status = daftar_ulang, sekolah penempatan))", 2880, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Seats left after re-registration", "Sisa pagu setelah daftar ulang", 43, "DISDIKBUD", "Admissions", 0.20000000000000001, 0 },
                    { "SPMB_TIDAK_TERTAMPUNG", 1440, "Children (pseudonymised NIK) with an application not accepted or placed in a private school, none of whose applications holds a place in a public school (a school missing from the register counts as public); by the home kelurahan of their latest application. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Anak (NIK terpseudonimkan) yang punya pendaftaran tidak diterima atau ditempatkan di sekolah swasta, dan tidak satu pun pendaftarannya ditempatkan di sekolah negeri (sekolah yang tidak ada di daftar dianggap negeri); menurut kelurahan domisili pada pendaftaran terakhirnya. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 2, 42, "count(anak: ∃ tidak_diterima ∨ ditempatkan di swasta, ∄ ditempatkan di negeri)", 2880, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Applicants not placed in a public school", "Calon murid tidak tertampung di sekolah negeri", 42, "DISDIKBUD", "Admissions", 0.10000000000000001, 0 },
                    { "SPMB_VERIFIKASI_PCT", 60, "Applications whose documents were processed (verified or decided) against every application not withdrawn; region = home kelurahan, school = first choice. Admission year: from 1 June that year's, before it the previous year's. Seats = each school's currently published quota (the contract has no quota per year). Status on a past day: the status served by the end of that day; a later change counts as registered.", "Pendaftaran yang berkasnya sudah diproses (terverifikasi atau sudah diputuskan) dibanding semua pendaftaran yang tidak mengundurkan diri; wilayah = kelurahan domisili, sekolah = pilihan pertama. Tahun penerimaan: sejak 1 Juni tahun itu, sebelumnya tahun sebelumnya. Daya tampung = kuota terbit saat ini per sekolah (kontrak tidak memuat kuota per tahun). Status pada hari lampau: status yang diterima sampai akhir hari itu; perubahan sesudahnya dihitung terdaftar.", 1, 41, "count(status ∉ {terdaftar, mengundurkan_diri}) / count(status ≠ mengundurkan_diri) × 100", 120, "Permendikdasmen 3/2025 tentang Sistem Penerimaan Murid Baru; petunjuk teknis SPMB Kota Malang", "Documents verified", "Verifikasi berkas selesai", 41, "DISDIKBUD", "Admissions", 0.050000000000000003, 1 },
                    { "SURAT_PERMOHONAN", 60, "Letter requests made at the kelurahan that day (every type, rejected ones included). Label: the breakdown by letter type (domisili, sktm, pengantar_skck, keterangan_usaha, kematian, lainnya).", "Jumlah permohonan surat keterangan di kelurahan pada hari itu (semua jenis, termasuk yang ditolak). Label: rincian per jenis surat (domisili, sktm, pengantar_skck, keterangan_usaha, kematian, lainnya).", 0, 44, "count(requested_at dalam hari itu); label = count per letter_type", 180, "UU 25/2009 (Pelayanan Publik); Permenpan RB 15/2014 (Standar Pelayanan); PP 17/2018 (Kecamatan)", "Kelurahan letter requests", "Permohonan surat keterangan kelurahan", 44, "SETDA", "Letters", 0.0, 0 },
                    { "SURAT_SESUAI_STANDAR_PCT", 1440, "Of requests (rejected ones excluded) whose service-standard deadline fell in the last 30 days, the share completed by that deadline. Design assumption (no published Malang standard was found): domisili, pengantar SKCK and kematian 1 working day; SKTM, keterangan usaha and lainnya 3 working days; Monday–Friday, national holidays not yet subtracted.", "Dari permohonan (tidak termasuk yang ditolak) yang batas standar pelayanannya jatuh dalam 30 hari terakhir, bagian yang selesai sebelum batas itu. Asumsi desain (standar Malang tidak ditemukan): domisili, pengantar SKCK dan kematian 1 hari kerja; SKTM, keterangan usaha dan lainnya 3 hari kerja; hari kerja Senin–Jumat, libur nasional belum dikurangkan.", 1, 45, "count(status = selesai ∧ completed_at ≤ batas) / count(status ≠ ditolak ∧ batas dalam 30 hari terakhir) × 100; batas = requested_at + standar(letter_type) hari kerja", 2880, "UU 25/2009 (Pelayanan Publik); Permenpan RB 15/2014 (Standar Pelayanan); PP 17/2018 (Kecamatan)", "Letters completed within the service standard", "Surat selesai sesuai standar pelayanan", 45, "SETDA", "Letters", 0.050000000000000003, 1 },
                    { "WAJIB_PAJAK_AKTIF", 10080, "Taxpayers (NPWPD, pseudonymised) of self-assessed taxes (PBJT, billboards, groundwater) with a payment in the last 365 days, by the object's location. New taxpayers (first payment within 30 days) are on the Revenue page.", "Wajib pajak (NPWPD, disamarkan) pajak yang dinilai sendiri (PBJT, reklame, air tanah) dengan pembayaran dalam 365 hari terakhir, menurut lokasi objek. Wajib pajak baru (pembayaran pertama dalam 30 hari) ada di halaman Pendapatan.", 1, 27, "count distinct(taxpayer: pembayaran posted dalam 365 hari s.d. hari itu)", 20160, "UU 1/2022 tentang HKPD; PP 35/2023; Perda Kota Malang tentang Pajak dan Retribusi Daerah", "Active taxpayers", "Wajib pajak aktif", 27, "BAPENDA", "Revenue", 0.0, 0 }
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
                unique: true);

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
        }
    }
}
