using System.Text;

namespace Dashboard.Web.Auth.Hardening;

/// <summary>
/// Return and redirect addresses taken from a request (<c>ReturnUrl</c>, <c>redirectUri</c>): only a path on this site,
/// and one that fits in a <c>Location</c> header. Anything else goes to the start page, so a crafted link never
/// sends a user elsewhere and never breaks the response.
/// </summary>
public static class LocalRedirects
{
    /// <summary><paramref name="url"/> when it is a local path, with characters a header cannot carry percent-encoded; otherwise "/".</summary>
    public static string Safe(string? url)
    {
        if (!Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(url) || url![0] != '/')
        {
            return "/";
        }
        var builder = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c is > ' ' and < '\u007f')
            {
                builder.Append(c);
                continue;
            }
            var length = char.IsSurrogatePair(url, i) ? 2 : 1;
            Rune rune;
            if (!(length == 2 ? Rune.TryCreate(url[i], url[i + 1], out rune) : Rune.TryCreate(url[i], out rune)))
            {
                // A lone surrogate cannot be encoded: the address is not one of ours.
                return "/";
            }
            var written = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..written])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            i += length - 1;
        }
        return builder.ToString();
    }
}
