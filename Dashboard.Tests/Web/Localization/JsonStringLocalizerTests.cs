using System.Globalization;
using System.Text.Json;
using Dashboard.Web.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Tests.Web.Localization;

public sealed class JsonStringLocalizerTests
{
    private static readonly IStringLocalizer L = new JsonStringLocalizerFactory().Create(typeof(UiStrings));

    private static void In(string culture) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    [Fact]
    public void Indonesian_is_the_default_and_english_the_second_language()
    {
        In(DashboardCultures.Indonesian);
        Assert.Equal("Dasbor Wali Kota Malang", L["app.title"]);
        In(DashboardCultures.English);
        Assert.Equal("Malang Mayor's Dashboard", L["app.title"]);
        In("fr-FR");
        Assert.Equal("Dasbor Wali Kota Malang", L["app.title"]);
    }

    [Fact]
    public void Unknown_key_falls_back_to_the_key()
    {
        In(DashboardCultures.Indonesian);
        var text = L["no.such.key"];
        Assert.True(text.ResourceNotFound);
        Assert.Equal("no.such.key", text.Value);
    }

    [Fact]
    public void Arguments_are_formatted_into_the_text()
    {
        In(DashboardCultures.Indonesian);
        Assert.Equal("3 menit lalu", L["age.ago", "3 menit"]);
    }

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        static HashSet<string> Keys(string language)
        {
            using var stream = typeof(JsonStringLocalizerFactory).Assembly
                .GetManifestResourceStream($"Dashboard.Web.Localization.{language}.json")!;
            return [.. JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.Keys];
        }
        var id = Keys("id");
        var en = Keys("en");
        Assert.Empty(id.Except(en));
        Assert.Empty(en.Except(id));
    }
}
