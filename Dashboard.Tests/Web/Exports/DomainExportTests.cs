using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Web.Accounts;
using Dashboard.Tests.Web.Indicators;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Ingest.Sources.Licensing;
using Dashboard.Ingest.Sources.Revenue;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Ingest.Sources.Staffing;
using Dashboard.Ingest.Sources.Budget;
using Dashboard.Web.Auth;
using Dashboard.Web.Features;
using Dashboard.Web.Features.Admissions;
using Dashboard.Web.Features.Complaints;
using Dashboard.Web.Features.Letters;
using Dashboard.Web.Features.Licensing;
using Dashboard.Web.Features.Revenue;
using Dashboard.Web.Features.SocialAid;
using Dashboard.Web.Features.Staffing;
using Dashboard.Web.Features.Budget;
using Dashboard.Web.Shared.Domains;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Exports;

/// <summary>One app with every source refreshed once (small simulated registers), shared by the export tests.</summary>
public sealed class AllSourcesFixture : LazyDashboardFixture
{
    protected override async Task<DashboardFactory> CreateAsync()
    {
        var app = new DashboardFactory(new Dictionary<string, string?>
        {
            // Every test signs in afresh: more than the 20 sign-ins a minute one address may try.
            ["Hardening:SignInPerMinute"] = "1000",
            ["Sources:Staffing:Simulator:Headcount"] = "800",
            ["Sources:Staffing:Simulator:AttendanceWorkingDays"] = "5",
            ["Sources:Revenue:Simulator:Taxpayers"] = "200",
            ["Sources:Revenue:Simulator:PbbObjects"] = "1000",
            ["Sources:SocialAid:Simulator:Families"] = "2000",
            ["Sources:Admissions:Simulator:CohortSize"] = "1500",
            ["Sources:Budget:Simulator:Lines"] = "150",
        });
        foreach (var source in app.Services.GetServices<IIngestSource>())
        {
            var run = await app.RefreshAsync(source.Name);
            if (run.Status != IngestRunStatus.Succeeded)
            {
                await app.DisposeAsync();
                throw new InvalidOperationException($"{source.Name}: {run.Status} {run.Error}");
            }
        }
        return app;
    }
}

/// <summary>
/// Every table and chart series of the six domain pages downloaded through the real host, as CSV and as .xlsx, against
/// the numbers the page's own query returns for the same scope; the metadata sheet; small-count suppression of
/// kelurahan-level counts; and the page's authorization (signed out, another OPD's head).
/// </summary>
public sealed partial class DomainExportTests(AllSourcesFixture fixture) : IClassFixture<AllSourcesFixture>
{
    private const int Minimum = 5; // Privacy:MinimumCount's default

    /// <summary>A count the page shows; expected as "&lt; 5" when <see cref="Kelurahan"/> and 1–4.</summary>
    private sealed record Counted(double Value, bool Kelurahan);

    private sealed record Expected(string Table, IReadOnlyList<object?[]> Rows);

    private static bool IsKelurahanCode(string? code) => code?.Count(c => c == '.') == 3;

    private static Counted C(double value, bool kelurahan) => new(value, kelurahan);

    /// <summary>A rate or share computed from the row's counts: expected empty when one of the row's counts is suppressed.</summary>
    private sealed record Derived(object? Value);

    private static Derived D(object? value) => new(value);

    // ---- what each page shows, written from its view independently of the export's table definitions ----

    private static IEnumerable<Expected> Complaints(ComplaintsView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        yield return new("harian", [.. v.Days.Select((d, i) => new object?[] { d, C(v.ReceivedPerDay[i] ?? 0, k) })]);
        yield return new("kanal", [.. v.ByChannel.Select(r => new object?[] { r.Name, C(r.Count, k) })]);
        yield return new("kategori", [.. v.ByCategory.Select(r => new object?[] { r.Name, C(r.Count, k) })]);
        yield return new("opd", [.. v.ByAgency.Select(r => new object?[] { r.Name, C(r.Count, k) })]);
        yield return new("liga_opd", [.. v.League.Select(r => new object?[] { r.Code, r.Name, r.CompliancePct, r.Status.ToString(), r.Received, r.Overdue })]);
        yield return new("wilayah", [.. v.Regions.Select(r => new object?[]
        {
            r.Code, r.Name, r.Level.ToString().ToLowerInvariant(), C(r.Received, IsKelurahanCode(r.Code)), D(r.Per10k),
            r.PopulationIsEstimate ? "ya" : "tidak", r.Overdue is { } o ? C(o, IsKelurahanCode(r.Code)) : null, D(r.ClosedPct),
        })]);
    }

