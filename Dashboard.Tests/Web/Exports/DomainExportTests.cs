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
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Web.Auth;
using Dashboard.Web.Features;
using Dashboard.Web.Shared.Domains;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Exports;

/// <summary>
/// One app with every source refreshed once (small simulated registers), shared by the export tests, and a head of
/// one more agency than the demo's, so that every domain has the head of an agency that does not own it.
/// </summary>
public sealed class AllSourcesFixture : LazyDashboardFixture
{
    /// <summary>The created head's password (the policy wants one longer than the demo's).</summary>
    private const string OtherHeadPassword = "kalimat sandi kepala lain";

    /// <summary>The password <paramref name="head"/> signs in with.</summary>
    public static string PasswordOf(DemoUsers.DemoUser head) => head == Heads[^1] ? OtherHeadPassword : DemoUsers.Password;

    /// <summary>The agency heads who can sign in: the demo's, and one created for another agency.</summary>
    public static IReadOnlyList<DemoUsers.DemoUser> Heads { get; } =
    [
        .. DemoUsers.All.Where(u => u.Role == Roles.KepalaOpd),
        OtherHead(DemoUsers.All.Where(u => u.Role == Roles.KepalaOpd).Select(u => u.Opd).ToHashSet(StringComparer.Ordinal)),
    ];

    private static DemoUsers.DemoUser OtherHead(HashSet<string?> demoAgencies)
    {
        var opd = ReferenceData.Agencies.First(a => !demoAgencies.Contains(a.Code)).Code;
        return new("kepala-" + opd.ToLowerInvariant(), "Kepala " + opd, Roles.KepalaOpd, opd);
    }

    protected override async Task<DashboardFactory> CreateAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            // Every test signs in afresh: more than the 20 sign-ins a minute one address may try.
            ["Hardening:SignInPerMinute"] = "1000",
        };
        // Each domain's small simulated register, from its export case.
        foreach (var (key, value) in DomainExportCase.All.Values.SelectMany(c => c.FixtureSettings))
        {
            settings.Add(key, value);
        }
        var app = new DashboardFactory(settings);
        _ = app.RootUri;
        var other = Heads[^1];
        var created = await app.Services.GetRequiredService<UserAdministration>().CreateAsync(
            "admin", other.UserName, other.DisplayName, OtherHeadPassword, [other.Role], [other.Opd!], default);
        if (!created.Succeeded)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"{other.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }
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
/// Every table and chart series of every registered domain page downloaded through the real host, as CSV and as .xlsx, against
/// the numbers the page's own query returns for the same scope (each domain's <see cref="DomainExportCase"/>); the metadata sheet; small-count suppression of
/// kelurahan-level counts; and the page's authorization (signed out, another OPD's head).
/// </summary>
public sealed partial class DomainExportTests(AllSourcesFixture fixture) : IClassFixture<AllSourcesFixture>
{
    private const int Minimum = 5; // Privacy:MinimumCount's default

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
            foreach (var domain in DomainRegistry.All)
            {
                foreach (var scope in DomainExportCase.All.TryGetValue(domain.Source, out var c) ? c.ScopesBelowTheCity : [])
                {
                    data.Add(domain.Source, scope);
                }
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
        Assert.True(DomainExportCase.All.TryGetValue(source, out var oracle), $"{source}: no DomainExportCase in its test folder (Web/<Domain>/<Domain>ExportCase.cs)");
        var expected = await oracle.ExpectedAsync(services, scope, ct);
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
        var ct = TestContext.Current.CancellationToken;
        var table = domain.Exports.TableIds.First();
        // Every head of an agency that does not own the domain (the demo head, and the one the fixture adds).
        var heads = AllSourcesFixture.Heads.Where(h => h.Opd != domain.Opd).ToList();
        Assert.NotEmpty(heads);

        foreach (var head in heads)
        {
            using var otherHead = new AccountClient(app);
            Assert.Equal("/opd/" + head.Opd, await otherHead.SignInAsync(head.UserName, AllSourcesFixture.PasswordOf(head)));
            foreach (var format in new[] { "csv", "xlsx" })
            {
                var path = new Uri($"{route}/ekspor/{table}.{format}", UriKind.Relative);
                var refused = await anonymous.Http.GetAsync(path, ct);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.StartsWith("/masuk", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
                Assert.Null(refused.Content.Headers.ContentDisposition);

                // That head does not own this domain: downloads are rows, their own agency's only (ReaderScope):
                // a city-wide download is refused, no file.
                var forbidden = await otherHead.Http.GetAsync(path, ct);
                Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
                Assert.Null(forbidden.Content.Headers.ContentDisposition);
            }
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
