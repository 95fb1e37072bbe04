using System.Globalization;

namespace Dashboard.Web.Shared.Localization;

/// <summary>The cultures the UI speaks: Bahasa Indonesia first (the default), English second.</summary>
public static class DashboardCultures
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";
    public const string Default = Indonesian;

    public static IReadOnlyList<string> Supported { get; } = [Indonesian, English];

    /// <summary>True when <paramref name="name"/> is one of <see cref="Supported"/> (case-insensitive).</summary>
    public static bool IsSupported(string? name) =>
        name is not null && Supported.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the current UI culture is Indonesian (the default for anything unsupported).</summary>
    public static bool IsIndonesian(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName != "en";
    }
}