    private static IEnumerable<Expected> Letters(LettersView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        var shown = Enumerable.Range(0, v.Types.Count).Where(t => v.RequestsPerDayByType[t].Any(x => x > 0)).ToList();
        yield return new("harian", [.. v.Days.Select((d, i) => new object?[] { d }.Concat(shown.Select(t => (object?)C(v.RequestsPerDayByType[t][i] ?? 0, k))).ToArray())]);
        yield return new("jenis", [.. v.ByType.Select(r => new object?[] { r.Type, C(r.Count, k) })]);
        yield return new("sesuai_standar", [.. v.Days.Select((d, i) => new object?[] { d, v.WithinStandardPerDay[i] })]);
        yield return new("peringkat", [.. v.Ranking.Select(r => new object?[]
        {
            r.Rank, r.Code, r.Name, r.Kecamatan, D(r.WithinStandardPct), r.Status.ToString(), C(r.Requests, true), D(r.PerThousand), D(r.RejectedPct),
            C(r.Open, true), C(r.Overdue, true),
        })]);
        yield return new("tunggakan", [.. v.Backlog.Select(r => new object?[] { r.Id, r.KelurahanName, r.Type, Wib(r.RequestedAt), Wib(r.Deadline), r.Status })]);
    }

    private static IEnumerable<Expected> Staffing(StaffingView v)
    {
        yield return new("kehadiran", [.. v.Attendance.Select(r => new object?[] { r.Code, r.Name, r.Headcount, r.Present, r.Late, r.Unexcused, r.AwayOrLeave, r.Sick, r.PresentPct })]);
        yield return new("kedatangan", [.. v.Arrivals.Select(r => new object?[] { r.Label, r.Count })]);
        yield return new("penilaian", [.. v.Ratings.Select(r => new object?[] { r.Label, r.Count })]);
        yield return new("golongan", [.. v.RankGroups.Select((g, i) => new object?[] { g, v.Pns[i], v.Pppk[i] })]);
        yield return new("pensiun", [.. v.Retirements.Select(r => new object?[] { r.Label, r.Count })]);
        yield return new("jabatan", [.. v.Posts.Select(r => new object?[] { r.Code, r.Name, r.Expected, r.Filled, r.Vacant })]);
    }

    private static IEnumerable<Expected> Revenue(RevenueView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        yield return new("kumulatif", [.. v.YearDays.Select((d, i) => new object?[] { d, v.CumulativeTax[i], v.ProportionalTax[i] })]);
        yield return new("jenis", [.. v.Types.Append(v.TaxTotal).Append(v.RetributionTotal).Append(v.PadTotal)
            .Select(r => new object?[] { r.Code, r.Name, r.Kind, r.Target, r.Realised, r.Pct, r.GapPp })]);
        yield return new("harian", [.. v.RecentDays.Select((d, i) => new object?[] { d, v.DailyReceipts[i], v.DailyReceiptsLastYear[i] })]);
        yield return new("pbb", [.. v.Pbb.Select(r => new object?[] { r.Rank, r.Code, r.Name, r.Kecamatan, r.Due, r.Paid, r.Pct, r.Arrears, r.Status.ToString() })]);
        yield return new("wajib_pajak", [[C(v.BphtbThisMonth, k), v.BphtbValueThisMonth, v.NewTaxpayers is { } n ? C(n, k) : null]]);
    }

