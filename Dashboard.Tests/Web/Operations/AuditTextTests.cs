using System.Globalization;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Web.Features.Operations;
using Dashboard.Web.Features.Walls;
using Dashboard.Web.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Tests.Web.Operations;

/// <summary>The audit log as people read it: labels for action codes, instants in WIB for the reader's culture, settings in words.</summary>
public sealed class AuditTextTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private static AuditText NewText() =>
        new(new StringLocalizer<UiStrings>(new JsonStringLocalizerFactory()), WebTestContext.NewFormatter());

    private static void Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    [Theory]
    [InlineData(DashboardCultures.Indonesian, "Perbarui sekarang", "Layar dinding dicabut")]
    [InlineData(DashboardCultures.English, "Refresh now", "Wall screen revoked")]
    public void Action_codes_read_as_labels_in_the_readers_language(string culture, string refresh, string revoke)
    {
        Use(culture);
        var text = NewText();

        Assert.Equal(refresh, text.Action(AuditActions.Refresh));
        Assert.Equal(revoke, text.Action(WallScreenService.AuditRevoke));
        Assert.Equal("something.new", text.Action("something.new"));
    }

    [Fact]
    public void Every_action_the_code_writes_has_a_label_in_both_languages()
    {
        string[] codes =
        [
            AuditActions.Refresh, AuditActions.Pause, AuditActions.Resume, AuditActions.AutoResume, AuditActions.QuarantineReviewed,
            AuditActions.AlertAcknowledged, AuditActions.ScheduleChanged, WallScreenService.AuditCreate, WallScreenService.AuditUpdate,
            WallScreenService.AuditRotate, WallScreenService.AuditRevoke, "apiclient.create", "apiclient.revoke",
            .. typeof(Dashboard.Ingest.Shared.Indicators.IndicatorAuditActions).GetFields().Select(f => (string)f.GetRawConstantValue()!),
            .. typeof(Dashboard.Web.Auth.UserAdministration).GetNestedTypes().SelectMany(t => t.GetFields())
                .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!),
        ];
        foreach (var culture in DashboardCultures.Supported)
        {
            Use(culture);
            var text = NewText();
            Assert.All(codes, code => Assert.NotEqual(code, text.Action(code)));
        }
    }

    [Fact]
    public void A_pause_reads_in_WIB_and_in_English_for_an_English_reader()
    {
        Use(DashboardCultures.English);
        var stored = "dijeda sejak 2026-12-06T21:17:41.5439013+00:00 oleh operator sampai 2026-12-07T01:00:00.0000000+00:00: pemeliharaan";

        var shown = NewText().Value(stored);

        Assert.Equal("paused since 7 December 2026 04:17 WIB by operator until 7 December 2026 08:00 WIB: pemeliharaan", shown);
        Assert.DoesNotContain("+00:00", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_stored_instant_is_shown_in_WIB_for_the_culture()
    {
        Use(DashboardCultures.Indonesian);

        Assert.Equal("berlaku 7 Desember 2026 04:17 WIB", NewText().Value("berlaku 2026-12-06T21:17:41.5439013+00:00"));
        Assert.Equal("aktif", NewText().Value("aktif"));
    }

    [Theory]
    [InlineData(DashboardCultures.Indonesian,
        "Dinding NCC · Balai Kota · Kota Malang hari ini, Aduan masyarakat · ganti papan tiap 60 dtk · tanpa giliran kecamatan · tema gelap · tanpa redup malam")]
    [InlineData(DashboardCultures.English,
        "Dinding NCC · Balai Kota · Kota Malang today, Public complaints · next board every 60 s · no kecamatan rotation · dark theme · no night dimming")]
    public void A_wall_screens_settings_read_as_words(string culture, string expected)
    {
        Use(culture);

        var shown = NewText().Value("Dinding NCC · Balai Kota · kota,aduan · 60 s · wilayah=False · Dark · malam=-");

        Assert.Equal(expected, shown);
        Assert.DoesNotContain("wilayah=", shown, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
