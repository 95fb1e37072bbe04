using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Simulators.Staffing;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Codes = Dashboard.Ingest.Sources.Staffing.StaffingIndicators.Codes;

namespace Dashboard.Tests.Sources.Staffing;

/// <summary>The staffing job against its simulator over real HTTP on loopback: reconciliation, faults, indicators.</summary>
public sealed class StaffingIngestHttpTests(ITestOutputHelper output)
{
    private const string Source = "Staffing";
    private const string Marker = "ZQPRIVACY";

    private static DashboardFactory App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sources:Staffing:Simulator:Headcount"] = "300",
            ["Sources:Staffing:Simulator:AttendanceWorkingDays"] = "5",
            ["Sources:Simulator:PersonalDataMarker"] = Marker,
            ["Sources:Staffing:Retries"] = "4",
            ["Sources:Staffing:AttemptTimeoutSeconds"] = "5",
            ["Sources:Staffing:TotalTimeoutSeconds"] = "30",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }
        return new DashboardFactory(all);
    }

    private static StaffingSimulator Simulator(DashboardFactory app)
    {
        _ = app.RootUri;
        return app.Services.GetRequiredService<StaffingSimulator>();
    }

    private static void AssertLedgerAddsUp(IngestRun run) => IngestHttpCase.AssertLedgerAddsUp(run);

    /// <summary>The staffing source in the shared HTTP theories of <see cref="IngestContractTests"/>.</summary>
    public sealed class Case : IngestHttpCase
    {
        public override string Source => StaffingIngestHttpTests.Source;

        public override DashboardFactory App(params (string Key, string Value)[] settings) => StaffingIngestHttpTests.App(settings);

        public override (string Key, string Value)[] FullLoadSettings => [("Sources:Staffing:PageSize", "400")];

        public override int FullLoadPagesAbove => 5;

        /// <summary>Rows equal the served live records by id and content, and the indicators are right.</summary>
        public override async Task<SettledRun> SettledRefreshAsync(DashboardFactory app)
        {
            var (run, served) = await StaffingIngestHttpTests.SettledRefreshAsync(app);
            return new(run, async () =>
            {
                await AssertReconciledAsync(app, served);
                await AssertIndicatorsAsync(app, served);
            }, served);
        }

        public override async Task AssertSecondRunAsync(DashboardFactory app, SettledRun first, SettledRun second)
        {
            var served = (Dictionary<string, List<JsonElement>>)first.Served!;
            Assert.Equal(0, second.Run.Rejected);
            await using var db = await app.Db.CreateDbContextAsync();
            Assert.Equal(served[StaffingPayload.Employees].Count(Live), await db.Set<StaffingEmployee>().CountAsync());
        }

        public override (string Key, string Value)[] FaultSettings => [("Sources:Staffing:PageSize", "300")];

        public override void ArrangeFaults(DashboardFactory app)
        {
            var simulator = Simulator(app);
            _ = simulator.Count;
            simulator.Faults.RateLimit(1, TimeSpan.FromSeconds(1));
            simulator.Faults.ServerError(1, 502);
            simulator.Faults.NotJson(1);
            simulator.Faults.MalformedItems(9);
            simulator.Faults.DuplicateItems(3);
            simulator.Faults.UnknownFields(4);
        }

        /// <summary>Broken personal fields (name, nik, birth_date) are never read; every other breakage is rejected.</summary>
        public override int RejectedAtLeast => 1;

        public override int RejectedAtMost => 9;

        public override async Task AssertQuarantinedAsync(DashboardFactory app, IngestRun run)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            var quarantined = await db.QuarantinedItems.Where(q => q.Source == Source).ToListAsync();
            Assert.Equal(run.Rejected, quarantined.Count);
            Assert.All(quarantined, q => Assert.DoesNotContain(Marker, q.Payload, StringComparison.Ordinal));
        }

        /// <summary>The source sends every item again as it is: the broken ones come back intact.</summary>
        public override Task<int> CorrectAsync(DashboardFactory app)
        {
            _ = app.Services.GetRequiredService<Pseudonymizer>();
            TouchAll(Simulator(app));
            Simulator(app).Faults.UnknownEnumValues(3);
            Simulator(app).Faults.BackwardsUpdatedAt(0);
            return Task.FromResult(3);
        }

        private static void TouchAll(StaffingSimulator simulator)
        {
            foreach (var resource in new[] { StaffingPayload.Employees, StaffingPayload.Attendance, StaffingPayload.Performance })
            {
                foreach (var id in simulator.LiveIds(resource))
                {
                    simulator.Touch(resource, id);
                }
            }
        }

        public override async Task AssertCorrectedAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            await using (var db = await app.Db.CreateDbContextAsync())
            {
                Assert.False(await db.QuarantinedItems.AnyAsync(q => q.Source == Source && q.SupersededAt == null));
            }
            // Unknown enum values were served once and are stored as served; the next version is clean.
            TouchAll(simulator);
            var (_, clean) = await StaffingIngestHttpTests.SettledRefreshAsync(app);
            await AssertReconciledAsync(app, clean);
        }

        public override (string Key, string Value)[] KillSettings => [("Sources:Staffing:PageSize", "100"), ("Ingest:CommitItems", "100")];

        public override int KillAtPages => 6;

        public override int? KilledPagesAtMost => 6 + 2;

        public override Type ClientType => typeof(SourceClient<StaffingOptions>);

        public override int KilledRowsAtLeast => 0;

        public override async Task<(int Stored, int Live)> RowsAsync(DashboardFactory app)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return (await db.Set<StaffingAttendance>().CountAsync(), Simulator(app).LiveIds(StaffingPayload.Attendance).Count);
        }

        /// <summary>Employee ids, NIK and names and the simulator's marker; twenty items broken.</summary>
        public override async Task<IReadOnlyCollection<string>> PersonalValuesAndFaultsAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            var served = await ServedAsync(app);
            var personal = new HashSet<string>(StringComparer.Ordinal) { Marker };
            foreach (var e in served[StaffingPayload.Employees].Where(Live))
            {
                personal.Add(S(e, "id"));
                personal.Add(S(e, "nik"));
                personal.Add(S(e, "name"));
            }
            simulator.Faults.MalformedItems(20);
            return personal;
        }
    }

    /// <summary>Every item the simulator serves now, per resource (tombstones included).</summary>
    private static Task<Dictionary<string, List<JsonElement>>> ServedAsync(DashboardFactory app) =>
        IngestHttpCase.ServedFeedsAsync(app, "sim/staffing/v1/", app.Services.GetRequiredService<IOptions<StaffingOptions>>().Value.ApiKey, new[] { StaffingPayload.Employees, StaffingPayload.Attendance, StaffingPayload.Performance });

    /// <summary>
    /// A refresh after which nothing changed at the source (attendance arrives every few seconds on a working
    /// morning): the database then must equal what is served.
    /// </summary>
    private static Task<(IngestRun Run, Dictionary<string, List<JsonElement>> Served)> SettledRefreshAsync(DashboardFactory app) =>
        IngestHttpCase.SettledRefreshAsync(app, Source, () => ServedAsync(app), served => served.Values.SelectMany(v => v));

    private static DateTimeOffset UpdatedAt(JsonElement item) =>
        DateTimeOffset.Parse(item.GetProperty("updated_at").GetString()!, CultureInfo.InvariantCulture);

    private static string S(JsonElement item, string name) => item.GetProperty(name).GetString()!;

    /// <summary>The stored key of an attendance or evaluation item: its id with the one NIP in it replaced by the NIP's token.</summary>
    private static string RecordKey(Pseudonymizer hash, string id, string nip)
    {
        Assert.Equal(1, (id.Length - id.Replace(nip, "", StringComparison.Ordinal).Length) / nip.Length);
        return id.Replace(nip, hash.Hash("nip", nip), StringComparison.Ordinal);
    }

    private static bool Live(JsonElement item) => !item.TryGetProperty("deleted", out var d) || d.ValueKind != JsonValueKind.True;

    private static DateOnly DateOfWib(string timestamp) =>
        DateOnly.FromDateTime(DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>Database rows equal the served live records, by hashed id and by content.</summary>
    private static async Task AssertReconciledAsync(DashboardFactory app, Dictionary<string, List<JsonElement>> served)
    {
        var hash = app.Services.GetRequiredService<Pseudonymizer>();
        await using var db = await app.Db.CreateDbContextAsync();

        var employees = await db.Set<StaffingEmployee>().AsNoTracking().ToDictionaryAsync(e => e.Id);
        var expected = served[StaffingPayload.Employees].Where(Live).ToList();
        Assert.Equal(expected.Count, employees.Count);
        foreach (var item in expected)
        {
            var row = employees[hash.Hash("nip", S(item, "id"))];
            Assert.Equal(S(item, "agency_code"), row.AgencyCode);
            Assert.Equal(S(item, "asn_type"), row.AsnType);
            Assert.Equal(S(item, "rank_group"), row.RankGroup);
            Assert.Equal(S(item, "position_type"), row.PositionType);
            Assert.Equal(S(item, "status"), row.Status);
            Assert.Equal(S(item, "retirement_date")[..8] + "01", row.RetirementMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(UpdatedAt(item), row.UpdatedAt);
        }

        var attendance = await db.Set<StaffingAttendance>().AsNoTracking().ToDictionaryAsync(a => a.Id);
        expected = served[StaffingPayload.Attendance].Where(Live).ToList();
        Assert.Equal(expected.Count, attendance.Count);
        foreach (var item in expected)
        {
            var row = attendance[RecordKey(hash, S(item, "id"), S(item, "nip"))];
            Assert.Equal(hash.Hash("nip", S(item, "nip")), row.NipKey);
            Assert.Equal(S(item, "date"), row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(S(item, "status"), row.Status);
            var checkIn = item.GetProperty("check_in_at");
            Assert.Equal(checkIn.ValueKind == JsonValueKind.Null ? null : DateTimeOffset.Parse(checkIn.GetString()!, CultureInfo.InvariantCulture), row.CheckInAt);
            Assert.Equal(UpdatedAt(item), row.UpdatedAt);
        }

        var evaluations = await db.Set<StaffingEvaluation>().AsNoTracking().ToDictionaryAsync(e => e.Id);
        expected = served[StaffingPayload.Performance].Where(Live).ToList();
        Assert.Equal(expected.Count, evaluations.Count);
        foreach (var item in expected)
        {
            var row = evaluations[RecordKey(hash, S(item, "id"), S(item, "nip"))];
            Assert.Equal(S(item, "period"), row.Period);
            Assert.Equal(S(item, "rating"), row.Rating);
            Assert.Equal(DateTimeOffset.Parse(S(item, "submitted_at"), CultureInfo.InvariantCulture), row.SubmittedAt);
        }
    }

    /// <summary>
    /// Today's indicators for the city and two OPDs against numbers computed here, straight from the served records
    /// and the catalogue's definitions.
    /// </summary>
    private static async Task AssertIndicatorsAsync(DashboardFactory app, Dictionary<string, List<JsonElement>> served)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var snapshots = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.IndicatorCode.StartsWith("ASN_") || s.IndicatorCode == Codes.SkpOnTimePct || s.IndicatorCode == Codes.VacantPosts)
            .ToListAsync();
        var today = snapshots.Single(s => s.IndicatorCode == Codes.Headcount && s.ScopeCode == ReferenceData.KotaCode).AsOf;

        var employees = served[StaffingPayload.Employees].Where(Live).Select(e => new
        {
            Nip = S(e, "id"),
            Agency = S(e, "agency_code"),
            Position = S(e, "position_type"),
            Status = S(e, "status"),
            Retirement = DateOnly.ParseExact(S(e, "retirement_date")[..8] + "01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Updated = DateOfWib(S(e, "updated_at")),
        }).ToList();
        var agencyOf = employees.ToDictionary(e => e.Nip, e => e.Agency);
        var attendance = served[StaffingPayload.Attendance].Where(Live)
            .Select(a => new { Nip = S(a, "nip"), Date = S(a, "date"), Status = S(a, "status") }).ToList();
        var evaluations = served[StaffingPayload.Performance].Where(Live)
            .Select(p => new { Nip = S(p, "nip"), Period = S(p, "period"), Rating = S(p, "rating"), Day = DateOfWib(S(p, "submitted_at")) }).ToList();

        // A resignation ends service on the day the source recorded it (the contract has no date of leaving).
        bool InService(string status, DateOnly retirement, DateOnly updated, DateOnly day) =>
            !(status == "berhenti" && updated <= day) && !(status == "pensiun" && retirement <= day);
        static bool Weekday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        var attendanceDay = today;
        while (!Weekday(attendanceDay))
        {
            attendanceDay = attendanceDay.AddDays(-1);
        }
        // The latest quarter whose deadline (5 weekdays after its end) is not after today.
        var quarterEnd = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddDays(-1);
        DateOnly Deadline(DateOnly end)
        {
            var d = end;
            for (var n = 0; n < 5; d = d.AddDays(1), n += Weekday(d) ? 1 : 0)
            {
            }
            return d;
        }
        while (Deadline(quarterEnd) > today)
        {
            quarterEnd = new DateOnly(quarterEnd.Year, quarterEnd.Month, 1).AddMonths(-2).AddDays(-1);
        }
        var quarter = $"{quarterEnd.Year}-Q{(quarterEnd.Month + 2) / 3}";
        var deadline = Deadline(quarterEnd);

        // A past day from the series: the earliest day with attendance, city-wide.
        var firstDay = attendance.Min(a => a.Date)!;
        var first = DateOnly.ParseExact(firstDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var past = await db.IndicatorValues.AsNoTracking()
            .SingleAsync(v => v.IndicatorCode == Codes.AttendancePct && v.ScopeCode == ReferenceData.KotaCode && v.Date == first);
        var presentThen = attendance.Count(a => a.Date == firstDay && a.Status is "hadir" or "terlambat" or "dinas_luar");
        Assert.Equal(Math.Round(presentThen * 100.0 / employees.Count(e => InService(e.Status, e.Retirement, e.Updated, first)), 1), past.Value);

        foreach (var scope in new[] { ReferenceData.KotaCode, "DISDIKBUD", "SETDA" })
        {
            bool In(string nip) => scope == ReferenceData.KotaCode || agencyOf.GetValueOrDefault(nip) == scope;
            var staff = employees.Where(e => scope == ReferenceData.KotaCode || e.Agency == scope).ToList();
            double? Actual(string code) => snapshots.Single(s => s.IndicatorCode == code && s.ScopeCode == scope).Value;
            static double? Pct(int n, int d) => d == 0 ? null : Math.Round(n * 100.0 / d, 1);

            var headcount = staff.Count(e => InService(e.Status, e.Retirement, e.Updated, today));
            Assert.Equal(headcount, Actual(Codes.Headcount));

            var day = attendance.Where(a => a.Date == attendanceDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) && In(a.Nip)).ToList();
            if (day.Count > 0)
            {
                var present = day.Count(a => a.Status is "hadir" or "terlambat" or "dinas_luar");
                Assert.Equal(Pct(present, staff.Count(e => InService(e.Status, e.Retirement, e.Updated, attendanceDay))), Actual(Codes.AttendancePct));
                Assert.Equal(Pct(day.Count(a => a.Status == "terlambat"), day.Count(a => a.Status is "hadir" or "terlambat")), Actual(Codes.LatePct));
                Assert.Equal(day.Count(a => a.Status == "tanpa_keterangan"), Actual(Codes.Unexcused));
                Assert.Equal(day.Count(a => a.Status is "dinas_luar" or "cuti"), Actual(Codes.AwayOrLeave));
            }
            else
            {
                Assert.Null(Actual(Codes.AttendancePct));
            }

            var rated = evaluations.Where(p => p.Period == quarter && p.Day <= today && In(p.Nip)).ToList();
            Assert.Equal(Pct(rated.Count(p => p.Rating is "baik" or "sangat_baik"), rated.Count), Actual(Codes.GoodRatingPct));
            var inServiceAtEnd = staff.Where(e => InService(e.Status, e.Retirement, e.Updated, quarterEnd)).Select(e => e.Nip).ToHashSet();
            Assert.Equal(Pct(rated.Count(p => p.Day <= deadline && inServiceAtEnd.Contains(p.Nip)), inServiceAtEnd.Count), Actual(Codes.SkpOnTimePct));

            Assert.Equal(staff.Count(e => e.Status != "berhenti" && e.Retirement > today && e.Retirement <= today.AddMonths(12)),
                Actual(Codes.Retiring12Months));

            int Vacant(string agency) => Math.Max(0, StaffingPosts.Expected[agency] -
                employees.Count(e => e.Agency == agency && e.Position == "struktural" && InService(e.Status, e.Retirement, e.Updated, today)));
            Assert.Equal(scope == ReferenceData.KotaCode ? StaffingPosts.Expected.Keys.Sum(Vacant) : Vacant(scope), Actual(Codes.VacantPosts));
            if (scope == ReferenceData.KotaCode)
            {
                Assert.Equal(Math.Round(headcount * 1000.0 / 847_182, 2), Actual(Codes.PerThousandResidents));
            }
        }
    }

    /// <summary>The ingest rate of a default first load (7,000 staff, 20 working days of attendance, a year of evaluations).</summary>
    [Fact(Explicit = true)]
    public async Task Measure_DefaultFirstLoad()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Sources:Simulator:HistoryDays"] = "365" });
        var watch = Stopwatch.StartNew();
        _ = Simulator(app).Count;
        var built = watch.Elapsed;
        var run = await app.RefreshAsync(Source);
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        var seconds = (run.FinishedAt!.Value - run.StartedAt).TotalSeconds;
        output.WriteLine($"simulator built in {built.TotalSeconds:F1} s; run: {run.ItemsRead} items, {run.Pages} pages in {seconds:F1} s = {run.ItemsRead / seconds:F0} items/s");
    }
}
