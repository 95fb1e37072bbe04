using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Simulators.Revenue;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Codes = Dashboard.Ingest.Sources.Revenue.RevenueIndicators.Codes;

namespace Dashboard.Tests.Sources.Revenue;

/// <summary>The revenue job against its simulator over real HTTP on loopback: reconciliation, faults, privacy, indicators.</summary>
public sealed class RevenueIngestHttpTests(ITestOutputHelper output)
{
    private const string Source = "Revenue";
    private static readonly string[] Resources = [RevenuePayload.Payments, RevenuePayload.Assessments];

    private static DashboardFactory App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            // Most of the APBD year, so that realisation since 1 January is in the served history.
            ["Sources:Simulator:HistoryDays"] = "340",
            ["Sources:Revenue:Simulator:Taxpayers"] = "100",
            ["Sources:Revenue:Simulator:PbbObjects"] = "400",
            ["Sources:Revenue:Simulator:ComparisonDays"] = "0",
            ["Sources:Revenue:Retries"] = "4",
            ["Sources:Revenue:AttemptTimeoutSeconds"] = "5",
            ["Sources:Revenue:TotalTimeoutSeconds"] = "30",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }
        return new DashboardFactory(all);
    }

    private static RevenueSimulator Simulator(DashboardFactory app)
    {
        _ = app.RootUri;
        return app.Services.GetRequiredService<RevenueSimulator>();
    }

    private static void AssertLedgerAddsUp(IngestRun run) => IngestHttpCase.AssertLedgerAddsUp(run);

    /// <summary>The revenue source in the shared HTTP theories of <see cref="IngestContractTests"/>.</summary>
    public sealed class Case : IngestHttpCase
    {
        public override string Source => RevenueIngestHttpTests.Source;

        public override DashboardFactory App(params (string Key, string Value)[] settings) => RevenueIngestHttpTests.App(settings);

        public override (string Key, string Value)[] FullLoadSettings => [("Sources:Revenue:PageSize", "400")];

        public override int FullLoadPagesAbove => 5;

        /// <summary>Rows equal the served live records by id and content, and the indicators are right.</summary>
        public override async Task<SettledRun> SettledRefreshAsync(DashboardFactory app)
        {
            var (run, served) = await RevenueIngestHttpTests.SettledRefreshAsync(app);
            return new(run, async () =>
            {
                await AssertReconciledAsync(app, served);
                await AssertIndicatorsAsync(app, served);
            }, served);
        }

        /// <summary>Again settled: the last page comes back (updated_since is inclusive) and the targets are read whole, all upserted.</summary>
        public override async Task<SettledRun> SecondRefreshAsync(DashboardFactory app)
        {
            var (run, again) = await RevenueIngestHttpTests.SettledRefreshAsync(app);
            return new(run, () => AssertReconciledAsync(app, again), again);
        }

        public override Task AssertSecondRunAsync(DashboardFactory app, SettledRun first, SettledRun second)
        {
            var served = (Served)first.Served!;
            AssertLedgerAddsUp(second.Run);
            Assert.Equal(0, second.Run.Rejected);
            Assert.True(second.Run.Unchanged >= served.Targets.Count, $"unchanged {second.Run.Unchanged}");
            return Task.CompletedTask;
        }

        public override (string Key, string Value)[] FaultSettings => [("Sources:Revenue:PageSize", "300")];

        public override void ArrangeFaults(DashboardFactory app)
        {
            var simulator = Simulator(app);
            _ = simulator.Count;
            simulator.Faults.RateLimit(1, TimeSpan.FromSeconds(1));
            simulator.Faults.ServerError(1, 502);
            simulator.Faults.NotJson(1);
            simulator.Faults.MalformedItems(9);
            simulator.Faults.DuplicateItems(3);
            simulator.Faults.UnknownFields(4);
        }

        /// <summary>Every breakage of a revenue item is of a field reporting reads: all nine are rejected.</summary>
        public override int RejectedAtLeast => 9;

        public override int RejectedAtMost => 9;

        public override async Task AssertQuarantinedAsync(DashboardFactory app, IngestRun run)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            var quarantined = await db.QuarantinedItems.Where(q => q.Source == Source).ToListAsync();
            Assert.Equal(9, quarantined.Count);
            Assert.All(quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
            Assert.All(quarantined, q => Assert.DoesNotContain("\"taxpayer_id\":\"P.", q.Payload, StringComparison.Ordinal));
        }

        /// <summary>The source sends every item again as it is: the broken ones come back intact.</summary>
        public override Task<int> CorrectAsync(DashboardFactory app)
        {
            TouchAll(Simulator(app));
            Simulator(app).Faults.UnknownEnumValues(3);
            return Task.FromResult(3);
        }

        private static void TouchAll(RevenueSimulator simulator)
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
                // Every item that had an identity came back clean and superseded its quarantined copy. A target row whose year
                // or code was broken has none (the contract gives targets no id of their own): it stays for review.
                Assert.False(await db.QuarantinedItems.AnyAsync(q => q.Source == Source && q.SupersededAt == null && q.SourceItemId != null));
                Assert.All(await db.QuarantinedItems.Where(q => q.Source == Source && q.SupersededAt == null).ToListAsync(),
                    q => Assert.Equal(RevenuePayload.Targets, q.Resource));
            }
            // Unknown enum values were served once and are stored as served; the next version is clean.
            TouchAll(simulator);
            var (_, clean) = await RevenueIngestHttpTests.SettledRefreshAsync(app);
            await AssertReconciledAsync(app, clean);
        }

        public override (string Key, string Value)[] KillSettings => [("Sources:Revenue:PageSize", "100"), ("Ingest:CommitItems", "100")];

        public override int KillAtPages => 6;

        public override int? KilledPagesAtMost => 6 + 2;

        public override Type ClientType => typeof(RevenueClient);

        public override int KilledRowsAtLeast => 1;

        public override async Task<(int Stored, int Live)> RowsAsync(DashboardFactory app)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return (await db.Set<RevenuePayment>().CountAsync(), Simulator(app).LiveIds(RevenuePayload.Payments).Count);
        }

        public override bool PersonalDataRunRejects => true;

        /// <summary>Taxpayer ids and NOPs (the assessments' ids); twenty items broken.</summary>
        public override async Task<IReadOnlyCollection<string>> PersonalValuesAndFaultsAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            var served = await ServedAsync(app);
            var personal = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in served.Feeds[RevenuePayload.Payments].Where(Live))
            {
                personal.Add(S(p, "taxpayer_id"));
            }
            foreach (var a in served.Feeds[RevenuePayload.Assessments].Where(Live))
            {
                personal.Add(S(a, "id"));
            }
            Assert.Contains(personal, v => v.StartsWith("35.73.", StringComparison.Ordinal));
            simulator.Faults.MalformedItems(20);
            return personal;
        }
    }

    private sealed record Served(Dictionary<string, List<JsonElement>> Feeds, List<JsonElement> Targets);

    /// <summary>Every item the simulator serves now (tombstones included), and the targets of the years the client reads.</summary>
    private static async Task<Served> ServedAsync(DashboardFactory app)
    {
        using var http = app.CreateHttpClient();
        var key = app.Services.GetRequiredService<IOptions<RevenueOptions>>().Value.ApiKey;
        async Task<JsonElement> GetAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        }
        var feeds = await IngestHttpCase.ServedFeedsAsync(app, "sim/revenue/v1/", key, Resources);
        var targets = new List<JsonElement>();
        var year = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime).Year;
        foreach (var y in new[] { year - 1, year })
        {
            targets.AddRange((await GetAsync($"sim/revenue/v1/targets?year={y}")).EnumerateArray());
        }
        return new Served(feeds, targets);
    }

    /// <summary>A refresh after which nothing changed at the source (payments arrive through the day): the database then equals what is served.</summary>
    private static Task<(IngestRun Run, Served Served)> SettledRefreshAsync(DashboardFactory app) =>
        IngestHttpCase.SettledRefreshAsync(app, Source, () => ServedAsync(app), served => served.Feeds.Values.SelectMany(v => v));

    private static DateTimeOffset T(JsonElement item, string name) =>
        DateTimeOffset.Parse(item.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static string S(JsonElement item, string name) => item.GetProperty(name).GetString()!;

    private static string? N(JsonElement item, string name) => item.GetProperty(name).ValueKind == JsonValueKind.Null ? null : S(item, name);

    private static long L(JsonElement item, string name) => item.GetProperty(name).GetInt64();

    private static bool Live(JsonElement item) => !item.TryGetProperty("deleted", out var d) || d.ValueKind != JsonValueKind.True;

    private static DateOnly WibDay(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>Database rows equal the served live records, by id (hashed where personal) and by content.</summary>
    private static async Task AssertReconciledAsync(DashboardFactory app, Served served)
    {
        var hash = app.Services.GetRequiredService<Pseudonymizer>();
        await using var db = await app.Db.CreateDbContextAsync();

        var payments = await db.Set<RevenuePayment>().AsNoTracking().ToDictionaryAsync(p => p.Id);
        var expected = served.Feeds[RevenuePayload.Payments].Where(Live).ToList();
        Assert.Equal(expected.Count, payments.Count);
        foreach (var item in expected)
        {
            var row = payments[S(item, "id")];
            Assert.Equal(S(item, "revenue_code"), row.RevenueCode);
            Assert.Equal(hash.Hash("npwpd", S(item, "taxpayer_id")), row.TaxpayerKey);
            Assert.Equal(N(item, "kelurahan_code"), row.KelurahanCode);
            Assert.Equal(L(item, "amount"), row.Amount);
            Assert.Equal(T(item, "paid_at"), row.PaidAt);
            Assert.Equal(WibDay(T(item, "paid_at")), row.PaidDate);
            Assert.Equal(S(item, "channel"), row.Channel);
            Assert.Equal(S(item, "status"), row.Status);
            Assert.Equal(T(item, "updated_at"), row.UpdatedAt);
        }

        var assessments = await db.Set<PbbAssessment>().AsNoTracking().ToDictionaryAsync(a => a.Id);
        expected = served.Feeds[RevenuePayload.Assessments].Where(Live).ToList();
        Assert.Equal(expected.Count, assessments.Count);
        foreach (var item in expected)
        {
            var row = assessments[hash.Hash("pbb-assessment-id", S(item, "id"))];
            Assert.Equal(item.GetProperty("year").GetInt32(), row.Year);
            Assert.Equal(S(item, "kelurahan_code"), row.KelurahanCode);
            Assert.Equal(L(item, "amount_due"), row.AmountDue);
            Assert.Equal(L(item, "amount_paid"), row.AmountPaid);
            Assert.Equal(T(item, "updated_at"), row.UpdatedAt);
        }

        var targets = await db.Set<RevenueTarget>().AsNoTracking().ToDictionaryAsync(t => t.Id);
        Assert.Equal(served.Targets.Count, targets.Count);
        foreach (var item in served.Targets)
        {
            var row = targets[$"{item.GetProperty("year").GetInt32()}:{S(item, "revenue_code")}"];
            Assert.Equal(S(item, "kind"), row.Kind);
            Assert.Equal(S(item, "name"), row.Name);
            Assert.Equal(L(item, "target"), row.Target);
            Assert.Equal(T(item, "revised_at"), row.RevisedAt);
        }
    }

    [Fact]
    public async Task BackwardsUpdatedAt_KeepsTheNewerStoredVersion_AndWithdrawnPaymentsAreDeleted()
    {
        await using var app = App();
        var simulator = Simulator(app);
        var hash = app.Services.GetRequiredService<Pseudonymizer>();
        var (run, _) = await SettledRefreshAsync(app);
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);

        var payment = simulator.LiveIds(RevenuePayload.Payments).Order(StringComparer.Ordinal).First();
        var assessment = simulator.LiveIds(RevenuePayload.Assessments).Order(StringComparer.Ordinal).First();
        DateTimeOffset stored;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            stored = await db.Set<PbbAssessment>().Where(a => a.Id == hash.Hash("pbb-assessment-id", assessment)).Select(a => a.UpdatedAt).SingleAsync();
            Assert.True(await db.Set<RevenuePayment>().AnyAsync(p => p.Id == payment));
        }
        simulator.Faults.BackwardsUpdatedAt(1);
        Assert.True(simulator.Touch(RevenuePayload.Assessments, assessment));
        Assert.True(simulator.Withdraw(RevenuePayload.Payments, payment));

        var (next, served) = await SettledRefreshAsync(app);
        Assert.Equal(IngestRunStatus.Succeeded, next.Status);
        Assert.True(next.Deleted >= 1);
        var backdated = served.Feeds[RevenuePayload.Assessments].Single(a => S(a, "id") == assessment);
        Assert.True(T(backdated, "updated_at") < stored);
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            Assert.False(await db.Set<RevenuePayment>().AnyAsync(p => p.Id == payment));
            // A version older than the stored one never replaces it (below the watermark it is not even read again).
            Assert.Equal(stored, await db.Set<PbbAssessment>().Where(a => a.Id == hash.Hash("pbb-assessment-id", assessment)).Select(a => a.UpdatedAt).SingleAsync());
        }
        Assert.Contains(payment, served.Feeds[RevenuePayload.Payments].Where(i => !Live(i)).Select(i => S(i, "id")));
    }

    /// <summary>
    /// Today's indicators (and a past day's) against numbers computed here, straight from the served records and the
    /// catalogue's definitions.
    /// </summary>
    private static async Task AssertIndicatorsAsync(DashboardFactory app, Served served)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var snapshots = await db.IndicatorSnapshots.AsNoTracking().ToListAsync();
        var today = snapshots.Single(s => s.IndicatorCode == Codes.TaxRealisationPct && s.ScopeCode == "35.73").AsOf;
        double? Actual(string code, string scope = "35.73") => snapshots.Single(s => s.IndicatorCode == code && s.ScopeCode == scope).Value;
        static double? Pct(double n, double d) => d == 0 ? null : Math.Round(n * 100.0 / d, 1);

        var payments = served.Feeds[RevenuePayload.Payments].Where(Live).Select(p => new
        {
            Code = S(p, "revenue_code"),
            Taxpayer = S(p, "taxpayer_id"),
            Kelurahan = N(p, "kelurahan_code"),
            Day = WibDay(T(p, "paid_at")),
            Posted = S(p, "status") == "posted",
            Net = S(p, "status") == "posted" ? L(p, "amount") : -L(p, "amount"),
        }).ToList();
        var targets = served.Targets.Where(t => t.GetProperty("year").GetInt32() == today.Year)
            .Select(t => new { Code = S(t, "revenue_code"), Kind = S(t, "kind"), Target = (double)L(t, "target") }).ToList();
        bool IsTax(string code) => targets.Any(t => t.Code == code && t.Kind == "pajak") || code is "SARANG_WALET";
        bool IsRetribution(string code) => code.StartsWith("RETRIBUSI_", StringComparison.Ordinal);
        var jan1 = new DateOnly(today.Year, 1, 1);
        var elapsed = today.DayOfYear / (DateTime.IsLeapYear(today.Year) ? 366.0 : 365.0);
        var thisYear = payments.Where(p => p.Day >= jan1 && p.Day <= today).ToList();

        var taxTarget = targets.Where(t => t.Kind == "pajak").Sum(t => t.Target);
        var taxCum = thisYear.Where(p => IsTax(p.Code)).Sum(p => (double)p.Net);
        Assert.Equal(Pct(taxCum, taxTarget), Actual(Codes.TaxRealisationPct));
        Assert.Equal(Math.Round((taxCum * 100.0 / taxTarget) - (elapsed * 100), 1), Actual(Codes.TaxGapToProportional));
        var ratios = targets.Where(t => t.Kind == "pajak" && t.Target > 0)
            .Select(t => (t.Code, Ratio: thisYear.Where(p => p.Code == t.Code).Sum(p => (double)p.Net) / (t.Target * elapsed))).ToList();
        Assert.Equal(ratios.Count(r => r.Ratio >= 1), Actual(Codes.TaxTypesOnTrack));
        Assert.Equal(ratios.MinBy(r => r.Ratio).Code, snapshots.Single(s => s.IndicatorCode == Codes.TaxTypesOnTrack).Label);

        var retTarget = targets.Where(t => t.Kind == "retribusi").Sum(t => t.Target);
        var retCum = thisYear.Where(p => IsRetribution(p.Code)).Sum(p => (double)p.Net);
        Assert.Equal(Pct(retCum, retTarget), Actual(Codes.RetributionRealisationPct));
        Assert.Equal(Pct(thisYear.Where(p => p.Code == "RETRIBUSI_PASAR").Sum(p => (double)p.Net), targets.Single(t => t.Code == "RETRIBUSI_PASAR").Target),
            Actual(Codes.RetributionRealisationPct, "DISKOPINDAG"));
        Assert.Equal(Pct(taxCum + retCum, taxTarget + retTarget), Actual(Codes.PadRealisationPct));

        var assessments = served.Feeds[RevenuePayload.Assessments].Where(Live).Select(a => new
        {
            Year = a.GetProperty("year").GetInt32(),
            Kelurahan = S(a, "kelurahan_code"),
            Due = L(a, "amount_due"),
            Paid = L(a, "amount_paid"),
        }).ToList();
        var busiest = payments.Where(p => p.Kelurahan is not null).GroupBy(p => p.Kelurahan!).MaxBy(g => g.Count())!.Key;
        foreach (var scope in new[] { "35.73", busiest[..8], busiest })
        {
            bool In(string? kelurahan) => scope == "35.73" || (kelurahan is not null && kelurahan.StartsWith(scope, StringComparison.Ordinal));
            Assert.Equal(payments.Where(p => p.Day == today && IsTax(p.Code) && In(p.Kelurahan)).Sum(p => (double)p.Net), Actual(Codes.TaxDailyReceipts, scope));
            var window = today.AddDays(-364);
            Assert.Equal(payments.Where(p => p.Posted && p.Day >= window && p.Day <= today && In(p.Kelurahan) &&
                    p.Code is "PBJT_MAKAN_MINUM" or "PBJT_TENAGA_LISTRIK" or "PBJT_PERHOTELAN" or "PBJT_PARKIR" or "PBJT_HIBURAN" or "REKLAME" or "AIR_TANAH" or "SARANG_WALET")
                .Select(p => p.Taxpayer).Distinct().Count(), Actual(Codes.ActiveTaxpayers, scope));
            var month = new DateOnly(today.Year, today.Month, 1);
            Assert.Equal(payments.Where(p => p.Code == "BPHTB" && p.Day >= month && p.Day <= today && In(p.Kelurahan)).Sum(p => p.Posted ? 1 : -1),
                Actual(Codes.BphtbTransactions, scope));
            var current = assessments.Where(a => a.Year == today.Year && In(a.Kelurahan)).ToList();
            Assert.Equal(Pct(current.Sum(a => (double)a.Paid), current.Sum(a => (double)a.Due)), Actual(Codes.PbbRealisationPct, scope));
            var afterDue = today > new DateOnly(today.Year, 7, 31);
            Assert.Equal(assessments.Where(a => In(a.Kelurahan) && (a.Year < today.Year || (a.Year == today.Year && afterDue)))
                .Sum(a => (double)Math.Max(0, a.Due - a.Paid)), Actual(Codes.PbbArrears, scope));
        }

        // A past day of the series: 30 June, city-wide.
        var june30 = new DateOnly(today.Year, 6, 30);
        if (june30 < today && payments.Min(p => p.Day) <= jan1.AddDays(10))
        {
            var past = await db.IndicatorValues.AsNoTracking()
                .Where(v => v.Date == june30 && v.ScopeCode == "35.73" && (v.IndicatorCode == Codes.TaxRealisationPct || v.IndicatorCode == Codes.TaxDailyReceipts))
                .ToDictionaryAsync(v => v.IndicatorCode, v => v.Value);
            Assert.Equal(Pct(thisYear.Where(p => IsTax(p.Code) && p.Day <= june30).Sum(p => (double)p.Net), taxTarget), past[Codes.TaxRealisationPct]);
            Assert.Equal(payments.Where(p => IsTax(p.Code) && p.Day == june30).Sum(p => (double)p.Net), past[Codes.TaxDailyReceipts]);
        }
    }

    /// <summary>The ingest rate of a default first load (a year and the comparison month, default sizes).</summary>
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
