using System.Text;
using System.Text.Json;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Removes personal fields before anything from a source item is stored (quarantine keeps the rest of the
/// item so an operator can see what was wrong). Field names are matched at any depth.
/// </summary>
public static class PersonalData
{
    /// <summary>Names of personal fields across the six contracts (SOURCES.md).</summary>
    public static readonly IReadOnlySet<string> CommonFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "reporter", "name", "phone", "nik", "head_nik", "head_name", "address", "birth_date", "applicant", "email",
    };

    public const int MaxStoredLength = 8000;

    public static string Redact(JsonElement item, IReadOnlySet<string>? fields = null)
    {
        fields ??= CommonFields;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, item, fields);
        }
        var json = Encoding.UTF8.GetString(buffer.ToArray());
        return json.Length <= MaxStoredLength ? json : json[..MaxStoredLength];
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, IReadOnlySet<string> fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var p in element.EnumerateObject())
                {
                    if (fields.Contains(p.Name))
                    {
                        writer.WriteString(p.Name, "[dihapus]");
                        continue;
                    }
                    writer.WritePropertyName(p.Name);
                    Write(writer, p.Value, fields);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var e in element.EnumerateArray())
                {
                    Write(writer, e, fields);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
