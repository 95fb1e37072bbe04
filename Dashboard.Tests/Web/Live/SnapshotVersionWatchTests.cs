using System.Collections.Concurrent;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web.Live;

/// <summary>
/// A web node notices a commit whose notification never reached it (another node's run while Redis was down) by the
/// snapshot version, tells its screens once, and never doubles a notification that did arrive.
/// </summary>
public sealed class SnapshotVersionWatchTests
{
    [Fact]
    public async Task A_missed_version_is_announced_once_at_the_next_check_and_a_notified_one_never()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new DashboardFactory();
        var run = await app.RefreshAsync();
        Assert.Equal(IngestRunStatus.Succeeded, run.Status);
        await using (var db = await app.Db.CreateDbContextAsync(ct))
        {
            // The run committed its indicators with its id as the source's snapshot version.
            Assert.Equal(run.Id, (await db.SourceStates.SingleAsync(s => s.Source == ComplaintsIndicators.Source, ct)).SnapshotVersion);
        }
        var broadcaster = app.Services.GetRequiredService<KpiBroadcaster>();
        var announced = new ConcurrentQueue<IndicatorsChanged>();
        using var listener = broadcaster.Subscribe(e =>
        {
            if (e is IndicatorsChanged { FromNode: SnapshotVersionWatch.Origin } c)
            {
                announced.Enqueue(c);
            }
            return Task.CompletedTask;
        });
        using var watch = new SnapshotVersionWatch(app.Db, app.Services.GetRequiredService<SourceCatalog>(), broadcaster,
            TimeProvider.System, Options.Create(new LiveOptions()), NullLogger<SnapshotVersionWatch>.Instance);

        await watch.CheckAsync(announce: false, ct); // the screens just loaded this version

        // Another node commits run +100; its notification never comes.
        await SetVersionAsync(app, run.Id + 100, ct);
        await watch.CheckAsync(announce: true, ct);
        Assert.Equal(0, watch.Recovered); // could still be in flight
        await watch.CheckAsync(announce: true, ct);
        Assert.Equal(1, watch.Recovered);
        await watch.CheckAsync(announce: true, ct);
        Assert.Equal(1, watch.Recovered);
        await Eventually.TrueAsync(() => !announced.IsEmpty, TimeSpan.FromSeconds(10));
        var recovered = Assert.Single(announced);
        Assert.Equal(run.Id + 100, recovered.RunId);
        Assert.Contains(ComplaintsIndicators.Codes.ComplaintsReceived, recovered.IndicatorCodes);

        // Run +200 commits and its notification arrives between two checks: nothing to recover.
        await SetVersionAsync(app, run.Id + 200, ct);
        await watch.CheckAsync(announce: true, ct);
        broadcaster.Publish(new IndicatorsChanged(ComplaintsIndicators.Source, DateTimeOffset.UtcNow, run.Id + 200, recovered.IndicatorCodes) { FromNode = "ingest-2" });
        await Eventually.TrueAsync(() => watch.SeenVersion(ComplaintsIndicators.Source) == run.Id + 200, TimeSpan.FromSeconds(10));
        await watch.CheckAsync(announce: true, ct);
        await watch.CheckAsync(announce: true, ct);
        Assert.Equal(1, watch.Recovered);
    }

    private static async Task SetVersionAsync(DashboardFactory app, long version, CancellationToken ct)
    {
        await using var db = await app.Db.CreateDbContextAsync(ct);
        await db.SourceStates.Where(s => s.Source == ComplaintsIndicators.Source)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SnapshotVersion, version), ct);
    }
}
