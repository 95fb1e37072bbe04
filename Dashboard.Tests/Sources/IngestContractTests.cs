using System.Collections.Concurrent;
using System.Data.Common;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Shared;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Sources;

/// <summary>
/// What every source's job does against its simulator over real HTTP, run as one theory over the sources in the
/// ingest catalogue; each source's reconciliation, faults and indicators are in its folder.
/// </summary>
public sealed class IngestContractTests
{
    /// <summary>Every registered source: a source without an <see cref="IngestHttpCase"/> in its test folder fails here (and in the registry walk).</summary>
    public static TheoryData<string> Sources() => [.. DomainRegistry.All.Select(d => d.Source)];

    public static TheoryData<string> SlowSources() => [.. IngestHttpCase.All.Values.Where(c => c.HasSlowSourceTest).Select(c => c.Source)];

    public static TheoryData<string> PersonalDataSources() => [.. IngestHttpCase.All.Values.Where(c => c.HasPersonalData).Select(c => c.Source)];

    private static IngestHttpCase Case(string source)
    {
        Assert.True(IngestHttpCase.All.TryGetValue(source, out var c), $"{source}: no IngestHttpCase in its test folder (Sources/<Source>/<Source>IngestHttpTests.cs)");
        return c;
    }

    private static ILiveSimulator Simulator(DashboardFactory app, string source)
    {
        _ = app.RootUri;
        return app.Services.GetServices<ISourceSimulator>().OfType<ILiveSimulator>().Single(s => s.Source == source);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task WrongApiKey_FailsTheRunWith401(string source)
    {
        await using var app = Case(source).App(($"Sources:{source}:ApiKey", $"the-{source.ToLowerInvariant()}-simulator-key"));
        var simulator = Simulator(app, source);
        var catalog = app.Services.GetRequiredService<SourceCatalog>();
        // The theory covers every source of the catalogue, and each has its case.
        Assert.Equal(catalog.All.Select(s => s.Name).Order(StringComparer.Ordinal), DomainRegistry.All.Select(d => d.Source).Order(StringComparer.Ordinal));
        Assert.Equal(catalog.All.Select(s => s.Name).Order(StringComparer.Ordinal), IngestHttpCase.All.Keys.Order(StringComparer.Ordinal));
        catalog.Get(source).Options.ApiKey = "not-the-key";

        var run = await app.RefreshAsync(source);

        Assert.Equal(IngestRunStatus.Failed, run.Status);
        Assert.Contains("401", run.Error, StringComparison.Ordinal);
        Assert.True(simulator.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task FullLoad_ReconcilesExactly_AndASecondRunDuplicatesNothing(string source)
    {
        var c = Case(source);
        await using var app = c.App(c.FullLoadSettings);

        var first = await c.SettledRefreshAsync(app);

        Assert.True(first.Run.Status == IngestRunStatus.Succeeded, first.Run.Error);
        IngestHttpCase.AssertLedgerAddsUp(first.Run);
        Assert.True(first.Run.Pages > c.FullLoadPagesAbove, $"expected more than {c.FullLoadPagesAbove} pages, got {first.Run.Pages}");
        await first.AssertReconciledAsync();

        var second = await c.SecondRefreshAsync(app);

        Assert.True(second.Run.Status == IngestRunStatus.Succeeded, second.Run.Error);
        await c.AssertSecondRunAsync(app, first, second);
        await second.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task EveryDataFault_IsSurvived_AndCorrectedItemsReplaceTheirQuarantinedVersions(string source)
    {
        var c = Case(source);
        await using var app = c.App(c.FaultSettings);
        c.ArrangeFaults(app);

        var run = await app.RefreshAsync(source);

        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        IngestHttpCase.AssertLedgerAddsUp(run);
        // A broken personal field is never read; every other breakage is rejected.
        Assert.InRange(run.Rejected, c.RejectedAtLeast, c.RejectedAtMost);
        await c.AssertQuarantinedAsync(app, run);

        // Values outside the contract's enums are kept, counted and flagged, not rejected.
        var unknownEnums = await c.CorrectAsync(app);
        var corrected = (await c.SettledRefreshAsync(app)).Run;

        Assert.True(corrected.Status == IngestRunStatus.Succeeded, corrected.Error);
        Assert.Equal(0, corrected.Rejected);
        if (c.FlaggedExactly)
        {
            Assert.Equal(unknownEnums, corrected.Flagged);
        }
        else
        {
            Assert.True(corrected.Flagged >= unknownEnums, $"flagged {corrected.Flagged}");
        }
        await c.AssertCorrectedAsync(app);
    }

    /// <summary>
    /// The run is killed right after the commit of its <see cref="IngestHttpCase.KillAtPages"/>-th page, on the engine's
    /// own thread (an EF commit interceptor), so the bound on the pages it records is the engine's guarantee (once its
    /// token is cancelled it commits nothing more; pages read ahead are abandoned), not a guess at how soon a progress
    /// event queued to another thread arrives (that guess failed on a loaded machine: 9 pages for a bound of 8).
    /// </summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public async Task RunKilledMidway_ThenRerun_EndsExactlyRight(string source)
    {
        var c = Case(source);
        using var kill = new CancellationTokenSource();
        await using var app = c.App(c.KillSettings)
            .WithServices(s => s.ConfigureDbContext<SqliteReportingDbContext>(o => o.AddInterceptors(KillAfterCommittedPages.Instance)));
        using var killer = KillAfterCommittedPages.Instance.Arm(app.DatabasePath, source, c.KillAtPages, kill);
        _ = app.RootUri;
        var engine = app.Services.GetRequiredService<IngestEngine>();
        var job = app.Services.GetRequiredService<SourceCatalog>().Get(source);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var client = (ISourcePageClient)scope.ServiceProvider.GetRequiredService(c.ClientType);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                engine.RunAsync(job, client, new RunRequest(IngestTrigger.Manual, "tester", "kill"), kill.Token));
        }
        Assert.True(killer.PagesAtKill >= c.KillAtPages, $"killed at {killer.PagesAtKill} pages");
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            var killed = await db.IngestRuns.SingleAsync();
            Assert.Equal(source, killed.Source);
            Assert.Equal(IngestRunStatus.Cancelled, killed.Status);
            // Nothing is committed after the kill.
            Assert.Equal(killer.PagesAtKill, killed.Pages);
            if (c.KilledPagesAtMost is { } most)
            {
                Assert.InRange(killed.Pages, c.KillAtPages, most);
            }
            var state = await db.SourceStates.SingleAsync();
            Assert.Equal(source, state.Source);
            Assert.Null(state.RunningRunId);
        }
        var (stored, live) = await c.RowsAsync(app);
        Assert.InRange(stored, c.KilledRowsAtLeast, live - 1);

        var rerun = await c.RerunAsync(app);

        Assert.True(rerun.Run.Status == IngestRunStatus.Succeeded, rerun.Run.Error);
        await rerun.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(SlowSources))]
    public async Task SlowSource_AttemptTimesOut_AndTheRetrySucceeds(string source)
    {
        var c = Case(source);
        await using var app = c.App(($"Sources:{source}:AttemptTimeoutSeconds", "1"), ($"Sources:{source}:TotalTimeoutSeconds", "20"));
        Simulator(app, source).Faults.Timeout(1, TimeSpan.FromSeconds(30));

        var run = await app.RefreshAsync(source);

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        var (stored, live) = await c.RowsAsync(app);
        Assert.Equal(live, stored);
    }

