using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Shared.Localization;

/// <summary>
/// Looks a key up in the table of the current UI culture's language, then in Indonesian (the default),
/// and falls back to the key itself (<see cref="LocalizedString.ResourceNotFound"/> = true).
/// </summary>
public sealed class JsonStringLocalizer(FrozenDictionary<string, FrozenDictionary<string, string>> tables) : IStringLocalizer
{
    private const string DefaultLanguage = "id";

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            return Find(name, out var text)
                ? new LocalizedString(name, text, resourceNotFound: false)
                : new LocalizedString(name, name, resourceNotFound: true);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var found = Find(name, out var format);
            var text = string.Format(CultureInfo.CurrentCulture, found ? format : name, arguments);
            return new LocalizedString(name, text, resourceNotFound: !found);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var table = tables.GetValueOrDefault(language) ?? tables[DefaultLanguage];
        var keys = includeParentCultures ? table.Keys.Union(tables[DefaultLanguage].Keys) : table.Keys;
        return keys.Select(key => this[key]);
    }

    private bool Find(string name, out string text)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (tables.TryGetValue(language, out var table) && table.TryGetValue(name, out var value))
        {
            text = value;
            return true;
        }
        if (tables.TryGetValue(DefaultLanguage, out var fallback) && fallback.TryGetValue(name, out value))
        {
            text = value;
            return true;
        }
        text = name;
        return false;
    }
}
