using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Shared.Localization;

/// <summary>
/// Serves every <see cref="IStringLocalizer"/> from two embedded key → text tables (<c>Resources/id.json</c>,
/// <c>Resources/en.json</c>). One flat table for the whole UI: texts are few, and translators see them in
/// one place. The tables are read once; lookups allocate nothing and never log.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    internal const string ResourcePrefix = "Dashboard.Web.Localization.";

    private readonly JsonStringLocalizer _localizer;

    public JsonStringLocalizerFactory()
    {
        var tables = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in DashboardCultures.Supported)
        {
            var language = culture[..2];
            tables[language] = Load(language);
        }
        _localizer = new JsonStringLocalizer(tables.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;

    private static FrozenDictionary<string, string> Load(string language)
    {
        var name = ResourcePrefix + language + ".json";
        using var stream = typeof(JsonStringLocalizerFactory).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from Dashboard.Web.");
        var table = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is empty.");
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
