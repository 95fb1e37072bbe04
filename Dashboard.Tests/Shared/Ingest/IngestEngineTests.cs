using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Dashboard.Tests.Infrastructure.ComplaintJson;

namespace Dashboard.Tests.Shared.Ingest;

public sealed class IngestEngineTests
{
    private static readonly DateTimeOffset T0 = EngineHarness.Start.AddDays(-2);

    private static void Seed(FakePageClient client, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            client.Add(Item($"LPR-{i:D4}", T0.AddMinutes(i), verifiedAt: T0.AddMinutes(i)));
        }
    }

    [Fact]
    public async Task FirstRun_StoresEveryItem_AndLedgerReconciles()
    {
        await using var h = await EngineHarness.CreateAsync(pageSize: 3);
        Seed(h.Client, 10);

        var run = await h.RunAsync();

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.Equal(4, run.Pages);
        Assert.Equal(10, run.ItemsRead);
        Assert.Equal(10, run.Inserted);
        Assert.Equal(run.ItemsRead, run.Inserted + run.Updated + run.Unchanged + run.Deleted + run.Rejected);
        Assert.Null(run.WatermarkBefore);
        Assert.Equal(T0.AddMinutes(10), run.WatermarkAfter);
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(10, await db.Set<Complaint>().CountAsync());
        var ledger = await db.IngestRuns.SingleAsync();
        Assert.Equal("tester", ledger.RequestedBy);
        Assert.Equal(10, ledger.Inserted);
        var state = await db.SourceStates.SingleAsync();
        Assert.Null(state.RunningRunId);
        Assert.Equal(IngestRunStatus.Succeeded, state.LastStatus);
        Assert.NotNull(state.LastSuccessAt);
    }

    [Fact]
    public async Task CommitGroups_StartAtEightPages_AndDoubleUpToCommitItems()
    {
        // The writer starts after eight pages instead of waiting for a whole group (Ingest:CommitItems, 50,000 here).
        await using var h = await EngineHarness.CreateAsync(pageSize: 3);
        Seed(h.Client, 90);
        var committedPages = new List<int>();
        using var _ = h.Broadcaster.Subscribe(e =>
        {
            if (e is IngestProgress { Status: IngestRunStatus.Running, Pages: > 0 } p)
            {
                lock (committedPages)
                {
                    committedPages.Add(p.Pages);
                }
            }
            return Task.CompletedTask;
        });

        var run = await h.RunAsync();

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        await Eventually.TrueAsync(() => { lock (committedPages) { return committedPages.LastOrDefault() == 30; } }, TimeSpan.FromSeconds(10), "the last commit");
        // The first group is eight pages. A later group is opened once eight more pages have come and is written as pages
        // come, up to twice the last group's target: it ends earlier when the source has no page ready (never waited on
        // inside a transaction), so where it ends depends on timing, never its bounds.
        Assert.Equal(8, committedPages[0]);
        var target = 8;
        for (var i = 1; i < committedPages.Count; i++)
        {
            target *= 2;
            var size = committedPages[i] - committedPages[i - 1];
            Assert.InRange(size, Math.Min(8, 30 - committedPages[i - 1]), target);
        }
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(90, await db.Set<Complaint>().CountAsync());
    }

    [Fact]
    public async Task OpenGroup_IsCommitted_BeforeTheWriterWaitsForTheSource()
    {
        // Group 2 opens at page 16 (eight pages after the first group) and is written; then the source stalls. Its target
        // (16 pages) is not reached, yet everything served is committed and no write lock is held while the writer waits.
        // (Which pages after the sixteenth a group would take as they come depends on timing: the bounds test covers it.)
        await using var h = await EngineHarness.CreateAsync(pageSize: 3);
        Seed(h.Client, 51);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Client.StallBeforePage = (served, ct) => served == 16 ? released.Task.WaitAsync(ct) : Task.CompletedTask;

        var running = h.RunAsync();
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                await using var db = h.Db.CreateDbContext();
                return await db.Set<Complaint>().CountAsync() == 48;
            }, TimeSpan.FromSeconds(10), "the 16 served pages committed");
            // Another writer is not blocked by the run while it waits for the source.
            await using (var other = h.Db.CreateDbContext())
            {
                other.Database.SetCommandTimeout(TimeSpan.FromSeconds(2));
                await other.Database.ExecuteSqlRawAsync("UPDATE \"SourceStates\" SET \"ConsecutiveFailures\" = \"ConsecutiveFailures\"");
            }
        }
        finally
        {
            released.TrySetResult();
        }

        var run = await running;
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.Equal(17, run.Pages);
        await using var read = h.Db.CreateDbContext();
        Assert.Equal(51, await read.Set<Complaint>().CountAsync());
    }

    [Fact]
    public async Task SecondRun_ReadsFromWatermark_AndDuplicatesNothing()
    {
        await using var h = await EngineHarness.CreateAsync(pageSize: 4);
        Seed(h.Client, 10);
        await h.RunAsync();

        var second = await h.RunAsync();

        // updated_since is inclusive: the item at the watermark comes again and is unchanged.
        Assert.Equal(T0.AddMinutes(10), h.Client.Requests[^1].Since);
        Assert.Equal(1, second.ItemsRead);
        Assert.Equal(1, second.Unchanged);
        Assert.Equal(0, second.Inserted);
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(10, await db.Set<Complaint>().CountAsync());
    }

    [Fact]
    public async Task ChangedAndNewItems_AreUpdatedAndInserted()
    {
        await using var h = await EngineHarness.CreateAsync();
        Seed(h.Client, 5);
        await h.RunAsync();
        h.Client.Replace("LPR-0002", Item("LPR-0002", T0.AddHours(2), submittedAt: T0.AddMinutes(2).AddHours(-5), status: "selesai", closedAt: T0.AddHours(2)));
        h.Client.Add(Item("LPR-0100", T0.AddHours(3)));

        var run = await h.RunAsync();

        Assert.Equal(1, run.Updated);
        Assert.Equal(1, run.Inserted);
        await using var db = h.Db.CreateDbContext();
        Assert.Equal("selesai", (await db.Set<Complaint>().SingleAsync(c => c.Id == "LPR-0002")).Status);
    }

    [Fact]
    public async Task Tombstone_DeletesTheStoredRow()
    {
        await using var h = await EngineHarness.CreateAsync();
        Seed(h.Client, 3);
        await h.RunAsync();
        h.Client.Replace("LPR-0001", Tombstone("LPR-0001", T0.AddHours(1)));

        var run = await h.RunAsync();

        Assert.Equal(1, run.Deleted);
        await using var db = h.Db.CreateDbContext();
        Assert.False(await db.Set<Complaint>().AnyAsync(c => c.Id == "LPR-0001"));
        Assert.Equal(2, await db.Set<Complaint>().CountAsync());
    }

    [Fact]
    public async Task InvalidItems_AreQuarantinedWithReason_WithoutPersonalData_AndValidOnesKept()
    {
        await using var h = await EngineHarness.CreateAsync();
        Seed(h.Client, 4);
        var broken = Item("LPR-0900", T0.AddMinutes(30));
        broken["submitted_at"] = 12345;
        h.Client.Add(broken);

        var run = await h.RunAsync();

        Assert.Equal(5, run.ItemsRead);
        Assert.Equal(4, run.Inserted);
        Assert.Equal(1, run.Rejected);
        await using var db = h.Db.CreateDbContext();
        var q = await db.QuarantinedItems.SingleAsync();
        Assert.Equal("LPR-0900", q.SourceItemId);
        Assert.Equal(run.Id, q.RunId);
        Assert.Contains("submitted_at", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterName, q.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterPhone, q.Payload, StringComparison.Ordinal);
        Assert.Contains("LPR-0900", q.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectedItem_SupersedesItsQuarantinedVersion()
    {
        await using var h = await EngineHarness.CreateAsync();
        var broken = Item("LPR-0900", T0);
        broken.Remove("category");
        h.Client.Add(broken);
        await h.RunAsync();
        h.Client.Replace("LPR-0900", Item("LPR-0900", T0.AddHours(1)));

        await h.RunAsync();

        await using var db = h.Db.CreateDbContext();
        Assert.NotNull((await db.QuarantinedItems.SingleAsync()).SupersededAt);
        Assert.True(await db.Set<Complaint>().AnyAsync(c => c.Id == "LPR-0900"));
    }

    [Fact]
    public async Task DuplicateItemsInOnePage_AreStoredOnce()
    {
        await using var h = await EngineHarness.CreateAsync(pageSize: 10);
        h.Client.Add(Item("LPR-0001", T0));
        h.Client.Add(Item("LPR-0001", T0));
        h.Client.Add(Item("LPR-0002", T0.AddMinutes(1)));

        var run = await h.RunAsync();

        Assert.Equal(3, run.ItemsRead);
        Assert.Equal(2, run.Inserted);
        Assert.Equal(1, run.Unchanged);
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(2, await db.Set<Complaint>().CountAsync());
    }

    [Fact]
    public async Task ItemWhoseUpdatedAtGoesBackwards_DoesNotOverwriteTheNewerVersion()
    {
        await using var h = await EngineHarness.CreateAsync(pageSize: 10);
        h.Client.Add(Item("LPR-0001", T0.AddHours(2), status: "selesai", closedAt: T0.AddHours(2)));
        await h.RunAsync();

        // The source now serves an older version of the same complaint.
        var stale = await h.Engine.RunAsync(h.Source, new StaticPage(Item("LPR-0001", T0.AddHours(1), status: "proses")),
            new RunRequest(IngestTrigger.Manual, null, null), default);

        Assert.Equal(1, stale.Rejected);
        await using var db = h.Db.CreateDbContext();
        Assert.Equal("selesai", (await db.Set<Complaint>().SingleAsync(c => c.Id == "LPR-0001")).Status);
        Assert.Contains("updated_at mundur", (await db.QuarantinedItems.SingleAsync()).Reason, StringComparison.Ordinal);
        // The watermark never moves backwards either.
        Assert.Equal(T0.AddHours(2), (await db.SourceWatermarks.SingleAsync()).Value);
    }

    [Fact]
    public async Task ItemFromTheFuture_OrRejected_NeverMovesTheWatermarkPastNow()
    {
        await using var h = await EngineHarness.CreateAsync(pageSize: 10);
        Seed(h.Client, 2);
        h.Client.Add(Item("LPR-2099", new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var broken = Item("LPR-BAD", new DateTimeOffset(2098, 1, 1, 0, 0, 0, TimeSpan.Zero));
        broken.Remove("category");
        h.Client.Add(broken);

        var run = await h.RunAsync();

        Assert.Equal(T0.AddMinutes(2), run.WatermarkAfter);
    }

    [Fact]
    public async Task RunKilledMidway_ThenRerun_EndsExactlyRight()
    {
        await using var h = await EngineHarness.CreateAsync(pageSize: 3);
        Seed(h.Client, 10);
        h.Client.BeforePage = served =>
        {
            if (served == 2)
            {
                throw new HttpRequestException("connection reset");
            }
        };

        var failed = await h.RunAsync();

        Assert.Equal(IngestRunStatus.Failed, failed.Status);
        Assert.Equal(2, failed.Pages);
        Assert.Contains("connection reset", failed.Error, StringComparison.Ordinal);
        await using (var db = h.Db.CreateDbContext())
        {
            // Committed pages stay, with the watermark of exactly what was committed.
            Assert.Equal(6, await db.Set<Complaint>().CountAsync());
            Assert.Equal(T0.AddMinutes(6), (await db.SourceWatermarks.SingleAsync()).Value);
        }

        h.Client.BeforePage = null;
        var rerun = await h.RunAsync();

        Assert.Equal(IngestRunStatus.Succeeded, rerun.Status);
        Assert.Equal(T0.AddMinutes(6), rerun.WatermarkBefore);
        await using (var db = h.Db.CreateDbContext())
        {
            Assert.Equal(10, await db.Set<Complaint>().CountAsync());
            Assert.Equal(10, await db.Set<Complaint>().Select(c => c.Id).Distinct().CountAsync());
            Assert.Equal(0, (await db.SourceStates.SingleAsync()).ConsecutiveFailures);
        }
    }

    [Fact]
    public async Task TriggerWhileRunning_IsRecordedAsSkipped_NotFailed()
    {
        await using var h = await EngineHarness.CreateAsync(pageSize: 2);
        Seed(h.Client, 6);
        var gate = new TaskCompletionSource();
        var inside = new TaskCompletionSource();
        h.Client.BeforePage = served =>
        {
            if (served == 1)
            {
                inside.TrySetResult();
                gate.Task.Wait(TimeSpan.FromSeconds(30));
            }
        };

        var first = Task.Run(() => h.RunAsync());
        await inside.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await h.Engine.RunAsync(h.Source, new FakePageClient(), new RunRequest(IngestTrigger.Manual, "operator", "dobel"), default);
        gate.SetResult();
        var firstRun = await first;

        Assert.Equal(IngestRunStatus.Skipped, second.Status);
        Assert.Contains($"#{firstRun.Id}", second.Error, StringComparison.Ordinal);
        Assert.Equal(IngestRunStatus.Succeeded, firstRun.Status);
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(2, await db.IngestRuns.CountAsync());
        Assert.Equal(6, await db.Set<Complaint>().CountAsync());
    }

    [Fact]
    public async Task ExpiredLease_IsTakenOver_AndTheDeadRunMarkedInterrupted()
    {
        await using var h = await EngineHarness.CreateAsync();
        Seed(h.Client, 2);
        long deadId;
        await using (var db = h.Db.CreateDbContext())
        {
            var dead = new IngestRun { Source = "Complaints", Node = "other-host:1", StartedAt = h.Time.GetUtcNow(), HeartbeatAt = h.Time.GetUtcNow(), Status = IngestRunStatus.Running };
            db.IngestRuns.Add(dead);
            await db.SaveChangesAsync();
            deadId = dead.Id;
            db.SourceStates.Add(new SourceState { Source = "Complaints", RunningRunId = dead.Id, LeaseExpiresAt = h.Time.GetUtcNow().AddMinutes(10) });
            await db.SaveChangesAsync();
        }

        Assert.Equal(IngestRunStatus.Skipped, (await h.RunAsync()).Status);
        h.Time.Advance(TimeSpan.FromMinutes(11));
        var run = await h.RunAsync();

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        await using var check = h.Db.CreateDbContext();
        Assert.Equal(IngestRunStatus.Interrupted, (await check.IngestRuns.SingleAsync(r => r.Id == deadId)).Status);
    }

    [Fact]
    public async Task Startup_MarksRunsOfAnEarlierProcessInterrupted_AndRefreshesTheirSource()
    {
        await using var h = await EngineHarness.CreateAsync();
        var machine = IngestEngine.Node.Split(':')[0];
        await using (var db = h.Db.CreateDbContext())
        {
            var dead = new IngestRun { Source = "Complaints", Node = machine + ":999999", StartedAt = h.Time.GetUtcNow(), HeartbeatAt = h.Time.GetUtcNow(), Status = IngestRunStatus.Running };
            db.IngestRuns.Add(dead);
            await db.SaveChangesAsync();
            db.SourceStates.Add(new SourceState { Source = "Complaints", RunningRunId = dead.Id, LeaseExpiresAt = h.Time.GetUtcNow().AddMinutes(10) });
            await db.SaveChangesAsync();
        }
        var refresh = new RecordingRefresh();
        var startup = new IngestStartup(h.Db, new SourceCatalog([h.Source]), refresh, new NoLifetime(), h.Time,
            Options.Create(new IngestOptions { RefreshOnStart = false }), NullLogger<IngestStartup>.Instance);

        var recovered = await startup.RecoverAsync(default);

        Assert.Equal(["Complaints"], recovered);
        Assert.Equal([("Complaints", IngestTrigger.Recovery)], refresh.Requests);
        await using var check = h.Db.CreateDbContext();
        Assert.Equal(IngestRunStatus.Interrupted, (await check.IngestRuns.SingleAsync()).Status);
        Assert.Null((await check.SourceStates.SingleAsync()).RunningRunId);
        // The lease is free again: the recovery run can start.
        Assert.Equal(IngestRunStatus.Succeeded, (await h.RunAsync()).Status);
    }

    [Fact]
    public async Task Startup_LeavesARunOfAnotherLiveInstanceOnTheSameMachineAlone()
    {
        await using var h = await EngineHarness.CreateAsync();
        // A second instance on this machine: a process that is alive (this test's parent, pid 1 or any running one).
        var sibling = System.Diagnostics.Process.GetProcesses().First(p => p.Id != Environment.ProcessId && !p.HasExited).Id;
        var machine = IngestEngine.Node.Split(':')[0];
        await using (var db = h.Db.CreateDbContext())
        {
            db.IngestRuns.Add(new IngestRun
            {
                Source = "Complaints", Node = $"{machine}:{sibling}", StartedAt = h.Time.GetUtcNow(), HeartbeatAt = h.Time.GetUtcNow(),
                Status = IngestRunStatus.Running,
            });
            await db.SaveChangesAsync();
        }
        var refresh = new RecordingRefresh();
        var startup = new IngestStartup(h.Db, new SourceCatalog([h.Source]), refresh, new NoLifetime(), h.Time,
            Options.Create(new IngestOptions { RefreshOnStart = false }), NullLogger<IngestStartup>.Instance);

        Assert.Empty(await startup.RecoverAsync(default));
        await using var check = h.Db.CreateDbContext();
        Assert.Equal(IngestRunStatus.Running, (await check.IngestRuns.SingleAsync()).Status);
    }

    [Fact]
    public async Task PausedSchedule_SkipsScheduledRuns_ButNotManualOnes_AndResumesByItselfWhenThePauseEnds()
    {
        await using var h = await EngineHarness.CreateAsync();
        var control = new Dashboard.Ingest.Shared.Audit.SourceControl(h.Db, h.Time);
        await control.PauseAsync("Complaints", "operator", "Perawatan server", h.Time.GetUtcNow().AddHours(2), default);
        var scheduled = new RunRequest(IngestTrigger.Schedule, null, null);

        var skipped = await h.Engine.RunAsync(h.Source, h.Client, scheduled, default);
        Assert.Equal(IngestRunStatus.Skipped, skipped.Status);
        Assert.Contains("Perawatan server", skipped.Error, StringComparison.Ordinal);
        Assert.Equal(IngestRunStatus.Succeeded, (await h.RunAsync()).Status);

        h.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(IngestRunStatus.Succeeded, (await h.Engine.RunAsync(h.Source, h.Client, scheduled, default)).Status);
        await using var db = h.Db.CreateDbContext();
        Assert.Null((await db.SourceStates.SingleAsync()).PausedAt);
        Assert.Equal(
            [Dashboard.Ingest.Shared.Audit.AuditActions.Pause, Dashboard.Ingest.Shared.Audit.AuditActions.AutoResume],
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task CommittedRun_ComputesIndicators_AndTellsSubscribers()
    {
        await using var h = await EngineHarness.CreateAsync();
        Seed(h.Client, 5);
        var received = new TaskCompletionSource<IndicatorsChanged>();
        using var _ = h.Broadcaster.Subscribe(e =>
        {
            if (e is IndicatorsChanged c)
            {
                received.TrySetResult(c);
            }
            return Task.CompletedTask;
        });

        var run = await h.RunAsync();

        var changed = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(run.Id, changed.RunId);
        Assert.Contains(ComplaintsIndicators.Codes.ComplaintsReceived, changed.IndicatorCodes);
        await using var db = h.Db.CreateDbContext();
        var snapshot = await db.IndicatorSnapshots.SingleAsync(s => s.IndicatorCode == ComplaintsIndicators.Codes.ComplaintsReceived && s.ScopeCode == ReferenceData.KotaCode);
        Assert.Equal(run.Id, snapshot.RunId);
        Assert.Null((await db.SourceStates.SingleAsync()).KpiDirtyFrom);
        // Five complaints were submitted two days before "today": the 30-day count at city level is 5.
        var per10k = await db.IndicatorSnapshots.SingleAsync(s => s.IndicatorCode == ComplaintsIndicators.Codes.Per10kPopulation && s.ScopeCode == ReferenceData.KotaCode);
        Assert.Equal(Math.Round(5 * 10_000.0 / ReferenceData.Regions[0].Population, 2), per10k.Value);
    }

    [Fact]
    public async Task PageThatIsNotJson_IsRetried_ThenFailsTheRunWithTheReason()
    {
        await using var h = await EngineHarness.CreateAsync();
        Seed(h.Client, 2);
        h.Client.BeforePage = _ => throw new SourcePageException("Halaman complaints bukan JSON: '<' is an invalid start");

        var run = await h.RunAsync();

        Assert.Equal(IngestRunStatus.Failed, run.Status);
        Assert.Contains("bukan JSON", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Client.PagesServed);
    }

    private sealed class StaticPage(params System.Text.Json.Nodes.JsonObject[] items) : ISourcePageClient
    {
        public Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct)
        {
            var doc = System.Text.Json.JsonDocument.Parse(new System.Text.Json.Nodes.JsonArray([.. items.Select(i => i.DeepClone())]).ToJsonString());
            return Task.FromResult(new SourcePage(doc, [.. doc.RootElement.EnumerateArray()], null));
        }
    }

    private sealed class RecordingRefresh : IRefreshRequests
    {
        public List<(string, IngestTrigger)> Requests { get; } = [];

        public Task<string> RequestAsync(string source, RunRequest request, CancellationToken ct = default)
        {
            Requests.Add((source, request.Trigger));
            return Task.FromResult("1");
        }
    }

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
