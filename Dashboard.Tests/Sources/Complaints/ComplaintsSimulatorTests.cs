using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Simulators.Complaints;
using Dashboard.Tests.Shared.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Sources.Complaints;

public sealed class ComplaintsSimulatorTests
{
    // A Monday morning in WIB.
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(7));
    private const string Key = "sim-complaints-test-key";
    private const string Feed = "/sim/complaints/v1/complaints";

    private static readonly string[] ContractFields =
    [
        "id", "channel", "type", "category", "agency_code", "kelurahan_code", "status", "submitted_at", "verified_at",
        "first_response_at", "closed_at", "rating", "reporter", "updated_at",
    ];
    private static readonly string[] EnvelopeFields = ["items", "next_cursor", "server_time"];
    private static readonly string[] TombstoneFields = ["id", "updated_at", "deleted"];
    private static readonly string[] Channels = ["web", "sms", "mobile", "sambat", "twitter", "whatsapp"];
    private static readonly string[] Types = ["pengaduan", "aspirasi", "permintaan_informasi"];
    private static readonly string[] Statuses =
        ["belum_terverifikasi", "belum_ditindaklanjuti", "proses", "selesai", "ditunda", "bukan_wewenang", "diarsipkan"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SimulatorTestHost<ComplaintsSimulator>> StartHost(
        FakeTimeProvider time, int historyDays = 30, int seed = 42, double demoPerMinute = 0) =>
        SimulatorTestHost.StartAsync(
            _ => new ComplaintsSimulator(time, new SimulatorOptions { Seed = seed, HistoryDays = historyDays, DemoEventsPerMinute = demoPerMinute }, Key),
            Key);

    private static DateTimeOffset UpdatedAt(JsonElement item) => Time(item, "updated_at")!.Value;

    private static DateTimeOffset? Time(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(p.GetString()!, CultureInfo.InvariantCulture)
            : null;

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    private static int CompareKeys(JsonElement a, JsonElement b)
    {
        var c = UpdatedAt(a).CompareTo(UpdatedAt(b));
        return c != 0 ? c : string.CompareOrdinal(Id(a), Id(b));
    }

    private static List<JsonElement> ItemsOf(string body) =>
        [.. JsonSerializer.Deserialize<JsonElement>(body).GetProperty("items").EnumerateArray()];

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer " + Key + "x")]
    [InlineData("Basic " + Key)]
    public async Task MissingOrWrongKey_Is401(string? authorization)
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 1);
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, Feed), (HttpMethod.Get, "/sim/complaints/_control/faults"),
                     (HttpMethod.Post, "/sim/complaints/_control/faults"), (HttpMethod.Post, "/sim/complaints/_control/generate?count=1"),
                 })
        {
            using var request = new HttpRequestMessage(method, path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
            if (method == HttpMethod.Post)
            {
                request.Content = JsonContent.Create(new { rate_limit_requests = 5 });
            }
            using var response = await host.Anonymous.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, host.Simulator.Faults.Snapshot().RateLimitRequests);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=abc")]
    [InlineData("limit=-5")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("updated_since=yesterday")]
    [InlineData("updated_since=2026-05-01T10:00:00")]
    public async Task BadParameters_Are400(string query)
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 1);
        using var response = await host.Client.GetAsync(Feed + "?" + query, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("invalid_parameter", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Page_HasTheContractShape()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start));
        using var response = await host.Client.GetAsync(Feed + "?limit=500", Ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(EnvelopeFields, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-06-01T10:00:00+07:00", root.GetProperty("server_time").GetString());
        foreach (var item in root.GetProperty("items").EnumerateArray().Where(i => !IsTombstone(i)))
        {
            Assert.Equal(ContractFields, item.EnumerateObject().Select(p => p.Name));
            Assert.Matches(@"^LPR-20\d\d-\d{6,}$", Id(item));
            Assert.Contains(Str(item, "channel"), Channels);
            Assert.Contains(Str(item, "type"), Types);
            Assert.Contains(Str(item, "status"), Statuses);
            Assert.True(ReferenceData.IsAgency(Str(item, "agency_code")));
            var kelurahan = item.GetProperty("kelurahan_code");
            Assert.True(kelurahan.ValueKind == JsonValueKind.Null || ReferenceData.IsKelurahan(kelurahan.GetString()));
            Assert.EndsWith("+07:00", item.GetProperty("updated_at").GetString(), StringComparison.Ordinal);
            Assert.EndsWith("+07:00", item.GetProperty("submitted_at").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(Str(item, "category")));
            var reporter = item.GetProperty("reporter");
            Assert.False(string.IsNullOrWhiteSpace(reporter.GetProperty("name").GetString()));
            Assert.Matches(@"^08\d{9,10}$", reporter.GetProperty("phone").GetString()!);
            var rating = item.GetProperty("rating");
            Assert.True(rating.ValueKind == JsonValueKind.Null || rating.GetInt32() is >= 1 and <= 5);
            // updated_at is the latest event: never before any of the lifecycle timestamps.
            foreach (var name in new[] { "submitted_at", "verified_at", "first_response_at", "closed_at" })
            {
                Assert.True(Time(item, name) is not { } t || t <= UpdatedAt(item), $"{Id(item)} {name}");
            }
        }
    }

    [Fact]
    public async Task TimePassing_ChangesStatusesAndAddsComplaints()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time);
        var before = (await host.ReadAllAsync(Feed, 1000)).Items.ToDictionary(Id);
        var firstServerTime = time.GetUtcNow();

        time.Advance(TimeSpan.FromDays(2));
        var after = await host.ReadAllAsync(Feed, 1000, firstServerTime);

        Assert.All(after.Items, i => Assert.True(UpdatedAt(i) >= firstServerTime));
        var added = after.Items.Where(i => !before.ContainsKey(Id(i))).ToList();
        var changed = after.Items.Where(i => before.ContainsKey(Id(i))).ToList();
        // About 14 a day arrive; two days, the Monday and Tuesday.
        Assert.InRange(added.Count, 10, 80);
        Assert.All(added, i => Assert.True(Time(i, "submitted_at") > firstServerTime));
        Assert.True(changed.Count > 10, $"{changed.Count} changed");
        Assert.All(changed, i =>
        {
            var old = before[Id(i)];
            Assert.True(UpdatedAt(i) > UpdatedAt(old));
            Assert.True(Str(i, "status") != Str(old, "status") || i.GetProperty("rating").ToString() != old.GetProperty("rating").ToString() ||
                        IsTombstone(i));
        });
        Assert.Contains(changed, i => Str(i, "status") == "selesai" && Str(before[Id(i)], "status") != "selesai");
    }

    [Fact]
    public async Task DemoActivity_MovesTheWallWithinMinutes()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 10, demoPerMinute: 60);
        var since = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(2));
        host.Simulator.Advance();

        var run = await host.ReadAllAsync(Feed, 1000, since.AddSeconds(1));

        Assert.InRange(run.Items.Count, 60, 200);
    }

    [Fact]
    public async Task DemoActivity_FollowsTheHourOfDay_NothingAtNight()
    {
        // 00:30–04:30 WIB: the same night with and without demo events serves the same complaints (only the natural
        // arrivals, which are few at night); the full rate from 06:00 on.
        var night = new DateTimeOffset(2026, 6, 2, 0, 30, 0, TimeSpan.FromHours(7));
        async Task<int> ServedAsync(double demoPerMinute, DateTimeOffset from, TimeSpan length)
        {
            var time = new FakeTimeProvider(from);
            await using var host = await StartHost(time, historyDays: 2, demoPerMinute: demoPerMinute);
            for (var t = TimeSpan.Zero; t < length; t += TimeSpan.FromMinutes(10))
            {
                time.Advance(TimeSpan.FromMinutes(10));
                host.Simulator.Advance();
            }
            return (await host.ReadAllAsync(Feed, 1000, from.AddSeconds(1))).Items.Count;
        }

        Assert.Equal(await ServedAsync(0, night, TimeSpan.FromHours(4)), await ServedAsync(60, night, TimeSpan.FromHours(4)));
        var morning = night.AddHours(9);
        Assert.True(await ServedAsync(60, morning, TimeSpan.FromMinutes(20)) > await ServedAsync(0, morning, TimeSpan.FromMinutes(20)) + 100);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(3, 0.0)]
    [InlineData(4, 0.0)]
    [InlineData(5, 0.2)]
    [InlineData(10, 1.0)]
    [InlineData(15, 1.0)]
    [InlineData(19, 0.4)]
    [InlineData(23, 0.1)]
    public void DemoActivity_HourProfile_IsInWib(int wibHour, double weight) =>
        Assert.Equal(weight, Dashboard.Simulators.Shared.DemoActivity.HourWeight(new DateTimeOffset(2026, 12, 7, wibHour, 26, 0, TimeSpan.FromHours(7)).ToUniversalTime()));

    [Fact]
    public async Task Generate_AddsComplaintsSubmittedNow()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 5);
        var count = host.Simulator.Count;
        time.Advance(TimeSpan.FromSeconds(1));

        var ids = host.Simulator.Generate(5);

        Assert.Equal(count + 5, host.Simulator.Count);
        var run = await host.ReadAllAsync(Feed, 1000, time.GetUtcNow());
        var items = run.Items.Where(i => ids.Contains(Id(i))).ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("belum_terverifikasi", Str(i, "status"));
            Assert.Equal(time.GetUtcNow(), Time(i, "submitted_at"));
            Assert.Equal(time.GetUtcNow(), UpdatedAt(i));
        });
    }

    [Fact]
    public async Task Touch_ServesAChangeNow_Withdraw_ServesATombstone()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 10);
        var before = (await host.ReadAllAsync(Feed, 1000)).Items.Where(i => !IsTombstone(i)).ToList();
        var settled = before.First(i => Str(i, "status") == "selesai");
        var open = before.First(i => Str(i, "status") == "belum_ditindaklanjuti");
        var withdrawn = before.First(i => Str(i, "status") == "proses");
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(host.Simulator.Touch(Id(settled)));
        Assert.True(host.Simulator.Touch(Id(open)));
        Assert.True(host.Simulator.Withdraw(Id(withdrawn)));
        Assert.False(host.Simulator.Withdraw(Id(withdrawn)));
        Assert.False(host.Simulator.Touch(Id(withdrawn)));
        Assert.False(host.Simulator.Touch("LPR-1999-000001"));

        var now = time.GetUtcNow();
        var after = (await host.ReadAllAsync(Feed, 1000, now)).Items.ToDictionary(Id);
        Assert.Equal(now, UpdatedAt(after[Id(settled)]));
        Assert.True(after[Id(settled)].GetProperty("rating").ValueKind == JsonValueKind.Number || Str(after[Id(settled)], "status") == "proses");
        Assert.Equal("proses", Str(after[Id(open)], "status"));
        Assert.Equal(now, Time(after[Id(open)], "first_response_at"));
        var tombstone = after[Id(withdrawn)];
        Assert.Equal(TombstoneFields, tombstone.EnumerateObject().Select(p => p.Name));
        Assert.Equal(now, UpdatedAt(tombstone));
        Assert.Contains(Id(withdrawn), host.Simulator.TombstoneIds);
        Assert.DoesNotContain(Id(withdrawn), host.Simulator.LiveIds);
    }

    [Fact]
    public async Task RateLimitFault_Answers429WithRetryAfter_ThenRecovers()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 2);
        host.Simulator.Faults.RateLimit(2, TimeSpan.FromSeconds(7));

        for (var i = 0; i < 2; i++)
        {
            using var limited = await host.Client.GetAsync(Feed, Ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
        }
        using var ok = await host.Client.GetAsync(Feed, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ServerErrorFault_AnswersThatStatus_ForTheNextRequests(int status)
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 2);
        host.Simulator.Faults.ServerError(2, status);

        using var first = await host.Client.GetAsync(Feed, Ct);
        using var second = await host.Client.GetAsync(Feed, Ct);
        using var third = await host.Client.GetAsync(Feed, Ct);

        Assert.Equal(status, (int)first.StatusCode);
        Assert.Equal(status, (int)second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task NotJsonFault_ServesAPageThatIsNotJson()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 2);
        host.Simulator.Faults.NotJson(1);

        using var response = await host.Client.GetAsync(Feed, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        var next = await host.Client.GetStringAsync(Feed, Ct);
        Assert.NotEmpty(ItemsOf(next));
    }

    [Fact]
    public async Task MalformedItemsFault_BreaksExactlyThatManyItems()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 10);
        var clean = ItemsOf(await host.Client.GetStringAsync(Feed + "?limit=40", Ct)).Where(i => !IsTombstone(i)).ToList();
        host.Simulator.Faults.MalformedItems(4);

        var faulty = ItemsOf(await host.Client.GetStringAsync(Feed + "?limit=40", Ct)).Where(i => !IsTombstone(i)).ToList();
        var again = ItemsOf(await host.Client.GetStringAsync(Feed + "?limit=40", Ct)).Where(i => !IsTombstone(i)).ToList();

        Assert.Equal(clean.Select(Id), faulty.Select(Id));
        var broken = 0;
        for (var i = 0; i < clean.Count; i++)
        {
            var expected = clean[i].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind);
            var actual = faulty[i].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind);
            var missing = expected.Keys.Except(actual.Keys).Count();
            var retyped = expected.Count(e => actual.TryGetValue(e.Key, out var kind) && kind != e.Value);
            Assert.True(missing + retyped <= 1, $"{Id(clean[i])}: {missing} missing, {retyped} retyped");
            broken += missing + retyped;
        }
        Assert.Equal(4, broken);
        Assert.Equal(clean.Select(i => i.ToString()), again.Select(i => i.ToString()));
    }

    [Fact]
    public async Task DuplicateItemsFault_ServesAnItemTwiceInOnePage()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 10);
        host.Simulator.Faults.DuplicateItems(1);

        var page = ItemsOf(await host.Client.GetStringAsync(Feed + "?limit=20", Ct));
        var next = ItemsOf(await host.Client.GetStringAsync(Feed + "?limit=20", Ct));

        Assert.Equal(21, page.Count);
        Assert.Equal(20, page.Select(Id).Distinct().Count());
        var twice = page.GroupBy(Id).Single(g => g.Count() == 2);
        Assert.Equal(twice.First().ToString(), twice.Last().ToString());
        Assert.Equal(20, next.Count);
    }

    [Fact]
    public async Task BackwardsFault_ServesAnOlderUpdatedAtThanThePreviousVersion()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 10);
        var before = (await host.ReadAllAsync(Feed, 1000)).Items.ToDictionary(Id);
        var id = before.Values.First(i => Str(i, "status") == "proses").GetProperty("id").GetString()!;
        var other = before.Values.First(i => Str(i, "status") == "belum_ditindaklanjuti").GetProperty("id").GetString()!;
        time.Advance(TimeSpan.FromHours(1));
        // Apply what fell due during the hour first, so that the armed fault meets the touched complaint.
        host.Simulator.Advance();
        host.Simulator.Faults.BackwardsUpdatedAt(1);

        host.Simulator.Touch(id);
        host.Simulator.Touch(other);

        var after = (await host.ReadAllAsync(Feed, 1000)).Items.ToDictionary(Id);
        Assert.Equal("selesai", Str(after[id], "status"));
        Assert.True(UpdatedAt(after[id]) < UpdatedAt(before[id]), $"{UpdatedAt(after[id])} !< {UpdatedAt(before[id])}");
        Assert.Equal(time.GetUtcNow(), UpdatedAt(after[other]));
    }

    [Fact]
    public async Task UnknownFieldsFault_AddsFieldsNobodyAnnounced()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 10);
        host.Simulator.Faults.UnknownFields(3);

        var page = ItemsOf(await host.Client.GetStringAsync(Feed + "?limit=50", Ct)).Where(i => !IsTombstone(i)).ToList();

        var extended = page.Where(i => i.EnumerateObject().Any(p => !ContractFields.Contains(p.Name))).ToList();
        Assert.Equal(3, extended.Count);
        Assert.All(extended, i => Assert.All(ContractFields, f => Assert.True(i.TryGetProperty(f, out _))));
    }

    [Fact]
    public async Task UnknownEnumFault_ServesValuesOutsideTheContract()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 10);
        host.Simulator.Faults.UnknownEnumValues(3);

        var page = ItemsOf(await host.Client.GetStringAsync(Feed + "?limit=50", Ct)).Where(i => !IsTombstone(i)).ToList();

        var odd = page.Where(i => !Channels.Contains(Str(i, "channel")) || !Types.Contains(Str(i, "type")) ||
                                  !Statuses.Contains(Str(i, "status"))).ToList();
        Assert.Equal(3, odd.Count);
        Assert.All(odd, i => Assert.Equal(ContractFields, i.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task TimeoutFault_HangsUntilTheClientGivesUp()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 2);
        var faults = host.Simulator.Faults;
        faults.Timeout(1, TimeSpan.FromSeconds(30));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var request = host.Client.GetAsync(Feed, cts.Token);
        Assert.True(SpinWait.SpinUntil(() => faults.HangingRequests == 1, TimeSpan.FromSeconds(10)));
        Assert.False(request.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.True(SpinWait.SpinUntil(() => faults.HangingRequests == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(1, faults.AbortedRequests);
        using var next = await host.Client.GetAsync(Feed, Ct);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task TimeoutFault_AnswersWhenTheHangIsOver()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 2);
        var faults = host.Simulator.Faults;
        faults.Timeout(1, TimeSpan.FromSeconds(30));

        var request = host.Client.GetAsync(Feed, Ct);
        Assert.True(SpinWait.SpinUntil(() => faults.HangingRequests == 1, TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, faults.HangingRequests);
        // The hang's timer may register just after the count goes up: keep the clock moving until it answers.
        Assert.True(SpinWait.SpinUntil(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return request.IsCompleted;
        }, TimeSpan.FromSeconds(10)));

        using var response = await request;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, faults.AbortedRequests);
    }

    [Fact]
    public async Task ControlEndpoints_ArmFaultsAndGenerateComplaints()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 2);

        using var armed = await host.Client.PostAsync("/sim/complaints/_control/faults",
            new StringContent("""{"rate_limit_requests": 1, "retry_after_seconds": 3, "duplicate_pages": 2}""", MediaTypeHeaderValue.Parse("application/json")), Ct);
        Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
        var state = await armed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, state.GetProperty("rate_limit_requests").GetInt32());
        Assert.Equal(2, state.GetProperty("duplicate_pages").GetInt32());
        using var limited = await host.Client.GetAsync(Feed, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("3", limited.Headers.GetValues("Retry-After").Single());

        foreach (var bad in new[] { """{"rate_limit_requests": -1}""", """{"server_error_status": 404}""", """{"typo_requests": 1}""", "not json" })
        {
            using var rejected = await host.Client.PostAsync("/sim/complaints/_control/faults",
                new StringContent(bad, MediaTypeHeaderValue.Parse("application/json")), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        }

        using var reset = await host.Client.PostAsync("/sim/complaints/_control/faults",
            new StringContent("""{"reset": true}""", MediaTypeHeaderValue.Parse("application/json")), Ct);
        Assert.Equal(0, host.Simulator.Faults.Snapshot().DuplicatePages);

        var count = host.Simulator.Count;
        using var generated = await host.Client.PostAsync("/sim/complaints/_control/generate?count=3", null, Ct);
        var result = await generated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, result.GetProperty("generated").GetInt32());
        Assert.Equal(3, result.GetProperty("ids").GetArrayLength());
        Assert.Equal(count + 3, host.Simulator.Count);
        using var tooMany = await host.Client.PostAsync("/sim/complaints/_control/generate?count=0", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Calibration_AYearOfHistoryLooksLikeMalang()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 365, seed: 20260601);
        var items = (await host.ReadAllAsync(Feed, 1000)).Items;
        var live = items.Where(i => !IsTombstone(i)).ToList();

        double Share(Func<JsonElement, bool> predicate) => live.Count(predicate) / (double)live.Count;
        var dishub = Share(i => Str(i, "agency_code") == "DISHUB");
        var capil = Share(i => Str(i, "agency_code") == "DISPENDUKCAPIL");
        var noKelurahan = Share(i => i.GetProperty("kelurahan_code").ValueKind == JsonValueKind.Null);
        var pengaduan = Share(i => Str(i, "type") == "pengaduan");
        var closed = live.Where(i => Str(i, "type") == "pengaduan" && Str(i, "status") == "selesai").ToList();
        var onTime = closed.Count(i => Time(i, "closed_at") <= Deadline(Time(i, "submitted_at")!.Value, 5)) / (double)closed.Count;
        var responded = live.Where(i => Time(i, "first_response_at") is not null).ToList();
        var respondedIn3 = responded.Count(i => Time(i, "first_response_at") <= Deadline(Time(i, "submitted_at")!.Value, 3)) / (double)responded.Count;
        var days = live.GroupBy(i => Time(i, "submitted_at")!.Value.ToOffset(TimeSpan.FromHours(7)).DayOfWeek)
            .ToDictionary(g => g.Key, g => g.Count());
        var weekdayMean = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Average(d => days[d]);
        var weekendMean = (days[DayOfWeek.Saturday] + days[DayOfWeek.Sunday]) / 2.0;
        var stillOpenOld = live.Count(i => Str(i, "status") is "belum_terverifikasi" or "belum_ditindaklanjuti" or "proses" &&
                                           Time(i, "submitted_at") < Start.AddDays(-30));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"complaints {live.Count}, tombstones {items.Count - live.Count}, per day {live.Count / 365.0:F1}, DISHUB {dishub:P1}, " +
            $"DISPENDUKCAPIL {capil:P1}, no kelurahan {noKelurahan:P1}, pengaduan {pengaduan:P1}, closed pengaduan {closed.Count} " +
            $"within 5 working days {onTime:P1}, first response within 3 working days {respondedIn3:P1}, " +
            $"weekday/weekend per day {weekdayMean / 52:F1}/{weekendMean / 52:F1}, open > 30 days {stillOpenOld}");

        Assert.InRange(live.Count, 3500, 7000);
        Assert.InRange(dishub, 0.18, 0.30);
        Assert.InRange(capil, 0.06, 0.14);
        Assert.InRange(noKelurahan, 0.02, 0.09);
        Assert.InRange(pengaduan, 0.7, 0.9);
        Assert.True(onTime >= 0.90, $"{onTime:P1} closed within 5 working days");
        Assert.InRange(onTime, 0.90, 0.99);
        Assert.True(respondedIn3 >= 0.85, $"{respondedIn3:P1} first response within 3 working days");
        Assert.True(weekdayMean > 1.4 * weekendMean);
        Assert.InRange(items.Count - live.Count, 1, 60);
        Assert.InRange(stillOpenOld, 1, live.Count / 20);
        Assert.Equal(57, live.Select(i => Str(i, "kelurahan_code")).Where(k => k is not null).Distinct().Count());
    }

    [Fact]
    public async Task GenerateBulk_ServesALargeStoreInOrder()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, historyDays: 365);
        var count = host.Simulator.Count;

        host.Simulator.GenerateBulk(200_000);

        Assert.Equal(count + 200_000, host.Simulator.Count);
        var middle = Start.AddDays(-180);
        var page = ItemsOf(await host.Client.GetStringAsync(SimulatorTestHost.PageUrl(Feed, 1000, middle), Ct));
        Assert.Equal(1000, page.Count);
        Assert.All(page, i => Assert.True(UpdatedAt(i) >= middle));
        for (var i = 1; i < page.Count; i++)
        {
            Assert.True(CompareKeys(page[i - 1], page[i]) < 0);
        }
    }

    /// <summary>The dashboard's rule: the same time of day n working days later (holidays skipped); arrivals on a day off count from the next working morning 08:00.</summary>
    private static DateTimeOffset Deadline(DateTimeOffset submitted, int days)
    {
        var local = submitted.ToOffset(TimeSpan.FromHours(7));
        var day = local.Date;
        var timeOfDay = local.TimeOfDay;
        if (Dashboard.Tests.Shared.OfficialDaysOff.IsOff(day))
        {
            while (Dashboard.Tests.Shared.OfficialDaysOff.IsOff(day))
            {
                day = day.AddDays(1);
            }
            timeOfDay = TimeSpan.FromHours(8);
        }
        for (var added = 0; added < days;)
        {
            day = day.AddDays(1);
            if (!Dashboard.Tests.Shared.OfficialDaysOff.IsOff(day))
            {
                added++;
            }
        }
        return new DateTimeOffset(day + timeOfDay, TimeSpan.FromHours(7));
    }
}
