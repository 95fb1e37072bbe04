using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Simulators.Budget;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Codes = Dashboard.Ingest.Sources.Budget.BudgetIndicators.Codes;

namespace Dashboard.Tests.Sources.Budget;

/// <summary>The budget job against its simulator over real HTTP on loopback: reconciliation, tombstones, faults, privacy, indicators.</summary>
public sealed class BudgetIngestHttpTests(ITestOutputHelper output)
{
    private const string Source = "Budget";
    private static readonly string[] Resources = [BudgetPayload.Lines, BudgetPayload.CashPlans, BudgetPayload.Payments, BudgetPayload.Progress];

    private static DashboardFactory App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            // The simulator always serves whole APBD years from 1 January.
            ["Sources:Simulator:HistoryDays"] = "20",
            ["Sources:Budget:Simulator:Lines"] = "80",
            ["Sources:Budget:Retries"] = "4",
            ["Sources:Budget:AttemptTimeoutSeconds"] = "5",
            ["Sources:Budget:TotalTimeoutSeconds"] = "30",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }
        return new DashboardFactory(all);
    }

    private static BudgetSimulator Simulator(DashboardFactory app)
    {
        _ = app.RootUri;
        return app.Services.GetRequiredService<BudgetSimulator>();
    }

    /// <summary>The budget source in the shared HTTP theories of <see cref="IngestContractTests"/>.</summary>
    public sealed class Case : IngestHttpCase
    {
        public override string Source => BudgetIngestHttpTests.Source;

        public override DashboardFactory App(params (string Key, string Value)[] settings) => BudgetIngestHttpTests.App(settings);

        public override (string Key, string Value)[] FullLoadSettings => [("Sources:Budget:PageSize", "300")];

        public override int FullLoadPagesAbove => 8;

        public override async Task<SettledRun> SettledRefreshAsync(DashboardFactory app)
        {
            var (run, served) = await BudgetIngestHttpTests.SettledRefreshAsync(app);
            return new(run, async () =>
            {
                await AssertReconciledAsync(app, served);
                await AssertIndicatorsAsync(app, served);
            }, served);
        }

        public override Task AssertSecondRunAsync(DashboardFactory app, SettledRun first, SettledRun second)
        {
            AssertLedgerAddsUp(second.Run);
            Assert.Equal(0, second.Run.Rejected);
            Assert.Equal(0, second.Run.Inserted);
            return Task.CompletedTask;
        }

        public override (string Key, string Value)[] FaultSettings => [("Sources:Budget:PageSize", "200")];

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

        /// <summary>A breakage of a field the mapper never reads (description, third_party, problems, output_indicator) is not a rejection.</summary>
        public override int RejectedAtLeast => 1;

        public override int RejectedAtMost => 9;

        public override async Task AssertQuarantinedAsync(DashboardFactory app, IngestRun run)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            var quarantined = await db.QuarantinedItems.Where(q => q.Source == Source).ToListAsync();
            Assert.Equal(run.Rejected, quarantined.Count);
            Assert.All(quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
            Assert.All(quarantined, q => Assert.DoesNotContain("third_party\":{", q.Payload, StringComparison.Ordinal));
        }

        public override Task<int> CorrectAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            foreach (var id in simulator.LiveIds(BudgetPayload.Payments))
            {
                simulator.Touch(id);
            }
            simulator.TouchAll();
            simulator.Faults.UnknownEnumValues(3);
            return Task.FromResult(3);
        }

        public override async Task AssertCorrectedAsync(DashboardFactory app)
        {
            await using (var db = await app.Db.CreateDbContextAsync())
            {
                Assert.False(await db.QuarantinedItems.AnyAsync(q => q.Source == Source && q.SupersededAt == null && q.SourceItemId != null));
            }
            Simulator(app).TouchAll();
            var (_, clean) = await BudgetIngestHttpTests.SettledRefreshAsync(app);
            await AssertReconciledAsync(app, clean);
        }

        public override (string Key, string Value)[] KillSettings => [("Sources:Budget:PageSize", "100"), ("Ingest:CommitItems", "100")];

        public override int KillAtPages => 6;

        public override int? KilledPagesAtMost => 6 + 2;

        public override Type ClientType => typeof(SourceClient<BudgetOptions>);

        public override int KilledRowsAtLeast => 1;

        /// <summary>Cash-plan months: the second feed, so that a run killed early stops within it.</summary>
        public override async Task<(int Stored, int Live)> RowsAsync(DashboardFactory app)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return (await db.Set<BudgetCashPlan>().CountAsync(), Simulator(app).LiveIds(BudgetPayload.CashPlans).Count);
        }

        public override bool PersonalDataRunRejects => true;

        /// <summary>Third parties (names, bank accounts, NPWP), descriptions and monev problems; twenty items broken.</summary>
        public override async Task<IReadOnlyCollection<string>> PersonalValuesAndFaultsAsync(DashboardFactory app)
        {
            var served = await ServedAsync(app);
            var personal = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in served[BudgetPayload.Payments].Where(Live))
            {
                var third = p.GetProperty("third_party");
                personal.Add(S(third, "name"));
                personal.Add(S(third, "bank_account"));
                personal.Add(S(third, "npwp"));
                personal.Add(S(p, "description"));
            }
            foreach (var p in served[BudgetPayload.Progress].Where(Live))
            {
                if (p.GetProperty("problems").ValueKind == JsonValueKind.String)
                {
                    personal.Add(S(p, "problems"));
                }
            }
            Assert.Contains(personal, v => v.Length >= 15 && v.All(char.IsAsciiDigit));
            Simulator(app).Faults.MalformedItems(20);
            return personal;
        }
    }

    private static Task<Dictionary<string, List<JsonElement>>> ServedAsync(DashboardFactory app) =>
        IngestHttpCase.ServedFeedsAsync(app, "sim/budget/v1/", app.Services.GetRequiredService<IOptions<BudgetOptions>>().Value.ApiKey, Resources);

    private static Task<(IngestRun Run, Dictionary<string, List<JsonElement>> Served)> SettledRefreshAsync(DashboardFactory app) =>
        IngestHttpCase.SettledRefreshAsync(app, Source, () => ServedAsync(app), served => served.Values.SelectMany(v => v));

    private static void AssertLedgerAddsUp(IngestRun run) => IngestHttpCase.AssertLedgerAddsUp(run);

    private static DateTimeOffset T(JsonElement item, string name) => DateTimeOffset.Parse(item.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static string S(JsonElement item, string name) => item.GetProperty(name).GetString()!;

    private static string? N(JsonElement item, string name) => item.GetProperty(name).ValueKind == JsonValueKind.Null ? null : S(item, name);

    private static long L(JsonElement item, string name) => item.GetProperty(name).GetInt64();

    private static int I(JsonElement item, string name) => item.GetProperty(name).GetInt32();

    private static bool Live(JsonElement item) => !item.TryGetProperty("deleted", out var d) || d.ValueKind != JsonValueKind.True;

    /// <summary>Rows equal the served live records by id and content; tombstoned records are gone.</summary>
    private static async Task AssertReconciledAsync(DashboardFactory app, Dictionary<string, List<JsonElement>> served)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var lines = await db.Set<BudgetLine>().AsNoTracking().ToDictionaryAsync(l => l.Id);
        var expected = served[BudgetPayload.Lines].Where(Live).ToList();
        Assert.Equal(expected.Count, lines.Count);
        foreach (var item in expected)
        {
            var row = lines[S(item, "id")];
            Assert.Equal(I(item, "year"), row.Year);
            Assert.Equal(S(item, "agency_code"), row.AgencyCode);
            Assert.Equal(S(item, "sub_activity_code"), row.SubActivityCode);
            Assert.Equal(S(item, "sub_activity_name"), row.SubActivityName);
            Assert.Equal(S(item, "spending_kind"), row.SpendingKind);
            Assert.Equal(S(item, "funding_source"), row.FundingSource);
            Assert.Equal(L(item, "pagu"), row.Pagu);
            Assert.Equal(L(item, "pagu_original"), row.PaguOriginal);
            Assert.Equal(N(item, "kelurahan_code"), row.KelurahanCode);
            Assert.Equal(T(item, "updated_at"), row.UpdatedAt);
        }

        var plans = await db.Set<BudgetCashPlan>().AsNoTracking().ToDictionaryAsync(p => p.Id);
        expected = served[BudgetPayload.CashPlans].Where(Live).ToList();
        Assert.Equal(expected.Count, plans.Count);
        foreach (var item in expected)
        {
            var row = plans[S(item, "id")];
            Assert.Equal(S(item, "budget_line_id"), row.BudgetLineId);
            Assert.Equal(I(item, "month"), row.Month);
            Assert.Equal(L(item, "amount"), row.Amount);
        }

        var payments = await db.Set<BudgetPayment>().AsNoTracking().ToDictionaryAsync(p => p.Id);
        expected = served[BudgetPayload.Payments].Where(Live).ToList();
        Assert.Equal(expected.Count, payments.Count);
        foreach (var item in expected)
        {
            var row = payments[S(item, "id")];
            Assert.Equal(DateOnly.ParseExact(S(item, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture), row.Date);
            Assert.Equal(S(item, "agency_code"), row.AgencyCode);
            Assert.Equal(S(item, "type"), row.Type);
            Assert.Equal(N(item, "ls_kind"), row.LsKind);
            Assert.Equal(L(item, "amount"), row.Amount);
            Assert.Equal(S(item, "status"), row.Status);
            Assert.Equal(
                item.GetProperty("lines").EnumerateArray().Select(l => new BudgetPaymentLine(S(l, "budget_line_id"), S(l, "account_code"), L(l, "amount"))),
                BudgetPaymentLines.Parse(row.Lines));
            Assert.Equal(T(item, "updated_at"), row.UpdatedAt);
        }
        foreach (var tombstone in served[BudgetPayload.Payments].Where(i => !Live(i)))
        {
            Assert.False(payments.ContainsKey(S(tombstone, "id")));
        }

        var progress = await db.Set<BudgetProgress>().AsNoTracking().ToDictionaryAsync(p => p.Id);
        expected = served[BudgetPayload.Progress].Where(Live).ToList();
        Assert.Equal(expected.Count, progress.Count);
        foreach (var item in expected)
        {
            var row = progress[S(item, "id")];
            Assert.Equal(S(item, "budget_line_id"), row.BudgetLineId);
            Assert.Equal(S(item, "month"), $"{row.Year:D4}-{row.Month:D2}");
            Assert.Equal(item.GetProperty("physical_pct").GetDouble(), row.PhysicalPct);
            Assert.Equal(item.GetProperty("verified").GetBoolean(), row.Verified);
            Assert.Equal(T(item, "submitted_at"), row.SubmittedAt);
        }
    }

    /// <summary>Today's indicators against numbers computed here from the served records and docs/DOMAIN.md §13's band.</summary>
    private static async Task AssertIndicatorsAsync(DashboardFactory app, Dictionary<string, List<JsonElement>> served)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var snapshots = await db.IndicatorSnapshots.AsNoTracking().Where(s => s.IndicatorCode.StartsWith("BELANJA") || s.IndicatorCode == Codes.AgenciesBelowBand ||
            s.IndicatorCode == Codes.FundingRealisationPct || s.IndicatorCode == Codes.ProjectedSilpa || s.IndicatorCode == Codes.MonevOnTime ||
            s.IndicatorCode == Codes.PhysicalFinancialGap).ToListAsync();
        var today = snapshots.Single(s => s.IndicatorCode == Codes.RealisationPct && s.ScopeCode == "35.73").AsOf;
        double? Actual(string code, string scope = "35.73") => snapshots.Single(s => s.IndicatorCode == code && s.ScopeCode == scope).Value;
        static double? Pct(double n, double d) => d == 0 ? null : Math.Round(n * 100.0 / d, 1);

        var lines = served[BudgetPayload.Lines].Where(Live).Where(l => I(l, "year") == today.Year)
            .ToDictionary(l => S(l, "id"), l => (Agency: S(l, "agency_code"), Kind: S(l, "spending_kind"), Funding: S(l, "funding_source"), Pagu: L(l, "pagu")));
        var spent = served[BudgetPayload.Payments].Where(Live)
            .Where(p => S(p, "type") is "LS" or "GU" && S(p, "status") == "terbit")
            .Select(p => (Date: DateOnly.ParseExact(S(p, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture), Lines: p.GetProperty("lines")))
            .Where(p => p.Date.Year == today.Year && p.Date <= today)
            .SelectMany(p => p.Lines.EnumerateArray().Select(l => (p.Date, Line: S(l, "budget_line_id"), Account: S(l, "account_code"), Amount: L(l, "amount"))))
            .Where(x => lines.ContainsKey(x.Line)).ToList();
        var pagu = lines.Values.Sum(l => l.Pagu);
        Assert.Equal(Pct(spent.Sum(s => s.Amount), pagu), Actual(Codes.RealisationPct));
        var byAgency = lines.GroupBy(l => l.Value.Agency).ToDictionary(g => g.Key,
            g => (Pagu: g.Sum(l => l.Value.Pagu), Spent: spent.Where(s => lines[s.Line].Agency == g.Key).Sum(s => s.Amount)));
        foreach (var (agency, a) in byAgency)
        {
            Assert.Equal(Pct(a.Spent, a.Pagu), Actual(Codes.AgencyRealisationPct, agency));
        }
        // The band of the day, from docs/DOMAIN.md §13.
        double[] lower = [1, 1, 3, 5, 7, 10, 20, 30, 40, 50, 60, 70];
        var m = today.Month - 1;
        var floor = (m == 0 ? 0 : lower[m - 1]) + ((lower[m] - (m == 0 ? 0 : lower[m - 1])) * today.Day / DateTime.DaysInMonth(today.Year, today.Month));
        Assert.Equal(byAgency.Values.Count(a => Math.Round(a.Spent * 100.0 / a.Pagu, 1) < floor), Actual(Codes.AgenciesBelowBand));
        Assert.Equal(Pct(lines.Values.Where(l => l.Kind == "modal").Sum(l => l.Pagu), pagu), Actual(Codes.CapitalShare));
        Assert.Equal(Pct(spent.Where(s => s.Account.StartsWith("5.1.01", StringComparison.Ordinal)).Sum(s => s.Amount), spent.Sum(s => s.Amount)),
            Actual(Codes.PersonnelShare));
        var funding = lines.GroupBy(l => l.Value.Funding)
            .Select(g => (Code: g.Key, Pct: spent.Where(s => lines[s.Line].Funding == g.Key).Sum(s => s.Amount) * 100.0 / g.Sum(l => l.Value.Pagu)))
            .MinBy(f => f.Pct);
        Assert.Equal(Math.Round(funding.Pct, 1), Actual(Codes.FundingRealisationPct));

        // Cash plan to date and the projected SiLPA.
        var plans = served[BudgetPayload.CashPlans].Where(Live).Where(p => lines.ContainsKey(S(p, "budget_line_id")))
            .Select(p => (Month: I(p, "month"), Amount: L(p, "amount"))).ToList();
        var planned = plans.Where(p => p.Month < today.Month).Sum(p => (double)p.Amount) +
                      (plans.Where(p => p.Month == today.Month).Sum(p => (double)p.Amount) * today.Day / DateTime.DaysInMonth(today.Year, today.Month));
        var realised = spent.Sum(s => (double)s.Amount);
        Assert.Equal(Math.Round(realised - planned), Actual(Codes.CashPlanDeviation));
        var projected = realised + ((plans.Sum(p => p.Amount) - planned) * realised / planned);
        Assert.Equal(Math.Round(pagu - Math.Min(pagu, projected)), Actual(Codes.ProjectedSilpa));

        // Monev on time: last month after the 10th, the one before until then.
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(today.Day > 10 ? -1 : -2);
        var due = new DateTimeOffset(month.AddMonths(1).Year, month.AddMonths(1).Month, 10, 23, 59, 59, TimeSpan.FromHours(7)).AddSeconds(0.9999999);
        var reports = served[BudgetPayload.Progress].Where(Live)
            .Where(p => S(p, "month") == $"{month.Year:D4}-{month.Month:D2}" && p.GetProperty("verified").GetBoolean() && T(p, "submitted_at") <= due)
            .Select(p => S(p, "budget_line_id")).ToHashSet(StringComparer.Ordinal);
        var monevLines = served[BudgetPayload.Lines].Where(Live).Where(l => I(l, "year") == month.Year && L(l, "pagu") > 0).GroupBy(l => S(l, "agency_code")).ToList();
        Assert.Equal(Pct(monevLines.Count(g => g.All(l => reports.Contains(S(l, "id")))), monevLines.Count), Actual(Codes.MonevOnTime));

        // Physical vs financial: each line's latest report, against its spending to the end of that month.
        var latest = served[BudgetPayload.Progress].Where(Live)
            .Where(p => lines.ContainsKey(S(p, "budget_line_id")) && DateOnly.FromDateTime(T(p, "submitted_at").ToOffset(TimeSpan.FromHours(7)).DateTime) <= today)
            .GroupBy(p => S(p, "budget_line_id"))
            .Select(g => g.OrderBy(p => S(p, "month"), StringComparer.Ordinal).ThenBy(p => T(p, "submitted_at")).Last()).ToList();
        var gaps = latest.Count(p =>
        {
            var reportMonth = DateOnly.ParseExact(S(p, "month") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var end = reportMonth.AddMonths(1).AddDays(-1);
            var line = S(p, "budget_line_id");
            var financial = spent.Where(s => s.Line == line && s.Date <= end).Sum(s => s.Amount) * 100.0 / lines[line].Pagu;
            return Math.Abs(p.GetProperty("physical_pct").GetDouble() - financial) > 15;
        });
        Assert.Equal(gaps, Actual(Codes.PhysicalFinancialGap));

        // The band is written as #47's month target: the tile of the day shows its bounds.
        var target = await db.IndicatorTargets.AsNoTracking()
            .SingleAsync(t => t.IndicatorCode == Codes.RealisationPct && t.Period == TargetPeriod.Month && t.PeriodStart == new DateOnly(today.Year, today.Month, 1));
        Assert.Equal(lower[m], target.Floor);
    }

    [Fact]
    public async Task CancelledAndWithdrawnPayments_StopCounting_AndBackwardsVersionsAreKeptOut()
    {
        await using var app = App();
        var simulator = Simulator(app);
        var (run, _) = await SettledRefreshAsync(app);
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);

        var payment = simulator.LiveIds(BudgetPayload.Payments).Order(StringComparer.Ordinal).First();
        var touched = simulator.LiveIds(BudgetPayload.Payments).Order(StringComparer.Ordinal).Skip(1).First();
        DateTimeOffset stored;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            Assert.True(await db.Set<BudgetPayment>().AnyAsync(p => p.Id == payment));
            stored = await db.Set<BudgetPayment>().Where(p => p.Id == touched).Select(p => p.UpdatedAt).SingleAsync();
        }
        simulator.Faults.BackwardsUpdatedAt(1);
        Assert.True(simulator.Touch(touched));
        Assert.True(simulator.Withdraw(payment));

        var (next, served) = await SettledRefreshAsync(app);
        Assert.Equal(IngestRunStatus.Succeeded, next.Status);
        Assert.True(next.Deleted >= 1);
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            Assert.False(await db.Set<BudgetPayment>().AnyAsync(p => p.Id == payment));
            Assert.Equal(stored, await db.Set<BudgetPayment>().Where(p => p.Id == touched).Select(p => p.UpdatedAt).SingleAsync());
        }
        Assert.Contains(payment, served[BudgetPayload.Payments].Where(i => !Live(i)).Select(i => S(i, "id")));
        await AssertIndicatorsAsync(app, served);
    }

    /// <summary>The ingest rate of a first load of a year of history at the default size (docs/BENCHMARKS.md).</summary>
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
