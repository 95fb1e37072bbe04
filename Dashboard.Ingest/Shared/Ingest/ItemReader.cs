using System.Text.Json;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Reads one source item field by field, collecting every problem instead of stopping at the first, so a
/// quarantined item carries all its reasons. Values outside a contract's enum are flagged and kept only when they look
/// like a code (<see cref="IsPlausibleCode"/>); anything else, a person's name for example, becomes <see cref="Unknown"/>.
/// Reasons name the field and the rule, never the value. Nullable fields must still be present: a missing field is a
/// broken item, an explicit null is a value.
/// </summary>
public sealed class ItemReader(JsonElement item)
{
    /// <summary>What an unknown value that does not look like a code is stored as.</summary>
    public const string Unknown = "lainnya";

    // Made on the first problem: most items have none (a million-item load reads a million of these).
    private List<string>? _errors;
    private List<string>? _flags;

    public bool IsObject => item.ValueKind == JsonValueKind.Object;
    public bool HasErrors => _errors is { Count: > 0 } || !IsObject;
    public string Errors => IsObject ? string.Join("; ", _errors ?? []) : $"item bukan objek JSON ({item.ValueKind})";
    public string? Flags => _flags is null or { Count: 0 } ? null : string.Join(',', _flags);

    public string? RequiredString(string name) => String(name, required: true);

    public string? OptionalString(string name) => String(name, required: false);

    public string? RequiredEnum(string name, IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var value = String(name, required: true);
        if (value is not null && !known.Contains(value))
        {
            (_flags ??= []).Add(name);
            return Neutral(value);
        }
        return value;
    }

    /// <summary>A code that must be one of <paramref name="known"/> to be used; unknown codes are flagged (and neutralised).</summary>
    public string? OptionalCode(string name, Func<string, bool> isKnown) => Code(name, isKnown, required: false);

    /// <summary>A required code: unknown codes are flagged, and kept only when they look like a code.</summary>
    public string? RequiredCode(string name, Func<string, bool> isKnown) => Code(name, isKnown, required: true);

    /// <summary>
    /// A free-text label the contract allows (a complaint's category): kept when it is one of <paramref name="known"/>,
    /// otherwise flagged and replaced by <paramref name="unknown"/>, because free text can carry anything, a name included.
    /// </summary>
    public string? RequiredLabel(string name, IReadOnlySet<string> known, string unknown)
    {
        ArgumentNullException.ThrowIfNull(known);
        var value = String(name, required: true);
        if (value is not null && !known.Contains(value))
        {
            (_flags ??= []).Add(name);
            return unknown;
        }
        return value;
    }

    /// <summary>
    /// A record's id kept as it is (not hashed): it must look like an identifier (no spaces or control characters, at most 128
    /// characters), so a name cannot become a key; anything else rejects the item. Digits are not judged: real transaction
    /// numbers hold long digit runs (NTPD + date + hex), indistinguishable from a NIK.
    /// </summary>
    public string? RequiredId(string name)
    {
        var value = String(name, required: true);
        if (value is not null && !IsPlausibleId(value))
        {
            (_errors ??= []).Add($"{name}: bukan bentuk pengenal (spasi atau lebih dari 128 karakter)");
            return null;
        }
        return value;
    }

    private string? Code(string name, Func<string, bool> isKnown, bool required)
    {
        ArgumentNullException.ThrowIfNull(isKnown);
        var value = String(name, required);
        if (value is not null && !isKnown(value))
        {
            (_flags ??= []).Add(name);
            return Neutral(value);
        }
        return value;
    }

    /// <summary>An unknown value as stored: itself when it looks like a code, <see cref="Unknown"/> otherwise.</summary>
    public static string Neutral(string value) => IsPlausibleCode(value) ? value : Unknown;

    /// <summary>
    /// Whether an unknown value looks like a new code of the source rather than free text: at most 24 characters, a letter
    /// first, then letters of one case (all lower or all upper), digits (never three in a row), <c>_ - . /</c>.
    /// </summary>
    public static bool IsPlausibleCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 24 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }
        bool lower = false, upper = false;
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits >= 3)
                {
                    return false;
                }
                continue;
            }
            digits = 0;
            if (char.IsAsciiLetterLower(c))
            {
                lower = true;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper = true;
            }
            else if (c is not ('_' or '-' or '.' or '/'))
            {
                return false;
            }
        }
        return !(lower && upper);
    }

    /// <summary>Whether a value kept as a record's id looks like one (see <see cref="RequiredId"/>).</summary>
    public static bool IsPlausibleId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 128)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }
        return true;
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
            (_errors ??= []).Add($"{name}: bukan bilangan bulat ({e.ValueKind})");
            return null;
        }
        if (v < min || v > max)
        {
            (_errors ??= []).Add($"{name}: di luar rentang {min}–{max}");
            return null;
        }
        return v;
    }

    public bool OptionalBool(string name) =>
        TryGet(name, out var e) && e.ValueKind == JsonValueKind.True;

    /// <summary>Flags a field the mapper found a value outside the contract in (inside a list, for example).</summary>
    public void Flag(string name) => (_flags ??= []).Add(name);

    /// <summary>Adds a rule violation found by the mapper (for example timestamps out of order).</summary>
    public void Error(string message) => (_errors ??= []).Add(message);

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
                (_errors ??= []).Add($"{name}: wajib diisi");
            }
            return null;
        }
        if (e.ValueKind != JsonValueKind.String)
        {
            (_errors ??= []).Add($"{name}: bukan string ({e.ValueKind})");
            return null;
        }
        string? s;
        try
        {
            s = e.GetString();
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 inside the string: this item is broken, not the page.
            (_errors ??= []).Add($"{name}: teks bukan UTF-8 yang sah");
            return null;
        }
        if (string.IsNullOrWhiteSpace(s))
        {
            if (required)
            {
                (_errors ??= []).Add($"{name}: kosong");
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
        if (!IsoTime.TryParseZoned(s, out var value))
        {
            (_errors ??= []).Add($"{name}: bukan waktu ISO-8601 dengan zona");
            return null;
        }
        return value;
    }

    private bool Present(string name, out JsonElement value)
    {
        if (TryGet(name, out value))
        {
            return true;
        }
        (_errors ??= []).Add($"{name}: tidak ada");
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
}
