using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A throw-away Debian <c>redis-server</c> on a free loopback port, owned by the test so that it can stop and restart it
/// (nothing persisted). Absent binary: the test is skipped with the reason, or fails under <c>CI=true</c>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/redis-server";

    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            const string reason = $"redis-server is not installed at {Binary} (apt-get install -y redis-server)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"Redis is required under CI=true: {reason}.");
            }
            Assert.Skip($"Redis test skipped: {reason}.");
        }
        var server = new RedisServer(FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same port and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Binary)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await PingAsync())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"redis-server on port {Port} did not answer PING within 20 s");
    }

    /// <summary>Kills the server (as a crash or a network cut would): clients see the connection drop.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>A loopback port nobody listens on at the moment of asking.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
