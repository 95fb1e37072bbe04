using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Simulators.SocialAid;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Codes = Dashboard.Ingest.Sources.SocialAid.SocialAidIndicators.Codes;

namespace Dashboard.Tests.Sources.SocialAid;

/// <summary>The social aid job against its simulator over real HTTP on loopback: reconciliation, faults, indicators.</summary>
public sealed class SocialAidIngestHttpTests(ITestOutputHelper output)
{
    private const string Source = "SocialAid";
    private const string Marker = "ZQPRIVACY";
    private static readonly string[] Resources = [SocialAidPayload.Families, SocialAidPayload.Disbursements];

    private static DashboardFactory App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sources:SocialAid:Simulator:Families"] = "800",
            ["Sources:Simulator:HistoryDays"] = "120",
            ["Sources:Simulator:PersonalDataMarker"] = Marker,
            ["Sources:SocialAid:Retries"] = "4",
            ["Sources:SocialAid:AttemptTimeoutSeconds"] = "5",
            ["Sources:SocialAid:TotalTimeoutSeconds"] = "30",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }
        return new DashboardFactory(all);
    }

    private static SocialAidSimulator Simulator(DashboardFactory app)
    {
        _ = app.RootUri;
        return app.Services.GetRequiredService<SocialAidSimulator>();
    }

    private static void AssertLedgerAddsUp(IngestRun run) => IngestHttpCase.AssertLedgerAddsUp(run);

    /// <summary>The social aid source in the shared HTTP theories of <see cref="IngestContractTests"/>.</summary>
    public sealed class Case : IngestHttpCase
    {
        public override string Source => SocialAidIngestHttpTests.Source;

        public override DashboardFactory App(params (string Key, string Value)[] settings) => SocialAidIngestHttpTests.App(settings);

        public override (string Key, string Value)[] FullLoadSettings => [("Sources:SocialAid:PageSize", "300")];

        public override int FullLoadPagesAbove => 5;

        /// <summary>Rows equal the served live records by id and content, and the indicators are right.</summary>
        public override async Task<SettledRun> SettledRefreshAsync(DashboardFactory app)
        {
            var (run, served) = await SocialAidIngestHttpTests.SettledRefreshAsync(app);
            return new(run, async () =>
            {
                Assert.True(run.Deleted + run.Unchanged >= 0);
                await AssertReconciledAsync(app, served);
                await AssertIndicatorsAsync(app, served);
            }, served);
        }

        public override async Task AssertSecondRunAsync(DashboardFactory app, SettledRun first, SettledRun second)
        {
            var served = (Dictionary<string, List<JsonElement>>)first.Served!;
            Assert.Equal(0, second.Run.Rejected);
            Assert.Equal(0, second.Run.Inserted);
            await using var db = await app.Db.CreateDbContextAsync();
            Assert.Equal(served[SocialAidPayload.Families].Count(Live), await db.Set<SocialAidFamily>().CountAsync());
            Assert.Equal(served[SocialAidPayload.Disbursements].Count(Live), await db.Set<SocialAidDisbursement>().CountAsync());
        }

        public override (string Key, string Value)[] FaultSettings => [("Sources:SocialAid:PageSize", "300")];

        public override void ArrangeFaults(DashboardFactory app)
        {
            var simulator = Simulator(app);
            _ = simulator.Count;
            simulator.Faults.RateLimit(1, TimeSpan.FromSeconds(1));
            simulator.Faults.ServerError(1, 502);
            simulator.Faults.NotJson(1);
            simulator.Faults.MalformedItems(12);
            simulator.Faults.DuplicateItems(3);
            simulator.Faults.UnknownFields(4);
        }

        /// <summary>Broken personal fields (head_nik, head_name) are never read; every other breakage is rejected.</summary>
        public override int RejectedAtLeast => 1;

        public override int RejectedAtMost => 12;

        public override async Task AssertQuarantinedAsync(DashboardFactory app, IngestRun run)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            var quarantined = await db.QuarantinedItems.Where(q => q.Source == Source).ToListAsync();
            Assert.Equal(run.Rejected, quarantined.Count);
            Assert.All(quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
            Assert.All(quarantined, q => Assert.DoesNotContain(Marker, q.Payload, StringComparison.Ordinal));
            Assert.All(quarantined, q => Assert.DoesNotContain("DTSEN-3573", q.Payload + q.SourceItemId + q.Reason, StringComparison.Ordinal));
        }

        /// <summary>The source sends every item again as it is: the broken ones come back intact.</summary>
        public override Task<int> CorrectAsync(DashboardFactory app)
        {
            TouchAll(Simulator(app));
            Simulator(app).Faults.UnknownEnumValues(3);
            return Task.FromResult(3);
        }

        private static void TouchAll(SocialAidSimulator simulator)
        {
            foreach (var resource in Resources)
            {
                foreach (var id in simulator.LiveIds(resource))
                {
                    simulator.Touch(resource, id);
                }
            }
        }

        public override async Task AssertCorrectedAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            await using (var db = await app.Db.CreateDbContextAsync())
            {
                Assert.False(await db.QuarantinedItems.AnyAsync(q => q.Source == Source && q.SupersededAt == null));
            }

            // A version older than the stored one never replaces it (it sorts before the watermark, or is quarantined).
            var family = simulator.LiveIds(SocialAidPayload.Families).Order(StringComparer.Ordinal).First();
            var key = app.Services.GetRequiredService<Pseudonymizer>().Hash(SocialAidPayload.FamilyPurpose, family);
            DateTimeOffset storedAt;
            await using (var db = await app.Db.CreateDbContextAsync())
            {
                storedAt = (await db.Set<SocialAidFamily>().AsNoTracking().SingleAsync(f => f.Id == key)).UpdatedAt;
            }
            simulator.Faults.BackwardsUpdatedAt(1);
            Assert.True(simulator.Touch(SocialAidPayload.Families, family));
            var backwards = await app.RefreshAsync(Source);
            Assert.Equal(IngestRunStatus.Succeeded, backwards.Status);
            await using (var db = await app.Db.CreateDbContextAsync())
            {
                Assert.Equal(storedAt, (await db.Set<SocialAidFamily>().AsNoTracking().SingleAsync(f => f.Id == key)).UpdatedAt);
            }

            // Unknown enum values were served once and are stored as served; the next version is clean.
            TouchAll(simulator);
            var (_, clean) = await SocialAidIngestHttpTests.SettledRefreshAsync(app);
            await AssertReconciledAsync(app, clean);
        }

        public override (string Key, string Value)[] KillSettings => [("Sources:SocialAid:PageSize", "100"), ("Ingest:CommitItems", "100")];

        public override int KillAtPages => 10;

        public override int? KilledPagesAtMost => 10 + 2;

        public override Type ClientType => typeof(SourceClient<SocialAidOptions>);

        public override int KilledRowsAtLeast => 0;

        public override async Task<(int Stored, int Live)> RowsAsync(DashboardFactory app)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return (await db.Set<SocialAidDisbursement>().CountAsync(), Simulator(app).LiveIds(SocialAidPayload.Disbursements).Count);
        }

        /// <summary>Family ids, heads' NIK and names, DTSEN numbers and the simulator's marker; twenty items broken.</summary>
        public override async Task<IReadOnlyCollection<string>> PersonalValuesAndFaultsAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            var served = await ServedAsync(app);
            var personal = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in served[SocialAidPayload.Families].Where(Live))
            {
                personal.Add(S(f, "id"));
                personal.Add(S(f, "head_nik"));
                personal.Add(S(f, "head_name"));
            }
            Assert.NotEmpty(personal);
            personal.Add(Marker);
            personal.Add("DTSEN-3573");
            simulator.Faults.MalformedItems(20);
            return personal;
        }
    }

    /// <summary>Every item the simulator serves now, per resource (tombstones included).</summary>
    private static Task<Dictionary<string, List<JsonElement>>> ServedAsync(DashboardFactory app) =>
        IngestHttpCase.ServedFeedsAsync(app, "sim/socialaid/v1/", app.Services.GetRequiredService<IOptions<SocialAidOptions>>().Value.ApiKey, Resources);

    /// <summary>A refresh after which nothing changed at the source: the database then must equal what is served.</summary>
    private static Task<(IngestRun Run, Dictionary<string, List<JsonElement>> Served)> SettledRefreshAsync(DashboardFactory app) =>
        IngestHttpCase.SettledRefreshAsync(app, Source, () => ServedAsync(app), served => served.Values.SelectMany(v => v));

    private static DateTimeOffset UpdatedAt(JsonElement item) =>
        DateTimeOffset.Parse(item.GetProperty("updated_at").GetString()!, CultureInfo.InvariantCulture);

    private static string S(JsonElement item, string name) => item.GetProperty(name).GetString()!;

    private static string? N(JsonElement item, string name) =>
        item.GetProperty(name).ValueKind == JsonValueKind.Null ? null : item.GetProperty(name).GetString();

    private static bool Live(JsonElement item) => !item.TryGetProperty("deleted", out var d) || d.ValueKind != JsonValueKind.True;

    private static DateOnly DateOfWib(string timestamp) =>
        DateOnly.FromDateTime(DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static List<string> Programs(JsonElement family) => [.. family.GetProperty("programs").EnumerateArray().Select(p => p.GetString()!)];

    /// <summary>Database rows equal the served live records, by hashed id and by content.</summary>
    private static async Task AssertReconciledAsync(DashboardFactory app, Dictionary<string, List<JsonElement>> served)
    {
        var hash = app.Services.GetRequiredService<Pseudonymizer>();
        await using var db = await app.Db.CreateDbContextAsync();

        var families = await db.Set<SocialAidFamily>().AsNoTracking().ToDictionaryAsync(f => f.Id);
        var expected = served[SocialAidPayload.Families].Where(Live).ToList();
        Assert.Equal(expected.Count, families.Count);
        foreach (var item in expected)
        {
            var row = families[hash.Hash(SocialAidPayload.FamilyPurpose, S(item, "id"))];
            Assert.Equal(S(item, "kelurahan_code"), row.KelurahanCode);
            Assert.Equal(S(item, "kelurahan_code")[..8], row.KecamatanCode);
            Assert.Equal(item.GetProperty("desil").GetInt32(), row.Desil);
            Assert.Equal(string.Join(',', Programs(item)), row.Programs);
            Assert.Equal(S(item, "status"), row.Status);
            Assert.Equal(S(item, "verval_status"), row.VervalStatus);
            Assert.Equal(UpdatedAt(item), row.UpdatedAt);
            Assert.Equal(S(item, "status") == "graduasi", row.GraduatedAt is not null);
        }

        var disbursements = await db.Set<SocialAidDisbursement>().AsNoTracking().ToDictionaryAsync(d => d.Id);
        expected = served[SocialAidPayload.Disbursements].Where(Live).ToList();
        Assert.Equal(expected.Count, disbursements.Count);
        foreach (var item in expected)
        {
            var row = disbursements[S(item, "id")];
            Assert.Equal(hash.Hash(SocialAidPayload.FamilyPurpose, S(item, "family_id")), row.FamilyKey);
            Assert.Equal(S(item, "program"), row.Program);
            Assert.Equal(S(item, "stage"), row.Stage);
            Assert.Equal(item.GetProperty("amount").GetInt64(), row.Amount);
            Assert.Equal(S(item, "status"), row.Status);
            Assert.Equal(N(item, "failure_reason"), row.FailureReason);
            Assert.Equal(N(item, "disbursed_at") is { } paid ? DateTimeOffset.Parse(paid, CultureInfo.InvariantCulture) : null, row.DisbursedAt);
            Assert.Equal(UpdatedAt(item), row.UpdatedAt);
        }
    }

    [Fact]
    public async Task Withdrawals_AreAppliedAsTombstones()
    {
        await using var app = App();
        var simulator = Simulator(app);
        await app.RefreshAsync(Source);
        var family = simulator.LiveIds(SocialAidPayload.Families).Order(StringComparer.Ordinal).First();
        var disbursement = simulator.LiveIds(SocialAidPayload.Disbursements).Order(StringComparer.Ordinal).First();
        Assert.True(simulator.Withdraw(SocialAidPayload.Families, family));
        Assert.True(simulator.Withdraw(SocialAidPayload.Disbursements, disbursement));

        var (run, served) = await SettledRefreshAsync(app);

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.True(run.Deleted >= 2, $"deleted {run.Deleted}");
        var hash = app.Services.GetRequiredService<Pseudonymizer>();
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            Assert.False(await db.Set<SocialAidFamily>().AnyAsync(f => f.Id == hash.Hash(SocialAidPayload.FamilyPurpose, family)));
            Assert.False(await db.Set<SocialAidDisbursement>().AnyAsync(d => d.Id == disbursement));
        }
        await AssertReconciledAsync(app, served);
        await AssertIndicatorsAsync(app, served);
    }

    /// <summary>
    /// Today's indicators (and the disbursement progress of a past day) for the city, a kecamatan and a kelurahan,
    /// against numbers computed here straight from the served records and the catalogue's definitions.
    /// </summary>
    private static async Task AssertIndicatorsAsync(DashboardFactory app, Dictionary<string, List<JsonElement>> served)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var codes = new SocialAidKpis().IndicatorCodes;
        var snapshots = await db.IndicatorSnapshots.AsNoTracking().Where(s => codes.Contains(s.IndicatorCode)).ToListAsync();
        var today = snapshots.Single(s => s.IndicatorCode == Codes.Recipients && s.ScopeCode == ReferenceData.KotaCode).AsOf;

        var families = served[SocialAidPayload.Families].Where(Live).Select(f => new
        {
            Id = S(f, "id"),
            Kelurahan = S(f, "kelurahan_code"),
            Desil = f.GetProperty("desil").GetInt32(),
            Programs = Programs(f),
            Status = S(f, "status"),
            Verval = S(f, "verval_status"),
            Day = DateOfWib(S(f, "updated_at")),
        }).ToList();
        var kelurahanOf = families.ToDictionary(f => f.Id, f => f.Kelurahan);
        var payments = served[SocialAidPayload.Disbursements].Where(Live).Select(d => new
        {
            Family = S(d, "family_id"),
            Stage = S(d, "stage"),
            Status = S(d, "status"),
            Paid = N(d, "disbursed_at") is { } paid ? DateOfWib(paid) : (DateOnly?)null,
            Day = DateOfWib(S(d, "updated_at")),
        }).ToList();
        static (int Year, int Number) StageKey(string stage) =>
            (int.Parse(stage[..4], CultureInfo.InvariantCulture), int.Parse(stage[6..], CultureInfo.InvariantCulture));

        // The current tahap of a day: the latest one with a payment made or failed by then.
        string? CurrentStage(DateOnly day) => payments
            .Where(p => (p.Status == "tersalur" && p.Paid <= day) || (p.Status == "gagal" && p.Day <= day))
            .Select(p => p.Stage).Distinct().OrderByDescending(StageKey).FirstOrDefault();

        var kelurahan = families.GroupBy(f => f.Kelurahan).OrderByDescending(g => g.Count()).First().Key;
        foreach (var scope in new[] { ReferenceData.KotaCode, kelurahan[..8], kelurahan })
        {
            bool In(string? code) => scope == ReferenceData.KotaCode || (code is not null && code.StartsWith(scope, StringComparison.Ordinal));
            var mine = families.Where(f => In(f.Kelurahan)).ToList();
            var snapshot = (string code) => snapshots.Single(s => s.IndicatorCode == code && s.ScopeCode == scope);
            double? Actual(string code) => snapshot(code).Value;
            static double? Pct(int n, int d) => d == 0 ? null : Math.Round(n * 100.0 / d, 1);

            bool Recipient(string status, List<string> programs) => status == "aktif" && programs.Count > 0;
            Assert.Equal(mine.Count(f => Recipient(f.Status, f.Programs)), Actual(Codes.Recipients));
            var poorest = mine.Where(f => f.Status != "nonaktif" && f.Desil <= 4).ToList();
            Assert.Equal(poorest.Count, Actual(Codes.PoorestFamilies));
            Assert.Equal(Pct(poorest.Count(f => Recipient(f.Status, f.Programs)), poorest.Count), Actual(Codes.PoorestCoveragePct));
            Assert.Equal(mine.Count(f => Recipient(f.Status, f.Programs) && f.Desil >= 6), Actual(Codes.InclusionError));
            Assert.Equal(Pct(mine.Count(f => f.Verval != "belum"), mine.Count), Actual(Codes.VervalPct));
            // On a first load the graduation time is the served version's time.
            Assert.Equal(mine.Count(f => f.Status == "graduasi" && f.Day.Year == today.Year && f.Day <= today), Actual(Codes.Graduated));

            var stage = CurrentStage(today);
            var inStage = payments.Where(p => p.Stage == stage && In(kelurahanOf.GetValueOrDefault(p.Family))).ToList();
            if (stage is null || inStage.Count == 0)
            {
                Assert.Null(Actual(Codes.DisbursedPct));
                continue;
            }
            Assert.Equal(Pct(inStage.Count(p => p.Status == "tersalur" && p.Paid <= today), inStage.Count), Actual(Codes.DisbursedPct));
            Assert.Equal(stage, snapshot(Codes.DisbursedPct).Label);
            Assert.Equal(inStage.Count(p => p.Status == "gagal" && p.Day <= today), Actual(Codes.Failed));
        }

        // A past day of the series, city-wide: the day three weeks ago.
        var past = today.AddDays(-21);
        var pastStage = CurrentStage(past);
        var value = await db.IndicatorValues.AsNoTracking()
            .SingleOrDefaultAsync(v => v.IndicatorCode == Codes.DisbursedPct && v.ScopeCode == ReferenceData.KotaCode && v.Date == past);
        Assert.NotNull(pastStage);
        var pastPayments = payments.Where(p => p.Stage == pastStage).ToList();
        Assert.Equal(Math.Round(pastPayments.Count(p => p.Status == "tersalur" && p.Paid <= past) * 100.0 / pastPayments.Count, 1), value?.Value);
    }

    /// <summary>The ingest rate of a default first load (20,000 families, a year of disbursements).</summary>
    [Fact(Explicit = true)]
    public async Task Measure_DefaultFirstLoad()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Sources:Simulator:HistoryDays"] = "365" });
        var watch = Stopwatch.StartNew();
        _ = Simulator(app).Count;
        var built = watch.Elapsed;
        var run = await app.RefreshAsync(Source);
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        var seconds = (run.FinishedAt!.Value - run.StartedAt).TotalSeconds;
        output.WriteLine($"simulator built in {built.TotalSeconds:F1} s; run: {run.ItemsRead} items, {run.Pages} pages in {seconds:F1} s = {run.ItemsRead / seconds:F0} items/s");
    }
}
