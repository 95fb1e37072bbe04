using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Simulators.SocialAid;
using Dashboard.Tests.Shared.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Sources.SocialAid;

public sealed class SocialAidSimulatorTests
{
    // Wednesday 12 August 2026, 10:00 WIB: PKH's third tahap opened on Monday; Sembako's opens on the 20th.
    internal static readonly DateTimeOffset Start = new(2026, 8, 12, 10, 0, 0, TimeSpan.FromHours(7));
    internal const string Key = "sim-socialaid-test-key";
    private const string Families = "/sim/socialaid/v1/families";
    private const string Disbursements = "/sim/socialaid/v1/disbursements";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<SimulatorTestHost<SocialAidSimulator>> StartHost(
        FakeTimeProvider time, int historyDays = 120, int seed = 42, int families = 1000, double demoPerMinute = 0, string? marker = null) =>
        SimulatorTestHost.StartAsync(
            _ => new SocialAidSimulator(time,
                new SimulatorOptions { Seed = seed, HistoryDays = historyDays, DemoEventsPerMinute = demoPerMinute, PersonalDataMarker = marker },
                new SocialAidSimulatorOptions { Families = families }, Key),
            Key);

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static DateTimeOffset UpdatedAt(JsonElement item) =>
        DateTimeOffset.Parse(item.GetProperty("updated_at").GetString()!, CultureInfo.InvariantCulture);

    private static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    private static List<string> Programs(JsonElement family) => [.. family.GetProperty("programs").EnumerateArray().Select(p => p.GetString()!)];

