using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Auth;

/// <summary>Sign-in, lock-out and session re-checks (<c>Auth:*</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Wrong passwords in a row before an account is locked.</summary>
    [Range(3, 50, ErrorMessage = "Auth:LockoutAttempts must be between 3 and 50.")]
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a lock-out lasts.</summary>
    [Range(1, 1440, ErrorMessage = "Auth:LockoutMinutes must be between 1 and 1440.")]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Minimum password length for accounts created or changed in the app (length beats composition rules).</summary>
    [Range(10, 128, ErrorMessage = "Auth:MinPasswordLength must be between 10 and 128.")]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>
    /// How often open sessions (cookies) and Blazor circuits re-check that the user still exists, is enabled and
    /// unlocked, and has the same roles: a revoked user loses access within this interval plus one request.
    /// </summary>
    [Range(5, 3600, ErrorMessage = "Auth:RevalidateSeconds must be between 5 and 3600.")]
    public int RevalidateSeconds { get; set; } = 30;

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    [Range(1, 168, ErrorMessage = "Auth:SessionHours must be between 1 and 168.")]
    public int SessionHours { get; set; } = 12;
}
