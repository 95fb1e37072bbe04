using System.Security.Cryptography;
using System.Text;
using Dashboard.Ingest.Reporting;
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

    private readonly byte[] _key;

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
    /// The configured key, or (SQLite only) one generated once and kept in <c>data/pseudonym.key</c> under the
    /// content root. With SQL Server several nodes must share it, so the setting is required there.
    /// </summary>
    public static Pseudonymizer Create(IServiceProvider services)
    {
        var configured = services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration)) is Microsoft.Extensions.Configuration.IConfiguration c
            ? c[KeySetting]
            : null;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            if (bytes.Length < MinKeyLength)
            {
                throw new OptionsValidationException(KeySetting, typeof(Pseudonymizer),
                    [$"{KeySetting} must be at least {MinKeyLength} characters (a random secret from the environment or user-secrets)."]);
            }
            return new Pseudonymizer(bytes);
        }
        var provider = ((IOptions<DatabaseOptions>)services.GetService(typeof(IOptions<DatabaseOptions>))!).Value.Provider;
        if (provider != "Sqlite")
        {
            throw new OptionsValidationException(KeySetting, typeof(Pseudonymizer),
                [$"{KeySetting} is required with Database:Provider={provider}: every node must hash personal keys the same way."]);
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
