using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Ingest.Shared.Live;
using StackExchange.Redis;

namespace Dashboard.Web.Live;

/// <summary>The process's one Redis connection (<c>ConnectionStrings:Redis</c>), shared by the notification channel and the SignalR backplane.</summary>
public sealed class RedisConnection(string configuration) : IAsyncDisposable
{
    public const string Prefix = "dasbor";

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start and keep running while Redis is down: the multiplexer reconnects by itself and re-subscribes.
        options.AbortOnConnectFail = false;
        options.ChannelPrefix = RedisChannel.Literal(Prefix);
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    public async Task<IConnectionMultiplexer> GetAsync() => await _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}

/// <summary>
/// Carries every <see cref="KpiEvent"/> committed on this node to the other nodes over a Redis channel and delivers theirs
/// to this node's screens (marked with <see cref="KpiEvent.FromNode"/>, never forwarded again). While Redis is
/// unreachable nothing is queued: events only say "re-read", and the web nodes' <see cref="SnapshotVersionWatch"/>
/// notices what they missed.
/// </summary>
public sealed class RedisKpiBus(RedisConnection redis, KpiBroadcaster broadcaster, ILogger<RedisKpiBus> logger) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("kpi");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>This process on the channel (a host in a test process is a node of its own too).</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private IConnectionMultiplexer? _connection;
    private IDisposable? _subscription;
    private int _down;

    /// <summary>Whether the bus reaches Redis now (the <c>dasbor.bus.connected</c> gauge, readiness).</summary>
    public bool Connected => _connection?.IsConnected == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await redis.GetAsync();
        _connection.ConnectionFailed += (_, _) => MarkDown();
        _connection.ConnectionRestored += (_, _) => MarkUp();
        await _connection.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
        _subscription = broadcaster.Subscribe(SendAsync);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        if (_connection is not null)
        {
            await _connection.GetSubscriber().UnsubscribeAsync(Channel);
        }
    }

    private async Task SendAsync(KpiEvent e)
    {
        if (e.FromNode is not null || _connection is null)
        {
            return;
        }
        if (!_connection.IsConnected)
        {
            MarkDown();
            return;
        }
        try
        {
            var envelope = JsonSerializer.Serialize(new Envelope(NodeId, e), Json);
            await _connection.GetSubscriber().PublishAsync(Channel, envelope, CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            MarkDown();
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)message!, Json);
            if (envelope?.Event is { } e && envelope.Node != NodeId)
            {
                broadcaster.Publish(e with { FromNode = envelope.Node });
            }
        }
        catch (JsonException ex)
        {
            Log.BadNotification(logger, ex);
        }
    }

    private void MarkDown()
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Log.RedisDown(logger);
        }
    }

    private void MarkUp()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            Log.RedisUp(logger);
        }
    }

    private sealed record Envelope(string Node, [property: JsonPropertyName("event")] KpiEvent Event);
}
