using Npgsql;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A fresh database on the test PostgreSQL server, dropped (with its connections) on dispose. The server comes from
/// <c>DASHBOARD_TEST_POSTGRES</c> (a connection string to a role that may create databases), by default
/// <see cref="DefaultServer"/>. No server: the test is skipped with the reason, or fails under <c>CI=true</c>.
/// </summary>
public sealed class TemporaryPostgreSqlDatabase : IAsyncDisposable
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=dasbor;Password=dasbor;Database=postgres;Timeout=5";

    private readonly string _server;
    private readonly string _name;

    private TemporaryPostgreSqlDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Timeout = 15 }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TemporaryPostgreSqlDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("DASHBOARD_TEST_POSTGRES") ?? DefaultServer;
        var name = $"dasbor_test_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            var reason = $"no PostgreSQL server at '{new NpgsqlConnectionStringBuilder(server) { Password = null }}' ({ex.Message}); " +
                         "install and start one: apt-get install -y postgresql && pg_ctlcluster 15 main start, then create the role (see .ci/run)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"PostgreSQL is required under CI=true: {reason}");
            }
            Assert.Skip($"PostgreSQL test skipped: {reason}");
        }
        return new TemporaryPostgreSqlDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
