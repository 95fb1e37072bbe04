using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Tests.Shared.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Shared.Indicators;

/// <summary>Outage annotations written by ingest runs: one per outage, closed by the next success, kept in the database.</summary>
public sealed class SourceOutagesTests
{
    private static void Fail(EngineHarness h) =>
        h.Client.BeforePage = _ => throw new HttpRequestException("Bad Gateway", null, System.Net.HttpStatusCode.BadGateway);

    private static async Task<List<IndicatorAnnotation>> OutagesAsync(EngineHarness h)
    {
        await using var db = h.Db.CreateDbContext();
        return await db.Set<IndicatorAnnotation>().AsNoTracking()
            .Where(a => a.Kind == AnnotationKind.SourceOutage).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Failing_runs_open_one_outage_a_success_closes_it_and_a_later_outage_is_a_second_one()
    {
        await using var h = await EngineHarness.CreateAsync();
        Assert.Equal(IngestRunStatus.Succeeded, (await h.RunAsync()).Status);
        Assert.Empty(await OutagesAsync(h));

        Fail(h);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var firstFailure = await h.RunAsync();
        Assert.Equal(IngestRunStatus.Failed, firstFailure.Status);
        var open = Assert.Single(await OutagesAsync(h));
        Assert.Equal(firstFailure.StartedAt, open.StartedAt);
        Assert.Null(open.EndedAt);
        Assert.Equal("Complaints", open.OpenKey);
        Assert.Equal("Complaints", open.Source);
        Assert.Null(open.IndicatorCode);
        Assert.Equal(IndicatorAnnotation.SystemAuthor, open.CreatedBy);
        Assert.Equal(new DateOnly(2026, 11, 20), open.Date);

        for (var i = 0; i < 3; i++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(30));
            Assert.Equal(IngestRunStatus.Failed, (await h.RunAsync()).Status);
        }
        Assert.Single(await OutagesAsync(h));

        h.Client.BeforePage = null;
        h.Time.Advance(TimeSpan.FromMinutes(30));
        var recovered = await h.RunAsync();
        Assert.Equal(IngestRunStatus.Succeeded, recovered.Status);
        var closed = Assert.Single(await OutagesAsync(h));
        Assert.Equal(recovered.FinishedAt, closed.EndedAt);
        Assert.Equal(firstFailure.StartedAt, closed.StartedAt);
        Assert.Null(closed.OpenKey);

        // Another success changes nothing; a fresh outage later is a second annotation.
        h.Time.Advance(TimeSpan.FromHours(2));
        await h.RunAsync();
        Fail(h);
        h.Time.Advance(TimeSpan.FromHours(1));
        var secondFailure = await h.RunAsync();
        var outages = await OutagesAsync(h);
        Assert.Equal(2, outages.Count);
        Assert.Equal(secondFailure.StartedAt, outages[1].StartedAt);
        Assert.Null(outages[1].EndedAt);
        Assert.NotNull(outages[0].EndedAt);
    }

    [Fact]
    public async Task Another_engine_on_the_same_database_after_a_restart_does_not_open_a_second_one()
    {
        await using var h = await EngineHarness.CreateAsync();
        Fail(h);
        var first = await h.RunAsync();

        // A restarted process (or another ingest node): nothing in memory, the same database.
        var other = new IngestEngine(h.Db, h.Broadcaster, h.Time, Options.Create(new IngestOptions()), NullLogger<IngestEngine>.Instance);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(IngestRunStatus.Failed, (await other.RunAsync(h.Source, h.Client, new RunRequest(IngestTrigger.Schedule, null, null), TestContext.Current.CancellationToken)).Status);

        var open = Assert.Single(await OutagesAsync(h));
        Assert.Equal(first.StartedAt, open.StartedAt);
    }

    [Fact]
    public async Task Racing_openers_leave_one_open_outage()
    {
        await using var h = await EngineHarness.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var start = h.Time.GetUtcNow();

        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SourceOutages.OpenAsync(h.Db, "Complaints", start, start, ct), ct)));

        Assert.Single(await OutagesAsync(h));
        Assert.Equal(1, opened.Count(o => o));
    }

    [Fact]
    public async Task An_administrator_can_remove_an_outage_annotation_and_it_still_closes()
    {
        await using var h = await EngineHarness.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        Fail(h);
        await h.RunAsync(ct);
        var open = Assert.Single(await OutagesAsync(h));

        Assert.True(await new IndicatorAdministration(h.Db, h.Time).RemoveAnnotationAsync(open.Id, "admin", ct));
        h.Client.BeforePage = null;
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.RunAsync(ct);

        var removed = Assert.Single(await OutagesAsync(h));
        Assert.Equal("admin", removed.RemovedBy);
        Assert.NotNull(removed.EndedAt);
    }
}
