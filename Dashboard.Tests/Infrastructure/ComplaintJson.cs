using System.Globalization;
using System.Text.Json.Nodes;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Builds complaint items as the source sends them, personal fields included.</summary>
public static class ComplaintJson
{
    public const string ReporterName = "Siti Rahayu Wulandari";
    public const string ReporterPhone = "081233471111";

    public static JsonObject Item(
        string id, DateTimeOffset updatedAt, DateTimeOffset? submittedAt = null, string status = "proses",
        string agency = "DISHUB", string? kelurahan = "35.73.02.1001", string type = "pengaduan", string channel = "sambat",
        string category = "Perhubungan", DateTimeOffset? verifiedAt = null, DateTimeOffset? firstResponseAt = null,
        DateTimeOffset? closedAt = null, int? rating = null)
    {
        var submitted = submittedAt ?? updatedAt.AddHours(-5);
        return new JsonObject
        {
            ["id"] = id,
            ["channel"] = channel,
            ["type"] = type,
            ["category"] = category,
            ["agency_code"] = agency,
            ["kelurahan_code"] = kelurahan,
            ["status"] = status,
            ["submitted_at"] = Iso(submitted),
            ["verified_at"] = verifiedAt is { } v ? Iso(v) : null,
            ["first_response_at"] = firstResponseAt is { } f ? Iso(f) : null,
            ["closed_at"] = closedAt is { } c ? Iso(c) : null,
            ["rating"] = rating,
            ["reporter"] = new JsonObject { ["name"] = ReporterName, ["phone"] = ReporterPhone },
            ["updated_at"] = Iso(updatedAt),
        };
    }

    public static JsonObject Tombstone(string id, DateTimeOffset updatedAt) =>
        new() { ["id"] = id, ["updated_at"] = Iso(updatedAt), ["deleted"] = true };

    public static string Iso(DateTimeOffset t) =>
        t.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
