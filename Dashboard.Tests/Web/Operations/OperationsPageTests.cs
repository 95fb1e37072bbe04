using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Dashboard.Tests.Web.Operations;

public sealed class OperationsPageTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();
    private readonly RecordingRefreshRequests _refreshes = new();

    public OperationsPageTests()
    {
        var source = new ComplaintsSource(new TestOptions<ComplaintsOptions>(new ComplaintsOptions { ApiKey = "k", Schedule = "*/15 * * * *" }), new ComplaintsKpis());
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IRefreshRequests>(_refreshes);
        Services.AddSingleton(new SourceCatalog([source]));
        Services.AddSingleton<OperationsQueries>();
        Services.AddAlertServices();
        Services.AddSingleton<ISourceScheduler>(new RecordingSourceScheduler());
        AddAuthorization().SetAuthorized("operator").SetRoles(Roles.Operator).SetPolicies(Policies.Refresh);
        UseInteractiveServerRenderer();
    }

    private async Task SeedAsync(bool running = false)
    {
        await using var db = _db.CreateDbContext();
        db.IngestRuns.AddRange(
            new IngestRun
            {
                Source = ComplaintsIndicators.Source, Node = "n:1", Trigger = IngestTrigger.Schedule, Status = IngestRunStatus.Failed,
                StartedAt = Start.AddMinutes(-40), FinishedAt = Start.AddMinutes(-39), Error = "HTTP 503 dari sumber",
            },
            new IngestRun
            {
                Source = ComplaintsIndicators.Source, Node = "n:1", Trigger = IngestTrigger.Manual, RequestedBy = "operator",
                Reason = "Data pagi belum masuk", Status = IngestRunStatus.Succeeded, StartedAt = Start.AddMinutes(-10),
                FinishedAt = Start.AddMinutes(-9), Pages = 3, ItemsRead = 2500, Inserted = 40, Rejected = 2,
            });
        await db.SaveChangesAsync();
        var last = await db.IngestRuns.MaxAsync(r => r.Id);
        db.SourceStates.Add(new SourceState
        {
            Source = ComplaintsIndicators.Source, LastRunId = last, LastStatus = IngestRunStatus.Succeeded,
            LastSuccessAt = Start.AddMinutes(-9), RunningRunId = running ? last + 1 : null,
        });
        db.QuarantinedItems.Add(new QuarantinedItem
        {
            Source = ComplaintsIndicators.Source, Resource = "complaints", SourceItemId = "LPR-2026-000007", RunId = last,
            Reason = "status: 'dibatalkan' tidak dikenal", Payload = "{\"id\":\"LPR-2026-000007\",\"reporter\":\"[dihapus]\"}", ReceivedAt = Start,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Shows_each_source_with_schedule_state_and_its_history_and_quarantine()
    {
        await SeedAsync();

        var cut = Render<OperationsPage>();

        var row = cut.WaitForElement($"[data-testid=ops-source-{ComplaintsIndicators.Source}]");
        Assert.Equal(nameof(SourceHealth.Healthy), row.GetAttribute("data-health"));
        Assert.Contains("tiap 15 menit", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("*/15 * * * *", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Berhasil", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("[data-testid=refresh-button]"));

        row.Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^=ops-run-]").Count));
        var failed = cut.FindAll("[data-testid^=ops-run-]").Single(r => r.GetAttribute("data-status") == nameof(IngestRunStatus.Failed));
        Assert.Contains("HTTP 503 dari sumber", failed.TextContent, StringComparison.Ordinal);
        Assert.Contains("Data pagi belum masuk", cut.Find("[data-testid=ops-runs]").TextContent, StringComparison.Ordinal);
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Karantina", StringComparison.Ordinal)).Click();
        cut.WaitForElement("[data-testid=ops-quarantine]");
        Assert.Contains("karantina.csv?sumber=Complaints", cut.Find("[data-testid=ops-quarantine-csv]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("dibatalkan", cut.Find("[data-testid=ops-quarantine]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=ops-review]").Click();
        cut.WaitForAssertion(() => Assert.Equal("operator", cut.Find("[data-testid=ops-reviewed]").TextContent));
        await using var db = _db.CreateDbContext();
        Assert.Equal(Dashboard.Ingest.Shared.Audit.AuditActions.QuarantineReviewed, (await db.AuditEntries.SingleAsync()).Action);
    }

    [Fact]
    public async Task A_running_source_shows_live_progress()
    {
        await SeedAsync(running: true);
        var cut = Render<OperationsPage>();
        cut.WaitForAssertion(() => Assert.Equal(nameof(SourceHealth.Running),
            cut.Find($"[data-testid=ops-source-{ComplaintsIndicators.Source}]").GetAttribute("data-health")));

        _broadcaster.Publish(new IngestProgress(ComplaintsIndicators.Source, Start, 3, IngestRunStatus.Running, Pages: 4, ItemsRead: 4000));

        cut.WaitForAssertion(() => Assert.Contains("halaman 4, 4.000 item", cut.Find("[data-testid=ops-progress]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pausing_with_a_reason_and_a_length_is_shown_and_audited_and_resuming_too()
    {
        await SeedAsync();
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<OperationsPage>();
        cut.WaitForElement("[data-testid=pause-button]").Click();

        dialogs.WaitForElement("textarea").Input("Server SAMBAT dalam perawatan");
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=pause-submit]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=pause-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal(nameof(SourceHealth.Paused),
            cut.Find($"[data-testid=ops-source-{ComplaintsIndicators.Source}]").GetAttribute("data-health")));
        Assert.Contains("Server SAMBAT dalam perawatan", cut.Find("[data-testid=ops-pause]").TextContent, StringComparison.Ordinal);
        await using (var db = _db.CreateDbContext())
        {
            var state = await db.SourceStates.SingleAsync();
            Assert.Equal(Start.AddHours(4), state.PausedUntil);
            var audit = await db.AuditEntries.SingleAsync();
            Assert.Equal(("operator", Dashboard.Ingest.Shared.Audit.AuditActions.Pause, ComplaintsIndicators.Source, "Server SAMBAT dalam perawatan", "aktif"),
                (audit.User, audit.Action, audit.Target, audit.Reason, audit.Before));
        }

        cut.WaitForElement("[data-testid=resume-button]").Click();
        dialogs.WaitForElement("textarea").Input("Perawatan selesai");
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=pause-submit]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=pause-submit]").Click();

        cut.WaitForAssertion(() => Assert.NotEqual(nameof(SourceHealth.Paused),
            cut.Find($"[data-testid=ops-source-{ComplaintsIndicators.Source}]").GetAttribute("data-health")));
        await using var check = _db.CreateDbContext();
        Assert.Equal(2, await check.AuditEntries.CountAsync());
        // Operators act; only administrators read the audit log.
        Assert.Empty(cut.FindAll("[data-testid=ops-audit]"));
        Assert.Null((await check.SourceStates.SingleAsync()).PausedAt);
    }

    [Fact]
    public async Task The_history_shows_the_chain_of_retries_of_a_failed_run()
    {
        await using (var db = _db.CreateDbContext())
        {
            var first = new IngestRun
            {
                Source = ComplaintsIndicators.Source, Node = "n:1", Trigger = IngestTrigger.Schedule, Status = IngestRunStatus.Failed,
                StartedAt = Start.AddMinutes(-30), FinishedAt = Start.AddMinutes(-29), Error = "HTTP 502 BadGateway",
            };
            db.IngestRuns.Add(first);
            await db.SaveChangesAsync();
            db.IngestRuns.AddRange(
                new IngestRun
                {
                    Source = ComplaintsIndicators.Source, Node = "n:1", Trigger = IngestTrigger.Retry, Status = IngestRunStatus.Failed,
                    StartedAt = Start.AddMinutes(-28), FinishedAt = Start.AddMinutes(-28), RetryOfRunId = first.Id, Attempt = 2,
                    Reason = $"Percobaan ulang 1/2 setelah run #{first.Id} gagal",
                },
                new IngestRun
                {
                    Source = ComplaintsIndicators.Source, Node = "n:1", Trigger = IngestTrigger.Retry, Status = IngestRunStatus.Succeeded,
                    StartedAt = Start.AddMinutes(-23), FinishedAt = Start.AddMinutes(-23), RetryOfRunId = first.Id, Attempt = 3,
                });
            await db.SaveChangesAsync();
        }

        var cut = Render<OperationsPage>();
        cut.WaitForElement($"[data-testid=ops-source-{ComplaintsIndicators.Source}]").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid^=ops-run-]").Count(r => r.HasAttribute("data-status"))));
        var chains = cut.FindAll("[data-testid=ops-run-chain]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["percobaan ke-3, mengulang #1", "percobaan ke-2, mengulang #1", "diulang: #2, #3"], chains);
    }

    [Theory]
    [InlineData("*/15 * * * *", "tiap 15 menit")]
    [InlineData("5 * * * *", "tiap jam pada menit 5")]
    [InlineData("30 6 * * *", "tiap hari pukul 06.30")]
    [InlineData("*/15 6-9 * * 1-5", "tiap 15 menit antara 06.00 dan 09.59 pada hari kerja")]
    [InlineData("0 0 1 * *", "0 0 1 * *")]
    public void Schedules_read_in_words(string cron, string words) =>
        Assert.Equal(words, ScheduleText.Describe(cron, Services.GetRequiredService<IStringLocalizer<Dashboard.Web.Shared.Localization.UiStrings>>()));

    [Theory]
    [InlineData("biasa", "\"biasa\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-1+1", "\"'-1+1\"")]
    public void Csv_cells_are_quoted_and_never_formulas(string value, string cell) => Assert.Equal(cell, OperationsEndpoints.Cell(value));
}
