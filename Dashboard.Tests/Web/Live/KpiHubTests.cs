using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Tests.Web.Live;

public sealed class KpiHubTests
{
    [Fact]
    public async Task ApiClient_ReceivesIndicatorValues_WhenARunCommits()
    {
        await using var app = new DashboardFactory();
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.RootUri, "hubs/kpi"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(DashboardFactory.ApiKey);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        hub.On<JsonElement>("indicatorsChanged", e => received.TrySetResult(e));
        await hub.StartAsync();

        var run = await app.RefreshAsync();

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Complaints", message.GetProperty("source").GetString());
        Assert.Equal(run.Id, message.GetProperty("runId").GetInt64());
        var values = message.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(10, values.Count);
        Assert.Contains(values, v => v.GetProperty("code").GetString() == "ADUAN_MASUK" && v.GetProperty("scopeCode").GetString() == "35.73");
    }

    [Fact]
    public async Task AnonymousClient_IsRefused()
    {
        await using var app = new DashboardFactory();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.RootUri, "hubs/kpi"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();

        await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
    }
}
