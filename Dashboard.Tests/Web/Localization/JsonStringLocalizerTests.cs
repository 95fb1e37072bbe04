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

    [Fact]
    public void Every_feature_text_table_is_embedded_in_both_languages_with_the_same_keys()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Dashboard.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        var features = Directory.GetFiles(Path.Combine(root, "Dashboard.Web", "Features"), "*.json", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        var assembly = typeof(JsonStringLocalizerFactory).Assembly;
        var embedded = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(JsonStringLocalizerFactory.ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[JsonStringLocalizerFactory.ResourcePrefix.Length..])
            .ToList();

        Assert.NotEmpty(features);
        // Not culture-inferred into satellite assemblies (Foo.id.json looks like culture "id" to MSBuild).
        Assert.All(features, f => Assert.Contains(f, embedded));
        foreach (var id in features.Where(f => f!.EndsWith(".id.json", StringComparison.Ordinal)))
        {
            var en = id![..^".id.json".Length] + ".en.json";
            Assert.Equal(Keys(assembly, id), Keys(assembly, en));
        }
        In(DashboardCultures.Indonesian);
        Assert.False(L["complaints.title"].ResourceNotFound);
    }

    private static List<string> Keys(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(JsonStringLocalizerFactory.ResourcePrefix + name)!;
        return [.. System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.Keys.Order(StringComparer.Ordinal)];
    }
}
