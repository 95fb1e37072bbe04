using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Simulators.Shared;
using Dashboard.Tests.Shared.Simulation;
using Dashboard.Web.Features;
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

/// <summary>
/// One source's simulator as the shared contract tests build and read it: how it is built for each use, and with
/// another key through its own constructor. Each source derives its case in its test folder.
/// </summary>
public abstract record SimulatorCase(
    string Source,
    DateTimeOffset Start,
    string Key,
    IReadOnlyList<string> Feeds,
    string UpdatedSinceFeed,
    IReadOnlyList<int> PagingLimits,
    Func<FakeTimeProvider, SimulatorUse, int, ILiveSimulator> Create,
    Func<FakeTimeProvider, string, ILiveSimulator> WithKey,
    Func<ILiveSimulator, bool>? WithdrawOne = null,
    int MinSameSeedItems = 0)
{
    /// <summary>Western Indonesian Time, the simulators' clock.</summary>
    protected static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>Every case in this assembly, keyed by source (each a record derived from this one with no parameters).</summary>
    public static IReadOnlyDictionary<string, SimulatorCase> All { get; } = typeof(SimulatorCase).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(SimulatorCase)) && !t.IsAbstract)
        .Select(t => (SimulatorCase)Activator.CreateInstance(t)!)
        .ToDictionary(c => c.Source, StringComparer.Ordinal);
}

/// <summary>
/// The paged contract every simulator serves (paging, <c>updated_since</c>, bearer keys, determinism), run as one
/// theory over every source; each source's own calibration and faults are in its folder.
/// </summary>
public sealed class SimulatorContractTests
{
    /// <summary>
    /// Every case in this assembly, keyed by source: each source declares its own in its test folder
    /// (<c>Sources/Complaints/ComplaintsSimulatorCase.cs</c>), and the registry walk fails for a registered source without one.
    /// </summary>
    public static IReadOnlyDictionary<string, SimulatorCase> Cases => SimulatorCase.All;

    /// <summary>Every registered source: one without a <see cref="SimulatorCase"/> fails here (and in the registry walk).</summary>
    public static TheoryData<string> Sources() => [.. DomainRegistry.All.Select(d => d.Source)];

    private static SimulatorCase Case(string source)
    {
        Assert.True(Cases.TryGetValue(source, out var c), $"{source}: no SimulatorCase in its test folder (Sources/<Source>/<Source>SimulatorCase.cs)");
        return c;
    }

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
        var c = Case(source);
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
        var c = Case(source);
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
        var c = Case(source);
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
        var c = Case(source);
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
        var c = Case(source);
        var time = new FakeTimeProvider(c.Start);
        Assert.Throws<ArgumentException>(() => c.WithKey(time, ""));
        Assert.Throws<ArgumentException>(() => c.WithKey(time, "  "));
    }
}
