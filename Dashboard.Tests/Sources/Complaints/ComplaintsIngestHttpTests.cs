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

    private static void AssertLedgerAddsUp(IngestRun run) => IngestHttpCase.AssertLedgerAddsUp(run);

    /// <summary>The complaints source in the shared HTTP theories of <see cref="IngestContractTests"/>.</summary>
    public sealed class Case : IngestHttpCase
    {
        public override string Source => "Complaints";

        public override DashboardFactory App(params (string Key, string Value)[] settings) => ComplaintsIngestHttpTests.App(settings);

        public override (string Key, string Value)[] FullLoadSettings => [("Sources:Complaints:PageSize", "250")];

        public override int FullLoadPagesAbove => 2;

        /// <summary>Stored ids equal the simulator's live ids; nothing is quarantined.</summary>
        public override async Task<SettledRun> SettledRefreshAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            var run = await app.RefreshAsync();
            var storedCount = new int[1];
            return new(run, async () =>
            {
                var (stored, quarantined) = await IdsAsync(app);
                Assert.Empty(quarantined);
                Assert.Equal(simulator.LiveIds.OrderBy(i => i, StringComparer.Ordinal), stored.OrderBy(i => i, StringComparer.Ordinal));
                storedCount[0] = stored.Count;
            }, storedCount);
        }

        public override async Task AssertSecondRunAsync(DashboardFactory app, SettledRun first, SettledRun second)
        {
            Assert.Equal(0, second.Run.Inserted);
            Assert.Equal(first.Run.WatermarkAfter, second.Run.WatermarkBefore);
            Assert.Equal(((int[])first.Served!)[0], (await IdsAsync(app)).Stored.Count);
        }

        /// <summary>Four request faults in a row (429, 429, 502 and then a 200 that is not JSON): four retries.</summary>
        public override (string Key, string Value)[] FaultSettings => [("Sources:Complaints:PageSize", "200"), ("Sources:Complaints:Retries", "4")];

        public override void ArrangeFaults(DashboardFactory app)
        {
            var simulator = Simulator(app);
            simulator.Advance();
            simulator.Faults.RateLimit(2, TimeSpan.FromSeconds(1));
            simulator.Faults.ServerError(1, 502);
            simulator.Faults.NotJson(1);
            simulator.Faults.MalformedItems(7);
            simulator.Faults.DuplicateItems(2);
            simulator.Faults.UnknownFields(3);
        }

        /// <summary>A broken personal field (reporter) does not matter: it is never read.</summary>
        public override int RejectedAtLeast => 5;

        public override int RejectedAtMost => 7;

        /// <summary>What was served equals what is stored plus what is quarantined.</summary>
        public override async Task AssertQuarantinedAsync(DashboardFactory app, IngestRun run)
        {
            var (stored, quarantined) = await IdsAsync(app);
            Assert.Equal(run.Rejected, quarantined.Count);
            Assert.Empty(stored.Intersect(quarantined));
            Assert.Equal(Simulator(app).LiveIds.ToHashSet(), stored.Union(quarantined).ToHashSet());
        }

        public override async Task<int> CorrectAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            foreach (var id in (await IdsAsync(app)).Quarantined)
            {
                simulator.Touch(id);
            }
            simulator.Faults.UnknownEnumValues(2);
            return 2;
        }

        public override bool FlaggedExactly => true;

        public override bool HasSlowSourceTest => true;

        public override async Task AssertCorrectedAsync(DashboardFactory app)
        {
            var after = await IdsAsync(app);
            Assert.Empty(after.Quarantined);
            Assert.Equal(Simulator(app).LiveIds.ToHashSet(), after.Stored);
        }

        public override (string Key, string Value)[] KillSettings => [("Sources:Complaints:PageSize", "100"), ("Ingest:CommitItems", "100")];

        public override int KillAtPages => 3;

        public override int? KilledPagesAtMost => 5;

        public override Type ClientType => typeof(SourceClient<ComplaintsOptions>);

        public override int KilledRowsAtLeast => 1;

        public override async Task<(int Stored, int Live)> RowsAsync(DashboardFactory app)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return (await db.Set<Complaint>().CountAsync(), Simulator(app).LiveIds.Count);
        }

        public override async Task<SettledRun> RerunAsync(DashboardFactory app)
        {
            var run = await app.RefreshAsync();
            return new(run, async () =>
            {
                Assert.NotNull(run.WatermarkBefore);
                Assert.Equal(Simulator(app).LiveIds.ToHashSet(), (await IdsAsync(app)).Stored);
            });
        }

        public override bool PersonalDataRunRejects => true;

        /// <summary>Reporter names and phones of the first page, read while five items are broken; five more break for the run.</summary>
        public override async Task<IReadOnlyCollection<string>> PersonalValuesAndFaultsAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            simulator.Faults.MalformedItems(5);
            var personal = await PersonalValuesServedAsync(app);
            Assert.NotEmpty(personal);
            simulator.Faults.MalformedItems(5);
            return personal;
        }
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
