using System.Net;
using System.Runtime.CompilerServices;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A misbehaving source on a real Kestrel socket (127.0.0.1, a free port): the test decides what each request gets,
/// so the product's HTTP path (headers, body, limits) meets it exactly as it would meet a real system.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<int> _requests;

    private HostileServer(WebApplication app, Uri baseAddress, StrongBox<int> requests)
    {
        _app = app;
        BaseAddress = baseAddress;
        _requests = requests;
    }

    public Uri BaseAddress { get; }

    /// <summary>Requests answered or being answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests.Value);

    public static async Task<HostileServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var requests = new StrongBox<int>();
        app.Run(context => handler(context, Interlocked.Increment(ref requests.Value)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HostileServer(app, new Uri(address.TrimEnd('/') + "/"), requests);
    }

    /// <summary>A page client configured as the product configures its source clients (timeout and size limit).</summary>
    public ISourcePageClient Client(SourceOptions options)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        SourceHttp.Limit(http, options);
        return new PageClient(http, options.ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private sealed class PageClient(HttpClient http, string key) : ISourcePageClient
    {
        public Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct) =>
            SourceHttp.GetPageAsync(http, key, resource, updatedSince, cursor, limit, ct);
    }
}
