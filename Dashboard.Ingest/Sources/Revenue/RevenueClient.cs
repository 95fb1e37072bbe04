using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Revenue;

/// <summary>
/// Typed client of the revenue feeds (resilience is added at registration). Payments and PBB assessments follow
/// the common paged contract; targets are not paged (<c>GET v1/targets?year=2026</c> answers a bare array), so
/// the client reads them a year a "page": the previous APBD year, then the current one (the cursor is the year).
/// </summary>
public sealed class RevenueClient(HttpClient http, IOptionsMonitor<RevenueOptions> options, TimeProvider time) : ISourcePageClient
{
    public Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct) =>
        resource == RevenuePayload.Targets
            ? GetTargetsAsync(cursor, ct)
            : SourceHttp.GetPageAsync(http, options.CurrentValue.ApiKey, resource, updatedSince, cursor, limit, ct);

    /// <summary>The APBD years whose targets are read: the previous one (the history reaches into it) and the current one.</summary>
    public IReadOnlyList<int> TargetYears()
    {
        var year = Wib.Today(time).Year;
        return [year - 1, year];
    }

    private async Task<SourcePage> GetTargetsAsync(string? cursor, CancellationToken ct)
    {
        var years = TargetYears();
        var year = cursor is null ? years[0] : int.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            string.Create(CultureInfo.InvariantCulture, $"v1/{RevenuePayload.Targets}?year={year}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.ApiKey);
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
            throw new SourcePageException($"Target {year} bukan JSON: {ex.Message}", ex);
        }
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw new SourcePageException($"Target {year} bukan larik JSON.");
        }
        var items = document.RootElement.EnumerateArray().ToList();
        var next = years.FirstOrDefault(y => y > year);
        return new SourcePage(document, items, next == 0 ? null : next.ToString(CultureInfo.InvariantCulture));
    }
}
