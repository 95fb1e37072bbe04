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

/// <summary>
/// The baselines measured beside the product in the same run, hosted by the bench on their own Kestrel port:
/// a minimal SignalR hub (<see cref="EmptyHub"/>) and a Blazor Server page of 12 plain MudBlazor cards (<c>/</c>).
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
        builder.Services.AddSignalR();
        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.Configure<CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHub<EmptyHub>(EmptyHub.Path);
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
