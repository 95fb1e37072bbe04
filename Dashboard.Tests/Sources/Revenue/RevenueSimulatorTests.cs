using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Simulators.Revenue;
using Dashboard.Tests.Shared.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Sources.Revenue;

public sealed class RevenueSimulatorTests
{
    // Tuesday 28 July 2026, 10:00 WIB: the PBB rush before the 31 July due date.
    internal static readonly DateTimeOffset Start = new(2026, 7, 28, 10, 0, 0, TimeSpan.FromHours(7));
    internal const string Key = "sim-revenue-test-key";
    private const string Targets = "/sim/revenue/v1/targets";
    private const string Payments = "/sim/revenue/v1/payments";
    private const string Assessments = "/sim/revenue/v1/pbb-assessments";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<SimulatorTestHost<RevenueSimulator>> StartHost(
        FakeTimeProvider time, int historyDays = 30, int seed = 42, int taxpayers = 200, int objects = 600, int comparisonDays = 0,
        double demoPerMinute = 0) =>
        SimulatorTestHost.StartAsync(
            _ => new RevenueSimulator(time,
                new SimulatorOptions { Seed = seed, HistoryDays = historyDays, DemoEventsPerMinute = demoPerMinute },
                new RevenueSimulatorOptions { Taxpayers = taxpayers, PbbObjects = objects, ComparisonDays = comparisonDays }, Key),
            Key);

    internal static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    internal static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    internal static long Long(JsonElement item, string name) => item.GetProperty(name).GetInt64();