    private static IEnumerable<Expected> SocialAid(AidView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        yield return new("wilayah", [.. v.Regions.Select(r =>
        {
            var kr = IsKelurahanCode(r.Code);
            return new object?[] { r.Code, r.Name, C(r.Recipients, kr) }
                .Concat(r.PerProgram.Select(p => (object?)C(p, kr)))
                .Concat([C(r.Poorest, kr), D(r.CoveragePct), D(r.VervalPct), D(r.DisbursedPct), C(r.Failed, kr), C(r.Graduated, kr)]).ToArray();
        })]);
        yield return new("penyaluran", [.. v.Progress.Select(r => new object?[] { r.Program, C(r.Disbursed, k), C(r.Scheduled, k), C(r.Failed, k), r.AmountDisbursed })]);
        yield return new("desil", [.. v.DesilRecipients.Select((n, i) => new object?[] { i + 1, C(n, k), C(v.DesilOthers[i], k) })]);
        yield return new("verval", [.. v.Verval.Select(r => new object?[] { r.Label, C(r.Count, k) })]);
        yield return new("graduasi", [.. v.Graduations.Select(r => new object?[] { r.Label, C(r.Count, k) })]);
        yield return new("tahap", [.. v.Stages.Select(r => new object?[] { r.Stage, C(r.Allocated, k), C(r.Disbursed, k), D(r.DisbursedPct), C(r.Failed, k), r.AmountDisbursed })]);
        yield return new("alasan_gagal", [.. v.FailureReasons.Select(r => new object?[] { r.Label, C(r.Count, k) })]);
    }

    private static IEnumerable<Expected> Admissions(AdmissionsView v)
    {
        var k = !v.IsSchool && IsKelurahanCode(v.Scope);
        yield return new("jenjang", [.. v.Levels.Select(r => new object?[] { r.Level, C(r.Applicants, k), r.Seats })]);
        yield return new("jalur", [.. v.Routes.Select(r => new object?[] { r.Route, r.Quota, C(r.Placed, k) })]);
        yield return new("status", [.. v.Statuses.Select(r => new object?[] { r.Label, C(r.Count, k) })]);
        yield return new("harian", [.. v.Days.Select(r => new object?[] { r.Day, C(r.Count, k) })]);
        yield return new("sekolah", [.. v.Schools.Select(r => new object?[] { r.Npsn, r.Name, r.Level, r.Ownership, r.Seats, r.Applicants, r.ApplicantsPerSeat, r.Placed, r.FilledPct, r.SeatsLeft })]);
        yield return new("belum_tertampung", [.. v.NotPlaced.Select(r => new object?[] { r.Code, r.Name, C(r.Children, true), C(r.NotPlaced, true) })]);
    }

    private static IEnumerable<Expected> Budget(BudgetView v)
    {
        yield return new("serapan_opd", [.. v.League.Select(r => new object?[] { r.Code, r.Name, r.Pagu, r.Realised, r.Pct, r.PlannedPct, r.Status.ToString() })]);
        yield return new("kurva_s", [.. v.Curve.Select(r => new object?[] { r.Month, r.RealisedPct, r.PlannedPct, r.Lower, r.Upper })]);
        yield return new("fisik_keuangan", [.. v.Gaps.Select(r => new object?[]
        {
            r.LineId, r.Agency, r.SubActivityCode, r.SubActivityName, r.Month, r.PhysicalPct, r.FinancialPct, r.Gap,
        })]);
        yield return new("sumber_dana", [.. v.Funding.Select(r => new object?[] { r.Code, r.Pagu, r.Realised, r.Pct })]);
        yield return new("silpa", [[v.Silpa.Pagu, v.Silpa.Realised, v.Silpa.Planned, v.Silpa.PlanYear, v.Silpa.ProjectedSpending, v.Silpa.Silpa]]);
    }

    private static IEnumerable<Expected> Licensing(LicensingView v)
    {
        var k = IsKelurahanCode(v.Scope.Code);
        yield return new("terbit_harian", [.. v.Days.Select((d, i) => new object?[] { d }.Concat(v.IssuedPerDayByChannel.Select(c => (object?)C(c[i] ?? 0, k))).ToArray())]);
        yield return new("tepat_waktu", [.. v.Days.Select((d, i) => new object?[] { d, v.OnTimePerDay[i] })]);
        yield return new("tunggakan_tahap", [.. v.Backlog.Select(r => new object?[] { r.Stage }.Concat(r.ByAge.Select(a => (object?)C(a, k))).Append(C(r.Total, k)).ToArray())]);
        yield return new("mendekati_sla", [.. v.DueSoon.Select(r => new object?[] { r.Id, r.PermitType, r.Stage, Wib(r.SubmittedAt), r.Elapsed, r.SlaDays, r.Remaining })]);
        yield return new("pbg_belum_bayar", [.. v.Unpaid.Select(r => new object?[] { r.Id, r.Kelurahan, Wib(r.Since), r.Amount, r.DaysWaiting })]);
        yield return new("nib", [.. v.Nib.Select(r => new object?[] { r.Scale }.Concat(r.ByRisk.Select(n => (object?)C(n, k))).Append(C(r.Total, k)).ToArray())]);
        yield return new("investasi", [.. v.Investment.Select(r => new object?[] { r.Quarter, r.Pmdn, r.Pma, r.CumulativeTotal, r.Target, D(r.Pct) })]);
    }

