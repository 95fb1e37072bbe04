using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Dashboard.Simulators.Shared;

/// <summary>The HTTP rules every simulated source shares: bearer key, error bodies, request faults.</summary>
public static class SimulatorHttp
{
    /// <summary>Whether the request carries <c>Authorization: Bearer {apiKey}</c> (compared in constant time).</summary>
    public static bool IsAuthorized(HttpRequest request, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value)
        {
            return false;
        }
        const string Scheme = "Bearer ";
        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var presented = Encoding.UTF8.GetBytes(value[Scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(apiKey);
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    private const string GatewayPage =
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>" +
        "<hr><center>nginx</center></body></html>\n";

    /// <summary>
    /// Takes the next armed request fault and answers with it: a rate limit (429 with <c>Retry-After</c>), a server
    /// error, a gateway's HTML page instead of JSON, or a hang of the fault's duration (then the request is served,
    /// unless the client gave up first).
    /// </summary>
    /// <returns>True when the fault answered the request (or the client left): serve nothing more.</returns>
    public static async Task<bool> AnsweredByFaultAsync(HttpContext context, SimulatorFaults faults, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(faults);
        var fault = faults.TakeRequestFault();
        switch (fault.Kind)
        {
            case RequestFaultKind.Hang:
                return !await HangAsync(faults, time, fault.Duration, context.RequestAborted);
            case RequestFaultKind.RateLimit:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(fault.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests.");
                return true;
            case RequestFaultKind.ServerError:
                await WriteErrorAsync(context, fault.StatusCode, "server_error", "The upstream service failed.");
                return true;
            case RequestFaultKind.NotJson:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "text/html";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(GatewayPage), context.RequestAborted);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Holds the request for the fault's duration; false when the client gave up first.</summary>
    private static async Task<bool> HangAsync(SimulatorFaults faults, TimeProvider time, TimeSpan duration, CancellationToken aborted)
    {
        faults.HangStarted();
        var abortedByClient = false;
        try
        {
            await Task.Delay(duration, time, aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            abortedByClient = true;
            return false;
        }
        finally
        {
            faults.HangEnded(abortedByClient);
        }
    }

    public static Task WriteUnauthorizedAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "A valid bearer key is required.");
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string error, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }
        return context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).AsTask();
    }
}

/// <summary>
/// The query of a paged feed request: <c>updated_since</c> (ISO-8601, inclusive), <c>cursor</c> (opaque),
/// <c>limit</c> (1..1000, default 100).
/// </summary>
public sealed record SimulatorPageRequest(DateTimeOffset? UpdatedSince, SimulatorCursor? After, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static bool TryParse(IQueryCollection query, out SimulatorPageRequest request, out string error)
    {
        ArgumentNullException.ThrowIfNull(query);
        request = new SimulatorPageRequest(null, null, DefaultLimit);
        error = "";
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText) &&
            (!TrySingle(limitText, out var l) || !int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) ||
             limit is < 1 or > MaxLimit))
        {
            error = $"limit must be an integer from 1 to {MaxLimit}.";
            return false;
        }
        DateTimeOffset? since = null;
        if (query.TryGetValue("updated_since", out var sinceText))
        {
            if (!TrySingle(sinceText, out var s) || !TryParseTimestamp(s, out var parsed))
            {
                error = "updated_since must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T08:00:00+07:00.";
                return false;
            }
            since = parsed;
        }
        SimulatorCursor? after = null;
        if (query.TryGetValue("cursor", out var cursorText))
        {
            if (!TrySingle(cursorText, out var c) || !SimulatorCursor.TryDecode(c, out var cursor))
            {
                error = "cursor is not one this server issued.";
                return false;
            }
            after = cursor;
        }
        request = new SimulatorPageRequest(since, after, limit);
        return true;
    }

    /// <summary>
    /// ISO-8601 with an offset or Z. A '+' that reached us as a space (an unencoded offset in a query string) is
    /// taken back, as lenient servers do.
    /// </summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }
        var t = text.Trim();
        if (t.Length > 6 && t[^6] == ' ')
        {
            t = string.Concat(t.AsSpan(0, t.Length - 6), "+", t.AsSpan(t.Length - 5));
        }
        string[] formats =
        [
            "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
            "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        ];
        return DateTimeOffset.TryParseExact(t, formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out value);
    }

    private static bool TrySingle(StringValues values, out string value)
    {
        value = values.Count == 1 ? values[0] ?? "" : "";
        return values.Count == 1;
    }
}
