using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Simulators.Admissions;
using Dashboard.Tests.Shared.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Sources.Admissions;

public sealed class AdmissionsSimulatorTests
{
    // Wednesday 10 June 2026, 05:00 WIB: afirmasi and mutasi are announced and re-registered; domisili opens at 08:00.
    internal static readonly DateTimeOffset Start = new(2026, 6, 10, 5, 0, 0, TimeSpan.FromHours(7));
    internal const string Key = "sim-admissions-test-key";
    private const string Schools = "/sim/admissions/v1/schools";
    private const string Applications = "/sim/admissions/v1/applications";
    private static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);
    private static readonly int[] WindowDays = [3, 4, 5, 10, 11, 12, 17, 18, 19];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<SimulatorTestHost<AdmissionsSimulator>> StartHost(
        FakeTimeProvider time, int historyDays = 20, int seed = 42, int cohort = 1500, double demoPerMinute = 0, string? marker = null) =>
        SimulatorTestHost.StartAsync(
            _ => new AdmissionsSimulator(time,
                new SimulatorOptions { Seed = seed, HistoryDays = historyDays, DemoEventsPerMinute = demoPerMinute, PersonalDataMarker = marker },
                new AdmissionsSimulatorOptions { CohortSize = cohort }, Key),
            Key);

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static DateTimeOffset Time(JsonElement item, string name) =>
        DateTimeOffset.Parse(item.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static DateTimeOffset UpdatedAt(JsonElement item) => Time(item, "updated_at");

    private static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    private static async Task<List<JsonElement>> LiveAsync(SimulatorTestHost<AdmissionsSimulator> host, string feed) =>
        [.. (await host.ReadAllAsync(feed, 1000)).Items.Where(i => !IsTombstone(i))];

    [Fact]
    public async Task Items_HaveTheContractShape_WithRealisticPersonalValues()
    {
        // Wednesday 17 June, 12:00: prestasi is registering, the other routes are decided.
        var time = new FakeTimeProvider(Start.AddDays(7).AddHours(7));
        await using var host = await StartHost(time, marker: "ZZPRIV");
        var schools = await LiveAsync(host, Schools);
        Assert.Equal(host.Simulator.SchoolCount, schools.Count);
        var npsn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in schools)
        {
            Assert.Equal(["id", "name", "level", "ownership", "kelurahan_code", "quota", "updated_at"], s.EnumerateObject().Select(p => p.Name));
            Assert.Matches("^[0-9]{8}$", Id(s));
            npsn.Add(Id(s));
            Assert.Contains(Str(s, "level")!, AdmissionsPayload.Levels);
            Assert.Contains(Str(s, "ownership")!, AdmissionsPayload.Ownerships);
            Assert.True(Dashboard.Ingest.Reporting.ReferenceData.IsKelurahan(Str(s, "kelurahan_code")));
            Assert.Equal(AdmissionsPayload.RouteOrder, s.GetProperty("quota").EnumerateObject().Select(p => p.Name));
            Assert.DoesNotContain("ZZPRIV", Str(s, "name")!, StringComparison.Ordinal);
        }
        Assert.Contains(schools, s => Str(s, "ownership") == "swasta");
        Assert.Contains(schools, s => Str(s, "level") == "SMP");

        var applications = await LiveAsync(host, Applications);
        Assert.NotEmpty(applications);
        foreach (var a in applications)
        {
            Assert.Equal(
                ["id", "year", "level", "route", "choices", "applicant", "home_kelurahan_code", "status", "placed_school_id", "submitted_at", "updated_at"],
                a.EnumerateObject().Select(p => p.Name));
            Assert.Equal(2026, a.GetProperty("year").GetInt32());
            var applicant = a.GetProperty("applicant");
            Assert.Equal(["nik", "name", "birth_date"], applicant.EnumerateObject().Select(p => p.Name));
            Assert.Matches("^35730[1-5][0-9]{10}$", Str(applicant, "nik")!);
            Assert.StartsWith("ZZPRIV ", Str(applicant, "name")!, StringComparison.Ordinal);
            var birth = DateOnly.ParseExact(Str(applicant, "birth_date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var age = (new DateOnly(2026, 7, 1).DayNumber - birth.DayNumber) / 365.25;
            Assert.InRange(age, Str(a, "level") == "SD" ? 5.5 : 11.5, Str(a, "level") == "SD" ? 8 : 14);
            // The NIK carries the kecamatan of home and the birth date (day + 40 for girls).
            Assert.Equal(Str(a, "home_kelurahan_code")![7], Str(applicant, "nik")![5]);
            Assert.Equal(birth.ToString("MMyy", CultureInfo.InvariantCulture), Str(applicant, "nik")![8..12]);
            var choices = a.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList();
            Assert.InRange(choices.Count, 1, 3);
            Assert.All(choices, c => Assert.Contains(c, npsn));
            var status = Str(a, "status")!;
            Assert.Contains(status, AdmissionsPayload.Statuses);
            Assert.Equal(AdmissionsPayload.Placed(status), Str(a, "placed_school_id") is not null);
            if (Str(a, "placed_school_id") is { } placed)
            {
                Assert.Contains(placed, choices);
            }
            Assert.True(UpdatedAt(a) >= Time(a, "submitted_at"));
        }
        Assert.Equal(AdmissionsPayload.RouteOrder.Order(StringComparer.Ordinal), applications.Select(a => Str(a, "route")!).Distinct().Order(StringComparer.Ordinal));
        // Prestasi announced (Saturday 20 June, 14:00): accepted children have not all re-registered yet.
        time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(2));
        var statuses = applications.Concat(await LiveAsync(host, Applications)).Select(a => Str(a, "status")!).Distinct();
        Assert.Equal(AdmissionsPayload.StatusOrder.Order(StringComparer.Ordinal), statuses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Quotas_FollowTheNationalFloorsAndMalangsSplit()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), cohort: 13_000);
        var schools = await LiveAsync(host, Schools);
        int Q(JsonElement s, string route) => s.GetProperty("quota").GetProperty(route).GetInt32();
        int Sum(IEnumerable<JsonElement> list, string route) => list.Sum(s => Q(s, route));
        var sd = schools.Where(s => Str(s, "level") == "SD" && Str(s, "ownership") == "negeri").ToList();
        var smp = schools.Where(s => Str(s, "level") == "SMP" && Str(s, "ownership") == "negeri").ToList();
        // About 160 SD and 30 SMP negeri for a cohort of 13,000; SD classes of 28, SMP classes of 32.
        Assert.InRange(sd.Count, 140, 180);
        Assert.InRange(smp.Count, 25, 35);
        Assert.All(sd, s => Assert.Equal(0, AdmissionsPayload.RouteOrder.Sum(r => Q(s, r)) % 28));
        Assert.All(smp, s => Assert.Equal(0, AdmissionsPayload.RouteOrder.Sum(r => Q(s, r)) % 32));
        double Share(List<JsonElement> list, string route) => Sum(list, route) / (double)AdmissionsPayload.RouteOrder.Sum(r => Sum(list, r));
        Assert.True(Share(sd, "domisili") >= 0.70 && Share(sd, "afirmasi") >= 0.15 && Share(sd, "mutasi") <= 0.055 && Sum(sd, "prestasi") == 0);
        Assert.InRange(Share(smp, "domisili"), 0.39, 0.41);
        Assert.InRange(Share(smp, "afirmasi"), 0.24, 0.26);
        Assert.True(Share(smp, "mutasi") <= 0.055);
        Assert.InRange(Share(smp, "prestasi"), 0.28, 0.32);
    }

    [Fact]
    public async Task ASeason_IsCalibrated_TheFirstDomisiliDayIsTheBusiest_AndSeatsAreNeverOverfilled()
    {
        // Cohort 2,000, the whole 2026 season in the history: ≈ 1.6 applications a child of the cohort.
        await using var host = await StartHost(new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 12, 0, 0, WibOffset)), historyDays: 40, cohort: 2_000);
        var applications = await LiveAsync(host, Applications);
        Assert.InRange(applications.Count, 2_700, 3_700);

        var byDay = applications.GroupBy(a => DateOnly.FromDateTime(Time(a, "submitted_at").ToOffset(WibOffset).DateTime))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new DateOnly(2026, 6, 10), byDay.MaxBy(p => p.Value).Key);
        // Registration only in the windows; transfers begin after the season (22 June).
        Assert.All(byDay.Keys.Where(d => d.Day < 22), d => Assert.Contains(d.Day, WindowDays));
        var firstDay = applications.Where(a => Time(a, "submitted_at").ToOffset(WibOffset).Date == new DateTime(2026, 6, 10)).ToList();
        Assert.All(firstDay, a => Assert.True(Time(a, "submitted_at").ToOffset(WibOffset).Hour >= 8));
        var peakHour = firstDay.GroupBy(a => Time(a, "submitted_at").ToOffset(WibOffset).Hour).MaxBy(g => g.Count())!.Key;
        Assert.InRange(peakHour, 8, 11);
        Assert.All(applications.Where(a => Str(a, "route") == "prestasi"), a => Assert.Equal("SMP", Str(a, "level")));

        var schools = (await LiveAsync(host, Schools)).ToDictionary(Id);
        foreach (var group in applications.Where(a => Str(a, "placed_school_id") is not null).GroupBy(a => Str(a, "placed_school_id")!))
        {
            var seats = AdmissionsPayload.RouteOrder.Sum(r => schools[group.Key].GetProperty("quota").GetProperty(r).GetInt32());
            Assert.True(group.Count() <= seats, $"{group.Key}: {group.Count()} placed, {seats} seats");
        }
        // Demand exceeds the SMP domisili seats: some children are turned away; every decided status is final by July.
        Assert.Contains(applications, a => Str(a, "level") == "SMP" && Str(a, "status") == "tidak_diterima");
        var season = applications.Where(a => Time(a, "submitted_at") < new DateTimeOffset(2026, 6, 22, 0, 0, 0, WibOffset)).ToList();
        Assert.DoesNotContain(season, a => Str(a, "status") is "terdaftar" or "terverifikasi");
        // Accepted children re-register, or are struck off when re-registration closes.
        Assert.DoesNotContain(season, a => Str(a, "status") == "diterima");
        var reRegistered = season.Count(a => Str(a, "status") == "daftar_ulang") / (double)season.Count(a => Str(a, "status") != "tidak_diterima");
        Assert.InRange(reRegistered, 0.85, 0.97);
        // Children not accepted on an earlier route try again with the same NIK.
        var retried = applications.GroupBy(a => Str(a.GetProperty("applicant"), "nik")).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(retried);
        Assert.All(retried, g => Assert.True(g.Select(a => Str(a, "route")).Distinct().Count() == g.Count()));
    }

    [Fact]
    public async Task TimePassing_RegistersVerifiesAnnouncesAndReRegisters()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time);

        async Task<List<JsonElement>> DomisiliAsync() => [.. (await LiveAsync(host, Applications)).Where(a => Str(a, "route") == "domisili")];

        Assert.Empty(await DomisiliAsync());
        time.Advance(TimeSpan.FromHours(5)); // 10:00 on the first day
        var morning = await DomisiliAsync();
        Assert.NotEmpty(morning);
        Assert.Contains(morning, a => Str(a, "status") == "terdaftar");
        Assert.DoesNotContain(morning, a => Str(a, "status") is "diterima" or "tidak_diterima");
        time.Advance(TimeSpan.FromDays(3)); // Saturday 13 June 10:00: closed, verified, not yet announced
        var closed = await DomisiliAsync();
        Assert.True(closed.Count > morning.Count * 2);
        Assert.True(closed.Count(a => Str(a, "status") == "terverifikasi") > closed.Count * 0.9);
        time.Advance(TimeSpan.FromHours(4)); // 14:00: announced
        var announced = await DomisiliAsync();
        Assert.DoesNotContain(announced, a => Str(a, "status") is "terdaftar" or "terverifikasi");
        Assert.Contains(announced, a => Str(a, "status") == "diterima");
        time.Advance(TimeSpan.FromDays(1.2)); // 14 June, after re-registration closed
        var done = await DomisiliAsync();
        Assert.DoesNotContain(done, a => Str(a, "status") is "terdaftar" or "terverifikasi");
        Assert.True(done.Count(a => Str(a, "status") == "daftar_ulang") > done.Count(a => Str(a, "status") == "diterima"));
    }

    [Fact]
    public async Task BetweenSeasons_TransfersTrickleIn_GenerateAddsThem_AndQuotasArePublishedEachMay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 14, 7, 0, 0, WibOffset));
        await using var host = await StartHost(time, historyDays: 30, cohort: 13_000);
        var before = await LiveAsync(host, Applications);
        time.Advance(TimeSpan.FromDays(14));
        var after = await LiveAsync(host, Applications);
        Assert.InRange(after.Count - before.Count, 10, 60);
        Assert.All(after.Except(before).Where(a => Time(a, "submitted_at") > new DateTimeOffset(2026, 9, 14, 7, 0, 0, WibOffset)),
            a => Assert.Equal("mutasi", Str(a, "route")));

        var ids = host.Simulator.Generate(3);
        var now = time.GetUtcNow();
        var served = (await host.ReadAllAsync(Applications, 1000, now)).Items.Where(i => ids.Contains(Id(i))).ToList();
        Assert.Equal(3, served.Count);
        Assert.All(served, a => Assert.Equal(now, Time(a, "submitted_at")));
        Assert.All(served, a => Assert.Equal(2026, a.GetProperty("year").GetInt32()));

        var published = (await LiveAsync(host, Schools)).Select(UpdatedAt).Max();
        Assert.True(published < now);
        time.Advance(new DateTimeOffset(2027, 5, 21, 0, 0, 0, WibOffset) - time.GetUtcNow());
        var republished = await LiveAsync(host, Schools);
        Assert.All(republished, s => Assert.Equal(2027, UpdatedAt(s).ToOffset(WibOffset).Year));
    }

    [Fact]
    public async Task AYearOfHistory_HoldsTheSeasonsThatOpenInIt_AShortOneTheCurrentYearsTransfers()
    {
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, WibOffset);
        await using var year = await StartHost(new FakeTimeProvider(now), historyDays: 365, cohort: 1_000);
        var applications = await LiveAsync(year, Applications);
        // No transfers of 2025 without its season: everything from the 2026 season on.
        Assert.All(applications, a => Assert.Equal(2026, a.GetProperty("year").GetInt32()));
        Assert.Equal(new DateOnly(2026, 6, 3), applications.Min(a => DateOnly.FromDateTime(Time(a, "submitted_at").ToOffset(WibOffset).DateTime)));

        await using var month = await StartHost(new FakeTimeProvider(now), historyDays: 30, cohort: 13_000);
        var recent = await LiveAsync(month, Applications);
        Assert.InRange(recent.Count, 30, 120);
        Assert.All(recent, a => Assert.Equal("mutasi", Str(a, "route")));
        Assert.All(recent, a => Assert.True(Time(a, "submitted_at") >= now.AddDays(-30)));
    }

    [Fact]
    public async Task Tombstones_AreServed_AndWithdrawAndTouchWork()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), cohort: 8_000);
        var items = (await host.ReadAllAsync(Applications, 1000)).Items;
        var tombstones = items.Where(IsTombstone).ToList();
        Assert.NotEmpty(tombstones);
        Assert.All(tombstones, t => Assert.Equal(["id", "updated_at", "deleted"], t.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(host.Simulator.TombstoneIds(AdmissionsPayload.Applications).Order(StringComparer.Ordinal),
            tombstones.Select(Id).Order(StringComparer.Ordinal));

        var school = host.Simulator.LiveIds(AdmissionsPayload.Schools).First();
        Assert.True(host.Simulator.Withdraw(AdmissionsPayload.Schools, school));
        Assert.Contains(school, host.Simulator.TombstoneIds(AdmissionsPayload.Schools));
        Assert.False(host.Simulator.Touch(AdmissionsPayload.Schools, school));
        var application = host.Simulator.LiveIds(AdmissionsPayload.Applications).First();
        Assert.True(host.Simulator.Touch(AdmissionsPayload.Applications, application));
        Assert.True(host.Simulator.Withdraw(AdmissionsPayload.Applications, application));
        Assert.Contains(application, host.Simulator.TombstoneIds(AdmissionsPayload.Applications));
    }

    [Fact]
    public async Task DemoActivity_AddsApplicationsAndMovesThemOn()
    {
        var time = new FakeTimeProvider(Start.AddHours(4));
        await using var host = await StartHost(time, demoPerMinute: 60);
        var before = host.Simulator.Count;
        time.Advance(TimeSpan.FromMinutes(2));
        host.Simulator.Advance();
        Assert.True(host.Simulator.Count > before + 20, $"{before} → {host.Simulator.Count}");
    }

    [Fact]
    public async Task DemoActivity_RegistersNobodyOutsideTheAdmissionWindow()
    {
        // A December weekday morning: demo activity may move existing records on, but the registrations served are the
        // between-season transfers alone, as without demo activity.
        var december = new DateTimeOffset(2026, 12, 7, 9, 0, 0, WibOffset);
        async Task<int> SubmittedTodayAsync(double demoPerMinute)
        {
            var time = new FakeTimeProvider(december);
            await using var host = await StartHost(time, historyDays: 200, demoPerMinute: demoPerMinute);
            time.Advance(TimeSpan.FromMinutes(30));
            host.Simulator.Advance();
            return (await LiveAsync(host, Applications)).Count(a => Time(a, "submitted_at") >= december);
        }

        Assert.Equal(await SubmittedTodayAsync(0), await SubmittedTodayAsync(60));
    }

    [Fact]
    public async Task RequestFaults_AreServedOnEveryResource()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, cohort: 300);
        var faults = host.Simulator.Faults;

        faults.RateLimit(1, TimeSpan.FromSeconds(9));
        using (var r = await host.Client.GetAsync(Schools, Ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
            Assert.Equal("9", r.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var status in new[] { 500, 502, 503 })
        {
            faults.ServerError(1, status);
            using var r = await host.Client.GetAsync(Applications, Ct);
            Assert.Equal(status, (int)r.StatusCode);
        }
        faults.NotJson(1);
        using (var r = await host.Client.GetAsync(Schools, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.StartsWith("<!DOCTYPE html>", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        faults.Timeout(1, TimeSpan.FromSeconds(30));
        var hanging = host.Client.GetAsync(Applications + "?limit=1", Ct);
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
        await using var host = await StartHost(time, cohort: 600);
        var faults = host.Simulator.Faults;
        var clean = (await host.ReadAllAsync(Applications, 1000)).Items.ToDictionary(Id, i => i.GetRawText());

        faults.MalformedItems(3);
        faults.UnknownFields(2);
        faults.UnknownEnumValues(2);
        var faulty = (await host.ReadAllAsync(Applications, 1000)).Items;
        var changed = faulty.Where(i => i.ValueKind == JsonValueKind.Object && (!i.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || clean[id.GetString()!] != i.GetRawText())).ToList();
        Assert.InRange(changed.Count, 3, 7);
        Assert.Contains(faulty, i => i.TryGetProperty("schema_version", out _) || i.TryGetProperty("tags", out _) ||
                                     i.TryGetProperty("source_node", out _) || i.TryGetProperty("meta", out _) || i.TryGetProperty("priority", out _));
        Assert.Contains(faulty, i => Str(i, "level") is "SMA" or "PAUD" || Str(i, "route") is "zonasi" or "anak_guru" ||
                                     Str(i, "status") is "cadangan" or "dibatalkan");

        faults.UnknownEnumValues(1);
        var schools = (await host.ReadAllAsync(Schools, 1000)).Items;
        Assert.Contains(schools, i => Str(i, "level") is "MI" or "SMA" || Str(i, "ownership") is "yayasan" or "kemenag");

        faults.DuplicateItems(1);
        var duplicated = (await host.ReadAllAsync(Schools, 1000)).Items;
        Assert.Equal(duplicated.Count - 1, duplicated.Select(Id).Distinct().Count());

        var id0 = host.Simulator.LiveIds(AdmissionsPayload.Schools).First();
        var previous = UpdatedAt(duplicated.First(i => Id(i) == id0));
        time.Advance(TimeSpan.FromMinutes(5));
        faults.BackwardsUpdatedAt(1);
        Assert.True(host.Simulator.Touch(AdmissionsPayload.Schools, id0));
        var backdated = (await host.ReadAllAsync(Schools, 1000)).Items.Single(i => Id(i) == id0);
        Assert.True(UpdatedAt(backdated) < previous);
    }
}

public sealed class AdmissionsSimulatorTimingTests(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void Measure_DefaultBuild()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var simulator = new AdmissionsSimulator(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(7))),
            new SimulatorOptions { HistoryDays = 365 }, new AdmissionsSimulatorOptions(), "k");
        output.WriteLine($"built {simulator.Count} records in {watch.Elapsed.TotalSeconds:F2} s");
    }
}
