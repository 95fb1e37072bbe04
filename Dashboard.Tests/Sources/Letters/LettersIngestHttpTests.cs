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
    private static async Task<List<JsonElement>> ServedAsync(DashboardFactory app)
    {
        using var http = app.CreateHttpClient();
        var key = app.Services.GetRequiredService<IOptions<LettersOptions>>().Value.ApiKey;
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                "sim/letters/v1/letters?limit=1000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            var root = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
            items.AddRange(root.GetProperty("items").EnumerateArray());
            cursor = root.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);
        return items;
    }

    private static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    private static void AssertLedgerAddsUp(IngestRun run) =>
        Assert.Equal(run.ItemsRead, run.Inserted + run.Updated + run.Unchanged + run.Deleted + run.Rejected);

    [Fact]
    public async Task FullLoad_ThenSecondRun_ReconcilesExactlyByIdAndContent()
    {
        await using var app = App(("Sources:Letters:PageSize", "500"));
        var simulator = Simulator(app);

        var first = await app.RefreshAsync(Source);
        var served = await ServedAsync(app);

        Assert.True(first.Status == IngestRunStatus.Succeeded, first.Error);
        AssertLedgerAddsUp(first);
        Assert.True(first.Pages > 2, $"expected several pages, got {first.Pages}");
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

        var second = await app.RefreshAsync(Source);

        Assert.Equal(IngestRunStatus.Succeeded, second.Status);
        Assert.Equal(first.WatermarkAfter, second.WatermarkBefore);
        Assert.True(second.Inserted + second.Updated < 50, $"{second.Inserted} inserted, {second.Updated} updated on a re-run");
        var again = await StateAsync(app);
        Assert.Equal(simulator.LiveIds.Order(StringComparer.Ordinal), again.Stored.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryDataFault_IsSurvived_AndQuarantineKeepsOnlyContractFields()
    {
        await using var app = App(("Sources:Letters:PageSize", "400"), ("Sources:Letters:Retries", "4"));
        var simulator = Simulator(app);
        simulator.Advance();
        simulator.Faults.RateLimit(1, TimeSpan.FromSeconds(1));
        simulator.Faults.ServerError(1, 503);
        simulator.Faults.NotJson(1);
        simulator.Faults.UnknownFields(6);
        simulator.Faults.MalformedItems(6);
        simulator.Faults.DuplicateItems(2);

        var run = await app.RefreshAsync(Source);

        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        AssertLedgerAddsUp(run);
        Assert.InRange(run.Rejected, 4, 6);
        var (stored, quarantined) = await StateAsync(app);
        Assert.Equal(run.Rejected, quarantined.Count);
        Assert.Empty(stored.Keys.Intersect(quarantined));
        Assert.Equal(simulator.LiveIds.ToHashSet(), stored.Keys.Union(quarantined).ToHashSet());
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            var mapper = new LettersMapper();
            foreach (var payload in await db.QuarantinedItems.Where(q => q.Source == Source).Select(q => q.Payload).ToListAsync())
            {
                using var doc = JsonDocument.Parse(payload);
                // Unannounced fields may be personal: only their names are kept.
                Assert.All(doc.RootElement.EnumerateObject(), p =>
                    Assert.True(mapper.StoredFields.Contains(p.Name) || p.Value.GetString() == PersonalData.Removed, p.Name));
            }
        }

        // The source sends the broken items again, corrected; unknown enum values are kept and flagged.
        foreach (var id in quarantined)
        {
            simulator.Touch(id);
        }
        simulator.Faults.UnknownEnumValues(3);
        var corrected = await app.RefreshAsync(Source);

        Assert.Equal(IngestRunStatus.Succeeded, corrected.Status);
        Assert.Equal(3, corrected.Flagged);
        Assert.Equal(0, corrected.Rejected);
        var after = await StateAsync(app);
        Assert.Empty(after.Quarantined);
        Assert.Equal(simulator.LiveIds.ToHashSet(), after.Stored.Keys.ToHashSet());
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
    public async Task SlowSource_AttemptTimesOut_AndTheRetrySucceeds()
    {
        await using var app = App(("Sources:Letters:AttemptTimeoutSeconds", "1"), ("Sources:Letters:TotalTimeoutSeconds", "20"));
        var simulator = Simulator(app);
        simulator.Faults.Timeout(1, TimeSpan.FromSeconds(30));

        var run = await app.RefreshAsync(Source);

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.Equal(simulator.LiveIds.Count, (await StateAsync(app)).Stored.Count);
    }

    [Fact]
    public async Task RunKilledMidway_ThenRerun_EndsExactlyRight()
    {
        await using var app = App(("Sources:Letters:PageSize", "200"), ("Ingest:CommitItems", "200"));
        var simulator = Simulator(app);
        var engine = app.Services.GetRequiredService<IngestEngine>();
        var source = app.Services.GetRequiredService<LettersSource>();
        var broadcaster = app.Services.GetRequiredService<KpiBroadcaster>();
        using var kill = new CancellationTokenSource();
        using var _ = broadcaster.Subscribe(e =>
        {
            if (e is IngestProgress { Source: Source, Pages: >= 3 })
            {
                kill.Cancel();
            }
            return Task.CompletedTask;
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var client = scope.ServiceProvider.GetRequiredService<SourceClient<LettersOptions>>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                engine.RunAsync(source, client, new RunRequest(IngestTrigger.Manual, "tester", "kill"), kill.Token));
        }
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            Assert.Equal(IngestRunStatus.Cancelled, (await db.IngestRuns.SingleAsync(r => r.Source == Source)).Status);
            Assert.InRange(await db.Set<LetterRequest>().CountAsync(), 1, simulator.LiveIds.Count - 1);
        }

        var rerun = await app.RefreshAsync(Source);

        Assert.Equal(IngestRunStatus.Succeeded, rerun.Status);
        Assert.Equal(simulator.LiveIds.ToHashSet(), (await StateAsync(app)).Stored.Keys.ToHashSet());
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
