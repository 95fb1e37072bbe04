using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Ingest.Reporting.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstChoice = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApplicantKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HomeKelurahanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    HomeKecamatanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    PlacedSchoolId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionsApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdmissionsSchools",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Ownership = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    KelurahanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    QuotaDomisili = table.Column<int>(type: "INTEGER", nullable: false),
                    QuotaAfirmasi = table.Column<int>(type: "INTEGER", nullable: false),
                    QuotaMutasi = table.Column<int>(type: "INTEGER", nullable: false),
                    QuotaPrestasi = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionsSchools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Alert",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 96, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    OwnerOpd = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AcknowledgeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotifyError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alert", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    User = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    KelurahanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    KecamatanCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorAnnotation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorAnnotation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorFieldEdit",
                columns: table => new
                {
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CatalogueValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EditedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorFieldEdit", x => new { x.IndicatorCode, x.Field });
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    NameId = table.Column<string>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", nullable: false),
                    DefinitionEn = table.Column<string>(type: "TEXT", nullable: false),
                    Formula = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerOpd = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CadenceMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    FreshnessMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", nullable: true),
                    Tolerance = table.Column<double>(type: "REAL", nullable: false),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Cumulative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EditedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorSnapshots",
                columns: table => new
                {
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    ScopeCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ScopeKind = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSnapshots", x => new { x.IndicatorCode, x.ScopeCode });
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RetiredBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    ScopeKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IngestRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Node = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HeartbeatAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Pages = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    Inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Deleted = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Flagged = table.Column<int>(type: "INTEGER", nullable: false),
                    WatermarkBefore = table.Column<long>(type: "INTEGER", nullable: true),
                    WatermarkAfter = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RetryOfRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestRuns", x => x.Id);
                });

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
                name: "QuarantinedItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    SourceItemId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantinedItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationIsEstimate = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
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

            migrationBuilder.CreateTable(
                name: "SourceStates",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RunningRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    KpiDirtyFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PauseReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ScheduleOverride = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ScheduleChangedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PendingRetryOfRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingRetryAttempt = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduleChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SnapshotVersion = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceStates", x => x.Source);
                });

            migrationBuilder.CreateTable(
                name: "SourceWatermarks",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceWatermarks", x => new { x.Source, x.Resource });
                });

            migrationBuilder.CreateTable(
                name: "StaffingAttendance",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
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

            migrationBuilder.CreateTable(
                name: "WallScreen",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Boards = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RotateRegions = table.Column<bool>(type: "INTEGER", nullable: false),
                    RotationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<int>(type: "INTEGER", nullable: false),
                    NightFrom = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    NightUntil = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TokenRotatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastResolution = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LastAppVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastBoard = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                name: "IX_IndicatorAnnotation_OpenKey",
                table: "IndicatorAnnotation",
                column: "OpenKey",
                unique: true);

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
