using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Simulators.Shared;

/// <summary>Wire formats shared by the simulators, and the item mutations behind the data faults.</summary>
public static class SimulatorJson
{
    /// <summary>The offset the city's systems write timestamps in (WIB, UTC+7, no daylight saving).</summary>
    public static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);

    /// <summary>An instant at whole seconds, in WIB (how the sources stamp their records).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) =>
        new DateTimeOffset(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToOffset(WibOffset);

    /// <summary>Options for control bodies: snake_case names, unknown members rejected so that typos fail loudly.</summary>
    public static JsonSerializerOptions ControlOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>ISO-8601 in WIB: <c>2026-03-05T09:14:22+07:00</c>, with milliseconds only when there are some.</summary>
    public static string FormatTimestamp(DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[40];
        var n = FormatTimestamp(value, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer[..n]);
    }

    public static void WriteTimestamp(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not { } v)
        {
            writer.WriteNull(name);
            return;
        }
        Span<byte> buffer = stackalloc byte[40];
        var n = FormatTimestamp(v, buffer);
        writer.WriteString(name, buffer[..n]);
    }

    private static int FormatTimestamp(DateTimeOffset value, Span<byte> buffer)
    {
        var local = value.ToOffset(WibOffset);
        var format = local.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz";
        local.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture);
        return written;
    }

    private static readonly string[] NewFieldNames = ["schema_version", "tags", "source_node", "meta", "priority"];

    /// <summary>Removes one field other than <c>id</c>, or gives it a value of the wrong JSON type.</summary>
    internal static void Malform(JsonObject item, Func<int, int> random)
    {
        var names = item.Select(p => p.Key).Where(k => k != "id").ToList();
        if (names.Count == 0)
        {
            return;
        }
        var name = names[random(names.Count)];
        if (random(2) == 0)
        {
            item.Remove(name);
            return;
        }
        item[name] = item[name] switch
        {
            null => JsonValue.Create(false),
            JsonObject => JsonValue.Create("[object Object]"),
            JsonArray => JsonValue.Create(""),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(1_700_000_000 + random(1_000_000)),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.ToJsonString()),
            _ => JsonValue.Create(0),
        };
    }

    /// <summary>Adds one or two fields that no contract announces.</summary>
    internal static void AddUnknownFields(JsonObject item, Func<int, int> random)
    {
        var count = 1 + random(2);
        for (var i = 0; i < count; i++)
        {
            var name = NewFieldNames[random(NewFieldNames.Length)];
            if (item.ContainsKey(name))
            {
                continue;
            }
            item[name] = name switch
            {
                "schema_version" => JsonValue.Create(2 + random(3)),
                "tags" => new JsonArray("prioritas", "viral"),
                "source_node" => JsonValue.Create($"gw-{random(8):00}"),
                "meta" => new JsonObject { ["batch"] = random(100_000), ["replica"] = true },
                _ => JsonValue.Create(random(5) + 0.5),
            };
        }
    }

    /// <summary>Replaces one enum field's value by one the contract does not list.</summary>
    internal static void AddUnknownEnum(JsonObject item, IReadOnlyDictionary<string, string[]> unknownValues, Func<int, int> random)
    {
        var fields = unknownValues.Keys
            .Where(k => item[k] is JsonValue v && v.GetValueKind() == JsonValueKind.String && unknownValues[k].Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (fields.Count == 0)
        {
            return;
        }
        var field = fields[random(fields.Count)];
        var values = unknownValues[field];
        item[field] = values[random(values.Length)];
    }
}
