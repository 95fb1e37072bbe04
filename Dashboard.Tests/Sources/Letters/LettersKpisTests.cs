using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Simulators.Letters;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Shared.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Codes = Dashboard.Ingest.Sources.Letters.LettersIndicators.Codes;

namespace Dashboard.Tests.Sources.Letters;

public sealed class LettersKpisTests
{
    // Friday 20 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static DateTimeOffset Wib(int m, int d, int h, int min = 0) => new(2026, m, d, h, min, 0, TimeSpan.FromHours(7));

    private static LettersKpis.LetterFacts Fact(string kelurahan, string type, string status, DateTimeOffset requested, DateTimeOffset? completed = null) =>
        new(kelurahan, kelurahan[..8], type, status, requested, completed);

    private static readonly LettersKpis.LetterFacts[] Facts =
    [
        // Due Tue 17 Nov 09:00, done in time.
        Fact("35.73.02.1001", "domisili", "selesai", Wib(11, 16, 9), Wib(11, 16, 11)),
        // Due Tue 17 Nov 10:00, done late.
        Fact("35.73.02.1001", "domisili", "selesai", Wib(11, 16, 10), Wib(11, 17, 10, 1)),
        // SKTM on Saturday: counting starts Monday 08:00, due Thu 19 Nov 08:00; still open, so late.
        Fact("35.73.05.1001", "sktm", "diproses", Wib(11, 14, 10)),
        // Rejected: never in #45.
        Fact("35.73.05.1001", "pengantar_skck", "ditolak", Wib(11, 16, 9), Wib(11, 16, 9, 30)),
        // Today, not due yet.
        Fact("35.73.02.1001", "kematian", "diajukan", Wib(11, 20, 9)),
        Fact("35.73.02.1002", "domisili", "diajukan", Wib(11, 20, 10)),
    ];

    private static ComputedValue Value(List<ComputedValue> values, string code, string scope, DateOnly? day = null) =>
        values.Single(v => v.Code == code && v.Scope == scope && v.Date == (day ?? Today));

    [Fact]
    public void Compute_FollowsTheCatalogueDefinitions()
    {
        var values = LettersKpis.Compute(Facts, new DateOnly(2026, 11, 1), Today);
        const string kota = ReferenceData.KotaCode;

        Assert.Equal(2, Value(values, Codes.Requests, kota).Value);
        Assert.Equal("domisili 1 · kematian 1", Value(values, Codes.Requests, kota).Label);
        Assert.Equal("domisili 2 · SKCK 1", Value(values, Codes.Requests, kota, new DateOnly(2026, 11, 16)).Label);
        Assert.Equal(Math.Round(100.0 / 3, 1), Value(values, Codes.WithinStandardPct, kota).Value);
        Assert.Equal(50, Value(values, Codes.WithinStandardPct, "35.73.02").Value);
        Assert.Equal(0, Value(values, Codes.WithinStandardPct, "35.73.05.1001").Value);
        // Nothing of kelurahan 1002 was due: no data, never a silent zero.
        Assert.Null(Value(values, Codes.WithinStandardPct, "35.73.02.1002").Value);
        Assert.Equal(1, Value(values, Codes.Requests, "35.73.02.1002").Value);
    }

