using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Privacy;

/// <summary>
/// Turns a personal key (an NIP, an NPWPD, a registry id) into a stable keyed hash, so records can be joined
/// without the key being stored. HMAC-SHA256 with a secret key (<c>Ingest:PseudonymKey</c>): NIPs have a small,
/// structured space, so a plain hash could be reversed by enumeration.
/// </summary>
public sealed class Pseudonymizer
{
    public const string KeySetting = "Ingest:PseudonymKey";
    public const int MinKeyLength = 32;

    /// <summary>Tokens kept in memory a purpose (never stored): enough for every NIP of a city's staff, cleared when full.</summary>
    public const int CacheLimit = 20_000;

    private readonly byte[] _key;
    /// <summary>Recent tokens by purpose, then by value: a value can be looked up as a span of a longer id.</summary>
    private readonly ConcurrentDictionary<string, BoundedCache<string, string>> _recurring = new(StringComparer.Ordinal);

    public Pseudonymizer(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"{KeySetting} must be at least {MinKeyLength} bytes.", nameof(key));
        }
        _key = key;
    }

    /// <summary>A 26-character token (<c>p_</c> + 24 hex digits, 96 bits) for <paramref name="value"/> under a purpose.</summary>
    public string Hash(string purpose, string value)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\u001f" + value.Trim()), mac);
        return "p_" + Convert.ToHexStringLower(mac[..12]);
    }

    /// <summary>
    /// <see cref="Hash"/> for a key that recurs item after item (an NIP in every attendance item of its owner): recent
    /// tokens are kept in a bounded in-memory cache (never stored or logged), one HMAC per distinct key instead of one
    /// per item. Only for keys of a small population (a city's staff), so that the cache holds few personal keys.
    /// </summary>
    public string HashRecurring(string purpose, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return HashRecurring(purpose, value.AsSpan());
    }

    /// <summary><see cref="HashRecurring(string, string)"/> of a part of a longer text (an NIP inside a record's id), without copying it out first.</summary>
    public string HashRecurring(string purpose, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var tokens = _recurring.GetOrAdd(purpose, static _ => new BoundedCache<string, string>(CacheLimit, StringComparer.Ordinal));
        return tokens.GetOrAdd(value, (Pseudonymizer: this, Purpose: purpose), static (v, s) => s.Pseudonymizer.Hash(s.Purpose, v.ToString()));
    }

    /// <summary>
    /// The configured key (<c>Ingest:PseudonymKey</c>, validated at start-up), or with SQLite one generated once and
    /// kept in <c>data/pseudonym.key</c> under the content root.
    /// </summary>
    public static Pseudonymizer Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configured = ((IOptions<IngestOptions>)services.GetService(typeof(IOptions<IngestOptions>))!).Value.PseudonymKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Pseudonymizer(Encoding.UTF8.GetBytes(configured));
        }
        var root = ((IHostEnvironment)services.GetService(typeof(IHostEnvironment))!).ContentRootPath;
        return new Pseudonymizer(LocalKey(Path.Combine(root, "data", "pseudonym.key")));
    }

    private static byte[] LocalKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromHexString(File.ReadAllText(path).Trim());
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinKeyLength);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToHexString(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Convert.FromHexString(File.ReadAllText(path).Trim());
        }
        return key;
    }
}