    internal static DateTimeOffset Time(JsonElement item, string name) =>
        DateTimeOffset.Parse(item.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    internal static DateOnly Day(JsonElement item, string name) =>
        DateOnly.FromDateTime(Time(item, name).ToOffset(TimeSpan.FromHours(7)).DateTime);

    internal static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    private static async Task<List<JsonElement>> TargetsAsync(SimulatorTestHost<RevenueSimulator> host, int year)
    {
        using var response = await host.Client.GetAsync($"{Targets}?year={year}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(Ct)).EnumerateArray()];
    }

    /// <summary>The targets endpoint is not paged: it needs the key and a year (the paged resources are in <see cref="SimulatorContractTests"/>).</summary>
    [Fact]
    public async Task Targets_NeedTheKey_AndAValidYear()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start));
        foreach (var url in new[] { Targets + "?year=2026" })
        {
            using var anonymous = await host.Anonymous.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            using var wrong = new HttpRequestMessage(HttpMethod.Get, url);
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
            using var response = await host.Anonymous.SendAsync(wrong, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        foreach (var bad in new[] { Targets, Targets + "?year=abc", Targets + "?year=1999" })
        {
            using var response = await host.Client.GetAsync(bad, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task Items_HaveTheContractShape()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start));
        var payments = (await host.ReadAllAsync(Payments, 1000)).Items.Where(i => !IsTombstone(i)).ToList();
        Assert.All(payments, p =>
        {
            Assert.Equal(["id", "revenue_code", "taxpayer_id", "kelurahan_code", "amount", "paid_at", "channel", "status", "updated_at"],
                p.EnumerateObject().Select(x => x.Name));
            Assert.True(RevenuePayload.IsKnownCode(Str(p, "revenue_code")!));
            Assert.Contains(Str(p, "channel")!, RevenuePayload.Channels);
            Assert.Contains(Str(p, "status")!, RevenuePayload.Statuses);
            Assert.True(Long(p, "amount") > 0);
            Assert.True(Time(p, "paid_at") <= Time(p, "updated_at"));
            var kelurahan = p.GetProperty("kelurahan_code");
            // Opsen is transferred by Samsat for the whole city: no place.
            Assert.Equal(Str(p, "revenue_code")!.StartsWith("OPSEN_", StringComparison.Ordinal), kelurahan.ValueKind == JsonValueKind.Null);
        });
        Assert.All(payments.Where(p => Str(p, "revenue_code") == "PBB_P2"),
            p => Assert.Matches(@"^35\.73\.0[1-5]0\.0[0-9]{2}\.[0-9]{3}-[0-9]{4}\.0$", Str(p, "taxpayer_id")!));
        Assert.All(payments.Where(p => Str(p, "revenue_code")!.StartsWith("PBJT", StringComparison.Ordinal)),
            p => Assert.Matches(@"^P\.2\.[0-9]{7}\.35\.73$", Str(p, "taxpayer_id")!));
        var assessments = (await host.ReadAllAsync(Assessments, 1000)).Items;
        Assert.Equal(600, assessments.Count(a => a.GetProperty("year").GetInt32() == 2026));
        Assert.All(assessments, a =>
        {
            Assert.Equal(["id", "year", "kelurahan_code", "amount_due", "amount_paid", "updated_at"], a.EnumerateObject().Select(x => x.Name));
            Assert.EndsWith("-" + a.GetProperty("year").GetInt32(), Id(a), StringComparison.Ordinal);
            Assert.StartsWith(Str(a, "kelurahan_code")![..5], Id(a), StringComparison.Ordinal);
        });
        var targets = await TargetsAsync(host, 2026);
        Assert.Equal(19, targets.Count);
        Assert.All(targets, t => Assert.Equal(["year", "revenue_code", "kind", "name", "target", "revised_at"], t.EnumerateObject().Select(x => x.Name)));
    }

    [Fact]
    public async Task Targets_FollowTheSourcedFigures_TheApbdCalendar_AndTheRevision()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time);
        await using (var june2025 = await StartHost(new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(7))), historyDays: 1))
        {
            var y2025 = await TargetsAsync(june2025, 2025);
            Assert.Equal(846_060_000_000, y2025.Where(t => Str(t, "kind") == "pajak").Sum(t => Long(t, "target")));
            Assert.Equal(106_200_000_000, Long(y2025.Single(t => Str(t, "revenue_code") == "PBJT_MAKAN_MINUM"), "target"));
            Assert.Equal(54_750_000_000, Long(y2025.Single(t => Str(t, "revenue_code") == "PBB_P2"), "target"));
        }
        // 2027's APBD is adopted on 28 November 2026: nothing before.
        Assert.Empty(await TargetsAsync(host, 2027));

        var before = (await TargetsAsync(host, 2026)).ToDictionary(t => Str(t, "revenue_code")!);
        Assert.All(before.Values, t => Assert.Equal(new DateOnly(2025, 11, 28), Day(t, "revised_at")));
        time.Advance(TimeSpan.FromDays(60)); // late September: APBD-P
        var after = (await TargetsAsync(host, 2026)).ToDictionary(t => Str(t, "revenue_code")!);
        Assert.True(Long(after["PBJT_MAKAN_MINUM"], "target") > Long(before["PBJT_MAKAN_MINUM"], "target"));
        Assert.True(Long(after["OPSEN_BBNKB"], "target") < Long(before["OPSEN_BBNKB"], "target"));
        Assert.Equal(new DateOnly(2026, 9, 25), Day(after["PBJT_MAKAN_MINUM"], "revised_at"));
        Assert.Equal(Long(before["BPHTB"], "target"), Long(after["BPHTB"], "target"));
        Assert.Equal(new DateOnly(2025, 11, 28), Day(after["BPHTB"], "revised_at"));
        time.Advance(TimeSpan.FromDays(65)); // 30 November: the 2027 APBD is adopted
        Assert.NotEmpty(await TargetsAsync(host, 2027));
    }

    [Fact]
    public async Task TimePassing_BringsPayments_PaysAssessments_AndReversesAFew()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 60, taxpayers: 600, objects: 3000);
        var payments = (await host.ReadAllAsync(Payments, 1000)).Items;
        var paid = (await host.ReadAllAsync(Assessments, 1000)).Items.ToDictionary(Id, a => Long(a, "amount_paid"));

        time.Advance(TimeSpan.FromHours(30)); // Wednesday 16:00
        var now = time.GetUtcNow();
        var later = (await host.ReadAllAsync(Payments, 1000)).Items;
        var fresh = later.Where(i => !IsTombstone(i) && Time(i, "updated_at") > Start).ToList();
        Assert.True(fresh.Count > 50, $"{fresh.Count} new payments in a day and a half");
        Assert.All(fresh, i => Assert.True(Time(i, "paid_at") <= now));
        Assert.Contains(fresh, i => Str(i, "revenue_code") == "PBB_P2");
        Assert.Contains(fresh, i => Str(i, "revenue_code") == "BPHTB");
        Assert.Contains(fresh, i => Str(i, "revenue_code") == "OPSEN_PKB");
        var grown = (await host.ReadAllAsync(Assessments, 1000, Start)).Items.Where(a => Long(a, "amount_paid") > paid[Id(a)]).ToList();
        Assert.NotEmpty(grown);
        Assert.All(grown, a => Assert.True(Time(a, "updated_at") > Start));

        // Reversals are their own items; withdrawn payments are tombstones.
        var reversals = later.Where(i => Str(i, "status") == "reversed").ToList();
        Assert.NotEmpty(reversals);
        var byId = later.Where(i => !IsTombstone(i)).ToDictionary(Id);
        Assert.All(reversals, r =>
        {
            Assert.True(byId.TryGetValue(Id(r)[..^2], out var original), Id(r));
            Assert.Equal(Long(original, "amount"), Long(r, "amount"));
            Assert.True(Time(r, "paid_at") > Time(original, "paid_at"));
        });
        var tombstones = later.Where(IsTombstone).ToList();
        Assert.NotEmpty(tombstones);
        Assert.All(tombstones, t => Assert.Equal(["id", "updated_at", "deleted"], t.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(host.Simulator.TombstoneIds(RevenuePayload.Payments).Order(StringComparer.Ordinal), tombstones.Select(Id).Order(StringComparer.Ordinal));
        _ = payments;
    }

    [Fact]
    public async Task AYear_IsCalibrated_OnTheCitysRealisationCurve()
    {
        // New Year's Eve 2025, 23:30 WIB: the whole APBD year 2025 is served.
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.FromHours(7)));
        await using var host = await StartHost(time, historyDays: 365, taxpayers: 600, objects: 3000, comparisonDays: 35);
        var payments = (await host.ReadAllAsync(Payments, 1000)).Items.Where(i => !IsTombstone(i))
            .Select(i => (Code: Str(i, "revenue_code")!, Day: Day(i, "paid_at"), Net: Str(i, "status") == "reversed" ? -Long(i, "amount") : Long(i, "amount")))
            .Where(p => p.Day.Year == 2025)
            .ToList();
        var targets = (await TargetsAsync(host, 2025)).ToDictionary(t => Str(t, "revenue_code")!, t => (double)Long(t, "target"));
        var taxTarget = targets.Where(t => RevenuePayload.IsTax(t.Key)).Sum(t => t.Value);
        double Share(DateOnly until) => payments.Where(p => RevenuePayload.IsTax(p.Code) && p.Day <= until).Sum(p => p.Net) / taxTarget;

        // docs/DOMAIN.md §11: ≈ 67 % by late August, ≈ 78 % by the end of September, ≈ 100 % by late December.
        Assert.InRange(Share(new DateOnly(2025, 8, 22)), 0.58, 0.74);
        Assert.InRange(Share(new DateOnly(2025, 9, 30)), 0.70, 0.85);
        Assert.InRange(Share(new DateOnly(2025, 12, 31)), 0.92, 1.08);
        double Realised(string code) => payments.Where(p => p.Code == code).Sum(p => p.Net) / targets[code];
        Assert.True(Realised("PBJT_MAKAN_MINUM") > 1.3, $"PBJT-MM {Realised("PBJT_MAKAN_MINUM"):P0}");
        Assert.True(Realised("PBB_P2") > 1.0, $"PBB {Realised("PBB_P2"):P0}");
        Assert.InRange(Realised("OPSEN_BBNKB"), 0.9, 1.3);
        var retribution = payments.Where(p => RevenuePayload.IsRetribution(p.Code)).Sum(p => p.Net) / targets.Where(t => RevenuePayload.IsRetribution(t.Key)).Sum(t => t.Value);
        Assert.InRange(retribution, 0.8, 1.1);

        // PBB is paid before the 31 July due date more than in any other month, and the December campaign shows.
        var pbbByMonth = Enumerable.Range(1, 12).Select(m => payments.Where(p => p.Code == "PBB_P2" && p.Day.Month == m).Sum(p => p.Net)).ToList();
        Assert.Equal(7, pbbByMonth.IndexOf(pbbByMonth.Max()) + 1);
        Assert.True(pbbByMonth[11] > pbbByMonth[9], "December campaign");
    }

    [Fact]
    public async Task GenerateAndDemoActivity_BringMoneyNow()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, demoPerMinute: 30);
        var before = host.Simulator.LiveIds(RevenuePayload.Payments).Count;
        time.Advance(TimeSpan.FromMinutes(2));
        var after = host.Simulator.LiveIds(RevenuePayload.Payments).Count;
        Assert.True(after > before + 20, $"{before} → {after}");

        var ids = host.Simulator.Generate(3);
        var now = time.GetUtcNow();
        var served = (await host.ReadAllAsync(Payments, 1000, now)).Items.Where(i => ids.Contains(Id(i))).ToList();
        Assert.Equal(3, served.Count);
        Assert.All(served, i => Assert.Equal(now, Time(i, "paid_at")));
        Assert.All(served, i => Assert.Equal("qris", Str(i, "channel")));
    }

    [Fact]
    public async Task RequestFaults_AreServedOnEveryEndpoint()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 5);
        var faults = host.Simulator.Faults;
        foreach (var url in new[] { Targets + "?year=2026" })
        {
            faults.RateLimit(1, TimeSpan.FromSeconds(9));
            using (var r = await host.Client.GetAsync(url, Ct))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(9), r.Headers.RetryAfter!.Delta);
            }
            foreach (var status in new[] { 500, 502, 503 })
            {
                faults.ServerError(1, status);
                using var r = await host.Client.GetAsync(url, Ct);
                Assert.Equal(status, (int)r.StatusCode);
            }
            faults.NotJson(1);
            using (var r = await host.Client.GetAsync(url, Ct))
            {
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                Assert.StartsWith("<!DOCTYPE html>", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
            faults.Timeout(1, TimeSpan.FromSeconds(30));
            var hanging = host.Client.GetAsync(url, Ct);
            Assert.True(SpinWait.SpinUntil(() => faults.HangingRequests == 1, TimeSpan.FromSeconds(10)));
            time.Advance(TimeSpan.FromSeconds(29));
            Assert.False(hanging.IsCompleted);
            Assert.True(SpinWait.SpinUntil(() =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return hanging.Wait(20, Ct);
            }, TimeSpan.FromSeconds(30)));
            using (var r = await hanging)
            {
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            }
            Assert.Equal(0, faults.HangingRequests);
        }
    }

    [Fact]
    public async Task DataFaults_BreakDuplicateBackdateAndExtendItems()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 5);
        var faults = host.Simulator.Faults;
        var clean = (await host.ReadAllAsync(Payments, 1000)).Items.ToDictionary(Id, i => i.GetRawText());

        faults.MalformedItems(3);
        faults.UnknownFields(2);
        faults.UnknownEnumValues(2);
        var faulty = (await host.ReadAllAsync(Payments, 1000)).Items;
        var changed = faulty.Where(i => !i.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || clean[id.GetString()!] != i.GetRawText()).ToList();
        Assert.InRange(changed.Count, 3, 7);
        Assert.Contains(faulty, i => i.TryGetProperty("schema_version", out _) || i.TryGetProperty("tags", out _) ||
                                     i.TryGetProperty("source_node", out _) || i.TryGetProperty("meta", out _) || i.TryGetProperty("priority", out _));
        Assert.Contains(faulty, i => Str(i, "revenue_code") is "PAJAK_ROKOK" or "MBLB" || Str(i, "channel") is "edc" or "pos_indonesia" ||
                                     Str(i, "status") is "pending" or "settled");

        faults.DuplicateItems(1);
        var duplicated = (await host.ReadAllAsync(Assessments, 1000)).Items;
        Assert.Equal(duplicated.Count - 1, duplicated.Select(Id).Distinct().Count());

        // Targets are not paged but break the same ways.
        faults.MalformedItems(1);
        faults.UnknownEnumValues(1);
        faults.DuplicateItems(1);
        var targets = await TargetsAsync(host, 2026);
        Assert.Equal(20, targets.Count);
        Assert.Contains(targets, t => Str(t, "kind") is "transfer" or "lain_lain_pad");
        Assert.Contains(targets, t => t.EnumerateObject().Count() != 6 || t.EnumerateObject().Any(p =>
            p.Name is "year" or "target" ? p.Value.ValueKind != JsonValueKind.Number : p.Value.ValueKind != JsonValueKind.String));

        var id0 = clean.Keys.First();
        time.Advance(TimeSpan.FromMinutes(5));
        var previous = Time((await host.ReadAllAsync(Payments, 1000)).Items.Single(i => Id(i) == id0), "updated_at");
        faults.BackwardsUpdatedAt(1);
        Assert.True(host.Simulator.Touch(RevenuePayload.Payments, id0));
        var backdated = (await host.ReadAllAsync(Payments, 1000)).Items.Single(i => Id(i) == id0);
        Assert.True(Time(backdated, "updated_at") < previous);
    }
}