    /// <summary>
    /// What each domain's page shows for a scope, keyed by source. A registered domain without one fails
    /// <see cref="EveryTable_DownloadsAsCsvAndXlsx_WithThePagesNumbers_AndItsRegionInTheMetadata"/>.
    /// </summary>
    private static readonly Dictionary<string, Func<IServiceProvider, string, CancellationToken, Task<IEnumerable<Expected>>>> Oracles = new()
    {
        [ComplaintsIndicators.Source] = async (s, scope, ct) => Complaints(await s.GetRequiredService<ComplaintsQueries>().GetAsync(scope, ct)),
        [LettersIndicators.Source] = async (s, scope, ct) => Letters(await s.GetRequiredService<LettersQueries>().GetAsync(scope, ct)),
        [StaffingIndicators.Source] = async (s, scope, ct) => Staffing(await s.GetRequiredService<StaffingQueries>().GetAsync(scope, ct)),
        [RevenueIndicators.Source] = async (s, scope, ct) => Revenue(await s.GetRequiredService<RevenueQueries>().GetAsync(scope, ct)),
        [SocialAidIndicators.Source] = async (s, scope, ct) => SocialAid(await s.GetRequiredService<SocialAidQueries>().GetAsync(scope, ct)),
        [AdmissionsIndicators.Source] = async (s, scope, ct) => Admissions(await s.GetRequiredService<AdmissionsQueries>().GetAsync(scope, null, ct)),
        [BudgetIndicators.Source] = async (s, scope, ct) => Budget(await s.GetRequiredService<BudgetQueries>().GetAsync(scope, ct)),
        [LicensingIndicators.Source] = async (s, scope, ct) => Licensing(await s.GetRequiredService<LicensingQueries>().GetAsync(scope, ct)),
    };

    /// <summary>Scopes below the city worth a download of their own (kelurahan ones carry suppressed counts).</summary>
    private static readonly (string Source, string Scope)[] ScopesBelowTheCity =
    [
        (ComplaintsIndicators.Source, "35.73.02"), (ComplaintsIndicators.Source, "35.73.02.1001"),
        (LettersIndicators.Source, "35.73.05"),
        (StaffingIndicators.Source, "DISDIKBUD"),
        (RevenueIndicators.Source, "35.73.03"),
        (SocialAidIndicators.Source, "35.73.01"), (SocialAidIndicators.Source, "35.73.01.1005"),
        (AdmissionsIndicators.Source, "35.73.04"),
        (BudgetIndicators.Source, "DPUPRPKP"),
    ];

