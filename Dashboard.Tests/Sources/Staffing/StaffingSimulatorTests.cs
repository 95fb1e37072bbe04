using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Simulators.Staffing;
using Dashboard.Tests.Shared.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Sources.Staffing;

public sealed class StaffingSimulatorTests
{
    // Tuesday 6 October 2026, 05:30 WIB: before anyone checks in; Q3 evaluations are coming in.
    internal static readonly DateTimeOffset Start = new(2026, 10, 6, 5, 30, 0, TimeSpan.FromHours(7));
    internal const string Key = "sim-staffing-test-key";
    private const string Employees = "/sim/staffing/v1/employees";
    private const string Attendance = "/sim/staffing/v1/attendance";
    private const string Performance = "/sim/staffing/v1/performance";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<SimulatorTestHost<StaffingSimulator>> StartHost(
        FakeTimeProvider time, int historyDays = 120, int seed = 42, int headcount = 400, int attendanceDays = 10,
        double demoPerMinute = 0, string? marker = null) =>
        SimulatorTestHost.StartAsync(
            _ => new StaffingSimulator(time,
                new SimulatorOptions { Seed = seed, HistoryDays = historyDays, DemoEventsPerMinute = demoPerMinute, PersonalDataMarker = marker },
                new StaffingSimulatorOptions { Headcount = headcount, AttendanceWorkingDays = attendanceDays }, Key),
            Key);

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static DateTimeOffset UpdatedAt(JsonElement item) =>
        DateTimeOffset.Parse(item.GetProperty("updated_at").GetString()!, CultureInfo.InvariantCulture);

