using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Simulators.Letters;
using Dashboard.Tests.Shared.Simulation;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Tests.Sources.Letters.LettersExpectations;

namespace Dashboard.Tests.Sources.Letters;

public sealed class LettersSimulatorTests
{
    // A Monday morning in WIB.
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(7));
    private const string Key = "sim-letters-test-key";
    private const string Feed = "/sim/letters/v1/letters";

    private static readonly string[] ContractFields = ["id", "kelurahan_code", "letter_type", "status", "requested_at", "completed_at", "updated_at"];
    private static readonly string[] TombstoneFields = ["id", "updated_at", "deleted"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SimulatorTestHost<LettersSimulator>> StartHost(
        FakeTimeProvider time, int historyDays = 14, int seed = 42, double demoPerMinute = 0) =>
        SimulatorTestHost.StartAsync(
            _ => new LettersSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = historyDays, DemoEventsPerMinute = demoPerMinute }, Key),
            Key);

    private static DateTimeOffset UpdatedAt(JsonElement item) => DateTimeOffset.Parse(item.GetProperty("updated_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    private static List<JsonElement> ItemsOf(string body) =>
        [.. JsonSerializer.Deserialize<JsonElement>(body).GetProperty("items").EnumerateArray()];

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic " + Key)]
    public async Task MissingOrWrongKey_Is401(string? authorization)
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 1);
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, Feed), (HttpMethod.Get, "/sim/letters/_control/faults"),
                     (HttpMethod.Post, "/sim/letters/_control/generate?count=1"),
                 })
        {
            using var request = new HttpRequestMessage(method, path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
            using var response = await host.Anonymous.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("updated_since=2026-05-01T10:00:00")]
    public async Task BadParameters_Are400(string query)
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 1);
        using var response = await host.Client.GetAsync(Feed + "?" + query, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Page_HasTheContractShape_AndNoPersonalData()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start));
        var items = (await host.ReadAllAsync(Feed, 1000)).Items.Where(i => !IsTombstone(i)).ToList();

        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.Equal(ContractFields, item.EnumerateObject().Select(p => p.Name));
            Assert.Matches(@"^SRT-20\d\d-\d{6,}$", Id(item));
            Assert.True(ReferenceData.IsKelurahan(Str(item, "kelurahan_code")));
            Assert.Contains(Str(item, "letter_type"), Types);
            var letter = Read(item);
            Assert.EndsWith("+07:00", Str(item, "requested_at"), StringComparison.Ordinal);
            Assert.True(letter.Requested <= UpdatedAt(item));
            switch (letter.Status)
            {
                case "selesai" or "ditolak":
                    Assert.NotNull(letter.Completed);
                    Assert.True(letter.Completed >= letter.Requested && letter.Completed <= UpdatedAt(item));
                    break;
                case "diajukan" or "diproses":
                    Assert.Null(letter.Completed);
                    break;
                default:
                    Assert.Fail($"status {letter.Status}");
                    break;
            }
        }
        Assert.All(Statuses, s => Assert.Contains(items, i => Str(i, "status") == s));
    }

    [Fact]
    public async Task TimePassing_AddsRequestsAndCompletesOpenOnes()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time);
        var before = (await host.ReadAllAsync(Feed, 1000)).Items.ToDictionary(Id);
        var since = time.GetUtcNow();

        time.Advance(TimeSpan.FromHours(6));
        var after = await host.ReadAllAsync(Feed, 1000, since);

        var added = after.Items.Where(i => !before.ContainsKey(Id(i))).ToList();
        var changed = after.Items.Where(i => before.ContainsKey(Id(i))).ToList();
        // A Monday from 10:00 to 16:00: the busiest hours of the busiest day.
        Assert.InRange(added.Count, 80, 400);
        Assert.All(added, i => Assert.True(Read(i).Requested > since));
        Assert.Contains(changed, i => Str(i, "status") == "selesai" && Str(before[Id(i)], "status") != "selesai");
        Assert.All(changed, i => Assert.True(UpdatedAt(i) > UpdatedAt(before[Id(i)])));
    }

    [Fact]
    public async Task DemoActivity_MovesTheWallWithinMinutes()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 3, demoPerMinute: 60);
        var since = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(2));
        host.Simulator.Advance();

        var run = await host.ReadAllAsync(Feed, 1000, since.AddSeconds(1));

        Assert.InRange(run.Items.Count, 60, 300);
    }

    [Fact]
    public async Task Generate_AddsRequestsMadeNow()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 2);
        var count = host.Simulator.Count;
        time.Advance(TimeSpan.FromSeconds(1));

        var ids = host.Simulator.Generate(5);

        Assert.Equal(count + 5, host.Simulator.Count);
        var items = (await host.ReadAllAsync(Feed, 1000, time.GetUtcNow())).Items.Where(i => ids.Contains(Id(i))).ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("diajukan", Str(i, "status"));
            Assert.Equal(time.GetUtcNow(), Read(i).Requested);
        });
    }

    [Fact]
    public async Task Touch_ServesAChangeNow_Withdraw_ServesATombstone()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 5);
        var before = (await host.ReadAllAsync(Feed, 1000)).Items.Where(i => !IsTombstone(i)).ToList();
        var done = before.First(i => Str(i, "status") == "selesai");
        var open = before.First(i => Str(i, "status") is "diajukan" or "diproses");
        var withdrawn = before.Last(i => Str(i, "status") == "selesai");
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(host.Simulator.Touch(Id(done)));
        Assert.True(host.Simulator.Touch(Id(open)));
        Assert.True(host.Simulator.Withdraw(Id(withdrawn)));
        Assert.False(host.Simulator.Withdraw(Id(withdrawn)));
        Assert.False(host.Simulator.Touch("SRT-1999-000001"));

        var now = time.GetUtcNow();
        var after = (await host.ReadAllAsync(Feed, 1000, now)).Items.ToDictionary(Id);
        Assert.Equal(now, UpdatedAt(after[Id(done)]));
        Assert.Equal(Read(done), Read(after[Id(done)]));
        Assert.NotEqual(Str(open, "status"), Str(after[Id(open)], "status"));
        Assert.Equal(TombstoneFields, after[Id(withdrawn)].EnumerateObject().Select(p => p.Name));
        Assert.Contains(Id(withdrawn), host.Simulator.TombstoneIds);
    }

    [Fact]
    public async Task RequestFaults_429_5xx_NotJson_ThenRecover()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 1);
        var faults = host.Simulator.Faults;
        faults.RateLimit(1, TimeSpan.FromSeconds(7));
        faults.ServerError(1, 502);
        faults.NotJson(1);

        using var limited = await host.Client.GetAsync(Feed, Ct);
        using var failed = await host.Client.GetAsync(Feed, Ct);
        using var html = await host.Client.GetAsync(Feed, Ct);
        using var ok = await host.Client.GetAsync(Feed, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(html.Content.ReadAsStringAsync(Ct).Result));
        Assert.NotEmpty(ItemsOf(await ok.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task TimeoutFault_HangsUntilTheHangIsOver()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 1);
        var faults = host.Simulator.Faults;
        faults.Timeout(1, TimeSpan.FromSeconds(30));

        var request = host.Client.GetAsync(Feed, Ct);
        Assert.True(SpinWait.SpinUntil(() => faults.HangingRequests == 1, TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(request.IsCompleted);
        // The hang's timer may register just after the count goes up: keep the clock moving until it answers.
        Assert.True(SpinWait.SpinUntil(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return request.IsCompleted;
        }, TimeSpan.FromSeconds(10)));

        using var response = await request;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DataFaults_MalformedDuplicateUnknownFieldsAndEnums()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 3);
        var clean = ItemsOf(await host.Client.GetStringAsync(Feed + "?limit=60", Ct));
        var faults = host.Simulator.Faults;
        faults.MalformedItems(3);
        faults.DuplicateItems(1);
        faults.UnknownFields(2);
        faults.UnknownEnumValues(2);

        var page = ItemsOf(await host.Client.GetStringAsync(Feed + "?limit=60", Ct));

        Assert.Equal(61, page.Count);
        Assert.Single(page.GroupBy(Id), g => g.Count() == 2);
        var byId = clean.ToDictionary(Id);
        var differing = page.DistinctBy(Id).Where(i => i.ToString() != byId[Id(i)].ToString()).ToList();
        // Faults armed together may land on the same item.
        Assert.InRange(differing.Count, 3, 7);
        Assert.Contains(page, i => i.EnumerateObject().Any(p => !ContractFields.Contains(p.Name) && p.Name != "deleted"));
        Assert.Contains(page, i => (Str(i, "letter_type") is { } t && !Types.Contains(t)) || (Str(i, "status") is { } s && !Statuses.Contains(s)));
        Assert.Contains(page, i => ContractFields.Any(f => !i.TryGetProperty(f, out _)) ||
                                   ContractFields.Any(f => i.TryGetProperty(f, out var v) && byId[Id(i)].TryGetProperty(f, out var w) && v.ValueKind != w.ValueKind));
    }

    [Fact]
    public async Task BackwardsFault_ServesAnOlderUpdatedAtThanThePreviousVersion()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 3);
        var before = (await host.ReadAllAsync(Feed, 1000)).Items.Where(i => !IsTombstone(i)).ToDictionary(Id);
        var id = before.Values.First(i => Str(i, "status") == "selesai").GetProperty("id").GetString()!;
        time.Advance(TimeSpan.FromMinutes(1));
        host.Simulator.Advance();
        host.Simulator.Faults.BackwardsUpdatedAt(1);

        host.Simulator.Touch(id);

        var after = (await host.ReadAllAsync(Feed, 1000)).Items.ToDictionary(Id);
        Assert.True(UpdatedAt(after[id]) < UpdatedAt(before[id]));
    }

    [Fact]
    public async Task ControlEndpoints_ArmFaultsAndGenerate()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 1);
        using var armed = await host.Client.PostAsync("/sim/letters/_control/faults",
            new StringContent("""{"server_error_requests": 1, "server_error_status": 500}""", MediaTypeHeaderValue.Parse("application/json")), Ct);
        Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
        using var failed = await host.Client.GetAsync(Feed, Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        var count = host.Simulator.Count;
        using var generated = await host.Client.PostAsync("/sim/letters/_control/generate?count=4", null, Ct);
        var result = await generated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(4, result.GetProperty("generated").GetInt32());
        Assert.Equal(count + 4, host.Simulator.Count);
    }

    [Fact]
    public async Task Calibration_AYearOfHistoryLooksLikeAKelurahanService()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 365, seed: 20260601);
        var built = started.Elapsed;
        var items = (await host.ReadAllAsync(Feed, 1000)).Items;
        var letters = items.Where(i => !IsTombstone(i)).Select(Read).ToList();

        double Share(Func<Served, bool> predicate) => letters.Count(predicate) / (double)letters.Count;
        var rejected = Share(l => l.Status == "ditolak");
        var decided = letters.Where(l => l.Status != "ditolak" && Deadline(l.Type, l.Requested) < Start).ToList();
        var inTime = decided.Count(l => l.Status == "selesai" && l.Completed <= Deadline(l.Type, l.Requested)) / (double)decided.Count;
        var slowTail = decided.Count(l => (l.Completed ?? Start) > Deadline(l.Type, l.Requested).AddDays(14)) / (double)decided.Count;
        var byDay = letters.GroupBy(l => l.Requested.ToOffset(Wib).DayOfWeek).ToDictionary(g => g.Key, g => g.Count() / 52.0);
        var officeHours = Share(l => l.Requested.ToOffset(Wib).Hour is >= 8 and < 16);
        var perKelurahan = letters.GroupBy(l => l.Kelurahan).ToDictionary(g => g.Key, g => g.Count());
        var sktmJune = letters.Count(l => l.Type == "sktm" && l.Requested.ToOffset(Wib).Month == 6) /
                       (double)letters.Count(l => l.Requested.ToOffset(Wib).Month == 6);
        var sktmNovember = letters.Count(l => l.Type == "sktm" && l.Requested.ToOffset(Wib).Month == 11) /
                           (double)letters.Count(l => l.Requested.ToOffset(Wib).Month == 11);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"built in {built.TotalSeconds:F1} s; letters {letters.Count}, tombstones {items.Count - letters.Count}, Monday {byDay[DayOfWeek.Monday]:F0}/day, " +
            $"Sunday {byDay[DayOfWeek.Sunday]:F0}/day, office hours {officeHours:P0}, rejected {rejected:P1}, within standard {inTime:P1}, " +
            $"> 2 weeks late {slowTail:P2}, kelurahan min/max {perKelurahan.Values.Min()}/{perKelurahan.Values.Max()}, " +
            $"SKTM June {sktmJune:P0} vs November {sktmNovember:P0}");

        Assert.InRange(letters.Count, 45_000, 80_000);
        Assert.Equal(57, perKelurahan.Count);
        Assert.InRange(byDay[DayOfWeek.Monday], 200, 380);
        Assert.True(byDay[DayOfWeek.Sunday] < byDay[DayOfWeek.Monday] / 10);
        Assert.InRange(officeHours, 0.85, 0.98);
        Assert.InRange(rejected, 0.02, 0.08);
        Assert.InRange(inTime, 0.82, 0.95);
        Assert.InRange(slowTail, 0.001, 0.02);
        Assert.True(sktmJune > sktmNovember * 1.4);
        // Kelurahan follow their kecamatan's population: Klojen's are the smallest.
        Assert.True(perKelurahan["35.73.02.1001"] < perKelurahan["35.73.03.1001"]);
        Assert.True(built < TimeSpan.FromSeconds(20), $"a year of history took {built}");
    }
}