    [Theory]
    [MemberData(nameof(PersonalDataSources))]
    public async Task PersonalData_NeverReachesTheDatabase(string source)
    {
        var c = Case(source);
        await using var app = c.App();
        _ = app.RootUri;
        var personal = await c.PersonalValuesAndFaultsAsync(app);
        Assert.NotEmpty(personal);

        var run = await app.RefreshAsync(source);
        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        if (c.PersonalDataRunRejects)
        {
            Assert.True(run.Rejected > 0);
        }

        SqliteConnection.ClearAllPools();
        var path = app.DatabasePath;
        var scan = new LeakScan(personal.Where(v => !InReferenceData(v)));
        Assert.True(scan.Count > 0, "every personal value is also a reference text: nothing to look for");
        var leaks = scan.FindIn(new Dictionary<string, string>
        {
            ["database"] = LeakScan.ReadShared(path),
            ["wal"] = LeakScan.ReadShared(path + "-wal"),
        });
        Assert.True(leaks.Count == 0, "Personal values found:\n" + string.Join('\n', leaks));
    }

    /// <summary>
    /// Whether a served personal value also occurs in the texts the product seeds itself (holiday, region and agency
    /// names): a reporter called "Muhammad" is personal, the holiday "Maulid Nabi Muhammad SAW" is not, and finding the
    /// word in the database proves nothing about the source.
    /// </summary>
    private static bool InReferenceData(string value) =>
        Dashboard.Ingest.Shared.Calendar.HolidayCatalog.Official.Any(h =>
            h.NameId.Contains(value, StringComparison.Ordinal) || h.NameEn.Contains(value, StringComparison.Ordinal)) ||
        ReferenceData.Regions.Any(r => r.Name.Contains(value, StringComparison.Ordinal)) ||
        ReferenceData.Agencies.Any(a => a.Name.Contains(value, StringComparison.Ordinal));

