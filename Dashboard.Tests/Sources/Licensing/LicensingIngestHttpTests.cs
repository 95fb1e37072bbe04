using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Simulators.Licensing;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Sources.Licensing;

/// <summary>The licensing job against its simulator over real HTTP on loopback: reconciliation, tombstones, indicators.</summary>
public sealed class LicensingIngestHttpTests
{
    private const string Source = LicensingIndicators.Source;

    private static readonly string[] PagedFeeds = ["applications", "business-ids", "investment-reports"];

    internal static DashboardFactory App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sources:Simulator:HistoryDays"] = "40",
            ["Sources:Licensing:Retries"] = "2",
            ["Sources:Licensing:AttemptTimeoutSeconds"] = "5",
            ["Sources:Licensing:TotalTimeoutSeconds"] = "30",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }
        return new DashboardFactory(all);
    }

    internal static LicensingSimulator Simulator(DashboardFactory app)
    {
        _ = app.RootUri;
        return app.Services.GetRequiredService<LicensingSimulator>();
    }

    private static string Key(DashboardFactory app) => app.Services.GetRequiredService<IOptions<LicensingOptions>>().Value.ApiKey;

    internal static Task<Dictionary<string, List<JsonElement>>> ServedAsync(DashboardFactory app) =>
        IngestHttpCase.ServedFeedsAsync(app, "sim/licensing/v1/", Key(app), PagedFeeds);

    private static bool IsTombstone(JsonElement item) => item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static DateTimeOffset? Time(JsonElement item, string name) =>
        item.GetProperty(name).ValueKind == JsonValueKind.Null ? null : DateTimeOffset.Parse(item.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    internal static async Task<(Dictionary<string, PermitApplication> Applications, Dictionary<string, BusinessId> Nibs, int Reports, int Types, int Targets, HashSet<string> Quarantined)> StateAsync(DashboardFactory app)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var applications = await db.Set<PermitApplication>().AsNoTracking().ToDictionaryAsync(a => a.Id);
        var nibs = await db.Set<BusinessId>().AsNoTracking().ToDictionaryAsync(a => a.Id);
        var quarantined = await db.QuarantinedItems
            .Where(q => q.Source == Source && q.SupersededAt == null && q.SourceItemId != null).Select(q => q.SourceItemId!).ToListAsync();
        return (applications, nibs, await db.Set<InvestmentReport>().CountAsync(), await db.Set<PermitType>().CountAsync(),
            await db.Set<InvestmentTarget>().CountAsync(), [.. quarantined]);
    }

    /// <summary>The stored applications and NIB equal what the source serves, field by field.</summary>
    private static async Task AssertReconciledAsync(DashboardFactory app, Dictionary<string, List<JsonElement>> served)
    {
        var state = await StateAsync(app);
        Assert.Empty(state.Quarantined);
        var live = served["applications"].Where(i => !IsTombstone(i)).ToList();
        Assert.Equal(live.Select(Id).Order(StringComparer.Ordinal), state.Applications.Keys.Order(StringComparer.Ordinal));
        foreach (var item in live)
        {
            var row = state.Applications[Id(item)];
            var kelurahan = item.GetProperty("kelurahan_code").GetString();
            Assert.Equal(
                (item.GetProperty("permit_type").GetString(), item.GetProperty("channel").GetString(), item.GetProperty("status").GetString(),
                    kelurahan, Time(item, "submitted_at"), Time(item, "issued_at"), Time(item, "paid_at"),
                    item.GetProperty("history").GetArrayLength()),
                (row.PermitType, row.Channel, row.Status, row.KelurahanCode, (DateTimeOffset?)row.SubmittedAt, row.IssuedAt, row.PaidAt,
                    StatusHistory.Decode(row.History).Count));
        }
        var nibs = served["business-ids"].Where(i => !IsTombstone(i)).ToList();
        Assert.Equal(nibs.Select(Id).Order(StringComparer.Ordinal), state.Nibs.Keys.Order(StringComparer.Ordinal));
        Assert.All(nibs, n => Assert.Equal(n.GetProperty("scale").GetString(), state.Nibs[Id(n)].Scale));
        Assert.Equal(served["investment-reports"].Count(i => !IsTombstone(i)), state.Reports);
        Assert.Equal(LicensingSimulatorData.Types.Count, state.Types);
    }

    /// <summary>The licensing source in the shared HTTP theories of <see cref="IngestContractTests"/>.</summary>
    public sealed class Case : IngestHttpCase
    {
        public override string Source => LicensingIngestHttpTests.Source;

        public override DashboardFactory App(params (string Key, string Value)[] settings) => LicensingIngestHttpTests.App(settings);

        public override (string Key, string Value)[] FullLoadSettings => [("Sources:Licensing:PageSize", "200")];

        public override int FullLoadPagesAbove => 4;

        public override async Task<SettledRun> SettledRefreshAsync(DashboardFactory app)
        {
            var (run, served) = await IngestHttpCase.SettledRefreshAsync(app, Source, () => ServedAsync(app), s => s.Values.SelectMany(v => v));
            return new(run, () => AssertReconciledAsync(app, served), served);
        }

        public override async Task AssertSecondRunAsync(DashboardFactory app, SettledRun first, SettledRun second)
        {
            Assert.True(second.Run.Inserted + second.Run.Updated < 60, $"{second.Run.Inserted} inserted, {second.Run.Updated} updated on a re-run");
            var again = await StateAsync(app);
            Assert.Equal(Simulator(app).LiveIds.Order(StringComparer.Ordinal), again.Applications.Keys.Order(StringComparer.Ordinal));
        }

        public override (string Key, string Value)[] FaultSettings => [("Sources:Licensing:PageSize", "300"), ("Sources:Licensing:Retries", "4")];

        public override void ArrangeFaults(DashboardFactory app)
        {
            var simulator = Simulator(app);
            simulator.Advance();
            simulator.Faults.RateLimit(1, TimeSpan.FromSeconds(1));
            simulator.Faults.ServerError(1, 503);
            simulator.Faults.NotJson(1);
            simulator.Faults.UnknownFields(6);
            simulator.Faults.MalformedItems(6);
            simulator.Faults.DuplicateItems(2);
        }

        public override int RejectedAtLeast => 3;

        public override int RejectedAtMost => 6;

        public override async Task AssertQuarantinedAsync(DashboardFactory app, IngestRun run)
        {
            var (_, _, _, _, _, quarantined) = await StateAsync(app);
            Assert.Equal(run.Rejected, quarantined.Count);
            await using var db = await app.Db.CreateDbContextAsync();
            var mappers = new Dictionary<string, IReadOnlySet<string>>
            {
                ["permit-types"] = new PermitTypesMapper().StoredFields,
                ["applications"] = new ApplicationsMapper().StoredFields,
                ["business-ids"] = new BusinessIdsMapper().StoredFields,
                ["investment-reports"] = new InvestmentReportsMapper().StoredFields,
                ["investment-targets"] = new InvestmentTargetsMapper().StoredFields,
            };
            foreach (var q in await db.QuarantinedItems.Where(q => q.Source == Source).ToListAsync())
            {
                using var doc = JsonDocument.Parse(q.Payload);
                Assert.DoesNotContain("\"applicant\":{", q.Payload, StringComparison.Ordinal);
                Assert.All(doc.RootElement.EnumerateObject(), p =>
                    Assert.True(mappers[q.Resource].Contains(p.Name) || p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == PersonalData.Removed, p.Name));
            }
        }

        public override async Task<int> CorrectAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            foreach (var id in (await StateAsync(app)).Quarantined)
            {
                simulator.Touch(id);
            }
            simulator.Faults.UnknownEnumValues(3);
            return 3;
        }

        public override async Task AssertCorrectedAsync(DashboardFactory app)
        {
            var after = await StateAsync(app);
            var simulator = Simulator(app);
            Assert.DoesNotContain(after.Quarantined, id => simulator.LiveIds.Contains(id));
            Assert.Equal(simulator.LiveIds.ToHashSet(), after.Applications.Keys.ToHashSet());
        }

        public override (string Key, string Value)[] KillSettings => [("Sources:Licensing:PageSize", "100"), ("Ingest:CommitItems", "100")];

        public override int KillAtPages => 3;

        public override int? KilledPagesAtMost => null;

        public override Type ClientType => typeof(LicensingClient);

        public override int KilledRowsAtLeast => 1;

        public override async Task<(int Stored, int Live)> RowsAsync(DashboardFactory app)
        {
            await using var db = await app.Db.CreateDbContextAsync();
            return (await db.Set<PermitApplication>().CountAsync(), Simulator(app).LiveIds.Count);
        }

        public override async Task<SettledRun> RerunAsync(DashboardFactory app)
        {
            var run = await app.RefreshAsync(Source);
            return new(run, async () => Assert.Equal(Simulator(app).LiveIds.ToHashSet(), (await StateAsync(app)).Applications.Keys.ToHashSet()));
        }

        /// <summary>Applicant and owner names, NIK, addresses and phones as served (first pages), with broken items in the run.</summary>
        public override async Task<IReadOnlyCollection<string>> PersonalValuesAndFaultsAsync(DashboardFactory app)
        {
            var simulator = Simulator(app);
            var values = new HashSet<string>(StringComparer.Ordinal);
            using var http = app.CreateHttpClient();
            foreach (var (resource, field) in new[] { ("applications", "applicant"), ("business-ids", "owner") })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"sim/licensing/v1/{resource}?limit=1000");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key(app));
                using var response = await http.SendAsync(request);
                using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                foreach (var item in page.RootElement.GetProperty("items").EnumerateArray().Where(i => !IsTombstone(i)))
                {
                    foreach (var p in item.GetProperty(field).EnumerateObject())
                    {
                        values.Add(p.Value.GetString()!);
                    }
                }
            }
            simulator.Faults.MalformedItems(5);
            return values;
        }
    }

    [Fact]
    public async Task Tombstones_DeleteApplicationsAndNib_AndIndicatorsMatchAnIndependentCount()
    {
        await using var app = App();
        var simulator = Simulator(app);
        Assert.Equal(IngestRunStatus.Succeeded, (await app.RefreshAsync(Source)).Status);
        var ids = simulator.LiveIds.Order(StringComparer.Ordinal).ToList();
        var nib = simulator.NibIds.Order(StringComparer.Ordinal).First();
        Assert.True(simulator.Withdraw(ids[5]));
        Assert.True(simulator.WithdrawNib(nib));

        var (run, served) = await IngestHttpCase.SettledRefreshAsync(app, Source, () => ServedAsync(app), s => s.Values.SelectMany(v => v));

        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        Assert.True(run.Deleted >= 2, $"{run.Deleted} deleted");
        var state = await StateAsync(app);
        Assert.DoesNotContain(ids[5], state.Applications.Keys);
        Assert.DoesNotContain(nib, state.Nibs.Keys);
        await AssertReconciledAsync(app, served);

        // Indicators against counts written out here from what was served: NIB per scale today, files waiting for the
        // applicant at the end of yesterday, and permits issued yesterday per channel.
        var today = Dashboard.Ingest.Shared.Wib.DateOf(run.FinishedAt!.Value);
        var yesterday = today.AddDays(-1);
        var endOfYesterday = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        var liveApps = served["applications"].Where(i => !IsTombstone(i)).ToList();
        var waiting = liveApps.Count(a =>
        {
            var history = a.GetProperty("history").EnumerateArray().Select(h => (S: h.GetProperty("status").GetString(), At: DateTimeOffset.Parse(h.GetProperty("at").GetString()!, CultureInfo.InvariantCulture))).ToList();
            var last = history.LastOrDefault(h => h.At < endOfYesterday);
            return last.S == "perbaikan";
        });
        var issuedYesterday = liveApps.Count(a => a.GetProperty("status").GetString() == "terbit" && Time(a, "issued_at") is { } i &&
                                                 DateOnly.FromDateTime(i.ToOffset(TimeSpan.FromHours(7)).DateTime) == yesterday);
        var nibToday = served["business-ids"].Where(i => !IsTombstone(i))
            .Count(n => DateOnly.FromDateTime(Time(n, "issued_at")!.Value.ToOffset(TimeSpan.FromHours(7)).DateTime) == today);
        await using var db = await app.Db.CreateDbContextAsync();
        double? Value(string code, DateOnly day) => db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorCode == code && v.ScopeCode == ReferenceData.KotaCode && v.Date == day).Select(v => v.Value).Single();
        Assert.Equal(waiting, Value(LicensingIndicators.Codes.WaitingApplicant, yesterday));
        Assert.Equal(issuedYesterday, Value(LicensingIndicators.Codes.Issued, yesterday));
        Assert.Equal(nibToday, Value(LicensingIndicators.Codes.NibIssued, today));
    }
}
