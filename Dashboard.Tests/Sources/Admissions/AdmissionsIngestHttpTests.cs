using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Shared.Privacy;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Simulators.Admissions;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Codes = Dashboard.Ingest.Sources.Admissions.AdmissionsIndicators.Codes;

namespace Dashboard.Tests.Sources.Admissions;

/// <summary>The SPMB job against its simulator over real HTTP on loopback: reconciliation, faults, privacy, indicators.</summary>
public sealed class AdmissionsIngestHttpTests(ITestOutputHelper output)
{
    private const string Source = "Admissions";
    private const string Marker = "ZQPRIVACY";
    private static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);
    private static readonly string[] Resources = [AdmissionsPayload.Schools, AdmissionsPayload.Applications];

    private static DashboardFactory App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sources:Admissions:Simulator:CohortSize"] = "700",
            // Back to before the June season (the tests run on any date).
            ["Sources:Simulator:HistoryDays"] = "400",
            ["Sources:Simulator:PersonalDataMarker"] = Marker,
            ["Sources:Admissions:Retries"] = "4",
            ["Sources:Admissions:AttemptTimeoutSeconds"] = "5",
            ["Sources:Admissions:TotalTimeoutSeconds"] = "30",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }
        return new DashboardFactory(all);
    }

    private static AdmissionsSimulator Simulator(DashboardFactory app)
    {
        _ = app.RootUri;
        return app.Services.GetRequiredService<AdmissionsSimulator>();
    }

    private static void AssertLedgerAddsUp(IngestRun run) => IngestHttpCase.AssertLedgerAddsUp(run);

    /// <summary>The SPMB admissions source in the shared HTTP theories of <see cref="IngestContractTests"/>.</summary>
    public sealed class Case : IngestHttpCase
    {
        public override string Source => AdmissionsIngestHttpTests.Source;

        public override DashboardFactory App(params (string Key, string Value)[] settings) => AdmissionsIngestHttpTests.App(settings);

        public override (string Key, string Value)[] FullLoadSettings => [("Sources:Admissions:PageSize", "250")];

        public override int FullLoadPagesAbove => 4;

        /// <summary>Rows equal the served live records by id and content, and the indicators are right.</summary>
        public override async Task<SettledRun> SettledRefreshAsync(DashboardFactory app)
        {
            var (run, served) = await AdmissionsIngestHttpTests.SettledRefreshAsync(app);
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
            Assert.Equal(0, second.Run.Inserted);
            await using var db = await app.Db.CreateDbContextAsync();
            Assert.Equal(served[AdmissionsPayload.Applications].Count(Live), await db.Set<AdmissionApplication>().CountAsync());
        }

        public override (string Key, string Value)[] FaultSettings => [("Sources:Admissions:PageSize", "200")];

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

        /// <summary>A broken applicant name or birth date is never read; every other breakage is rejected.</summary>
        public override int RejectedAtLeast => 1;

        public override int RejectedAtMost => 9;

        public override async Task AssertQuarantinedAsync(DashboardFactory app, IngestRun run)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            var quarantined = await db.QuarantinedItems.Where(q => q.Source == Source).ToListAsync();
            Assert.Equal(run.Rejected, quarantined.Count);
            Assert.All(quarantined, q => Assert.DoesNotContain(Marker, q.Payload, StringComparison.Ordinal));
            Assert.All(quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
        }

        /// <summary>The source sends every item again as it is: the broken ones come back intact.</summary>
        public override Task<int> CorrectAsync(DashboardFactory app)
        {
            TouchAll(Simulator(app));
            Simulator(app).Faults.UnknownEnumValues(3);
            return Task.FromResult(3);
        }

        private static void TouchAll(AdmissionsSimulator simulator)
        {
            foreach (var resource in Resources)
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
            var (_, clean) = await AdmissionsIngestHttpTests.SettledRefreshAsync(app);
            await AssertReconciledAsync(app, clean);
        }

        public override (string Key, string Value)[] KillSettings => [("Sources:Admissions:PageSize", "100"), ("Ingest:CommitItems", "100")];

        public override int KillAtPages => 6;

        public override int? KilledPagesAtMost => 6 + 2;

        public override Type ClientType => typeof(SourceClient<AdmissionsOptions>);

        public override int KilledRowsAtLeast => 1;

        public override async Task<(int Stored, int Live)> RowsAsync(DashboardFactory app)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return (await db.Set<AdmissionApplication>().CountAsync(), Simulator(app).LiveIds(AdmissionsPayload.Applications).Count);
        }

        public override bool PersonalDataRunRejects => true;

        /// <summary>Applicants' NIK, names and birth dates and the simulator's marker; thirty items broken and thirty with unknown fields.</summary>
        public override async Task<IReadOnlyCollection<string>> PersonalValuesAndFaultsAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            var served = await ServedAsync(app);
            var personal = new HashSet<string>(StringComparer.Ordinal) { Marker };
            foreach (var a in served[AdmissionsPayload.Applications].Where(Live))
            {
                var applicant = a.GetProperty("applicant");
                personal.Add(S(applicant, "nik"));
                personal.Add(S(applicant, "name"));
                personal.Add(S(applicant, "birth_date"));
            }
            simulator.Faults.MalformedItems(30);
            simulator.Faults.UnknownFields(30);
            return personal;
        }
    }

    /// <summary>Every item the simulator serves now, per resource (tombstones included).</summary>
    private static Task<Dictionary<string, List<JsonElement>>> ServedAsync(DashboardFactory app) =>
        IngestHttpCase.ServedFeedsAsync(app, "sim/admissions/v1/", app.Services.GetRequiredService<IOptions<AdmissionsOptions>>().Value.ApiKey, Resources);

    /// <summary>A refresh after which nothing changed at the source: the database then must equal what is served.</summary>
    private static Task<(IngestRun Run, Dictionary<string, List<JsonElement>> Served)> SettledRefreshAsync(DashboardFactory app) =>
        IngestHttpCase.SettledRefreshAsync(app, Source, () => ServedAsync(app), served => served.Values.SelectMany(v => v));

    private static DateTimeOffset UpdatedAt(JsonElement item) => Time(item, "updated_at");

    private static DateTimeOffset Time(JsonElement item, string name) =>
        DateTimeOffset.Parse(item.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static string S(JsonElement item, string name) => item.GetProperty(name).GetString()!;

    private static string? N(JsonElement item, string name) => item.GetProperty(name).ValueKind == JsonValueKind.Null ? null : S(item, name);

    private static bool Live(JsonElement item) => !item.TryGetProperty("deleted", out var d) || d.ValueKind != JsonValueKind.True;

    private static int Q(JsonElement school, string route) => school.GetProperty("quota").GetProperty(route).GetInt32();

    /// <summary>Database rows equal the served live records, by id and by content; applicants only as keyed hashes.</summary>
    private static async Task AssertReconciledAsync(DashboardFactory app, Dictionary<string, List<JsonElement>> served)
    {
        var hash = app.Services.GetRequiredService<Pseudonymizer>();
        await using var db = await app.Db.CreateDbContextAsync();

        var schools = await db.Set<AdmissionSchool>().AsNoTracking().ToDictionaryAsync(s => s.Id);
        var expected = served[AdmissionsPayload.Schools].Where(Live).ToList();
        Assert.Equal(expected.Count, schools.Count);
        foreach (var item in expected)
        {
            var row = schools[S(item, "id")];
            Assert.Equal((S(item, "name"), S(item, "level"), S(item, "ownership"), S(item, "kelurahan_code")), (row.Name, row.Level, row.Ownership, row.KelurahanCode));
            Assert.Equal((Q(item, "domisili"), Q(item, "afirmasi"), Q(item, "mutasi"), Q(item, "prestasi")),
                (row.QuotaDomisili, row.QuotaAfirmasi, row.QuotaMutasi, row.QuotaPrestasi));
            Assert.Equal(UpdatedAt(item), row.UpdatedAt);
        }

        var applications = await db.Set<AdmissionApplication>().AsNoTracking().ToDictionaryAsync(a => a.Id);
        expected = served[AdmissionsPayload.Applications].Where(Live).ToList();
        Assert.Equal(expected.Count, applications.Count);
        foreach (var item in expected)
        {
            var row = applications[S(item, "id")];
            Assert.Equal(item.GetProperty("year").GetInt32(), row.Year);
            Assert.Equal((S(item, "level"), S(item, "route"), S(item, "status"), S(item, "home_kelurahan_code")), (row.Level, row.Route, row.Status, row.HomeKelurahanCode));
            Assert.Equal(string.Join(',', item.GetProperty("choices").EnumerateArray().Select(c => c.GetString())), row.Choices);
            Assert.Equal(N(item, "placed_school_id"), row.PlacedSchoolId);
            Assert.Equal(hash.Hash("nik", S(item.GetProperty("applicant"), "nik")), row.ApplicantKey);
            Assert.Equal(Time(item, "submitted_at"), row.SubmittedAt);
            Assert.Equal(UpdatedAt(item), row.UpdatedAt);
        }
    }

    [Fact]
    public async Task WithdrawnRecords_AreDeleted_AndTheIndicatorsFollow()
    {
        await using var app = App();
        var simulator = Simulator(app);
        var (first, _) = await SettledRefreshAsync(app);
        Assert.Equal(IngestRunStatus.Succeeded, first.Status);

        var school = simulator.LiveIds(AdmissionsPayload.Schools).Order(StringComparer.Ordinal).First();
        var applications = simulator.LiveIds(AdmissionsPayload.Applications).Order(StringComparer.Ordinal).Take(5).ToList();
        Assert.True(simulator.Withdraw(AdmissionsPayload.Schools, school));
        Assert.All(applications, id => Assert.True(simulator.Withdraw(AdmissionsPayload.Applications, id)));
        var (second, served) = await SettledRefreshAsync(app);

        Assert.Equal(IngestRunStatus.Succeeded, second.Status);
        Assert.Equal(6, second.Deleted);
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            Assert.False(await db.Set<AdmissionSchool>().AnyAsync(s => s.Id == school));
            Assert.False(await db.Set<AdmissionApplication>().AnyAsync(a => applications.Contains(a.Id)));
            Assert.False(await db.IndicatorSnapshots.AnyAsync(s => s.ScopeCode == school));
        }
        await AssertReconciledAsync(app, served);
        await AssertIndicatorsAsync(app, served);
    }

    /// <summary>
    /// Today's indicators for the city, a kecamatan, a kelurahan and two schools, and #39 on the busiest registration
    /// day, against numbers computed here straight from the served records and the catalogue's definitions.
    /// </summary>
    private static async Task AssertIndicatorsAsync(DashboardFactory app, Dictionary<string, List<JsonElement>> served)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var codes = new[] { Codes.ApplicantsPerSeat, Codes.QuotaFilledPct, Codes.VerifiedPct, Codes.NotPlaced, Codes.SeatsLeft };
        var snapshots = await db.IndicatorSnapshots.AsNoTracking().Where(s => codes.Contains(s.IndicatorCode)).ToListAsync();
        var today = snapshots.Single(s => s.IndicatorCode == Codes.ApplicantsPerSeat && s.ScopeCode == ReferenceData.KotaCode).AsOf;
        var year = today >= new DateOnly(today.Year, 6, 1) ? today.Year : today.Year - 1;

        var schools = served[AdmissionsPayload.Schools].Where(Live).ToDictionary(s => S(s, "id"), s => new
        {
            Kelurahan = S(s, "kelurahan_code"),
            Public = S(s, "ownership") == "negeri",
            Seats = Q(s, "domisili") + Q(s, "afirmasi") + Q(s, "mutasi") + Q(s, "prestasi"),
        });
        var applications = served[AdmissionsPayload.Applications].Where(Live).Where(a => a.GetProperty("year").GetInt32() == year).Select(a => new
        {
            Nik = S(a.GetProperty("applicant"), "nik"),
            First = a.GetProperty("choices")[0].GetString()!,
            Home = S(a, "home_kelurahan_code"),
            Status = S(a, "status"),
            Placed = N(a, "placed_school_id"),
            Submitted = Time(a, "submitted_at"),
            Updated = UpdatedAt(a),
        }).ToList();
        Assert.NotEmpty(applications);

        static bool In(string scope, string? kelurahan) =>
            scope == ReferenceData.KotaCode || (kelurahan is not null && (kelurahan == scope || kelurahan.StartsWith(scope + ".", StringComparison.Ordinal)));
        static double? Pct(int n, int d) => d == 0 ? null : Math.Round(n * 100.0 / d, 1);
        static double? Ratio(int n, int d) => d == 0 ? null : Math.Round(n / (double)d, 2);
        // A school withdrawn from the register is taken as public.
        bool Public(string npsn) => !schools.TryGetValue(npsn, out var s) || s.Public;
        string? KelurahanOf(string? npsn) => npsn is not null && schools.TryGetValue(npsn, out var s) ? s.Kelurahan : null;

        var anyReRegistered = applications.Any(a => a.Status == "daftar_ulang");
        var busiestKelurahan = applications.GroupBy(a => a.Home).MaxBy(g => g.Count())!.Key;
        foreach (var scope in new[] { ReferenceData.KotaCode, busiestKelurahan[..8], busiestKelurahan })
        {
            double? Actual(string code) => snapshots.Single(s => s.IndicatorCode == code && s.ScopeCode == scope).Value;
            var seats = schools.Values.Where(s => In(scope, s.Kelurahan)).Sum(s => s.Seats);
            var active = applications.Where(a => a.Status != "mengundurkan_diri").ToList();
            var applied = scope == ReferenceData.KotaCode ? active.Count : active.Count(a => In(scope, KelurahanOf(a.First)));
            Assert.Equal(Ratio(applied, seats), Actual(Codes.ApplicantsPerSeat));
            var placed = applications.Where(a => a.Status is "diterima" or "daftar_ulang").ToList();
            Assert.Equal(Pct(scope == ReferenceData.KotaCode ? placed.Count : placed.Count(a => In(scope, KelurahanOf(a.Placed))), seats),
                Actual(Codes.QuotaFilledPct));
            var home = active.Where(a => In(scope, a.Home)).ToList();
            Assert.Equal(Pct(home.Count(a => a.Status != "terdaftar"), home.Count), Actual(Codes.VerifiedPct));
            var notPlaced = applications.GroupBy(a => a.Nik).Count(g =>
                In(scope, g.MaxBy(a => a.Submitted)!.Home) &&
                !g.Any(a => a.Status is "diterima" or "daftar_ulang" && Public(a.Placed!)) &&
                g.Any(a => a.Status == "tidak_diterima" || (a.Status is "diterima" or "daftar_ulang" && !Public(a.Placed!))));
            Assert.Equal(notPlaced, Actual(Codes.NotPlaced));
            var left = schools.Where(s => In(scope, s.Value.Kelurahan))
                .Sum(s => Math.Max(0, s.Value.Seats - applications.Count(a => a.Status == "daftar_ulang" && a.Placed == s.Key)));
            Assert.Equal(anyReRegistered ? left : null, Actual(Codes.SeatsLeft));
        }

        foreach (var npsn in new[] { applications.GroupBy(a => a.First).MaxBy(g => g.Count())!.Key, schools.Keys.Order(StringComparer.Ordinal).First() })
        {
            double? Actual(string code) => snapshots.SingleOrDefault(s => s.IndicatorCode == code && s.ScopeCode == npsn)?.Value;
            var seats = schools[npsn].Seats;
            var first = applications.Where(a => a.First == npsn && a.Status != "mengundurkan_diri").ToList();
            Assert.Equal(Ratio(first.Count, seats), Actual(Codes.ApplicantsPerSeat));
            Assert.Equal(Pct(applications.Count(a => a.Placed == npsn && a.Status is "diterima" or "daftar_ulang"), seats), Actual(Codes.QuotaFilledPct));
            Assert.Equal(Pct(first.Count(a => a.Status != "terdaftar"), first.Count), Actual(Codes.VerifiedPct));
            Assert.Equal(anyReRegistered ? Math.Max(0, seats - applications.Count(a => a.Placed == npsn && a.Status == "daftar_ulang")) : null,
                Actual(Codes.SeatsLeft));
            Assert.Null(Actual(Codes.NotPlaced));
        }

        // The busiest registration day, 10 June: applications submitted by its end, withdrawn only if served so by then.
        var busiest = new DateOnly(year, 6, 10);
        var end = new DateTimeOffset(busiest.AddDays(1).ToDateTime(TimeOnly.MinValue), WibOffset);
        var then = applications.Count(a => a.Submitted < end && !(a.Status == "mengundurkan_diri" && a.Updated < end));
        var past = await db.IndicatorValues.AsNoTracking()
            .SingleAsync(v => v.IndicatorCode == Codes.ApplicantsPerSeat && v.ScopeCode == ReferenceData.KotaCode && v.Date == busiest);
        Assert.Equal(Ratio(then, schools.Values.Sum(s => s.Seats)), past.Value);
    }

    /// <summary>The ingest rate of a default first load (a year of history: two seasons at the default cohort).</summary>
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
