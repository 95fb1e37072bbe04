using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Shared.Simulation;

/// <summary>
/// A minimal in-memory web app serving one simulator, as the real host does, with an HttpClient that carries
/// its key. The simulator is registered in DI, like in the app, and resolved back for the tests.
/// </summary>
public sealed class SimulatorTestHost<TSimulator> : IAsyncDisposable where TSimulator : class, ISourceSimulator
{
    private readonly WebApplication _app;

    internal SimulatorTestHost(WebApplication app, string apiKey)
    {
        _app = app;
        Simulator = app.Services.GetRequiredService<TSimulator>();
        Client = app.GetTestClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        Anonymous = app.GetTestClient();
    }

    public TSimulator Simulator { get; }

    /// <summary>Sends the right bearer key.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no key.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>Every page from <paramref name="updatedSince"/> on, following next_cursor; the raw bodies too.</summary>
    public async Task<FeedRun> ReadAllAsync(string resourcePath, int limit, DateTimeOffset? updatedSince = null)
    {
        var items = new List<JsonElement>();
        var bodies = new List<string>();
        string? cursor = null;
        string serverTime = "";
        do
        {
            var url = SimulatorTestHost.PageUrl(resourcePath, limit, updatedSince, cursor);
            using var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{url} -> {(int)response.StatusCode} {body}");
            bodies.Add(body);
            var root = JsonSerializer.Deserialize<JsonElement>(body);
            items.AddRange(root.GetProperty("items").EnumerateArray());
            cursor = root.GetProperty("next_cursor").GetString();
            serverTime = root.GetProperty("server_time").GetString()!;
            Assert.True(bodies.Count < 100_000, "paging does not end");
        }
        while (cursor is not null);
        return new FeedRun(items, bodies, DateTimeOffset.Parse(serverTime, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

public sealed record FeedRun(IReadOnlyList<JsonElement> Items, IReadOnlyList<string> Bodies, DateTimeOffset ServerTime);

public static class SimulatorTestHost
{
    public static async Task<SimulatorTestHost<TSimulator>> StartAsync<TSimulator>(Func<IServiceProvider, TSimulator> factory, string apiKey)
        where TSimulator : class, ISourceSimulator
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(factory);
        var app = builder.Build();
        app.Services.GetRequiredService<TSimulator>().MapEndpoints(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new SimulatorTestHost<TSimulator>(app, apiKey);
    }

    public static string PageUrl(string resourcePath, int? limit = null, DateTimeOffset? updatedSince = null, string? cursor = null)
    {
        var query = new List<string>();
        if (limit is { } l)
        {
            query.Add($"limit={l}");
        }
        if (updatedSince is { } s)
        {
            query.Add("updated_since=" + Uri.EscapeDataString(SimulatorJson.FormatTimestamp(s)));
        }
        if (cursor is not null)
        {
            query.Add("cursor=" + Uri.EscapeDataString(cursor));
        }
        return query.Count == 0 ? resourcePath : resourcePath + "?" + string.Join('&', query);
    }
}
