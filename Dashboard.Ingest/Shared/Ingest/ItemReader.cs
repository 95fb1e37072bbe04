using System.Globalization;
using System.Text.Json;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Reads one source item field by field, collecting every problem instead of stopping at the first, so a
/// quarantined item carries all its reasons. Values outside a contract's enum are kept and flagged.
/// Nullable fields must still be present: a missing field is a broken item, an explicit null is a value.
/// </summary>
public sealed class ItemReader(JsonElement item)
{
    private readonly List<string> _errors = [];
    private readonly List<string> _flags = [];

    public bool IsObject => item.ValueKind == JsonValueKind.Object;
    public bool HasErrors => _errors.Count > 0 || !IsObject;
    public string Errors => IsObject ? string.Join("; ", _errors) : $"item bukan objek JSON ({item.ValueKind})";
    public string? Flags => _flags.Count == 0 ? null : string.Join(',', _flags);

    public string? RequiredString(string name) => String(name, required: true);

    public string? OptionalString(string name) => String(name, required: false);

    public string? RequiredEnum(string name, IReadOnlySet<string> known)
    {
        var value = String(name, required: true);
        if (value is not null && !known.Contains(value))
        {
            _flags.Add(name);
        }
        return value;
    }

    /// <summary>A code that must be one of <paramref name="known"/> to be used; unknown codes are flagged.</summary>
    public string? OptionalCode(string name, Func<string, bool> isKnown)
    {
        var value = String(name, required: false);
        if (value is not null && !isKnown(value))
        {
            _flags.Add(name);
        }
        return value;
    }

    public DateTimeOffset? RequiredTimestamp(string name) => Timestamp(name, required: true);

    public DateTimeOffset? OptionalTimestamp(string name) => Timestamp(name, required: false);

    public int? OptionalInt(string name, int min, int max)
    {
        if (!Present(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v))
        {
            _errors.Add($"{name}: bukan bilangan bulat ({e.ValueKind})");
            return null;
        }
        if (v < min || v > max)
        {
            _errors.Add($"{name}: {v} di luar rentang {min}–{max}");
            return null;
        }
        return v;
    }

    public bool OptionalBool(string name) =>
        TryGet(name, out var e) && e.ValueKind == JsonValueKind.True;

    /// <summary>Adds a rule violation found by the mapper (for example timestamps out of order).</summary>
    public void Error(string message) => _errors.Add(message);

    private string? String(string name, bool required)
    {
        if (!Present(name, out var e))
        {
            return null;
        }
        if (e.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                _errors.Add($"{name}: wajib diisi");
            }
            return null;
        }
        if (e.ValueKind != JsonValueKind.String)
        {
            _errors.Add($"{name}: bukan string ({e.ValueKind})");
            return null;
        }
        var s = e.GetString();
        if (string.IsNullOrWhiteSpace(s))
        {
            if (required)
            {
                _errors.Add($"{name}: kosong");
            }
            return null;
        }
        return s;
    }

    private DateTimeOffset? Timestamp(string name, bool required)
    {
        var s = String(name, required);
        if (s is null)
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ||
            !HasOffset(s))
        {
            _errors.Add($"{name}: '{Truncate(s)}' bukan waktu ISO-8601 dengan zona");
            return null;
        }
        return value.ToUniversalTime();
    }

    private static bool HasOffset(string s) =>
        s.EndsWith('Z') || s.EndsWith('z') || (s.Length > 6 && (s[^6] is '+' or '-') && s[^3] == ':');

    private bool Present(string name, out JsonElement value)
    {
        if (TryGet(name, out value))
        {
            return true;
        }
        _errors.Add($"{name}: tidak ada");
        return false;
    }

    private bool TryGet(string name, out JsonElement value)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out value))
        {
            return true;
        }
        value = default;
        return false;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
