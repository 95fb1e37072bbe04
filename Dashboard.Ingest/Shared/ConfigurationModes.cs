using Microsoft.Extensions.Configuration;

namespace Dashboard.Ingest.Shared;

/// <summary>
/// Reads a mode setting (<c>Database:Provider</c>, <c>Node:Role</c>, <c>Hangfire:Storage</c>) as its enum where the
/// registration depends on it, before the options are validated: by name, case-insensitive, as the options binder does.
/// Anything else (an unknown name, a number) stops start-up with a message that names the key and the allowed values.
/// </summary>
public static class ConfigurationModes
{
    public static TEnum Read<TEnum>(IConfiguration configuration, string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<TEnum>(name)
            : throw new InvalidOperationException($"{key} must be {Allowed<TEnum>()} (is '{value}').");
    }

    /// <summary>The allowed names as a message lists them: <c>'A', 'B' or 'C'</c>.</summary>
    public static string Allowed<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>().Select(n => $"'{n}'").ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
