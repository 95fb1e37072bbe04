using System.Text;
using System.Text.Json;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Keeps only a contract's declared non-personal, non-free-text fields of a source item before a copy is stored in
/// quarantine (so an operator can see what was wrong). Every other field, announced or not (<c>reporter</c>, <c>nik</c>,
/// a free-text <c>category</c>, an unannounced <c>alamat</c>…), is replaced by a marker that keeps its name but not its
/// value, and so is a declared field whose value is free text (a name where a rating belongs). Kept values are cut to <see cref="MaxValueLength"/> characters and scrubbed of digit runs that could be a NIK,
/// NIP or phone number (<see cref="ScrubDigits"/>), since a wrong value may sit in any field.
/// </summary>
public static class PersonalData
{
    public const string Removed = "[dihapus]";

    /// <summary>What replaces a run of <see cref="MinDigitRun"/> or more digits.</summary>
    public const string Digits = "[angka]";

    /// <summary>What replaces a value that cannot be decoded (invalid UTF-8).</summary>
    public const string Undecodable = "[tidak terbaca]";

    public const int MaxStoredLength = 8000;

    public const int MaxValueLength = 64;

    /// <summary>
    /// Digits, possibly split by single spaces or hyphens (<c>0812-3456-7890</c>), counted as one run; 9 or more is as
    /// long as the shortest phone number without its 0. Dates (<c>2026-11-20</c>, 8) and region codes (dots) stay.
    /// </summary>
    public const int MinDigitRun = 9;

    private const int MaxDepth = 4;

    public static string Redact(JsonElement item, IReadOnlySet<string> storedFields)
    {
        ArgumentNullException.ThrowIfNull(storedFields);
        string json;
        try
        {
            json = Write(item, storedFields);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException)
        {
            // A name or value that is not valid UTF-8: keep nothing of the item.
            json = JsonSerializer.Serialize(Undecodable);
        }
        return json.Length <= MaxStoredLength ? json : json[..MaxStoredLength];
    }

    private static string Write(JsonElement item, IReadOnlySet<string> storedFields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                writer.WriteStartObject();
                foreach (var p in item.EnumerateObject())
                {
                    var name = Value(p.Name);
                    if (storedFields.Contains(p.Name))
                    {
                        writer.WritePropertyName(name);
                        WriteValue(writer, p.Value, 0);
                    }
                    else
                    {
                        writer.WriteString(name, Removed);
                    }
                }
                writer.WriteEndObject();
            }
            else
            {
                // Not an object: nothing in it is a declared field.
                writer.WriteStringValue($"{Removed} ({item.ValueKind})");
            }
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                string? text;
                try
                {
                    text = value.GetString();
                }
                catch (InvalidOperationException)
                {
                    text = null;
                }
                writer.WriteStringValue(text is null ? Undecodable : IsCodeLike(text) ? Value(text) : Removed);
                break;
            case JsonValueKind.Number:
                var raw = value.GetRawText();
                if (Value(raw) == raw)
                {
                    value.WriteTo(writer);
                }
                else
                {
                    writer.WriteStringValue(Value(raw));
                }
                break;
            case JsonValueKind.Object when depth < MaxDepth:
                writer.WriteStartObject();
                foreach (var p in value.EnumerateObject())
                {
                    writer.WritePropertyName(Value(p.Name));
                    WriteValue(writer, p.Value, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array when depth < MaxDepth:
                writer.WriteStartArray();
                foreach (var e in value.EnumerateArray().Take(50))
                {
                    WriteValue(writer, e, depth + 1);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                writer.WriteStringValue(Removed);
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    /// <summary>
    /// Whether a string is a code, an id or a timestamp rather than free text: no spaces, at most <see cref="MaxValueLength"/>
    /// characters, and either a plausible code (<see cref="ItemReader.IsPlausibleCode"/>) or only capitals, digits and
    /// <c>. _ : + / -</c> (<c>LPR-2026-000123</c>, <c>2026-11-20T10:00:00+07:00</c>, <c>35.73.02.1001</c>). A word in
    /// mixed case (a name) is free text.
    /// </summary>
    public static bool IsCodeLike(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxValueLength)
        {
            return false;
        }
        return ItemReader.IsPlausibleCode(value) ||
               value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '.' or '_' or ':' or '+' or '/' or '-');
    }

    /// <summary>A kept value: scrubbed of long digit runs, then cut to <see cref="MaxValueLength"/> characters.</summary>
    public static string Value(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var scrubbed = ScrubDigits(value);
        return scrubbed.Length <= MaxValueLength ? scrubbed : scrubbed[..MaxValueLength] + "…";
    }

    /// <summary>Replaces every run of <see cref="MinDigitRun"/> or more digits (single spaces or hyphens between them allowed).</summary>
    public static string ScrubDigits(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? result = null;
        var i = 0;
        var copied = 0;
        while (i < value.Length)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                i++;
                continue;
            }
            // Extend the run: digits, and single separators followed by a digit.
            var start = i;
            var end = i;
            var digits = 0;
            var j = i;
            while (j < value.Length)
            {
                if (char.IsAsciiDigit(value[j]))
                {
                    digits++;
                    j++;
                    end = j;
                }
                else if (value[j] is ' ' or '-' && j + 1 < value.Length && char.IsAsciiDigit(value[j + 1]))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }
            if (digits >= MinDigitRun)
            {
                result ??= new StringBuilder(value.Length);
                result.Append(value, copied, start - copied).Append(Digits);
                copied = end;
            }
            i = Math.Max(end, i + 1);
        }
        if (result is null)
        {
            return value;
        }
        return result.Append(value, copied, value.Length - copied).ToString();
    }
}
