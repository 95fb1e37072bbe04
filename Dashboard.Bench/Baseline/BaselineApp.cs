using Dashboard.Web.Auth.Hardening;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;

namespace Dashboard.Bench.Baseline;

/// <summary>The minimal hub of the fan-out baseline: no authorization, no methods; the server only broadcasts.</summary>
public sealed class EmptyHub : Hub
{
    public const string Path = "/hubs/empty";
}

/// <summary>A second minimal hub, for the product's message (the payload's share), beside <see cref="EmptyHub"/>.</summary>
public sealed class PayloadHub : Hub
{
    public const string Path = "/hubs/payload";
}

/// <summary>
/// The minimal hub with the two pieces of per-connection work the product's <c>/hubs/kpi</c> adds at connect time:
/// the per-principal connection cap (<see cref="ConnectionLimitFilter"/>, a hub filter) and the registry of this node's
/// connections (<see cref="LocalHubConnections"/>). Tells what they cost a broadcast, beside <see cref="EmptyHub"/>.
/// </summary>
public sealed class RegistryHub(LocalHubConnections local) : Hub
{
    public const string Path = "/hubs/registry";

    public override Task OnConnectedAsync()
    {
        local.Add(Context, []);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        local.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>
/// The baselines measured beside the product in the same run, hosted by the bench on their own Kestrel port:
/// a minimal SignalR hub (<see cref="EmptyHub"/>), the same with the product's connection filter and registry
/// (<see cref="RegistryHub"/>) and a Blazor Server page of 12 plain MudBlazor cards (<c>/</c>).
/// </summary>
internal sealed class BaselineApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BaselineApp(WebApplication app, Uri root)
    {
        _app = app;
        RootUri = root;
    }

    public Uri RootUri { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BaselineApp> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(BaselineApp).Assembly.GetName().Name,
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Error";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR().AddHubOptions<RegistryHub>(o => o.AddFilter<ConnectionLimitFilter>());
        // Every bench client comes from one address: the product's cap, lifted as the bench lifts it on the product.
        builder.Services.Configure<HardeningOptions>(o => o.MaxConnectionsPerUser = 10_000);
        builder.Services.AddSingleton<ConnectionLimitFilter>();
        builder.Services.AddSingleton<LocalHubConnections>();
        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.Configure<CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHub<EmptyHub>(EmptyHub.Path);
        app.MapHub<PayloadHub>(PayloadHub.Path);
        app.MapHub<RegistryHub>(RegistryHub.Path);
        app.MapRazorComponents<CardsApp>().AddInteractiveServerRenderMode();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BaselineApp(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
