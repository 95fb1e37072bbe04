using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Licensing;

/// <summary>
/// Typed client of the licensing feeds (resilience is added at registration). Applications, NIB and LKPM reports follow
/// the common paged contract; permit types and investment targets are not paged and answer a bare array: the types in
/// one "page", the targets a year a "page" (the previous year, then the current one; the cursor is the year).
/// </summary>
public sealed class LicensingClient(HttpClient http, IOptionsMonitor<LicensingOptions> options, TimeProvider time) : ISourcePageClient
{
    public Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct) =>
        resource switch
        {
            LicensingPayload.PermitTypes => GetArrayAsync($"v1/{LicensingPayload.PermitTypes}", null, ct),
            LicensingPayload.InvestmentTargets => GetTargetsAsync(cursor, ct),
            _ => SourceHttp.GetPageAsync(http, options.CurrentValue.ApiKey, resource, updatedSince, cursor, limit, ct),
        };

    /// <summary>The years whose investment targets are read: the previous one (the history reaches into it) and the current one.</summary>
    public IReadOnlyList<int> TargetYears()
    {
        var year = Wib.Today(time).Year;
        return [year - 1, year];
    }

    private Task<SourcePage> GetTargetsAsync(string? cursor, CancellationToken ct)
    {
        var years = TargetYears();
        var year = cursor is null ? years[0] : int.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        var next = years.FirstOrDefault(y => y > year);
        return GetArrayAsync(string.Create(CultureInfo.InvariantCulture, $"v1/{LicensingPayload.InvestmentTargets}?year={year}"),
            next == 0 ? null : next.ToString(CultureInfo.InvariantCulture), ct);
    }

    private async Task<SourcePage> GetArrayAsync(string path, string? nextCursor, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
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
            throw new SourcePageException($"{path} bukan JSON: {ex.Message}", ex);
        }
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw new SourcePageException($"{path} bukan larik JSON.");
        }
        return new SourcePage(document, [.. document.RootElement.EnumerateArray()], nextCursor);
    }
}