    /// <summary>
    /// Cancels an armed kill inside the commit that brings the source's running run to the armed number of pages. One
    /// instance for every host (EF builds its internal services once per set of interceptors, so an instance per host
    /// would rebuild them, and the model, for each test); each test arms it for its own database file.
    /// </summary>
    private sealed class KillAfterCommittedPages : DbTransactionInterceptor
    {
        public static readonly KillAfterCommittedPages Instance = new();

        private readonly ConcurrentDictionary<string, Armed> _armed = new(StringComparer.Ordinal);

        public Armed Arm(string databasePath, string source, int pages, CancellationTokenSource kill)
        {
            var armed = new Armed(this, databasePath, source, pages, kill);
            _armed[databasePath] = armed;
            return armed;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => KillIfDue(eventData.Context);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            KillIfDue(eventData.Context);
            return Task.CompletedTask;
        }

        private void KillIfDue(DbContext? context)
        {
            if (context is null || _armed.IsEmpty)
            {
                return;
            }
            var connection = context.Database.GetConnectionString() ?? "";
            foreach (var armed in _armed.Values)
            {
                if (connection.Contains(armed.DatabasePath, StringComparison.Ordinal))
                {
                    armed.KillIfDue(context);
                }
            }
        }

        /// <summary>One test's kill: its database file, source, page count and token.</summary>
        public sealed class Armed(KillAfterCommittedPages owner, string databasePath, string source, int pages, CancellationTokenSource kill) : IDisposable
        {
            private int _pagesAtKill = -1;

            public string DatabasePath => databasePath;

            /// <summary>The run's committed pages when it was killed (-1: never).</summary>
            public int PagesAtKill => Volatile.Read(ref _pagesAtKill);

            public void KillIfDue(DbContext context)
            {
                if (kill.IsCancellationRequested)
                {
                    return;
                }
                var run = context.ChangeTracker.Entries<IngestRun>().Select(e => e.Entity)
                    .FirstOrDefault(r => r.Source == source && r.Status == IngestRunStatus.Running && r.Pages >= pages);
                if (run is not null)
                {
                    Volatile.Write(ref _pagesAtKill, run.Pages);
                    kill.Cancel();
                }
            }

            public void Dispose() => owner._armed.TryRemove(databasePath, out _);
        }
    }
}
