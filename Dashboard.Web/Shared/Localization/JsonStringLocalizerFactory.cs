using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Shared.Localization;

/// <summary>
/// Serves every <see cref="IStringLocalizer"/> from one flat key → text table per language: the shared texts
/// (<c>Shared/Localization/Resources/id.json</c>, <c>en.json</c>) merged with each feature's own
/// (<c>Features/Staffing/Staffing.id.json</c>…), so a new page brings its texts in its own folder. A key defined
/// twice stops start-up. The tables are read once; lookups allocate nothing and never log.
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
        var assembly = typeof(JsonStringLocalizerFactory).Assembly;
        var shared = ResourcePrefix + language + ".json";
        var names = assembly.GetManifestResourceNames()
            .Where(n => n == shared || (n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith("." + language + ".json", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!names.Contains(shared))
        {
            throw new InvalidOperationException($"Embedded resource '{shared}' is missing from Dashboard.Web.");
        }
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var table = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Embedded resource '{name}' is empty.");
            foreach (var (key, text) in table)
            {
                if (!merged.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"Text key '{key}' is defined twice ({name}).");
                }
            }
        }
        return merged.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