    [Fact]
    public void Compute_History_CountsDeadlinesOnTheirDay_AndKeepsThemThirtyDays()
    {
        var values = LettersKpis.Compute(Facts, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
        const string kota = ReferenceData.KotaCode;

        Assert.Null(Value(values, Codes.WithinStandardPct, kota, new DateOnly(2026, 11, 16)).Value);
        Assert.Equal(50, Value(values, Codes.WithinStandardPct, kota, new DateOnly(2026, 11, 17)).Value);
        Assert.Equal(Math.Round(100.0 / 3, 1), Value(values, Codes.WithinStandardPct, kota, new DateOnly(2026, 11, 19)).Value);
        // A deadline stays in the window for 30 days: 17 Nov's until 16 Dec; the two open letters of 20 Nov fall due
        // on Monday 23 Nov (late from then on) and stay until 22 Dec.
        Assert.Equal(Math.Round(100.0 / 5, 1), Value(values, Codes.WithinStandardPct, kota, new DateOnly(2026, 12, 16)).Value);
        Assert.Equal(0, Value(values, Codes.WithinStandardPct, kota, new DateOnly(2026, 12, 17)).Value);
        Assert.Equal(0, Value(values, Codes.WithinStandardPct, kota, new DateOnly(2026, 12, 22)).Value);
        Assert.Null(Value(values, Codes.WithinStandardPct, kota, new DateOnly(2026, 12, 23)).Value);
        Assert.Equal(0, Value(values, Codes.Requests, kota, new DateOnly(2026, 11, 15)).Value);
        Assert.Null(Value(values, Codes.Requests, kota, new DateOnly(2026, 11, 15)).Label);
    }

    [Fact]
    public void Compute_EveryRegionGetsItsValues_AndNothingOutsideTheRange()
    {
        var values = LettersKpis.Compute(Facts, Today, Today);

        Assert.All(values, v => Assert.Equal(Today, v.Date));
        Assert.Equal(1 + 5 + 57, values.Where(v => v.Code == Codes.Requests).Select(v => v.Scope).Distinct().Count());
        Assert.DoesNotContain(values, v => v.Kind is ScopeKind.Opd or ScopeKind.School);
    }

    [Fact]
    public void Compute_UnknownType_IsHeldToThreeDays_AndNamedInTheLabel()
    {
        LettersKpis.LetterFacts[] facts = [Fact("35.73.02.1001", "ahli_waris", "selesai", Wib(11, 16, 9), Wib(11, 18, 15))];

        var values = LettersKpis.Compute(facts, new DateOnly(2026, 11, 16), Today);

        Assert.Equal("ahli waris 1", Value(values, Codes.Requests, ReferenceData.KotaCode, new DateOnly(2026, 11, 16)).Label);
        Assert.Equal(100, Value(values, Codes.WithinStandardPct, ReferenceData.KotaCode, new DateOnly(2026, 11, 19)).Value);
    }

    [Fact]
    public async Task Indicators_OfSimulatedLetters_MatchAnIndependentComputation_AlsoAfterAnIncrementalRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 10, 30, 0, TimeSpan.FromHours(7)));
        const string key = "letters-kpi-key";
        await using var host = await SimulatorTestHost.StartAsync(
            _ => new LettersSimulator(time, new SimulatorOptions { Seed = 99, HistoryDays = 75 }, key), key);
        host.Client.BaseAddress = new Uri(host.Client.BaseAddress!, "/sim/letters/");
        await using var db = await TestDatabase.CreateAsync();
        var engine = new IngestEngine(db, new KpiBroadcaster(), time, Options.Create(new IngestOptions()), NullLogger<IngestEngine>.Instance);
        var options = new TestOptions<LettersOptions>(new LettersOptions { ApiKey = key, PageSize = 1000 });
        var source = new LettersSource(options, new LettersKpis());
        var client = new SourceClient<LettersOptions>(host.Client, options);

        var first = await engine.RunAsync(source, client, new RunRequest(IngestTrigger.Manual, "tester", "kpi"), ct);
        Assert.Equal(IngestRunStatus.Succeeded, first.Status);
        await AssertIndicatorsMatchAsync(db, host, time, days: 60);

        // Three hours later: new requests, completions and a withdrawal, applied incrementally.
        time.Advance(TimeSpan.FromHours(3));
        host.Simulator.Withdraw(host.Simulator.LiveIds.Order(StringComparer.Ordinal).Skip(100).First());
        var second = await engine.RunAsync(source, client, new RunRequest(IngestTrigger.Manual, "tester", "kpi"), ct);
        Assert.Equal(IngestRunStatus.Succeeded, second.Status);
        Assert.True(second.Inserted > 10 && second.Updated > 10 && second.Deleted == 1, $"{second.Inserted} new, {second.Updated} changed, {second.Deleted} deleted");
        await AssertIndicatorsMatchAsync(db, host, time, days: 60);
    }

    private static async Task AssertIndicatorsMatchAsync(TestDatabase db, SimulatorTestHost<LettersSimulator> host, TimeProvider time, int days)
    {
        var served = (await host.ReadAllAsync("/sim/letters/v1/letters", 1000)).Items
            .Where(i => !(i.TryGetProperty("deleted", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.True))
            .Select(LettersExpectations.Read)
            .ToList();
        var today = LettersExpectations.DayOf(time.GetUtcNow());
        await using var context = db.CreateDbContext();
        var stored = await context.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorCode == Codes.Requests || v.IndicatorCode == Codes.WithinStandardPct)
            .ToListAsync(TestContext.Current.CancellationToken);
        var byKey = stored.ToDictionary(v => (v.IndicatorCode, v.ScopeCode, v.Date));

        foreach (var scope in new[] { ReferenceData.KotaCode, "35.73.03", "35.73.02.1005", "35.73.05.1012" })
        {
            var inScope = served.Where(l => l.Kelurahan.StartsWith(scope, StringComparison.Ordinal)).ToList();
            for (var day = today.AddDays(1 - days); day <= today; day = day.AddDays(1))
            {
                var requests = LettersExpectations.Requests(inScope, day);
                Assert.True(byKey.TryGetValue((Codes.Requests, scope, day), out var r), $"{scope} {day} has no #44");
                Assert.Equal((double)requests, r!.Value);
                var expectedLabel = requests == 0
                    ? null
                    : string.Join(" · ", LettersExpectations.Types
                        .Select(t => (Type: t, Count: inScope.Count(l => l.Type == t && LettersExpectations.DayOf(l.Requested) == day)))
                        .Where(x => x.Count > 0)
                        .Select(x => $"{LettersExpectations.ShortName(x.Type)} {x.Count}"));
                Assert.Equal(expectedLabel, r.Label);

                var pct = LettersExpectations.WithinStandardPct(inScope, day);
                byKey.TryGetValue((Codes.WithinStandardPct, scope, day), out var p);
                Assert.True(pct == p?.Value, $"{scope} {day}: expected {pct}, stored {p?.Value}");
            }
        }
        var kotaToday = LettersExpectations.WithinStandardPct(served, today);
        Assert.InRange(kotaToday!.Value, 75, 98);
        var snapshot = await context.IndicatorSnapshots.AsNoTracking()
            .SingleAsync(s => s.IndicatorCode == Codes.WithinStandardPct && s.ScopeCode == ReferenceData.KotaCode, TestContext.Current.CancellationToken);
        Assert.Equal(kotaToday, snapshot.Value);
    }
}