    [Fact]
    public async Task Items_HaveTheContractShape_WithRealisticPersonalValues()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), marker: "ZZPRIV");
        var families = (await host.ReadAllAsync(Families, 1000)).Items.Where(i => !IsTombstone(i)).ToList();
        Assert.InRange(families.Count, 1000, 1100);
        foreach (var f in families)
        {
            Assert.Equal(
                ["id", "head_nik", "head_name", "kelurahan_code", "desil", "programs", "status", "verval_status", "updated_at"],
                f.EnumerateObject().Select(p => p.Name));
            Assert.Matches("^DTSEN-3573[0-9]{6}-[0-9]{5}$", Id(f));
            var kelurahan = Str(f, "kelurahan_code")!;
            Assert.True(ReferenceData.IsKelurahan(kelurahan), kelurahan);
            // The NIK starts with the kecamatan of residence (docs/DOMAIN.md §1.1).
            Assert.Matches("^3573" + kelurahan[6..8] + "[0-9]{10}$", Str(f, "head_nik")!);
            Assert.StartsWith("ZZPRIV ", Str(f, "head_name")!, StringComparison.Ordinal);
            Assert.InRange(f.GetProperty("desil").GetInt32(), 1, 10);
            Assert.All(Programs(f), p => Assert.Contains(p, SocialAidPayload.Programs));
            Assert.Contains(Str(f, "status")!, SocialAidPayload.FamilyStatuses);
            Assert.Contains(Str(f, "verval_status")!, SocialAidPayload.VervalStatuses);
            if (Str(f, "status") != "aktif")
            {
                Assert.Empty(Programs(f));
            }
        }
        var registry = families.Select(Id).ToHashSet(StringComparer.Ordinal);
        var disbursements = (await host.ReadAllAsync(Disbursements, 1000)).Items;
        Assert.NotEmpty(disbursements);
        Assert.All(disbursements, d =>
        {
            Assert.Equal(["id", "family_id", "program", "stage", "amount", "status", "failure_reason", "disbursed_at", "updated_at"],
                d.EnumerateObject().Select(p => p.Name));
            Assert.Contains(Str(d, "family_id")!, registry.Concat(host.Simulator.TombstoneIds(SocialAidPayload.Families)));
            Assert.Contains(Str(d, "program")!, SocialAidPayload.Programs);
            Assert.NotEqual("PBI_JK", Str(d, "program"));
            Assert.True(AidStage.TryParse(Str(d, "stage"), out _));
            Assert.InRange(d.GetProperty("amount").GetInt64(), 100_000, 5_000_000);
            var status = Str(d, "status")!;
            Assert.Contains(status, SocialAidPayload.DisbursementStatuses);
            Assert.Equal(status == "gagal", Str(d, "failure_reason") is not null);
            Assert.Equal(status == "tersalur", Str(d, "disbursed_at") is not null);
        });
    }

    [Fact]
    public async Task TheTahapIsPaidOverItsWindow_AndTheNextProgrammeIsScheduledBeforeItOpens()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, families: 2000);

        async Task<List<JsonElement>> StageAsync(string program) => [.. (await host.ReadAllAsync(Disbursements, 1000)).Items
            .Where(d => !IsTombstone(d) && Str(d, "stage") == "2026-T3" && Str(d, "program") == program)];
        double Paid(List<JsonElement> items) => items.Count(d => Str(d, "status") == "tersalur") / (double)items.Count;

        var pkhNow = await StageAsync("PKH");
        Assert.NotEmpty(pkhNow);
        Assert.Empty(await StageAsync("SEMBAKO"));
        time.Advance(TimeSpan.FromDays(6)); // Tuesday 18 August: Sembako scheduled on the 17th
        var pkhLater = await StageAsync("PKH");
        var sembako = await StageAsync("SEMBAKO");
        Assert.Equal(pkhNow.Count, pkhLater.Count);
        Assert.True(Paid(pkhLater) > Paid(pkhNow) + 0.2, $"{Paid(pkhNow):P0} → {Paid(pkhLater):P0}");
        Assert.NotEmpty(sembako);
        Assert.All(sembako, d => Assert.Equal("dijadwalkan", Str(d, "status")));

        time.Advance(TimeSpan.FromDays(40));
        var done = await StageAsync("PKH");
        Assert.DoesNotContain(done, d => Str(d, "status") == "dijadwalkan");
        Assert.InRange(done.Count(d => Str(d, "status") == "gagal") / (double)done.Count, 0.005, 0.06);
        Assert.All(done.Where(d => Str(d, "status") == "tersalur"), d =>
        {
            var paid = DateTimeOffset.Parse(Str(d, "disbursed_at")!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7));
            Assert.InRange(paid.Date, new DateTime(2026, 8, 10), new DateTime(2026, 9, 30));
            Assert.InRange(paid.Hour, 8, 15);
            Assert.NotEqual(DayOfWeek.Sunday, paid.DayOfWeek);
        });
    }

    [Fact]
    public async Task Calibration_FollowsTheDomain()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 365, families: 5000);
        var families = (await host.ReadAllAsync(Families, 1000)).Items.Where(i => !IsTombstone(i)).ToList();
        var registered = families.Where(f => Str(f, "status") != "nonaktif").ToList();
        var poorest = registered.Where(f => f.GetProperty("desil").GetInt32() <= 4).ToList();
        bool Recipient(JsonElement f) => Str(f, "status") == "aktif" && Programs(f).Count > 0;

        Assert.InRange(poorest.Count / (double)registered.Count, 0.40, 0.65);
        Assert.InRange(poorest.Count(Recipient) / (double)poorest.Count, 0.65, 0.95);
        var recipients = families.Where(Recipient).ToList();
        Assert.InRange(recipients.Count(f => f.GetProperty("desil").GetInt32() >= 6) / (double)recipients.Count, 0.002, 0.08);
        // PKH only for desil 1–4, with a little leakage; Sembako and PBI-JK reach desil 5.
        var pkh = recipients.Where(f => Programs(f).Contains("PKH")).ToList();
        Assert.True(pkh.Count(f => f.GetProperty("desil").GetInt32() <= 4) > 0.9 * pkh.Count);
        Assert.Contains(recipients, f => Programs(f).Contains("SEMBAKO") && f.GetProperty("desil").GetInt32() == 5);
        Assert.InRange(families.Count(f => Str(f, "verval_status") != "belum") / (double)families.Count, 0.85, 1.0);

        // A year of tahap: PKH and Sembako each quarter, BLT in the second and fourth.
        var disbursements = (await host.ReadAllAsync(Disbursements, 1000)).Items.Where(d => !IsTombstone(d)).ToList();
        var stages = disbursements.GroupBy(d => Str(d, "program")!).ToDictionary(g => g.Key, g => g.Select(d => Str(d, "stage")).Distinct().Count());
        Assert.InRange(stages["PKH"], 4, 5);
        Assert.InRange(stages["SEMBAKO"], 4, 5);
        Assert.InRange(stages["BLT"], 2, 3);
        Assert.All(disbursements.Where(d => Str(d, "program") == "SEMBAKO"), d => Assert.Equal(600_000, d.GetProperty("amount").GetInt64()));

        // About 140 graduations a year per 20,000 families (docs/DOMAIN.md §6.2: 130 a year city-wide).
        var graduatedSince = Start.AddDays(-365);
        var graduations = families.Count(f => Str(f, "status") == "graduasi" && UpdatedAt(f) >= graduatedSince);
        Assert.InRange(graduations, 20, 55);
    }

    [Fact]
    public async Task TimePassing_SendsFamiliesToVerval_AndGenerateRegistersNewOnes()
    {
        // Friday 9 October 2026: the fourth quarter's DTSEN update comes on the 11th.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 9, 10, 0, 0, TimeSpan.FromHours(7)));
        await using var host = await StartHost(time, families: 3000);
        double Verified(IReadOnlyList<JsonElement> families) =>
            families.Count(f => !IsTombstone(f) && Str(f, "verval_status") != "belum") / (double)families.Count(f => !IsTombstone(f));
        var before = Verified((await host.ReadAllAsync(Families, 1000)).Items);

        time.Advance(TimeSpan.FromDays(2)); // 11 October, 10:00: an hour after the update
        var read = await host.ReadAllAsync(Families, 1000);
        var during = read.Items;
        // The update is served as of its time: nothing is stamped later than the server's clock.
        Assert.All(during, f => Assert.True(UpdatedAt(f) <= read.ServerTime, $"{Id(f)} {UpdatedAt(f):O} > {read.ServerTime:O}"));
        time.Advance(TimeSpan.FromDays(60));
        var after = (await host.ReadAllAsync(Families, 1000)).Items;
        Assert.True(Verified(during) < before - 0.05, $"{before:P1} → {Verified(during):P1}");
        Assert.True(Verified(after) > Verified(during) + 0.05, $"{Verified(during):P1} → {Verified(after):P1}");
        Assert.True(after.Count > during.Count - 1, "new registrations");

        var registered = host.Simulator.Generate(3);
        var now = time.GetUtcNow();
        var served = (await host.ReadAllAsync(Families, 1000, now)).Items.Where(i => registered.Contains(Id(i))).ToList();
        Assert.Equal(3, served.Count);
        Assert.All(served, f => Assert.Equal("belum", Str(f, "verval_status")));
        Assert.All(served, f => Assert.Equal(now, UpdatedAt(f)));
    }

    [Fact]
    public async Task DuplicatesAreServedAsTombstones_AndWithdrawWorks()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), historyDays: 365, families: 4000);
        var items = (await host.ReadAllAsync(Families, 1000)).Items;
        var tombstones = items.Where(IsTombstone).ToList();
        Assert.NotEmpty(tombstones);
        Assert.All(tombstones, t => Assert.Equal(["id", "updated_at", "deleted"], t.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(host.Simulator.TombstoneIds(SocialAidPayload.Families).Order(StringComparer.Ordinal),
            tombstones.Select(Id).Order(StringComparer.Ordinal));

        var disbursement = host.Simulator.LiveIds(SocialAidPayload.Disbursements).First();
        Assert.True(host.Simulator.Withdraw(SocialAidPayload.Disbursements, disbursement));
        Assert.Contains(disbursement, host.Simulator.TombstoneIds(SocialAidPayload.Disbursements));
        Assert.False(host.Simulator.Withdraw(SocialAidPayload.Disbursements, disbursement));
    }

    [Fact]
    public async Task DemoActivity_BringsPaymentsForward()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, families: 1000, demoPerMinute: 30);
        async Task<int> PaidAsync() => (await host.ReadAllAsync(Disbursements, 1000)).Items.Count(d => Str(d, "status") == "tersalur");
        var before = await PaidAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        var after = await PaidAsync();
        Assert.True(after > before + 5, $"{before} → {after}");
    }

    [Fact]
    public async Task RequestFaults_AreServedOnEveryResource()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, families: 100, historyDays: 20);
        var faults = host.Simulator.Faults;

        faults.RateLimit(1, TimeSpan.FromSeconds(9));
        using (var r = await host.Client.GetAsync(Families, Ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
            Assert.Equal("9", r.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var status in new[] { 500, 502, 503 })
        {
            faults.ServerError(1, status);
            using var r = await host.Client.GetAsync(Disbursements, Ct);
            Assert.Equal(status, (int)r.StatusCode);
        }
        faults.NotJson(1);
        using (var r = await host.Client.GetAsync(Disbursements, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.StartsWith("<!DOCTYPE html>", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        faults.Timeout(1, TimeSpan.FromSeconds(30));
        var hanging = host.Client.GetAsync(Families + "?limit=1", Ct);
        Assert.True(SpinWait.SpinUntil(() => faults.HangingRequests == 1, TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(hanging.IsCompleted);
        // The hang's timer may register just after the count goes up: keep the clock moving until it answers.
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

    [Fact]
    public async Task DataFaults_BreakDuplicateBackdateAndExtendItems()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, families: 100, historyDays: 20);
        var faults = host.Simulator.Faults;
        var clean = (await host.ReadAllAsync(Families, 1000)).Items.ToDictionary(Id, i => i.GetRawText());

        faults.MalformedItems(3);
        faults.UnknownFields(2);
        faults.UnknownEnumValues(2);
        var faulty = (await host.ReadAllAsync(Families, 1000)).Items;
        var changed = faulty.Where(i => i.ValueKind == JsonValueKind.Object && (!i.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || clean[id.GetString()!] != i.GetRawText())).ToList();
        Assert.InRange(changed.Count, 3, 7);
        Assert.Contains(faulty, i => i.TryGetProperty("schema_version", out _) || i.TryGetProperty("tags", out _) ||
                                     i.TryGetProperty("source_node", out _) || i.TryGetProperty("meta", out _) || i.TryGetProperty("priority", out _));
        Assert.Contains(faulty, i => Str(i, "status") is "meninggal" or "pindah" || Str(i, "verval_status") is "tidak_ditemukan" or "ganda");

        faults.DuplicateItems(1);
        var duplicated = (await host.ReadAllAsync(Disbursements, 1000)).Items;
        Assert.Equal(duplicated.Count - 1, duplicated.Select(Id).Distinct().Count());

        var id0 = clean.Keys.First();
        var previous = UpdatedAt(JsonSerializer.Deserialize<JsonElement>(clean[id0]));
        time.Advance(TimeSpan.FromMinutes(5));
        faults.BackwardsUpdatedAt(1);
        Assert.True(host.Simulator.Touch(SocialAidPayload.Families, id0));
        var backdated = (await host.ReadAllAsync(Families, 1000)).Items.Single(i => Id(i) == id0);
        Assert.True(UpdatedAt(backdated) < previous);
    }
}

public sealed class SocialAidSimulatorTimingTests(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void Measure_DefaultBuild()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var simulator = new SocialAidSimulator(new FakeTimeProvider(SocialAidSimulatorTests.Start),
            new SimulatorOptions { HistoryDays = 365 }, new SocialAidSimulatorOptions(), "k");
        _ = simulator.Count;
        output.WriteLine($"built {simulator.Count} records in {watch.Elapsed.TotalSeconds:F2} s");
    }
}
