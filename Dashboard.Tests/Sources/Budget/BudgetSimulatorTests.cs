using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Simulators.Budget;
using Dashboard.Tests.Shared.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Sources.Budget;

/// <summary>The budget simulator's calibration (docs/DOMAIN.md §13) and that every item it serves maps through the real mappers.</summary>
public sealed class BudgetSimulatorTests
{
    internal const string Key = "sim-budget-test-key";
    internal static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    internal static Task<SimulatorTestHost<BudgetSimulator>> StartHost(FakeTimeProvider time, int historyDays = 30, int lines = 300, int seed = 42, double demoPerMinute = 0) =>
        SimulatorTestHost.StartAsync(
            _ => new BudgetSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = historyDays, DemoEventsPerMinute = demoPerMinute },
                new BudgetSimulatorOptions { Lines = lines }, Key),
            Key);

    internal static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    internal sealed record Year(List<BudgetLine> Lines, List<BudgetCashPlan> Plans, List<BudgetPayment> Payments, List<BudgetProgress> Progress);

    /// <summary>Reads every feed and maps each live item with the product's mappers: all of them must be valid.</summary>
    internal static async Task<Year> ReadAsync(SimulatorTestHost<BudgetSimulator> host)
    {
        async Task<List<T>> Read<T>(string path, ISourceMapper<T> mapper) where T : class, Dashboard.Ingest.Reporting.ISourceEntity
        {
            var run = await host.ReadAllAsync("/sim/budget/v1/" + path, 1000);
            var rows = new List<T>();
            foreach (var item in run.Items.Where(i => !IsTombstone(i)))
            {
                var result = mapper.Map(item);
                Assert.True(result.Kind == ItemKind.Valid, $"{path} {result.Id}: {result.Reason}");
                Assert.Null(result.Entity!.GetType().GetProperty("Flags")!.GetValue(result.Entity));
                rows.Add(result.Entity!);
            }
            return rows;
        }
        return new Year(
            await Read(BudgetPayload.Lines, new BudgetLinesMapper()),
            await Read(BudgetPayload.CashPlans, new BudgetCashPlansMapper()),
            await Read(BudgetPayload.Payments, new BudgetPaymentsMapper()),
            await Read(BudgetPayload.Progress, new BudgetProgressMapper()));
    }

    private static long Realised(Year y, int year, DateOnly through, Func<BudgetLine, bool>? which = null)
    {
        var lines = y.Lines.Where(l => l.Year == year && (which?.Invoke(l) ?? true)).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        return y.Payments.Where(p => p.Date.Year == year && p.Date <= through && BudgetPayload.IsSpending(p.Type, p.Status))
            .SelectMany(p => BudgetPaymentLines.Parse(p.Lines)).Where(l => lines.Contains(l.BudgetLineId)).Sum(l => l.Amount);
    }

    [Fact]
    public async Task AYear_FollowsTheSCurve_WithDecemberBunching_AndEndsBetween86And92Percent()
    {
        // 31 December 2026, 23:00 WIB: the whole year is served.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 0, 0, Wib));
        await using var host = await StartHost(time, historyDays: 10, lines: 400);
        var y = await ReadAsync(host);
        var pagu = y.Lines.Where(l => l.Year == 2026).Sum(l => l.Pagu);

        // Belanja 2026 is Rp2.417 T (rounding of lines aside).
        Assert.InRange(pagu, 2.35e12, 2.5e12);
        double Pct(DateOnly d) => Realised(y, 2026, d) * 100.0 / pagu;
        var yearEnd = Pct(new DateOnly(2026, 12, 31));
        var november = Pct(new DateOnly(2026, 11, 30));
        var october = Pct(new DateOnly(2026, 10, 31));
        Assert.InRange(yearEnd, 86, 92);
        // A quarter or so of the year's spending lands in December.
        Assert.InRange((yearEnd - november) / yearEnd, 0.15, 0.35);
        Assert.InRange(october, 50, 75);

        // Capital works are back-loaded: under a third spent by the end of August; public works trails below 50 % in Q3.
        var capitalPagu = y.Lines.Where(l => l.Year == 2026 && l.SpendingKind == BudgetPayload.Modal).Sum(l => l.Pagu);
        Assert.True(Realised(y, 2026, new DateOnly(2026, 8, 31), l => l.SpendingKind == BudgetPayload.Modal) < capitalPagu / 3);
        var works = y.Lines.Where(l => l.Year == 2026 && l.AgencyCode == "DPUPRPKP").Sum(l => l.Pagu);
        Assert.True(Realised(y, 2026, new DateOnly(2026, 9, 30), l => l.AgencyCode == "DPUPRPKP") < works / 2);

        // Salaries: LS gaji in every month; advances (UP) exist and are not spending; some LS cancelled (5–10 %).
        Assert.Equal(12, y.Payments.Where(p => p.LsKind == "gaji" && p.Date.Year == 2026).Select(p => p.Date.Month).Distinct().Count());
        Assert.Contains(y.Payments, p => p.Type == "UP");
        var ls = y.Payments.Where(p => p.Type == BudgetPayload.Ls).ToList();
        Assert.InRange(ls.Count(p => p.Status == BudgetPayload.Cancelled) / (double)ls.Count, 0.04, 0.11);

        // Cash plan adds up to pagu per line; monev: one report per line per month, most on time, a few gaps beyond 15 points.
        var plans = y.Plans.GroupBy(p => p.BudgetLineId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount), StringComparer.Ordinal);
        Assert.All(y.Lines.Where(l => l.Year == 2026), l => Assert.Equal(l.Pagu, plans[l.Id]));
        var reports = y.Progress.Where(p => p.Year == 2026).ToList();
        Assert.Equal(y.Lines.Count(l => l.Year == 2026) * 11, reports.Count);
        Assert.InRange(reports.Count(p => p.SubmittedAt <= BudgetKpis.MonevDue(p.Year, p.Month)) / (double)reports.Count, 0.7, 0.98);
        Assert.Contains(y.Lines, l => l.Pagu != l.PaguOriginal && l.RevisedAt is not null);
    }

    [Fact]
    public async Task ThirdParties_AndFreeText_AreServed_SoThatTheClientMustDropThem()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 20, 10, 0, 0, Wib));
        await using var host = await StartHost(time, lines: 60);
        var payments = await host.ReadAllAsync("/sim/budget/v1/payments", 1000);
        var live = payments.Items.First(i => !IsTombstone(i));
        Assert.False(string.IsNullOrEmpty(live.GetProperty("third_party").GetProperty("name").GetString()));
        Assert.Matches("^[0-9]{10,}$", live.GetProperty("third_party").GetProperty("bank_account").GetString()!);
        Assert.Matches("^[0-9]{15,16}$", live.GetProperty("third_party").GetProperty("npwp").GetString()!);
        Assert.False(string.IsNullOrEmpty(live.GetProperty("description").GetString()));
        var progress = await host.ReadAllAsync("/sim/budget/v1/progress", 1000);
        Assert.Contains(progress.Items, i => i.TryGetProperty("problems", out var p) && p.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task NewRecords_ArriveAsTimePasses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 5, 8, 0, 0, Wib));
        await using var host = await StartHost(time, lines: 80, demoPerMinute: 6);
        var before = host.Simulator.Count;
        time.Advance(TimeSpan.FromMinutes(30));
        host.Simulator.Advance();
        Assert.True(host.Simulator.Count > before, $"{before} → {host.Simulator.Count}");
        var ids = host.Simulator.Generate(3);
        Assert.Equal(3, ids.Count);
        Assert.True(host.Simulator.LiveIds(BudgetPayload.Payments).Count >= 3);
    }
}
