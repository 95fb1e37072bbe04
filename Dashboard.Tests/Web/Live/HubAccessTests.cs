using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Identity;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Live;

/// <summary>
/// Hub limits: one principal holds at most <c>Hardening:MaxConnectionsPerUser</c> live connections, and an API client
/// revoked while connected loses its connection at the next re-check instead of keeping it until it reconnects.
/// </summary>
public sealed class HubAccessTests
{
    [Fact]
    public async Task One_connection_over_the_limit_is_refused_and_a_closed_one_frees_its_place()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Hardening:MaxConnectionsPerUser"] = "2" });
        await using var first = await ConnectAsync(app, DashboardFactory.ApiKey);
        await using var second = await ConnectAsync(app, DashboardFactory.ApiKey);

        await using var third = Build(app, DashboardFactory.ApiKey);
        var closed = ClosedSignal(third);
        await StartOrFailAsync(third, closed);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(HubConnectionState.Connected, first.State);
        Assert.Equal(HubConnectionState.Connected, second.State);

        await first.StopAsync(TestContext.Current.CancellationToken);
        var local = app.Services.GetRequiredService<LocalHubConnections>();
        var known = local.Ids;
        await using var again = Build(app, DashboardFactory.ApiKey);
        var againClosed = ClosedSignal(again);
        await again.StartAsync(TestContext.Current.CancellationToken);
        // The limit refuses in OnConnected before the hub's own OnConnected, which registers the connection: a new
        // id there is the server's acceptance.
        await Eventually.TrueAsync(() => local.Ids.Except(known).Any(), TimeSpan.FromSeconds(10), "the hub accepted the connection within the limit");
        Assert.False(againClosed.Task.IsCompleted, "a connection within the limit was closed");
        Assert.Equal(HubConnectionState.Connected, again.State);
    }

    [Fact]
    public async Task A_revoked_api_client_loses_its_open_hub_connection_within_the_recheck_interval()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?> { ["Auth:RevalidateSeconds"] = "5" });
        var admin = app.Services.GetRequiredService<ApiClientAdministration>();
        var (created, key) = await admin.CreateAsync("admin", "portal-satudata", [ApiScopes.ReadIndicators], default);
        Assert.True(created.Succeeded);
        var (_, otherKey) = await admin.CreateAsync("admin", "smart-city", [ApiScopes.ReadIndicators], default);
        await using var revoked = await ConnectAsync(app, key!);
        await using var kept = await ConnectAsync(app, otherKey!);
        var closed = ClosedSignal(revoked);

        var id = (await admin.ListAsync(default)).Single(c => c.Name == "portal-satudata").Id;
        Assert.True((await admin.RevokeAsync("admin", id, default)).Succeeded);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal(HubConnectionState.Connected, kept.State);
        // And it cannot come back.
        await using var retry = Build(app, key!);
        await Assert.ThrowsAnyAsync<Exception>(() => retry.StartAsync(TestContext.Current.CancellationToken));
    }

    private static HubConnection Build(DashboardFactory app, string key) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.RootUri, "hubs/kpi"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(key);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();

    private static async Task<HubConnection> ConnectAsync(DashboardFactory app, string key)
    {
        var connection = Build(app, key);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static TaskCompletionSource ClosedSignal(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed;
    }

    // The refusal happens in OnConnected, after the handshake: StartAsync may succeed and the close follow, or fail.
    private static async Task StartOrFailAsync(HubConnection connection, TaskCompletionSource closed)
    {
        try
        {
            await connection.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or System.Net.WebSockets.WebSocketException or TaskCanceledException or Microsoft.AspNetCore.SignalR.HubException)
        {
            closed.TrySetResult();
        }
    }
}
