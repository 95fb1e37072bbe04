using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>The HTTP side of the common contract, shared by every source client.</summary>
public static class SourceHttp
{
    /// <summary>
    /// A page's limits, carried by its client: the whole page, request and body, within <c>TotalTimeoutSeconds</c> (the
    /// resilience pipeline times the attempts; its timeouts end with the headers), and a body of at most <c>MaxPageBytes</c>.
    /// </summary>
    public static void Limit(HttpClient http, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        http.Timeout = TimeSpan.FromSeconds(options.TotalTimeoutSeconds);
        http.MaxResponseContentBufferSize = options.MaxPageBytes;
    }

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
        var started = Stopwatch.GetTimestamp();
        // The page's whole time, headers and body: the client's Timeout (Sources:<Name>:TotalTimeoutSeconds); the
        // resilience pipeline's timeouts end with the headers, and a body may trickle for ever.
        var pageTime = http.Timeout;
        using var timeout = pageTime == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(pageTime);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var maxBytes = http.MaxResponseContentBufferSize;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/{resource}?{string.Join('&', query)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength is { } announced && announced > maxBytes)
        {
            throw TooLarge(resource, maxBytes);
        }
        // The body is read whole into a pooled buffer (JsonDocument.ParseAsync would buffer it too), so that the
        // HTTP time and the parse time are measured apart.
        var body = new PooledBody();
        JsonDocument document;
        TimeSpan httpTime;
        long parsing;
        try
        {
            await using (var stream = await response.Content.ReadAsStreamAsync(linked.Token))
            {
                if (!await body.ReadAsync(stream, maxBytes, linked.Token))
                {
                    throw TooLarge(resource, maxBytes);
                }
            }
            parsing = Stopwatch.GetTimestamp();
            httpTime = Stopwatch.GetElapsedTime(started, parsing);
            document = JsonDocument.Parse(body.Memory);
        }
        catch (JsonException ex)
        {
            body.Dispose();
            throw new SourcePageException($"Halaman {resource} bukan JSON: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var received = body.Length;
            body.Dispose();
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"Halaman {resource} tidak selesai dalam {pageTime.TotalSeconds:0} s (permintaan dan isi, TotalTimeoutSeconds); {received} byte diterima."), ex);
        }
        catch
        {
            body.Dispose();
            throw;
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
            return new SourcePage(document, list, string.IsNullOrEmpty(next) ? null : next, body)
            {
                HttpTime = httpTime,
                JsonTime = Stopwatch.GetElapsedTime(parsing),
                Bytes = body.Capacity,
            };
        }
        catch (InvalidOperationException ex)
        {
            // The envelope itself cannot be decoded (invalid UTF-8 in next_cursor…): the page fails, as a source fault.
            document.Dispose();
            body.Dispose();
            throw new SourcePageException($"Halaman {resource} tidak dapat dibaca: {ex.GetType().Name} pada amplop halaman.", ex);
        }
        catch
        {
            document.Dispose();
            body.Dispose();
            throw;
        }
    }

    private static SourcePageException TooLarge(string resource, long maxBytes) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Halaman {resource} lebih besar dari batas {maxBytes} byte (Sources:<Name>:MaxPageBytes); halaman tidak dibaca."))
        {
            Retryable = false,
        };

    /// <summary>A response body in a buffer rented from the shared pool, returned when the page is disposed.</summary>
    private sealed class PooledBody : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int _length;

        public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

        public int Length => _length;

        public long Capacity => _buffer.Length;

        /// <summary>Reads the whole body; false (having read a little more than <paramref name="maxBytes"/>) when it is larger.</summary>
        public async Task<bool> ReadAsync(Stream stream, long maxBytes, CancellationToken ct)
        {
            // One byte over the limit tells a body of exactly the limit from a larger one.
            var ceiling = (int)Math.Min(maxBytes + 1, Array.MaxLength);
            while (true)
            {
                if (_length == _buffer.Length)
                {
                    if (_length >= ceiling)
                    {
                        return false;
                    }
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * _buffer.Length, ceiling));
                    _buffer.AsSpan(0, _length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = larger;
                }
                var n = await stream.ReadAsync(_buffer.AsMemory(_length, Math.Min(_buffer.Length, ceiling) - _length), ct);
                if (n == 0)
                {
                    return _length <= maxBytes;
                }
                _length += n;
                if (_length > maxBytes)
                {
                    return false;
                }
            }
        }

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, []);
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