    private static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    [Fact]
    public async Task Items_HaveTheContractShape_WithRealisticPersonalValues()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), marker: "ZZPRIV");
        var employees = (await host.ReadAllAsync(Employees, 1000)).Items;
        Assert.Equal(400, employees.Count);
        foreach (var e in employees)
        {
            Assert.Equal(
                ["id", "name", "nik", "agency_code", "asn_type", "rank_group", "position_type", "birth_date", "retirement_date", "status", "updated_at"],
                e.EnumerateObject().Select(p => p.Name));
            Assert.Matches("^[0-9]{18}$", Id(e));
            Assert.Matches("^3573[0-9]{12}$", Str(e, "nik")!);
            Assert.StartsWith("ZZPRIV ", Str(e, "name")!, StringComparison.Ordinal);
            Assert.Contains(Str(e, "asn_type")!, StaffingPayload.AsnTypes);
            Assert.Contains(Str(e, "rank_group")!, StaffingPayload.RankGroups);
            Assert.Contains(Str(e, "position_type")!, StaffingPayload.PositionTypes);
            Assert.Contains(Str(e, "status")!, StaffingPayload.EmployeeStatuses);
            // The NIP begins with the birth date; retirement is the first of a month at 58 or 60.
            var birth = DateOnly.ParseExact(Str(e, "birth_date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.StartsWith(birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture), Id(e), StringComparison.Ordinal);
            var retirement = DateOnly.ParseExact(Str(e, "retirement_date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(1, retirement.Day);
            Assert.InRange(retirement.Year - birth.Year, 58, 61);
        }
        var attendance = (await host.ReadAllAsync(Attendance, 1000)).Items.Where(i => !IsTombstone(i)).ToList();
        Assert.All(attendance, a =>
        {
            Assert.Equal(["id", "nip", "date", "status", "check_in_at", "updated_at"], a.EnumerateObject().Select(p => p.Name));
            Assert.Contains(Str(a, "nip")!, Id(a), StringComparison.Ordinal);
        });
        var evaluations = (await host.ReadAllAsync(Performance, 1000)).Items;
        Assert.All(evaluations, p =>
        {
            Assert.Equal(["id", "nip", "period", "rating", "submitted_at", "updated_at"], p.EnumerateObject().Select(x => x.Name));
            Assert.True(EvaluationPeriod.TryParse(Str(p, "period"), out _));
        });
    }

    [Fact]
    public async Task TodaysAttendance_ArrivesThroughTheMorning_WithALogNormalTail()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, headcount: 1000, attendanceDays: 3);
        var today = new DateOnly(2026, 10, 6);

        async Task<List<JsonElement>> TodayAsync() => [.. (await host.ReadAllAsync(Attendance, 1000)).Items
            .Where(i => !IsTombstone(i) && Str(i, "date") == "2026-10-06")];

        Assert.Empty(await TodayAsync());
        time.Advance(TimeSpan.FromHours(1.5)); // 07:00
        var at7 = await TodayAsync();
        time.Advance(TimeSpan.FromHours(1)); // 08:00
        var at8 = await TodayAsync();
        time.Advance(TimeSpan.FromHours(9)); // 17:00
        var evening = await TodayAsync();

        Assert.InRange(at7.Count, 100, 900);
        Assert.True(at8.Count > at7.Count, $"{at8.Count} at 08:00, {at7.Count} at 07:00");
        Assert.InRange(evening.Count, 950, 1000);
        Assert.Contains(evening, i => Str(i, "status") == "tanpa_keterangan");
        Assert.DoesNotContain(at8, i => Str(i, "status") == "tanpa_keterangan");

        var checkIns = evening.Where(i => Str(i, "status") is "hadir" or "terlambat").ToList();
        Assert.All(checkIns, i =>
        {
            var at = DateTimeOffset.Parse(Str(i, "check_in_at")!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7));
            Assert.Equal(today, DateOnly.FromDateTime(at.DateTime));
            Assert.Equal(Str(i, "status") == "terlambat", at.TimeOfDay > TimeSpan.FromHours(7.5));
            Assert.True(at.TimeOfDay > TimeSpan.FromHours(6.5) && at.TimeOfDay < TimeSpan.FromHours(11));
        });
        var late = checkIns.Count(i => Str(i, "status") == "terlambat") / (double)checkIns.Count;
        Assert.InRange(late, 0.02, 0.12);
        Assert.All(evening.Where(i => Str(i, "status") is "cuti" or "sakit" or "dinas_luar" or "tanpa_keterangan"),
            i => Assert.Equal(JsonValueKind.Null, i.GetProperty("check_in_at").ValueKind));
    }

    [Fact]
    public async Task AttendanceHistory_IsBoundedToTheConfiguredWorkingDays()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start.AddHours(12)), headcount: 200, attendanceDays: 4);
        var days = (await host.ReadAllAsync(Attendance, 1000)).Items
            .Where(i => !IsTombstone(i)).Select(i => Str(i, "date")).Distinct().Order(StringComparer.Ordinal).ToList();
        // Four working days before Tuesday 6 October, and today: Wed 30 Sep .. Tue 6 Oct without the weekend.
        Assert.Equal(["2026-09-30", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06"], days);
    }

    [Fact]
    public async Task Ratings_RespectTheOrganisationCurve_AndMostSubmitOnTime()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start.AddDays(30)), headcount: 2000, attendanceDays: 0);
        var q3 = (await host.ReadAllAsync(Performance, 1000)).Items.Where(i => Str(i, "period") == "2026-Q3").ToList();
        Assert.InRange(q3.Count, 1800, 2000);
        double Share(string rating) => q3.Count(i => Str(i, "rating") == rating) / (double)q3.Count;
        Assert.True(Share("baik") <= 0.70, $"baik {Share("baik"):P1}");
        Assert.True(Share("butuh_perbaikan") + Share("kurang") >= 0.1);
        Assert.True(Share("sangat_baik") > 0.05);
        var deadline = new EvaluationPeriod(2026, 3).DeadlineDay;
        var onTime = q3.Count(i => DateOnly.FromDateTime(DateTimeOffset.Parse(Str(i, "submitted_at")!, CultureInfo.InvariantCulture)
            .ToOffset(TimeSpan.FromHours(7)).DateTime) <= deadline) / 2000.0;
        Assert.InRange(onTime, 0.78, 0.92);
    }

    [Fact]
    public async Task TimePassing_RetiresStaff_AndGenerateAppointsNewOnes()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, headcount: 1000, attendanceDays: 1);
        var before = (await host.ReadAllAsync(Employees, 1000)).Items.ToDictionary(Id, i => Str(i, "status"));
        var retiring = before.Keys.Count(id => before[id] is "aktif" or "cuti");

        time.Advance(TimeSpan.FromDays(200));
        var after = (await host.ReadAllAsync(Employees, 1000)).Items.ToDictionary(Id, i => Str(i, "status"));
        Assert.True(after.Count(p => p.Value == "pensiun") > before.Count(p => p.Value == "pensiun"));
        Assert.True(retiring > after.Count(p => p.Value is "aktif" or "cuti"));

        var hired = host.Simulator.Generate(3);
        var now = time.GetUtcNow();
        var served = (await host.ReadAllAsync(Employees, 1000, now)).Items.Where(i => hired.Contains(Id(i))).ToList();
        Assert.Equal(3, served.Count);
        Assert.All(served, i => Assert.Equal("PPPK", Str(i, "asn_type")));
        Assert.All(served, i => Assert.Equal(now, UpdatedAt(i)));
    }

    [Fact]
    public async Task DoubleTaps_AreServedAsTombstones_AndWithdrawWorks()
    {
        await using var host = await StartHost(new FakeTimeProvider(Start), headcount: 2000, attendanceDays: 5);
        var items = (await host.ReadAllAsync(Attendance, 1000)).Items;
        var tombstones = items.Where(IsTombstone).ToList();
        Assert.NotEmpty(tombstones);
        Assert.All(tombstones, t => Assert.Equal(["id", "updated_at", "deleted"], t.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(host.Simulator.TombstoneIds(StaffingPayload.Attendance).Order(StringComparer.Ordinal),
            tombstones.Select(Id).Order(StringComparer.Ordinal));

        var evaluation = host.Simulator.LiveIds(StaffingPayload.Performance).First();
        Assert.True(host.Simulator.Withdraw(StaffingPayload.Performance, evaluation));
        Assert.Contains(evaluation, host.Simulator.TombstoneIds(StaffingPayload.Performance));
    }

    [Fact]
    public async Task DemoActivity_BringsCheckInsForward()
    {
        var time = new FakeTimeProvider(Start.AddHours(1)); // 06:30
        await using var host = await StartHost(time, headcount: 300, attendanceDays: 1, demoPerMinute: 30);
        var before = host.Simulator.LiveIds(StaffingPayload.Attendance).Count;
        time.Advance(TimeSpan.FromMinutes(1));
        var after = host.Simulator.LiveIds(StaffingPayload.Attendance).Count;
        Assert.True(after > before + 5, $"{before} → {after}");
    }

    [Fact]
    public async Task RequestFaults_AreServedOnEveryResource()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartHost(time, headcount: 100, attendanceDays: 1);
        var faults = host.Simulator.Faults;

        faults.RateLimit(1, TimeSpan.FromSeconds(9));
        using (var r = await host.Client.GetAsync(Employees, Ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
            Assert.Equal("9", r.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var status in new[] { 500, 502, 503 })
        {
            faults.ServerError(1, status);
            using var r = await host.Client.GetAsync(Attendance, Ct);
            Assert.Equal(status, (int)r.StatusCode);
        }
        faults.NotJson(1);
        using (var r = await host.Client.GetAsync(Performance, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.StartsWith("<!DOCTYPE html>", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        faults.Timeout(1, TimeSpan.FromSeconds(30));
        var hanging = host.Client.GetAsync(Employees + "?limit=1", Ct);
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
        await using var host = await StartHost(time, headcount: 100, attendanceDays: 1);
        var faults = host.Simulator.Faults;
        var clean = (await host.ReadAllAsync(Employees, 1000)).Items.ToDictionary(Id, i => i.GetRawText());

        faults.MalformedItems(3);
        faults.UnknownFields(2);
        faults.UnknownEnumValues(2);
        var faulty = (await host.ReadAllAsync(Employees, 1000)).Items;
        var changed = faulty.Where(i => i.ValueKind == JsonValueKind.Object && (!i.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || clean[id.GetString()!] != i.GetRawText())).ToList();
        Assert.InRange(changed.Count, 3, 7);
        Assert.Contains(faulty, i => i.TryGetProperty("schema_version", out _) || i.TryGetProperty("tags", out _) ||
                                     i.TryGetProperty("source_node", out _) || i.TryGetProperty("meta", out _) || i.TryGetProperty("priority", out _));
        Assert.Contains(faulty, i => Str(i, "asn_type") == "PPPK_PARUH_WAKTU" || Str(i, "status") is "tugas_belajar" or "mpp" ||
                                     Str(i, "position_type") is "jpt" or "administrator");

        faults.DuplicateItems(1);
        var duplicated = (await host.ReadAllAsync(Performance, 1000)).Items;
        Assert.Equal(duplicated.Count - 1, duplicated.Select(Id).Distinct().Count());

        var id0 = clean.Keys.First();
        var previous = UpdatedAt(faulty.First(i => i.TryGetProperty("id", out var x) && x.ValueKind == JsonValueKind.String && x.GetString() == id0 && i.TryGetProperty("updated_at", out var u) && u.ValueKind == JsonValueKind.String));
        time.Advance(TimeSpan.FromMinutes(5));
        faults.BackwardsUpdatedAt(1);
        Assert.True(host.Simulator.Touch(StaffingPayload.Employees, id0));
        var backdated = (await host.ReadAllAsync(Employees, 1000)).Items.Single(i => Id(i) == id0);
        Assert.True(UpdatedAt(backdated) < previous);
    }
}

public sealed class StaffingSimulatorTimingTests(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void Measure_DefaultBuild()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var simulator = new StaffingSimulator(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(StaffingSimulatorTests.Start.AddHours(3)),
            new SimulatorOptions { HistoryDays = 365 }, new StaffingSimulatorOptions(), "k");
        _ = simulator.Count;
        output.WriteLine($"built {simulator.Count} records in {watch.Elapsed.TotalSeconds:F2} s");
    }
}
