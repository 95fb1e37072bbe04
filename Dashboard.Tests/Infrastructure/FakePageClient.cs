using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// An in-memory feed that pages like the contract: items ordered by (updated_at, id), updated_since inclusive.
/// Items are raw JSON so tests can serve anything, broken items included.
/// </summary>
public sealed class FakePageClient : ISourcePageClient
{
    private readonly List<JsonObject> _items = [];

    /// <summary>Called before each page is served with the number of pages served so far; may throw.</summary>
    public Action<int>? BeforePage { get; set; }

    /// <summary>Awaited before each page is served with the number of pages served so far: a source that stalls.</summary>
    public Func<int, CancellationToken, Task>? StallBeforePage { get; set; }

    public int PagesServed { get; private set; }

    public List<(DateTimeOffset? Since, string? Cursor)> Requests { get; } = [];

    public void Add(JsonObject item) => _items.Add(item);

    public void Replace(string id, JsonObject item)
    {
        _items.RemoveAll(i => (string?)i["id"] == id);
        _items.Add(item);
    }

    public async Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct)
    {
        if (StallBeforePage is { } stall)
        {
            await stall(PagesServed, ct);
        }
        BeforePage?.Invoke(PagesServed);
        Requests.Add((updatedSince, cursor));
        var ordered = _items
            .Select(i => (Item: i, At: UpdatedAt(i), Id: i["id"]?.ToString() ?? ""))
            .Where(x => updatedSince is null || x.At >= updatedSince)
            .OrderBy(x => x.At).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        var offset = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var page = ordered.Skip(offset).Take(limit).Select(x => x.Item).ToList();
        var next = offset + page.Count < ordered.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        var json = new JsonObject { ["items"] = new JsonArray([.. page.Select(p => p.DeepClone())]), ["next_cursor"] = next };
        var document = JsonDocument.Parse(json.ToJsonString());
        PagesServed++;
        return new SourcePage(document, [.. document.RootElement.GetProperty("items").EnumerateArray()], next);
    }

    private static DateTimeOffset UpdatedAt(JsonObject item) =>
        item["updated_at"] is JsonValue v && v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, out var at)
            ? at
            : DateTimeOffset.MinValue;
}
