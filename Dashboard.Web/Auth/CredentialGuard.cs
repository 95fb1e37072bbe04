using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Outside Development, refuses to start while a setting that holds a secret (a password, a key, a client secret,
/// an API key) carries a documented demo value or a placeholder: such a value is public, so it is no secret.
/// The failure names the key. In Development every value is accepted (the demo runs on them).
/// </summary>
public sealed class CredentialGuard(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    /// <summary>Values published in this repository (README, tests, examples) or typical placeholders.</summary>
    private static readonly string[] KnownValues =
    [
        DemoUsers.Password, "test-api-key-0123456789", "changeme", "change-me", "password", "secret", "admin", "ganti",
    ];

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value) || !HoldsSecret(key))
            {
                continue;
            }
            if (IsDemoOrPlaceholder(value))
            {
                failures.Add($"{key} holds a demo or placeholder credential; set a real secret from the environment or user-secrets (demo values are allowed only in Development).");
            }
            else if (key.StartsWith("Api:Keys:", StringComparison.OrdinalIgnoreCase) && value.Length < 32)
            {
                failures.Add($"{key} is shorter than 32 characters; API keys must be long random secrets.");
            }
            else if (key.StartsWith("Api:Keys:", StringComparison.OrdinalIgnoreCase) && IsTrivial(value))
            {
                failures.Add($"{key} is long but not random (repeated text, a run like abc123, or too few different characters); " +
                    "generate one, e.g. `openssl rand -hex 32`.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// A key whose length hides how little it holds: a repeated piece (most three-character pieces occur twice), a run
    /// of neighbouring characters (abcdef, 123456), few different characters, or under 80 bits by its own character
    /// frequencies. Random keys of 32 hex characters or more pass (fewer than 1 in 10,000 of them trip a rule).
    /// </summary>
    internal static bool IsTrivial(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var n = value.Length;
        if (n < 3 || value.Distinct().Count() < 6)
        {
            return true;
        }
        var pieces = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= n; i++)
        {
            pieces.Add(value.Substring(i, 3));
        }
        if (pieces.Count < 0.8 * (n - 2))
        {
            return true;
        }
        var neighbours = 0;
        for (var i = 1; i < n; i++)
        {
            neighbours += Math.Abs(value[i] - value[i - 1]) <= 1 ? 1 : 0;
        }
        if (neighbours > 0.6 * (n - 1))
        {
            return true;
        }
        var bits = -value.GroupBy(c => c).Sum(g => (double)g.Count() / n * Math.Log2((double)g.Count() / n)) * n;
        return bits < 80;
    }

    private static bool HoldsSecret(string key)
    {
        if (key.StartsWith("Api:Keys:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var last = key[(key.LastIndexOf(':') + 1)..];
        return last.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
            || last.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)
            || last.EndsWith("Key", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsDemoOrPlaceholder(string value)
    {
        // A connection string is checked for its password part only.
        var secret = value;
        var at = value.IndexOf("Password=", StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            secret = value[(at + "Password=".Length)..].Split(';')[0];
        }
        else if (value.Contains('=', StringComparison.Ordinal) && value.Contains(';', StringComparison.Ordinal))
        {
            return false;
        }
        secret = secret.Trim().Trim('\'', '"');
        return secret.StartsWith('<') || secret.Contains(DemoUsers.Password, StringComparison.Ordinal)
            || KnownValues.Any(k => string.Equals(secret, k, StringComparison.OrdinalIgnoreCase));
    }
}
