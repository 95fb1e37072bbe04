using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>The HTTP side of the common contract, shared by every source client.</summary>
public static class SourceHttp
{
    public static async Task<SourcePage> GetPageAsync(
        HttpClient http, string apiKey, string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = new List<string> { "limit=" + limit.ToString(CultureInfo.InvariantCulture) };
        if (updatedSince is { } since)
        {
            query.Add("updated_since=" + Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture)));
        }
        if (!string.IsNullOrEmpty(cursor))
        {
            query.Add("cursor=" + Uri.EscapeDataString(cursor));
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/{resource}?{string.Join('&', query)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, default, ct);
        }
        catch (JsonException ex)
        {
            throw new SourcePageException($"Halaman {resource} bukan JSON: {ex.Message}", ex);
        }
        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new SourcePageException($"Halaman {resource} tidak memuat larik 'items'.");
            }
            string? next = null;
            if (root.TryGetProperty("next_cursor", out var nc))
            {
                next = nc.ValueKind switch
                {
                    JsonValueKind.String => nc.GetString(),
                    JsonValueKind.Null => null,
                    _ => throw new SourcePageException($"Halaman {resource}: 'next_cursor' bukan string."),
                };
            }
            var list = new List<JsonElement>(items.GetArrayLength());
            foreach (var item in items.EnumerateArray())
            {
                list.Add(item);
            }
            return new SourcePage(document, list, string.IsNullOrEmpty(next) ? null : next);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }
}
