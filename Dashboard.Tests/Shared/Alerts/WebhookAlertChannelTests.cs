using System.Net;
using System.Text.Json;
using Dashboard.Ingest.Shared.Alerts;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Dashboard.Tests.Shared.Alerts;

/// <summary>The webhook channel against a real local HTTP receiver (a gateway stand-in on a Kestrel port).</summary>
public sealed class WebhookAlertChannelTests : IAsyncLifetime
{
    private WebApplication _receiver = default!;
    private readonly List<(string Body, string? Signature, string? ContentType)> _received = [];

    public HttpStatusCode Answer { get; set; } = HttpStatusCode.NoContent;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (_received)
            {
                _received.Add((body, ctx.Request.Headers[WebhookAlertChannel.SignatureHeader].ToString(), ctx.Request.ContentType));
            }
            return Results.StatusCode((int)Answer);
        });
        await _receiver.StartAsync();
    }

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    private string Url => _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    private WebhookAlertChannel Channel(string? secret) =>
        new(new HttpClient(), new TestOptions<AlertOptions>(new AlertOptions { Webhook = { Url = Url, Secret = secret, TimeoutSeconds = 5 } }));

    private static AlertNotice Notice(string state = "firing") => new(
        7, "source-failing:Complaints", nameof(AlertKind.SourceFailing), state, "Complaints", null, null,
        "Sumber Complaints gagal 3 kali berturut-turut.", "Source Complaints failed 3 runs in a row.",
        new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero), null);

    [Fact]
    public async Task Posts_TheAlertsAsJson_SignedWithTheSecret()
    {
        await Channel("rahasia-gateway").SendAsync([Notice(), Notice("resolved") with { Id = 8 }], TestContext.Current.CancellationToken);

        var (body, signature, contentType) = Assert.Single(_received);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var alerts = json.RootElement.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(7, alerts[0].GetProperty("id").GetInt64());
        Assert.Equal("firing", alerts[0].GetProperty("state").GetString());
        Assert.Equal("source-failing:Complaints", alerts[0].GetProperty("key").GetString());
        Assert.Equal("Sumber Complaints gagal 3 kali berturut-turut.", alerts[0].GetProperty("summary").GetString());
        Assert.Equal("resolved", alerts[1].GetProperty("state").GetString());

        // The receiver can check the body came from us: HMAC-SHA256 of the exact bytes with the shared secret.
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("rahasia-gateway"), System.Text.Encoding.UTF8.GetBytes(body)));
        Assert.Equal(expected, signature);
    }

    [Fact]
    public async Task WithoutSecret_NoSignature_AndAnErrorAnswerFails()
    {
        await Channel(null).SendAsync([Notice()], TestContext.Current.CancellationToken);
        Assert.True(string.IsNullOrEmpty(Assert.Single(_received).Signature));

        Answer = HttpStatusCode.BadGateway;
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => Channel(null).SendAsync([Notice()], TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
    }

    [Fact]
    public void Unconfigured_IsSkipped()
    {
        Assert.False(new WebhookAlertChannel(new HttpClient(), new TestOptions<AlertOptions>(new AlertOptions())).IsConfigured);
        Assert.True(Channel(null).IsConfigured);
    }

    [Fact]
    public void Email_ComposesOneMessage_WithEveryAlert()
    {
        var settings = new EmailChannelOptions { Host = "smtp.malangkota.go.id", From = "dasbor@malangkota.go.id", To = "kominfo@malangkota.go.id, ops@malangkota.go.id" };
        Assert.True(new EmailAlertChannel(new TestOptions<AlertOptions>(new AlertOptions { Email = settings })).IsConfigured);
        Assert.False(new EmailAlertChannel(new TestOptions<AlertOptions>(new AlertOptions())).IsConfigured);

        using var message = EmailAlertChannel.Compose(settings, [Notice(), Notice("resolved") with { Id = 8 }]);
        Assert.Equal(2, message.To.Count);
        Assert.Equal("Dasbor Kota Malang: 1 peringatan aktif, 1 selesai", message.Subject);
        Assert.Contains("[AKTIF] Complaints: Sumber Complaints gagal 3 kali berturut-turut.", message.Body, StringComparison.Ordinal);
        Assert.Contains("[SELESAI]", message.Body, StringComparison.Ordinal);
    }
}
