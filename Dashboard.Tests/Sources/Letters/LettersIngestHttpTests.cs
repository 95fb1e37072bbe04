using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Simulators.Letters;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Sources.Letters;

/// <summary>The letters job against its simulator over real HTTP on loopback, faults included.</summary>
public sealed class LettersIngestHttpTests
{
    private const string Source = LettersIndicators.Source;

    private static DashboardFactory App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sources:Simulator:HistoryDays"] = "21",
            ["Sources:Letters:Retries"] = "2",
            ["Sources:Letters:AttemptTimeoutSeconds"] = "5",
            ["Sources:Letters:TotalTimeoutSeconds"] = "30",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }
        return new DashboardFactory(all);
    }

    private static LettersSimulator Simulator(DashboardFactory app)
    {
        _ = app.RootUri;
        return app.Services.GetRequiredService<LettersSimulator>();
    }

    private static async Task<(Dictionary<string, LetterRequest> Stored, HashSet<string> Quarantined)> StateAsync(DashboardFactory app)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var stored = await db.Set<LetterRequest>().AsNoTracking().ToListAsync();
        var quarantined = await db.QuarantinedItems
            .Where(q => q.Source == Source && q.SupersededAt == null && q.SourceItemId != null).Select(q => q.SourceItemId!).ToListAsync();
        return (stored.ToDictionary(l => l.Id), [.. quarantined]);
    }

    /// <summary>Every record the simulator serves now, read over its HTTP feed.</summary>
    private static async Task<List<JsonElement>> ServedAsync(DashboardFactory app) =>
        (await IngestHttpCase.ServedFeedsAsync(app, "sim/letters/v1/", app.Services.GetRequiredService<IOptions<LettersOptions>>().Value.ApiKey, ["letters"]))["letters"];

    private static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    private static void AssertLedgerAddsUp(IngestRun run) => IngestHttpCase.AssertLedgerAddsUp(run);

    /// <summary>The letters source in the shared HTTP theories of <see cref="IngestContractTests"/>; it has no personal fields (its quarantine test proves it).</summary>
    public sealed class Case : IngestHttpCase
    {
        public override string Source => LettersIngestHttpTests.Source;

        public override DashboardFactory App(params (string Key, string Value)[] settings) => LettersIngestHttpTests.App(settings);

        public override (string Key, string Value)[] FullLoadSettings => [("Sources:Letters:PageSize", "500")];

        public override int FullLoadPagesAbove => 2;

        /// <summary>Every live letter the run could see is stored with its content; nothing else is stored or quarantined.</summary>
        public override async Task<SettledRun> SettledRefreshAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            var first = await app.RefreshAsync(Source);
            var served = await ServedAsync(app);
            return new(first, async () =>
            {
                var (stored, quarantined) = await StateAsync(app);
                Assert.Empty(quarantined);
                var live = served.Where(i => !IsTombstone(i)).Select(LettersExpectations.Read).ToList();
                // The simulator's clock is real: a letter may have moved since the run. Compare what the run could see.
                var seen = live.Where(l => !served.Any(i => i.GetProperty("id").GetString() == l.Id &&
                                                           DateTimeOffset.Parse(i.GetProperty("updated_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > first.FinishedAt))
                    .ToList();
                Assert.True(live.Count - seen.Count < 20, $"{live.Count - seen.Count} moved");
                Assert.Equal(simulator.LiveIds.Count, live.Count);
                foreach (var l in seen)
                {
                    Assert.True(stored.TryGetValue(l.Id, out var row), $"{l.Id} not stored");
                    Assert.Equal((l.Kelurahan, l.Kelurahan[..8], l.Type, l.Status, l.Requested, l.Completed),
                        (row!.KelurahanCode, row.KecamatanCode, row.LetterType, row.Status, row.RequestedAt, row.CompletedAt));
                }
                Assert.Empty(stored.Keys.Except(live.Select(l => l.Id)));
            });
        }

        public override async Task AssertSecondRunAsync(DashboardFactory app, SettledRun first, SettledRun second)
        {
            Assert.Equal(first.Run.WatermarkAfter, second.Run.WatermarkBefore);
            Assert.True(second.Run.Inserted + second.Run.Updated < 50, $"{second.Run.Inserted} inserted, {second.Run.Updated} updated on a re-run");
            var again = await StateAsync(app);
            Assert.Equal(Simulator(app).LiveIds.Order(StringComparer.Ordinal), again.Stored.Keys.Order(StringComparer.Ordinal));
        }

        public override (string Key, string Value)[] FaultSettings => [("Sources:Letters:PageSize", "400"), ("Sources:Letters:Retries", "4")];

        public override void ArrangeFaults(DashboardFactory app)
        {
            var simulator = Simulator(app);
            simulator.Advance();
            simulator.Faults.RateLimit(1, TimeSpan.FromSeconds(1));
            simulator.Faults.ServerError(1, 503);
            simulator.Faults.NotJson(1);
            simulator.Faults.UnknownFields(6);
            simulator.Faults.MalformedItems(6);
            simulator.Faults.DuplicateItems(2);
        }

        public override int RejectedAtLeast => 4;

        public override int RejectedAtMost => 6;

        /// <summary>Served equals stored plus quarantined, and the quarantine keeps only contract fields.</summary>
        public override async Task AssertQuarantinedAsync(DashboardFactory app, IngestRun run)
        {
            var (stored, quarantined) = await StateAsync(app);
            Assert.Equal(run.Rejected, quarantined.Count);
            Assert.Empty(stored.Keys.Intersect(quarantined));
            Assert.Equal(Simulator(app).LiveIds.ToHashSet(), stored.Keys.Union(quarantined).ToHashSet());
            await using var db = await app.Db.CreateDbContextAsync();
            var mapper = new LettersMapper();
            foreach (var payload in await db.QuarantinedItems.Where(q => q.Source == Source).Select(q => q.Payload).ToListAsync())
            {
                using var doc = JsonDocument.Parse(payload);
                // Unannounced fields may be personal: only their names are kept.
                Assert.All(doc.RootElement.EnumerateObject(), p =>
                    Assert.True(mapper.StoredFields.Contains(p.Name) || p.Value.GetString() == PersonalData.Removed, p.Name));
            }
        }

        public override async Task<int> CorrectAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            foreach (var id in (await StateAsync(app)).Quarantined)
            {
                simulator.Touch(id);
            }
            simulator.Faults.UnknownEnumValues(3);
            return 3;
        }

        public override bool FlaggedExactly => true;

        public override bool HasSlowSourceTest => true;

        public override async Task AssertCorrectedAsync(DashboardFactory app)
        {
            var after = await StateAsync(app);
            Assert.Empty(after.Quarantined);
            Assert.Equal(Simulator(app).LiveIds.ToHashSet(), after.Stored.Keys.ToHashSet());
        }

        public override (string Key, string Value)[] KillSettings => [("Sources:Letters:PageSize", "200"), ("Ingest:CommitItems", "200")];

        public override int KillAtPages => 3;

        public override int? KilledPagesAtMost => null;

        public override Type ClientType => typeof(SourceClient<LettersOptions>);

        public override int KilledRowsAtLeast => 1;

        public override async Task<(int Stored, int Live)> RowsAsync(DashboardFactory app)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return (await db.Set<LetterRequest>().CountAsync(), Simulator(app).LiveIds.Count);
        }

        public override async Task<SettledRun> RerunAsync(DashboardFactory app)
        {
            var run = await app.RefreshAsync(Source);
            return new(run, async () => Assert.Equal(Simulator(app).LiveIds.ToHashSet(), (await StateAsync(app)).Stored.Keys.ToHashSet()));
        }

        public override bool HasPersonalData => false;
    }

    [Fact]
    public async Task BackwardsUpdatedAt_IsKeptOut_AndTombstonesDelete()
    {
        await using var app = App();
        var simulator = Simulator(app);
        Assert.Equal(IngestRunStatus.Succeeded, (await app.RefreshAsync(Source)).Status);
        var ids = simulator.LiveIds.Order(StringComparer.Ordinal).ToList();
        simulator.Faults.BackwardsUpdatedAt(1);
        simulator.Touch(ids[10]);
        simulator.Withdraw(ids[20]);

        var run = await app.RefreshAsync(Source);

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.Deleted);
        var (stored, _) = await StateAsync(app);
        Assert.DoesNotContain(ids[20], stored.Keys);
        Assert.Contains(ids[10], stored.Keys);
    }

    [Fact]
    public async Task AYearOfHistory_LoadsWellUnderAMinute()
    {
        await using var app = App(("Sources:Simulator:HistoryDays", "365"), ("Sources:Letters:TotalTimeoutSeconds", "120"));
        var clock = Stopwatch.StartNew();
        _ = Simulator(app);
        var started = clock.Elapsed;

        var run = await app.RefreshAsync(Source);

        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        var seconds = (run.FinishedAt!.Value - run.StartedAt).TotalSeconds;
        var rate = run.ItemsRead / seconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"app with simulators up in {started.TotalSeconds:F1} s; letters first load: {run.ItemsRead} items, {run.Pages} pages, " +
            $"{seconds:F1} s, {rate:F0} items/s (indicators included)");
        Assert.True(seconds < 60, $"first load took {seconds:F1} s");
    }
}
