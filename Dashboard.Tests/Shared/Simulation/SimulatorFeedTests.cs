using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Shared.Simulation;

/// <summary>The shared feed and control endpoints, on a minimal simulator that knows nothing about complaints.</summary>
public sealed class SimulatorFeedTests
{
    private const string Key = "widget-key";
    private const string Feed = "/sim/widgets/v1/widgets";
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] WidgetFields = ["id", "color", "size", "updated_at"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SimulatorTestHost<WidgetSimulator>> StartHost(FakeTimeProvider time, int widgets = 10) =>
        SimulatorTestHost.StartAsync(_ =>
        {
            var sim = new WidgetSimulator(time);
            sim.Generate(widgets);
            return sim;
        }, Key);

    private static List<JsonElement> ItemsOf(string body) =>
        [.. JsonSerializer.Deserialize<JsonElement>(body).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Page_ServesTheEnvelope_ItemsAndTombstones()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, widgets: 3);
        time.Advance(TimeSpan.FromMinutes(1));
        host.Simulator.Store.Delete("W-0002", time.GetUtcNow());

        var root = JsonSerializer.Deserialize<JsonElement>(await host.Client.GetStringAsync(Feed, Ct));

        Assert.Equal(JsonValueKind.Null, root.GetProperty("next_cursor").ValueKind);
        Assert.Equal("2026-06-01T10:01:00+07:00", root.GetProperty("server_time").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["W-0001", "W-0003", "W-0002"], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(WidgetFields, items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-06-01T10:00:00+07:00", items[0].GetProperty("updated_at").GetString());
        Assert.Equal("""{"id":"W-0002","updated_at":"2026-06-01T10:01:00+07:00","deleted":true}""", items[2].GetRawText());
    }

    [Fact]
    public async Task Refresh_RunsBeforeEachPage()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, widgets: 1);

        await host.Client.GetStringAsync(Feed, Ct);
        await host.Client.GetStringAsync(Feed, Ct);

        Assert.Equal(2, host.Simulator.Refreshes);
    }

    [Fact]
    public async Task WrongKey_Is401_BeforeAnyFaultIsSpent()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start));
        host.Simulator.Faults.ServerError(1, 500);

        using var anonymous = await host.Anonymous.GetAsync(Feed, Ct);
        using var served = await host.Client.GetAsync(Feed, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, served.StatusCode);
    }

    [Fact]
    public async Task BadLimit_Is400_BeforeAnyFaultIsSpent()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start));
        host.Simulator.Faults.RateLimit(1, TimeSpan.FromSeconds(1));

        using var bad = await host.Client.GetAsync(Feed + "?limit=0", Ct);
        using var limited = await host.Client.GetAsync(Feed + "?limit=1000", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task UnknownEnumFault_UsesTheDeclaredValues()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start));
        host.Simulator.Faults.UnknownEnumValues(2);

        var items = ItemsOf(await host.Client.GetStringAsync(Feed, Ct));

        Assert.Equal(2, items.Count(i => i.GetProperty("color").GetString() == "ultraviolet"));
    }

    [Fact]
    public async Task UnknownFieldsAndMalformed_CanHitTheSameItem()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start));
        host.Simulator.Faults.UnknownFields(1);
        host.Simulator.Faults.MalformedItems(1);

        var first = ItemsOf(await host.Client.GetStringAsync(Feed, Ct))[0];

        var names = first.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(names, n => !WidgetFields.Contains(n));
        Assert.Equal("W-0001", first.GetProperty("id").GetString());
    }

    [Fact]
    public async Task GenerateEndpoint_WorksForAnyLiveSimulator()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), widgets: 0);

        using var response = await host.Client.PostAsync("/sim/widgets/_control/generate?count=4", null, Ct);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(4, result.GetProperty("count").GetInt32());
        Assert.Equal(["W-0001", "W-0002", "W-0003", "W-0004"], result.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, ItemsOf(await host.Client.GetStringAsync(Feed, Ct)).Count);
    }

    [Fact]
    public async Task FaultsEndpoint_ReportsTheArmedSwitches()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start));
        host.Simulator.Faults.DuplicateItems(3);

        var state = await host.Client.GetFromJsonAsync<JsonElement>("/sim/widgets/_control/faults", Ct);

        Assert.Equal(3, state.GetProperty("duplicate_pages").GetInt32());
        Assert.Equal(0, state.GetProperty("malformed_items").GetInt32());
    }

    /// <summary>The smallest live simulator: widgets with a colour (an enum) and a size.</summary>
    public sealed class WidgetSimulator : ILiveSimulator
    {
        private readonly TimeProvider _time;
        private readonly SimulatorFeed<(string Color, int Size)> _feed;
        private int _refreshes;

        public WidgetSimulator(TimeProvider time)
        {
            _time = time;
            Store = new SimulatorStore<(string Color, int Size)>(Faults);
            _feed = new SimulatorFeed<(string Color, int Size)>(Store, Faults, time, Key,
                (w, v) =>
                {
                    w.WriteString("color", v.Color);
                    w.WriteNumber("size", v.Size);
                },
                new Dictionary<string, string[]> { ["color"] = ["ultraviolet"] },
                () => Interlocked.Increment(ref _refreshes));
        }

        public string Source => "Widgets";

        public string BasePath => "/sim/widgets";

        public SimulatorFaults Faults { get; } = new();

        public SimulatorStore<(string Color, int Size)> Store { get; }

        public int Count => Store.Count;

        public int Refreshes => Volatile.Read(ref _refreshes);

        public void Advance()
        {
        }

        public IReadOnlyList<string> Generate(int count)
        {
            var ids = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var id = $"W-{Store.Count + 1:0000}";
                Store.Upsert(id, (i % 2 == 0 ? "red" : "blue", i), _time.GetUtcNow());
                ids.Add(id);
            }
            return ids;
        }

        public void MapEndpoints(IEndpointRouteBuilder routes)
        {
            routes.MapGet(BasePath + "/v1/widgets", _feed.HandleAsync);
            routes.MapControlEndpoints(this, Key);
        }
    }
}