    /// <summary>Every registered domain for the city, and the scopes below it.</summary>
    public static TheoryData<string, string> Scopes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var domain in DomainRegistry.All)
            {
                data.Add(domain.Source, "");
            }
            foreach (var (source, scope) in ScopesBelowTheCity)
            {
                data.Add(source, scope);
            }
            return data;
        }
    }

    public static TheoryData<string> Sources => [.. DomainRegistry.All.Select(d => d.Source)];

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task EveryTable_DownloadsAsCsvAndXlsx_WithThePagesNumbers_AndItsRegionInTheMetadata(string source, string scope)
    {
        var app = await fixture.StartAsync();
        using var client = new AccountClient(app);
        Assert.Equal("/", await client.SignInAsync("walikota", DemoUsers.Password));
        var ct = TestContext.Current.CancellationToken;
        var services = app.Services;
        var domain = DomainRegistry.FindBySource(source)!;
        var route = domain.Route;
        var byAgency = domain.Scope == DomainScope.Agency;
        var query = scope.Length == 0 ? "" : $"?{domain.ScopeParameter}={scope}";
        Assert.True(Oracles.TryGetValue(source, out var oracle), $"{source}: no expected tables written for its page");
        var expected = await oracle(services, scope, ct);
        var scopeCode = scope.Length == 0 ? ReferenceData.KotaCode : scope;
        var scopeName = byAgency
            ? ReferenceData.Agencies.FirstOrDefault(a => a.Code == scopeCode)?.Name ?? "Kota Malang"
            : ReferenceData.Regions.Single(r => r.Code == scopeCode).Name;

        var tables = expected.ToList();
        Assert.Equal(domain.Exports.TableIds.Order(StringComparer.Ordinal), tables.Select(t => t.Table).Order(StringComparer.Ordinal));
        foreach (var table in tables)
        {
            var csvResponse = await client.Http.GetAsync(new Uri($"{route}/ekspor/{table.Table}.csv{query}", UriKind.Relative), ct);
            Assert.True(csvResponse.StatusCode == HttpStatusCode.OK, $"{route}/{table.Table}.csv{query}: {(int)csvResponse.StatusCode}");
            Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
            var csvBytes = await csvResponse.Content.ReadAsByteArrayAsync(ct);
            Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
            var csv = ParseCsv(Encoding.UTF8.GetString(csvBytes[3..]));

            var xlsxResponse = await client.Http.GetAsync(new Uri($"{route}/ekspor/{table.Table}.xlsx{query}", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
            var sheets = XlsxReader.Read(await xlsxResponse.Content.ReadAsByteArrayAsync(ct));
            Assert.Equal(["Data", "Metadata"], sheets.Keys);
            var data = sheets["Data"];

            var context = $"{route}{query} {table.Table}";
            Assert.All(csv[0], h => Assert.Matches("^[a-z0-9_]+$", h));
            Assert.Equal(csv[0], data[0].Select(c => c ?? ""));
            Assert.True(table.Rows.Count == csv.Count - 1, $"{context}: {table.Rows.Count} rows shown, {csv.Count - 1} in the CSV");
            Assert.True(table.Rows.Count == data.Count - 1, $"{context}: {table.Rows.Count} rows shown, {data.Count - 1} in the workbook");
            for (var r = 0; r < table.Rows.Count; r++)
            {
                // A rate next to a suppressed count would give the count back (with the public population): empty then.
                var suppressed = table.Rows[r].Any(x => x is Counted { Kelurahan: true, Value: > 0 and < Minimum });
                var row = table.Rows[r].Select(x => x is Derived d ? (suppressed ? null : d.Value) : x).ToArray();
                Assert.True(row.Length == csv[r + 1].Count, $"{context} row {r}: {row.Length} cells shown, {csv[r + 1].Count} in the CSV");
                for (var c = 0; c < row.Length; c++)
                {
                    AssertCell(row[c], csv[r + 1][c], $"{context} csv row {r} column {csv[0][c]}");
                    AssertCell(row[c], c < data[r + 1].Count ? data[r + 1][c] : null, $"{context} xlsx row {r} column {csv[0][c]}");
                }
            }

            var metadata = sheets["Metadata"].Skip(1).ToDictionary(m => m[0]!, m => m.Count > 1 ? m[1] : null);
            Assert.Equal(table.Table, metadata["tabel"]);
            Assert.Equal("/" + route, metadata["halaman"]);
            Assert.Equal(scopeCode, metadata[byAgency ? "opd" : "wilayah"]);
            Assert.Equal(scopeName, metadata[byAgency ? "nama_opd" : "nama_wilayah"]);
            Assert.True(DateTime.TryParseExact(metadata["dibuat_wib"], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.True(DateTime.TryParseExact(metadata["pembaruan_berhasil_terakhir_wib"], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.Equal(Minimum.ToString(CultureInfo.InvariantCulture), metadata["batas_jumlah_kecil"]);
            Assert.True(metadata.ContainsKey("kode_indikator"));
        }
    }

    [Theory]
    [InlineData(ComplaintsIndicators.Source, "35.73.02.1001", "harian")]
    [InlineData(ComplaintsIndicators.Source, "35.73.02", "wilayah")]
    [InlineData(SocialAidIndicators.Source, "35.73.01", "wilayah")]
    [InlineData(AdmissionsIndicators.Source, "", "belum_tertampung")]
    public async Task KelurahanCounts_BelowTheMinimum_DownloadAsLessThanTheMinimum(string source, string scope, string table)
    {
        var route = DomainRegistry.FindBySource(source)!.Route;
        var app = await fixture.StartAsync();
        using var client = new AccountClient(app);
        await client.SignInAsync("walikota", DemoUsers.Password);
        var query = scope.Length == 0 ? "" : "?wilayah=" + scope;

        var csv = ParseCsv(Encoding.UTF8.GetString(
            (await client.Http.GetByteArrayAsync(new Uri($"{route}/ekspor/{table}.csv{query}", UriKind.Relative), TestContext.Current.CancellationToken))[3..]));

        var cells = csv.Skip(1).SelectMany(r => r).ToList();
        Assert.Contains("< 5", cells);
        // Nothing from 1 to 4 is left anywhere in a kelurahan-level table's count cells.
        Assert.DoesNotContain(cells, c => c is "1" or "2" or "3" or "4");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task SignedOut_GetsTheSignIn_AndAnotherOpdsHead_IsRefused_NeverData(string source)
    {
        var domain = DomainRegistry.FindBySource(source)!;
        var route = domain.Route;
        var app = await fixture.StartAsync();
        using var anonymous = new AccountClient(app);
        using var dishub = new AccountClient(app);
        Assert.Equal("/opd/DISHUB", await dishub.SignInAsync("dishub", DemoUsers.Password));
        var ct = TestContext.Current.CancellationToken;
        var table = domain.Exports.TableIds.First();

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var path = new Uri($"{route}/ekspor/{table}.{format}", UriKind.Relative);
            var refused = await anonymous.Http.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/masuk", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            Assert.Null(refused.Content.Headers.ContentDisposition);

            // Dishub's head owns none of these domains: downloads are rows, their own agency's only (ReaderScope):
            // a city-wide download is refused, no file.
            var forbidden = await dishub.Http.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Null(forbidden.Content.Headers.ContentDisposition);
        }
    }

    [Fact]
    public void A_control_character_in_source_text_is_dropped_not_a_failed_download()
    {
        var table = new Dashboard.Web.Shared.Export.ExportTable("t", ["nama", "nilai"], [["Sekolah\u0001 Satu\u0000", 3.0], ["Dua 😀", 4.0]], []);

        var sheets = XlsxReader.Read(Dashboard.Web.Shared.Export.TableExport.Xlsx(table));

        var rows = sheets.Values.First();
        Assert.Equal("Sekolah Satu", rows[1][0]);
        Assert.Equal("Dua 😀", rows[2][0]);
    }

    [Fact]
    public async Task AnUnknownTableOrFormat_IsNotFound()
    {
        var app = await fixture.StartAsync();
        using var client = new AccountClient(app);
        await client.SignInAsync("walikota", DemoUsers.Password);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync("aduan/ekspor/tidak_ada.csv"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync("aduan/ekspor/harian.pdf"));
    }

    private static string Wib(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void AssertCell(object? expected, string? actual, string where)
    {
        actual = string.IsNullOrEmpty(actual) ? null : actual;
        switch (expected)
        {
            case Counted { Kelurahan: true, Value: > 0 and < Minimum }:
                Assert.True(actual == "< 5", $"{where}: expected \"< 5\", got {actual ?? "null"}");
                break;
            case Counted counted:
                AssertNumber(counted.Value, actual, where);
                break;
            case null or "":
                Assert.True(actual is null, $"{where}: expected empty, got {actual}");
                break;
            case int or long or double:
                AssertNumber(Convert.ToDouble(expected, CultureInfo.InvariantCulture), actual, where);
                break;
            case DateOnly day:
                Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), actual);
                break;
            default:
                Assert.True(Convert.ToString(expected, CultureInfo.InvariantCulture) == actual, $"{where}: expected {expected}, got {actual}");
                break;
        }
    }

    private static void AssertNumber(double expected, string? actual, string where)
    {
        Assert.True(double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var value), $"{where}: expected {expected}, got {actual ?? "null"}");
        Assert.True(Math.Abs(expected - value) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{where}: expected {expected}, got {value}");
    }

    /// <summary>RFC 4180 with the export's own guard: a quoted text cell that began with = + - @ carries a leading apostrophe.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            rows.Add([.. CsvCell().Matches(line).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : m.Groups["p"].Value)]);
        }
        return rows;
    }

    [GeneratedRegex("(?:^|,)(?:\"(?<q>(?:[^\"]|\"\")*)\"|(?<p>[^,]*))")]
    private static partial Regex CsvCell();
}
