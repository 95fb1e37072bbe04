using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Admissions;
using Dashboard.Simulators.Budget;
using Dashboard.Simulators.Complaints;
using Dashboard.Simulators.Letters;
using Dashboard.Simulators.Licensing;
using Dashboard.Simulators.Revenue;
using Dashboard.Simulators.Shared;
using Dashboard.Simulators.SocialAid;
using Dashboard.Simulators.Staffing;
using Dashboard.Tests.Shared.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Sources;

/// <summary>What a simulator is built for in a test of the shared contract: sizes stay small where a test reads much.</summary>
public enum SimulatorUse
{
    /// <summary>Paging one item a page: the smallest history that still has every resource.</summary>
    PagingOneByOne,
    Paging,
    UpdatedSince,
    SameSeed,
}

/// <summary>One source's simulator as the shared contract tests build and read it.</summary>
public sealed record SimulatorCase(
    string Source,
    DateTimeOffset Start,
    string Key,
    IReadOnlyList<string> Feeds,
    string UpdatedSinceFeed,
    IReadOnlyList<int> PagingLimits,
    Func<FakeTimeProvider, SimulatorUse, int, ILiveSimulator> Create,
    Func<ILiveSimulator, bool>? WithdrawOne = null,
    int MinSameSeedItems = 0);

