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
    [Fact]
    public async Task EverySource_LoadsIntoPostgreSql_WithIndicators_AndASecondRunDuplicatesNothing()
    {
        await using var database = await TemporaryPostgreSqlDatabase.CreateAsync();
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Reporting"] = database.ConnectionString,
            ["Sources:Simulator:HistoryDays"] = "30",
            ["Ingest:PseudonymKey"] = "test-pseudonym-key-0123456789abcdef",
        });
        var ct = TestContext.Current.CancellationToken;
        var sources = app.Services.GetServices<IIngestSource>().Select(s => s.Name).ToList();
        // Every registered domain's source runs here (eight since Budget and Licensing).
        Assert.Equal(Dashboard.Web.Features.DomainRegistry.All.Select(d => d.Source).Order(StringComparer.Ordinal), sources.Order(StringComparer.Ordinal));

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
            // (The follow-up indicators have city values too: they are not a source, so only the sources are checked.)
            Assert.All(sources, s => Assert.Contains(s, bySource));
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
        await using var database = await TemporaryPostgreSqlDatabase.CreateAsync();
        var factory = new PostgreSqlFactory(new DbContextOptionsBuilder<PostgreSqlReportingDbContext>().UseNpgsql(database.ConnectionString).UseReportingSeed().Options);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }
        await Dashboard.Tests.Shared.Ingest.UpsertScenario.RunAsync(factory, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Nodes_starting_at_once_seed_the_reference_data_once_on_PostgreSql()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TemporaryPostgreSqlDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<PostgreSqlReportingDbContext>().UseNpgsql(database.ConnectionString).UseReportingSeed().Options;
        await using (var db = new PostgreSqlReportingDbContext(options))
        {
            // The schema exists (the migrate command ran); the rows do not yet, as after a release that brings new ones.
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Regions"; DELETE FROM "Agencies"; DELETE FROM "Indicators"; DELETE FROM "IndicatorTargets";""", ct);
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var db = new PostgreSqlReportingDbContext(options);
            await db.Database.MigrateAsync(ct);
        }));

        await using var check = new PostgreSqlReportingDbContext(options);
        Assert.Equal(ReferenceData.Regions.Count, await check.Regions.CountAsync(ct));
        Assert.Equal(ReferenceData.Agencies.Count, await check.Agencies.CountAsync(ct));
        Assert.Equal(IndicatorCatalog.Definitions.Count, await check.Indicators.CountAsync(ct));
        Assert.Equal(IndicatorCatalog.Targets.Count, await check.IndicatorTargets.CountAsync(ct));
    }

    private sealed class PostgreSqlFactory(DbContextOptions<PostgreSqlReportingDbContext> options) : IDbContextFactory<ReportingDbContext>
    {
        public ReportingDbContext CreateDbContext() => new PostgreSqlReportingDbContext(options);
    }
}
