using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dashboard.Tests.Reporting;

/// <summary>
/// The whole product on a real PostgreSQL server (Debian's <c>postgresql</c> on loopback; <c>.ci/run</c> installs and
/// starts it): migrations, every source's first load and indicators, a second run without duplicates, the pages.
/// The server comes from <c>DASHBOARD_TEST_POSTGRES</c> (a connection string to a role that may create databases),
/// by default <c>Host=127.0.0.1;Username=dasbor;Password=dasbor;Database=postgres</c>. Each test gets its own
/// database, dropped at the end. Skipped when no server answers, a failure under <c>CI=true</c>.
/// </summary>
public sealed class PostgreSqlTests
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=dasbor;Password=dasbor;Database=postgres;Timeout=5";

    [Fact]
    public async Task EverySource_LoadsIntoPostgreSql_WithIndicators_AndASecondRunDuplicatesNothing()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Reporting"] = database.ConnectionString,
            ["Sources:Simulator:HistoryDays"] = "30",
            ["Ingest:PseudonymKey"] = "test-pseudonym-key-0123456789abcdef",
        });
        var ct = TestContext.Current.CancellationToken;
        var sources = app.Services.GetServices<IIngestSource>().Select(s => s.Name).ToList();
        Assert.Equal(6, sources.Count);

        foreach (var source in sources)
        {
            var run = await app.RefreshAsync(source);
            Assert.True(run.Status == IngestRunStatus.Succeeded, $"{source}: {run.Status} {run.Error}");
            Assert.True(run.ItemsRead > 0, $"{source} read nothing");
        }

        await using (var db = await app.Db.CreateDbContextAsync(ct))
        {
            // Every source's indicators have a current city value, written through the provider's raw insert too.
            var withSnapshot = await db.IndicatorSnapshots.Where(s => s.ScopeCode == ReferenceData.KotaCode)
                .Select(s => s.IndicatorCode).Distinct().ToListAsync(ct);
            var bySource = await db.Indicators.Where(i => withSnapshot.Contains(i.Code)).Select(i => i.Source).Distinct().ToListAsync(ct);
            Assert.Equal(sources.Order(), bySource.Order());
            Assert.True(await db.IndicatorValues.CountAsync(ct) > 1000);
            // Instants survive the round trip as UTC.
            var lastRun = await db.IngestRuns.OrderByDescending(r => r.Id).FirstAsync(ct);
            Assert.Equal(TimeSpan.Zero, lastRun.StartedAt.Offset);
            Assert.True(Math.Abs((DateTimeOffset.UtcNow - lastRun.StartedAt).TotalMinutes) < 30);
        }

        int complaints;
        await using (var db = await app.Db.CreateDbContextAsync(ct))
        {
            complaints = await db.Set<Complaint>().CountAsync(ct);
        }
        var again = await app.RefreshAsync(ComplaintsIndicators.Source);
        Assert.Equal(IngestRunStatus.Succeeded, again.Status);
        await using (var db = await app.Db.CreateDbContextAsync(ct))
        {
            Assert.Equal(complaints, await db.Set<Complaint>().CountAsync(ct));
        }

        using var client = app.CreateHttpClient();
        var api = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v1/indicators")
        {
            Headers = { { "Authorization", $"Bearer {DashboardFactory.ApiKey}" } },
        }, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task UpsertRules_HoldThroughThePreparedWritePath_OnPostgreSql()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var factory = new PostgreSqlFactory(new DbContextOptionsBuilder<PostgreSqlReportingDbContext>().UseNpgsql(database.ConnectionString).Options);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }
        await Dashboard.Tests.Shared.Ingest.UpsertScenario.RunAsync(factory, TestContext.Current.CancellationToken);
    }

    private sealed class PostgreSqlFactory(DbContextOptions<PostgreSqlReportingDbContext> options) : IDbContextFactory<ReportingDbContext>
    {
        public ReportingDbContext CreateDbContext() => new PostgreSqlReportingDbContext(options);
    }

    /// <summary>A fresh database on the test server, dropped (with its connections) on dispose.</summary>
    private sealed class TemporaryDatabase : IAsyncDisposable
    {
        private readonly string _server;
        private readonly string _name;

        private TemporaryDatabase(string server, string name)
        {
            _server = server;
            _name = name;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Timeout = 15 }.ConnectionString;
        }

        public string ConnectionString { get; }

        public static async Task<TemporaryDatabase> CreateAsync()
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
            return new TemporaryDatabase(server, name);
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
}
