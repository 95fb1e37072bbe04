using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Simulators.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Sources.Complaints;

/// <summary>The complaint job against the simulator over real HTTP on loopback, faults included.</summary>
public sealed class ComplaintsIngestHttpTests
{
    private static DashboardFactory App(params (string Key, string Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static ComplaintsSimulator Simulator(DashboardFactory app)
    {
        _ = app.RootUri;
        return app.Services.GetRequiredService<ComplaintsSimulator>();
    }

    private static async Task<(HashSet<string> Stored, HashSet<string> Quarantined)> IdsAsync(DashboardFactory app)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var stored = await db.Set<Complaint>().Select(c => c.Id).ToListAsync();
        var quarantined = await db.QuarantinedItems.Where(q => q.SupersededAt == null && q.SourceItemId != null).Select(q => q.SourceItemId!).ToListAsync();
        Assert.Equal(stored.Count, stored.Distinct().Count());
        return ([.. stored], [.. quarantined]);
    }

    private static void AssertLedgerAddsUp(IngestRun run) =>
        Assert.Equal(run.ItemsRead, run.Inserted + run.Updated + run.Unchanged + run.Deleted + run.Rejected);

    [Fact]
    public async Task FullLoad_ThenSecondRun_ReconcilesExactlyAndDuplicatesNothing()
    {
        await using var app = App(("Sources:Complaints:PageSize", "250"));
        var simulator = Simulator(app);

        var first = await app.RefreshAsync();

        Assert.Equal(IngestRunStatus.Succeeded, first.Status);
        AssertLedgerAddsUp(first);
        Assert.True(first.Pages > 2, $"expected several pages, got {first.Pages}");
        var (stored, quarantined) = await IdsAsync(app);
        Assert.Empty(quarantined);
        Assert.Equal(simulator.LiveIds.OrderBy(i => i, StringComparer.Ordinal), stored.OrderBy(i => i, StringComparer.Ordinal));

        var second = await app.RefreshAsync();

        Assert.Equal(IngestRunStatus.Succeeded, second.Status);
        Assert.Equal(0, second.Inserted);
        Assert.Equal(first.WatermarkAfter, second.WatermarkBefore);
        Assert.Equal(stored.Count, (await IdsAsync(app)).Stored.Count);
    }

    [Fact]
    public async Task EveryDataFault_IsSurvived_AndServedEqualsStoredPlusQuarantined()
    {
        // Four request faults in a row (429, 429, 502 and then a 200 that is not JSON): the default four retries.
        await using var app = App(("Sources:Complaints:PageSize", "200"), ("Sources:Complaints:Retries", "4"));
        var simulator = Simulator(app);
        simulator.Advance();
        simulator.Faults.RateLimit(2, TimeSpan.FromSeconds(1));
        simulator.Faults.ServerError(1, 502);
        simulator.Faults.NotJson(1);
        simulator.Faults.MalformedItems(7);
        simulator.Faults.DuplicateItems(2);
        simulator.Faults.UnknownFields(3);

        var run = await app.RefreshAsync();

        Assert.True(run.Status == IngestRunStatus.Succeeded, run.Error);
        AssertLedgerAddsUp(run);
        // A broken personal field (reporter) does not matter: it is never read. Every other breakage is rejected.
        Assert.InRange(run.Rejected, 5, 7);
        var (stored, quarantined) = await IdsAsync(app);
        Assert.Equal(run.Rejected, quarantined.Count);
        Assert.Empty(stored.Intersect(quarantined));
        Assert.Equal(simulator.LiveIds.ToHashSet(), stored.Union(quarantined).ToHashSet());

        // The source later sends the broken items again, corrected: they replace their quarantined versions.
        foreach (var id in quarantined)
        {
            simulator.Touch(id);
        }
        // Values outside the contract's enums are kept, counted and flagged, not rejected.
        simulator.Faults.UnknownEnumValues(2);
        var corrected = await app.RefreshAsync();

        Assert.Equal(IngestRunStatus.Succeeded, corrected.Status);
        Assert.Equal(2, corrected.Flagged);
        Assert.Equal(0, corrected.Rejected);
        var after = await IdsAsync(app);
        Assert.Empty(after.Quarantined);
        Assert.Equal(simulator.LiveIds.ToHashSet(), after.Stored);
    }

    [Fact]
    public async Task SlowSource_AttemptTimesOut_AndTheRetrySucceeds()
    {
        await using var app = App(("Sources:Complaints:AttemptTimeoutSeconds", "1"), ("Sources:Complaints:TotalTimeoutSeconds", "20"));
        var simulator = Simulator(app);
        simulator.Faults.Timeout(1, TimeSpan.FromSeconds(30));

        var run = await app.RefreshAsync();

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.Equal(simulator.LiveIds.Count, (await IdsAsync(app)).Stored.Count);
    }

    [Fact]
    public async Task SourceKeepsFailing_RunFailsWithTheReason_ThenTheCircuitOpens()
    {
        await using var app = App(("Sources:Complaints:Retries", "2"), ("Sources:Complaints:BreakSeconds", "300"));
        var simulator = Simulator(app);
        simulator.Faults.ServerError(1000, 503);

        var first = await app.RefreshAsync();
        var second = await app.RefreshAsync();

        Assert.Equal(IngestRunStatus.Failed, first.Status);
        Assert.Contains("503", first.Error, StringComparison.Ordinal);
        Assert.Equal(IngestRunStatus.Failed, second.Status);
        Assert.Contains("Sirkuit terbuka", second.Error, StringComparison.Ordinal);
        await using var db = await app.Db.CreateDbContextAsync();
        Assert.Equal(2, (await db.SourceStates.SingleAsync()).ConsecutiveFailures);
        Assert.False(await db.Set<Complaint>().AnyAsync());
    }

    [Fact]
    public async Task RunKilledMidway_ThenRerun_EndsExactlyRight()
    {
        await using var app = App(("Sources:Complaints:PageSize", "100"), ("Ingest:CommitItems", "100"));
        var simulator = Simulator(app);
        var engine = app.Services.GetRequiredService<IngestEngine>();
        var source = app.Services.GetRequiredService<ComplaintsSource>();
        var broadcaster = app.Services.GetRequiredService<KpiBroadcaster>();
        using var kill = new CancellationTokenSource();
        // The progress event of the third committed page arrives off the job's thread; cancel the run from there.
        using var _ = broadcaster.Subscribe(e =>
        {
            if (e is IngestProgress { Pages: >= 3 })
            {
                kill.Cancel();
            }
            return Task.CompletedTask;
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var client = scope.ServiceProvider.GetRequiredService<SourceClient<ComplaintsOptions>>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                engine.RunAsync(source, client, new RunRequest(IngestTrigger.Manual, "tester", "kill"), kill.Token));
        }

        await using (var db = await app.Db.CreateDbContextAsync())
        {
            var killed = await db.IngestRuns.SingleAsync();
            Assert.Equal(IngestRunStatus.Cancelled, killed.Status);
            Assert.InRange(killed.Pages, 3, 5);
            Assert.InRange(await db.Set<Complaint>().CountAsync(), 1, simulator.LiveIds.Count - 1);
            Assert.Null((await db.SourceStates.SingleAsync()).RunningRunId);
        }

        var rerun = await app.RefreshAsync();

        Assert.Equal(IngestRunStatus.Succeeded, rerun.Status);
        Assert.NotNull(rerun.WatermarkBefore);
        Assert.Equal(simulator.LiveIds.ToHashSet(), (await IdsAsync(app)).Stored);
    }

    [Fact]
    public async Task PersonalData_NeverReachesTheDatabase()
    {
        await using var app = App();
        var simulator = Simulator(app);
        simulator.Faults.MalformedItems(5);
        var personal = await PersonalValuesServedAsync(app);
        Assert.NotEmpty(personal);
        simulator.Faults.MalformedItems(5);

        var run = await app.RefreshAsync();
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.True(run.Rejected > 0);

        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder((await app.Db.CreateDbContextAsync()).Database.GetConnectionString()).DataSource;
        var bytes = File.ReadAllBytes(path).Concat(File.Exists(path + "-wal") ? File.ReadAllBytes(path + "-wal") : []).ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var value in personal)
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Reporter names and phones as the simulator serves them (the first page).</summary>
    private static async Task<HashSet<string>> PersonalValuesServedAsync(DashboardFactory app)
    {
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "sim/complaints/v1/complaints?limit=1000");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            app.Services.GetRequiredService<IOptions<ComplaintsOptions>>().Value.ApiKey);
        using var response = await http.SendAsync(request);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
        {
            if (item.TryGetProperty("reporter", out var reporter) && reporter.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in reporter.EnumerateObject())
                {
                    if (field.Value.ValueKind == JsonValueKind.String && field.Value.GetString()!.Length >= 8)
                    {
                        values.Add(field.Value.GetString()!);
                    }
                }
            }
        }
        return values;
    }
}
