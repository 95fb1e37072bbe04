using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Features.Walls;

/// <summary>
/// Screen tokens: 32 random bytes, base64url. Only their SHA-256 is stored; a plain hash suffices because the token
/// has 256 bits of entropy (nothing to brute-force), and it lets the database find the screen by index.
/// </summary>
public static class WallTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Rejects anything that cannot be a token before it reaches the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
