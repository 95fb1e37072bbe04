using System.Text;
using System.Text.Json;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Keeps only a contract's declared non-personal fields of a source item before a copy is stored in quarantine
/// (so an operator can see what was wrong). Every other field, announced or not (<c>reporter</c>, <c>nik</c>,
/// an unannounced <c>alamat</c>…), is replaced by a marker that keeps its name but not its value.
/// </summary>
public static class PersonalData
{
    public const string Removed = "[dihapus]";

    public const int MaxStoredLength = 8000;

    public static string Redact(JsonElement item, IReadOnlySet<string> storedFields)
    {
        ArgumentNullException.ThrowIfNull(storedFields);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                writer.WriteStartObject();
                foreach (var p in item.EnumerateObject())
                {
                    if (storedFields.Contains(p.Name))
                    {
                        writer.WritePropertyName(p.Name);
                        p.Value.WriteTo(writer);
                    }
                    else
                    {
                        writer.WriteString(p.Name, Removed);
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
        var json = Encoding.UTF8.GetString(buffer.ToArray());
        return json.Length <= MaxStoredLength ? json : json[..MaxStoredLength];
    }
}