/// <summary>
/// The paged contract every simulator serves (paging, <c>updated_since</c>, bearer keys, determinism), run as one
/// theory over every source; each source's own calibration and faults are in its folder.
/// </summary>
public sealed class SimulatorContractTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static readonly IReadOnlyDictionary<string, SimulatorCase> Cases = new[]
    {
        new SimulatorCase("Complaints", new(2026, 6, 1, 10, 0, 0, Wib), "sim-complaints-test-key",
            ["/sim/complaints/v1/complaints"], "/sim/complaints/v1/complaints", [1, 7, 1000],
            (time, use, seed) => new ComplaintsSimulator(time,
                new SimulatorOptions { Seed = seed, HistoryDays = use switch { SimulatorUse.PagingOneByOne => 20, SimulatorUse.Paging => 60, SimulatorUse.SameSeed => 90, _ => 30 } },
                "sim-complaints-test-key"),
            sim => ((ComplaintsSimulator)sim).Withdraw(((ComplaintsSimulator)sim).LiveIds.Order(StringComparer.Ordinal).First()),
            MinSameSeedItems: 501),
        new SimulatorCase("Letters", new(2026, 6, 1, 10, 0, 0, Wib), "sim-letters-test-key",
            ["/sim/letters/v1/letters"], "/sim/letters/v1/letters", [1, 333, 1000],
            (time, use, seed) => new LettersSimulator(time,
                new SimulatorOptions { Seed = seed, HistoryDays = use switch { SimulatorUse.PagingOneByOne => 2, SimulatorUse.SameSeed => 10, _ => 14 } },
                "sim-letters-test-key"),
            sim => ((LettersSimulator)sim).Withdraw(((LettersSimulator)sim).LiveIds.Order(StringComparer.Ordinal).First()),
            MinSameSeedItems: 1001),
        new SimulatorCase("Staffing", new(2026, 10, 6, 5, 30, 0, Wib), "sim-staffing-test-key",
            ["/sim/staffing/v1/employees", "/sim/staffing/v1/attendance", "/sim/staffing/v1/performance"], "/sim/staffing/v1/performance", [1, 37, 1000],
            (time, use, seed) => new StaffingSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 120 },
                use == SimulatorUse.PagingOneByOne
                    ? new StaffingSimulatorOptions { Headcount = 60, AttendanceWorkingDays = 2 }
                    : new StaffingSimulatorOptions { Headcount = 400, AttendanceWorkingDays = 10 },
                "sim-staffing-test-key")),
        new SimulatorCase("Revenue", new(2026, 7, 28, 10, 0, 0, Wib), "sim-revenue-test-key",
            ["/sim/revenue/v1/payments", "/sim/revenue/v1/pbb-assessments"], "/sim/revenue/v1/payments", [1, 37, 1000],
            (time, use, seed) => use == SimulatorUse.PagingOneByOne
                ? new RevenueSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 3 },
                    new RevenueSimulatorOptions { Taxpayers = 40, PbbObjects = 100, ComparisonDays = 0 }, "sim-revenue-test-key")
                : new RevenueSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 30 },
                    new RevenueSimulatorOptions { Taxpayers = 200, PbbObjects = 600, ComparisonDays = 0 }, "sim-revenue-test-key")),
        new SimulatorCase("SocialAid", new(2026, 8, 12, 10, 0, 0, Wib), "sim-socialaid-test-key",
            ["/sim/socialaid/v1/families", "/sim/socialaid/v1/disbursements"], "/sim/socialaid/v1/disbursements", [1, 37, 1000],
            (time, use, seed) => new SocialAidSimulator(time,
                new SimulatorOptions { Seed = seed, HistoryDays = use == SimulatorUse.PagingOneByOne ? 20 : 120 },
                new SocialAidSimulatorOptions { Families = use switch { SimulatorUse.PagingOneByOne => 150, SimulatorUse.SameSeed => 400, _ => 1000 } },
                "sim-socialaid-test-key")),
        new SimulatorCase("Admissions", new(2026, 6, 10, 5, 0, 0, Wib), "sim-admissions-test-key",
            ["/sim/admissions/v1/schools", "/sim/admissions/v1/applications"], "/sim/admissions/v1/applications", [1, 37, 1000],
            (time, use, seed) => new AdmissionsSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 20 },
                new AdmissionsSimulatorOptions { CohortSize = use == SimulatorUse.PagingOneByOne ? 300 : 1500 }, "sim-admissions-test-key")),
        new SimulatorCase("Budget", new(2026, 2, 16, 10, 0, 0, Wib), "sim-budget-test-key",
            ["/sim/budget/v1/budget-lines", "/sim/budget/v1/cash-plans", "/sim/budget/v1/payments", "/sim/budget/v1/progress"],
            "/sim/budget/v1/payments", [1, 37, 1000],
            (time, use, seed) => new BudgetSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = 20 },
                new BudgetSimulatorOptions { Lines = use == SimulatorUse.PagingOneByOne ? 40 : 120 }, "sim-budget-test-key"),
            sim => ((BudgetSimulator)sim).Withdraw(((BudgetSimulator)sim).LiveIds("payments").Order(StringComparer.Ordinal).First())),
        new SimulatorCase("Licensing", new(2026, 6, 1, 10, 0, 0, Wib), "sim-licensing-test-key",
            ["/sim/licensing/v1/applications", "/sim/licensing/v1/business-ids", "/sim/licensing/v1/investment-reports"],
            "/sim/licensing/v1/applications", [1, 37, 1000],
            (time, use, seed) => new LicensingSimulator(time,
                new SimulatorOptions { Seed = seed, HistoryDays = use switch { SimulatorUse.PagingOneByOne => 5, SimulatorUse.SameSeed => 30, _ => 20 } },
                "sim-licensing-test-key"),
            sim => ((LicensingSimulator)sim).Withdraw(((LicensingSimulator)sim).LiveIds.Order(StringComparer.Ordinal).First()),
            MinSameSeedItems: 18),
    }.ToDictionary(c => c.Source, StringComparer.Ordinal);

    public static TheoryData<string> Sources() => [.. Cases.Keys];

    public static TheoryData<string, int> PagingCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var c in Cases.Values)
        {
            foreach (var limit in c.PagingLimits)
            {
                data.Add(c.Source, limit);
            }
        }
        return data;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SimulatorTestHost<ILiveSimulator>> StartHost(SimulatorCase c, FakeTimeProvider time, SimulatorUse use, int seed = 42) =>
        SimulatorTestHost.StartAsync(_ => c.Create(time, use, seed), c.Key);

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static DateTimeOffset UpdatedAt(JsonElement item) =>
        DateTimeOffset.Parse(item.GetProperty("updated_at").GetString()!, CultureInfo.InvariantCulture);

    private static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    private static int ItemsIn(string body) => JsonSerializer.Deserialize<JsonElement>(body).GetProperty("items").GetArrayLength();

    [Theory]
    [MemberData(nameof(PagingCases))]
    public async Task Paging_ServesEveryRecordOnce_InUpdatedAtIdOrder(string source, int limit)
    {
        var c = Cases[source];
        await using var host = await StartHost(c, new FakeTimeProvider(c.Start), limit == 1 ? SimulatorUse.PagingOneByOne : SimulatorUse.Paging);
        if (c.WithdrawOne is { } withdraw)
        {
            Assert.True(withdraw(host.Simulator));
        }

        var served = 0;
        var tombstones = 0;
        foreach (var feed in c.Feeds)
        {
            var run = await host.ReadAllAsync(feed, limit);
            Assert.All(run.Bodies, b => Assert.True(ItemsIn(b) <= limit));
            var ids = run.Items.Select(Id).ToList();
            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.All(run.Items, i => Assert.True(UpdatedAt(i) <= run.ServerTime));
            for (var i = 1; i < run.Items.Count; i++)
            {
                var a = run.Items[i - 1];
                var b = run.Items[i];
                var order = UpdatedAt(a).CompareTo(UpdatedAt(b));
                Assert.True(order < 0 || (order == 0 && string.CompareOrdinal(Id(a), Id(b)) < 0), $"{feed}: {Id(a)} before {Id(b)} at {i}");
            }
            served += ids.Count;
            tombstones += run.Items.Count(IsTombstone);
        }
        // Every record, tombstones included, is served exactly once over the resources.
        Assert.Equal(host.Simulator.Count, served);
        if (c.WithdrawOne is not null)
        {
            Assert.True(tombstones > 0);
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task UpdatedSince_IsInclusive(string source)
    {
        var c = Cases[source];
        await using var host = await StartHost(c, new FakeTimeProvider(c.Start), SimulatorUse.UpdatedSince);
        var all = await host.ReadAllAsync(c.UpdatedSinceFeed, 1000);
        var pivot = all.Items[all.Items.Count / 2];
        var since = UpdatedAt(pivot);

        var run = await host.ReadAllAsync(c.UpdatedSinceFeed, 100, since);

        Assert.Contains(Id(pivot), run.Items.Select(Id));
        Assert.Equal(since, UpdatedAt(run.Items[0]));
        Assert.All(run.Items, i => Assert.True(UpdatedAt(i) >= since));
        Assert.Equal(all.Items.Where(i => UpdatedAt(i) >= since).Select(Id), run.Items.Select(Id));
        Assert.True(run.Items.Count < all.Items.Count);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task MissingOrWrongKey_Is401_OnEveryResource(string source)
    {
        var c = Cases[source];
        await using var host = await StartHost(c, new FakeTimeProvider(c.Start), SimulatorUse.UpdatedSince);
        foreach (var feed in c.Feeds)
        {
            using var anonymous = await host.Anonymous.GetAsync(feed, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            using var wrong = new HttpRequestMessage(HttpMethod.Get, feed);
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
            using var response = await host.Anonymous.SendAsync(wrong, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task SameSeedAndStart_GiveIdenticalJson_AnotherSeedDoesNot(string source)
    {
        var c = Cases[source];
        var time = new FakeTimeProvider(c.Start);
        await using var a = await StartHost(c, time, SimulatorUse.SameSeed, seed: 7);
        await using var b = await StartHost(c, time, SimulatorUse.SameSeed, seed: 7);
        await using var other = await StartHost(c, time, SimulatorUse.SameSeed, seed: 8);
        foreach (var feed in c.Feeds)
        {
            var first = await a.ReadAllAsync(feed, 500);
            var second = await b.ReadAllAsync(feed, 500);
            var third = await other.ReadAllAsync(feed, 500);
            Assert.Equal(first.Bodies, second.Bodies);
            Assert.NotEqual(first.Bodies, third.Bodies);
            Assert.True(first.Items.Count >= c.MinSameSeedItems, $"{feed}: {first.Items.Count} items");
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Constructor_EmptyKey_Throws(string source)
    {
        var c = Cases[source];
        var time = new FakeTimeProvider(c.Start);
        Assert.Throws<ArgumentException>(() => Create(c, time, ""));
        Assert.Throws<ArgumentException>(() => Create(c, time, "  "));
    }

    /// <summary>Builds the source's simulator with another key, through its own constructor.</summary>
    private static ILiveSimulator Create(SimulatorCase c, FakeTimeProvider time, string key) => c.Source switch
    {
        "Complaints" => new ComplaintsSimulator(time, new SimulatorOptions(), key),
        "Letters" => new LettersSimulator(time, new SimulatorOptions(), key),
        "Staffing" => new StaffingSimulator(time, new SimulatorOptions(), new StaffingSimulatorOptions(), key),
        "Revenue" => new RevenueSimulator(time, new SimulatorOptions(), new RevenueSimulatorOptions(), key),
        "Licensing" => new LicensingSimulator(time, new SimulatorOptions(), key),
        "SocialAid" => new SocialAidSimulator(time, new SimulatorOptions(), new SocialAidSimulatorOptions(), key),
        "Admissions" => new AdmissionsSimulator(time, new SimulatorOptions(), new AdmissionsSimulatorOptions(), key),
        "Budget" => new BudgetSimulator(time, new SimulatorOptions(), new BudgetSimulatorOptions(), key),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Source, "Unknown source."),
    };
}
