using Bunit;
using Bunit.TestDoubles;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Web.Features.Admissions;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Codes = Dashboard.Ingest.Sources.Admissions.AdmissionsIndicators.Codes;

namespace Dashboard.Tests.Web.Admissions;

public sealed class AdmissionsPageTests : WebTestContext
{
    // Start is Wednesday 10 June 2026, 14:00 WIB: the first domisili day, the busiest of the season.
    private const string Kauman = "35.73.02.1007";
    private const string Dinoyo = "35.73.05.1004";
    private const string Sukun = "35.73.04.1005";
    private const string SdNegeri = "20533001";
    private const string SmpNegeri = "20533002";
    private const string SdSwasta = "20533003";
    private static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);
    private readonly InMemoryReportingDb _db = new();
    private readonly KpiBroadcaster _broadcaster = new();

    public AdmissionsPageTests()
    {
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(_broadcaster);
        Services.AddSingleton<IRefreshRequests>(new NoRefresh());
        Services.AddSingleton<AdmissionsQueries>();
        ComponentFactories.AddStub<ApexChart>();
        AddAuthorization().SetAuthorized("kepala-disdikbud");
        UseInteractiveServerRenderer();
    }

    private static AdmissionSchool School(string npsn, string name, string level, string ownership, string kelurahan, int d, int a, int m, int p) => new()
    {
        Id = npsn, Name = name, Level = level, Ownership = ownership, KelurahanCode = kelurahan, KecamatanCode = kelurahan[..8],
        QuotaDomisili = d, QuotaAfirmasi = a, QuotaMutasi = m, QuotaPrestasi = p, UpdatedAt = Start.AddDays(-21),
    };

    private static AdmissionApplication Application(
        string id, string level, string route, string first, string key, string home, string status, string? placed, int juneDay, int year = 2026)
    {
        var submitted = new DateTimeOffset(year, 6, juneDay, 9, 0, 0, WibOffset);
        return new()
        {
            Id = id, Year = year, Level = level, Route = route, Choices = first, FirstChoice = first, ApplicantKey = key,
            HomeKelurahanCode = home, HomeKecamatanCode = home[..8], Status = status, PlacedSchoolId = placed,
            SubmittedAt = submitted, UpdatedAt = submitted.AddHours(2),
        };
    }

    private async Task SeedAsync()
    {
        await _db.SetSourceStateAsync(AdmissionsIndicators.Source, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.ApplicantsPerSeat, 0.07, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.VerifiedPct, 66.7, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.NotPlaced, 2, Start.AddMinutes(-2));
        await _db.SetSnapshotAsync(Codes.ApplicantsPerSeat, 0.06, Start.AddMinutes(-2), scope: SmpNegeri, kind: ScopeKind.School);
        await using var db = _db.CreateDbContext();
        db.Set<AdmissionSchool>().AddRange(
            School(SdNegeri, "SD Negeri Kauman 1", "SD", "negeri", Kauman, 21, 6, 1, 0),
            School(SmpNegeri, "SMP Negeri 3 Malang", "SMP", "negeri", Dinoyo, 13, 8, 2, 9),
            School(SdSwasta, "SD Muhammadiyah", "SD", "swasta", Kauman, 20, 6, 2, 0));
        db.Set<AdmissionApplication>().AddRange(
            Application("a1", "SD", "afirmasi", SdNegeri, "k1", Kauman, "daftar_ulang", SdNegeri, 3),
            Application("a2", "SD", "domisili", SdNegeri, "k2", Kauman, "terdaftar", null, 10),
            Application("a3", "SD", "domisili", SdNegeri, "k3", Kauman, "terverifikasi", null, 10),
            Application("a4", "SMP", "afirmasi", SmpNegeri, "k4", Dinoyo, "tidak_diterima", null, 3),
            Application("a5", "SMP", "domisili", SmpNegeri, "k4", Dinoyo, "terdaftar", null, 10),
            Application("a6", "SD", "afirmasi", SdNegeri, "k6", Sukun, "diterima", SdSwasta, 4),
            Application("a7", "SMP", "mutasi", SmpNegeri, "k7", Dinoyo, "mengundurkan_diri", null, 4),
            Application("old", "SMP", "domisili", SmpNegeri, "k8", Dinoyo, "tidak_diterima", null, 11, year: 2025));
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<AdmissionsPage> RenderPage(string url = "spmb")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<AdmissionsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=tile-SPMB]")));
        return cut;
    }

    private static IReadOnlyList<ChartSeries> Series(IRenderedComponent<AdmissionsPage> cut, string id) =>
        cut.FindComponents<Stub<ApexChart>>().Single(c => c.Instance.Parameters.Get(x => x.Id) == id).Instance.Parameters.Get(x => x.Series);

    private static IReadOnlyList<string> Categories(IRenderedComponent<AdmissionsPage> cut, string id) =>
        cut.FindComponents<Stub<ApexChart>>().Single(c => c.Instance.Parameters.Get(x => x.Id) == id).Instance.Parameters.Get(x => x.Categories);

    private static List<string> Cells(IRenderedComponent<AdmissionsPage> cut, string testId) =>
        [.. cut.Find($"[data-testid='{testId}']").QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task City_view_shows_tiles_levels_routes_statuses_days_schools_and_children_not_placed()
    {
        await SeedAsync();

        var cut = RenderPage();

        Assert.Equal(5, cut.FindAll("[data-testid=admissions-tiles] > article").Count);
        Assert.Equal("66,7 %", cut.Find($"[data-testid=tile-{Codes.VerifiedPct}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Contains("SPMB 2026", cut.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal("Hari pendaftaran tersibuk: 10 Juni 2026 (3 pendaftaran). Pendaftaran hari ini: 3.", cut.Find("[data-testid=season]").TextContent.Trim());

        Assert.Equal(4, cut.FindComponents<Stub<ApexChart>>().Count);
        Assert.Equal(["SD", "SMP"], Categories(cut, "chart-admissions-levels"));
        Assert.Equal([4d, 2], Series(cut, "chart-admissions-levels")[0].Values);
        Assert.Equal([56d, 32], Series(cut, "chart-admissions-levels")[1].Values);
        Assert.Equal(["Domisili", "Afirmasi", "Mutasi", "Prestasi"], Categories(cut, "chart-admissions-routes"));
        Assert.Equal([54d, 20, 5, 9], Series(cut, "chart-admissions-routes")[0].Values);
        Assert.Equal([0d, 2, 0, 0], Series(cut, "chart-admissions-routes")[1].Values);
        Assert.Equal(["Terdaftar", "Terverifikasi", "Diterima", "Tidak diterima", "Daftar ulang", "Mengundurkan diri"], Categories(cut, "chart-admissions-statuses"));
        Assert.Equal([2d, 1, 1, 1, 1, 1], Series(cut, "chart-admissions-statuses")[0].Values);
        Assert.Equal(["3 Jun", "4 Jun", "10 Jun"], Categories(cut, "chart-admissions-days"));
        Assert.Equal([2d, 2, 3], Series(cut, "chart-admissions-days")[0].Values);

        Assert.Equal(["SD Negeri Kauman 1", "28", "4", "0,14", "3,6 %", "27"], Cells(cut, $"school-{SdNegeri}"));
        Assert.Equal(["SD Muhammadiyah", "28", "0", "0,00", "3,6 %", "28"], Cells(cut, $"school-{SdSwasta}"));
        Assert.Equal([$"school-{SdNegeri}", $"school-{SmpNegeri}", $"school-{SdSwasta}"],
            cut.FindAll("[data-testid^=school-]").Select(e => e.GetAttribute("data-testid")));
        // k4 was not accepted anywhere; k6 holds a place in a private school only.
        Assert.Equal(["Dinoyo", "2", "1"], Cells(cut, $"not-placed-{Dinoyo}"));
        Assert.Equal(["Sukun", "1", "1"], Cells(cut, $"not-placed-{Sukun}"));
        Assert.Equal(2, cut.FindAll("[data-testid^='not-placed-3']").Count);
        Assert.Equal($"spmb?sekolah={SmpNegeri}", cut.Find($"[data-testid=school-{SmpNegeri}] a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=refresh-button]"));
    }

    [Fact]
    public async Task Children_not_placed_stand_beside_the_seats_left_of_their_own_level()
    {
        await SeedAsync();

        var cut = RenderPage();

        // SD: k6 (placed in a private school only); seats left 28 − 1 re-registered + 28. SMP: k4; 32 seats, none taken.
        Assert.Equal(["SD", "1", "55"], Cells(cut, "level-SD"));
        Assert.Equal(["SMP", "1", "32"], Cells(cut, "level-SMP"));
    }

    [Fact]
    public async Task Outside_the_season_the_page_shows_that_seasons_summary_labelled_and_its_registration_days_only()
    {
        await SeedAsync();
        await using (var db = _db.CreateDbContext())
        {
            // Transfers between seasons: one in November, one this December morning.
            AdmissionApplication Transfer(string id, DateTimeOffset at) => new()
            {
                Id = id, Year = 2026, Level = "SD", Route = "mutasi", Choices = SdNegeri, FirstChoice = SdNegeri, ApplicantKey = "t" + id,
                HomeKelurahanCode = Kauman, HomeKecamatanCode = Kauman[..8], Status = "terdaftar", SubmittedAt = at, UpdatedAt = at,
            };
            db.Set<AdmissionApplication>().AddRange(
                Transfer("m1", new DateTimeOffset(2026, 11, 20, 9, 0, 0, WibOffset)),
                Transfer("m2", new DateTimeOffset(2026, 12, 7, 8, 0, 0, WibOffset)));
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        Time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 10, 0, 0, WibOffset));

        var cut = RenderPage();

        Assert.Equal("Di luar masa pendaftaran: ringkasan SPMB 2026 (pendaftaran 3 Juni 2026 – 10 Juni 2026). Hari pendaftaran tersibuk: 10 Juni 2026 (3 pendaftaran). Pendaftaran mutasi di luar musim hari ini: 1.",
            cut.Find("[data-testid=season]").TextContent.Trim());
        Assert.Equal(["3 Jun", "4 Jun", "10 Jun"], Categories(cut, "chart-admissions-days"));
    }

    [Fact]
    public async Task Region_in_the_url_scopes_seats_by_school_and_children_by_home()
    {
        await SeedAsync();

        var cut = RenderPage("spmb?wilayah=35.73.02");

        Assert.Equal(["Kota Malang", "Klojen"], cut.FindAll("[data-testid=scope-trail] > *").Where(e => e.ClassList.Length == 0 || !e.ClassList.Contains("scope-trail__sep")).Select(e => e.TextContent.Trim()));
        Assert.Contains("scope-trail__current", cut.Find("[data-testid='filter-35.73.02']").ClassName, StringComparison.Ordinal);
        Assert.Equal(["SD"], Categories(cut, "chart-admissions-levels"));
        Assert.Equal([4d], Series(cut, "chart-admissions-levels")[0].Values);
        Assert.Equal(2, cut.FindAll("[data-testid^=school-]").Count);
        Assert.Empty(cut.FindAll("[data-testid^='not-placed-3']"));
        Assert.Equal("Belum ada calon murid yang tidak tertampung.", cut.Find("[data-testid=not-placed] p").TextContent.Trim());
    }

    [Fact]
    public async Task School_in_the_url_shows_that_school_without_the_children_tile()
    {
        await SeedAsync();

        var cut = RenderPage($"spmb?sekolah={SmpNegeri}");

        Assert.Equal("SMP Negeri 3 Malang", cut.Find("[data-testid=scope-trail] [aria-current=page]").TextContent.Trim());
        Assert.Contains("Dinoyo", cut.Find("[data-testid=scope-trail]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0,06", cut.Find($"[data-testid=tile-{Codes.ApplicantsPerSeat}] [data-testid=tile-value]").TextContent.Trim());
        Assert.Empty(cut.FindAll($"[data-testid=tile-{Codes.NotPlaced}]"));
        Assert.Empty(cut.FindAll("[data-testid=not-placed]"));
        Assert.Equal([1d, 0, 0, 1, 0, 1], Series(cut, "chart-admissions-statuses")[0].Values);
        Assert.Equal(["SMP Negeri 3 Malang", "32", "2", "0,06", "0 %", "32"], Cells(cut, $"school-{SmpNegeri}"));
    }

    [Fact]
    public async Task New_registrations_update_the_page_live()
    {
        await SeedAsync();
        var cut = RenderPage();
        Assert.Equal([2d, 2, 3], Series(cut, "chart-admissions-days")[0].Values);

        await using (var db = _db.CreateDbContext())
        {
            db.Set<AdmissionApplication>().Add(Application("a9", "SMP", "domisili", SmpNegeri, "k9", Sukun, "terdaftar", null, 10));
            await db.SaveChangesAsync();
        }
        await _db.SetSnapshotAsync(Codes.ApplicantsPerSeat, 0.09, Start);
        _broadcaster.Publish(new IndicatorsChanged("Complaints", Start, RunId: 7, ["ADUAN_MASUK"]));
        _broadcaster.Publish(new IndicatorsChanged(AdmissionsIndicators.Source, Start, RunId: 8, [Codes.ApplicantsPerSeat]));

        // The markup and the chart's parameters settle in the same render: wait for both.
        cut.WaitForAssertion(() =>
        {
            Assert.Equal([2d, 2, 4], Series(cut, "chart-admissions-days")[0].Values);
            Assert.Equal("0,09", cut.Find($"[data-testid=tile-{Codes.ApplicantsPerSeat}] [data-testid=tile-value]").TextContent.Trim());
        });
        Assert.Contains("Pendaftaran hari ini: 4.", cut.Find("[data-testid=season]").TextContent, StringComparison.Ordinal);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _db.Dispose();
    }

    private sealed class NoRefresh : IRefreshRequests
    {
        public Task<string> RequestAsync(string source, RunRequest request, CancellationToken ct = default) => Task.FromResult("job-0");
    }
}
