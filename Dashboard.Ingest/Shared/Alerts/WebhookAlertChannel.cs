using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Alerts;

/// <summary>
/// POSTs <c>{"alerts":[…]}</c> (camelCase <see cref="AlertNotice"/>s) to <c>Alerts:Webhook:Url</c>, e.g. a WhatsApp or
/// Telegram gateway. With a secret, the body's HMAC-SHA256 goes in <c>X-Dasbor-Signature: sha256=&lt;hex&gt;</c>. One attempt
/// with a short timeout: alerts must not hammer a gateway that is down; the error is kept on the alert.
/// </summary>
public sealed class WebhookAlertChannel(HttpClient http, IOptionsMonitor<AlertOptions> options) : IAlertChannel
{
    public const string SignatureHeader = "X-Dasbor-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "webhook";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.Webhook.Url);

    public async Task SendAsync(IReadOnlyList<AlertNotice> notices, CancellationToken ct)
    {
        var settings = options.CurrentValue.Webhook;
        var body = JsonSerializer.SerializeToUtf8Bytes(new { alerts = notices }, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(settings.Secret))
        {
            request.Headers.Add(SignatureHeader, Sign(settings.Secret, body));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var response = await http.SendAsync(request, timeout.Token);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The signature a receiver recomputes to check the request came from us.</summary>
    public static string Sign(string secret, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
