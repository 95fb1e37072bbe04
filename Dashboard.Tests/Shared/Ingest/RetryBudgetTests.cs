using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>Run-level retries: a budget of attempts, linked into a chain, never when the schedule comes sooner.</summary>
public sealed class RetryBudgetTests
{
    private static readonly IngestOptions Budget = new() { RunRetries = 2, RunRetryDelaySeconds = 60 };

    private static void Fail(EngineHarness h) =>
        h.Client.BeforePage = _ => throw new HttpRequestException("Bad Gateway", null, System.Net.HttpStatusCode.BadGateway);

    [Fact]
    public async Task AFailedRun_IsRetriedTwice_60sThen5min_AsOneChain_ThenLeftToTheSchedule()
    {
        var requests = new RecordingRefreshRequests();
        await using var h = await EngineHarness.CreateAsync(Budget, requests, schedule: "0 * * * *");
        Fail(h);

        var first = await h.RunAsync();
        Assert.Equal(IngestRunStatus.Failed, first.Status);
        var (_, retry1, delay1) = Assert.Single(requests.All);
        Assert.Equal((IngestTrigger.Retry, TimeSpan.FromSeconds(60)), (retry1.Trigger, delay1));
        Assert.Contains($"run #{first.Id}", retry1.Reason, StringComparison.Ordinal);

        h.Time.Advance(delay1);
        var second = await h.RunAsync(retry1);
        Assert.Equal((IngestRunStatus.Failed, first.Id, 2), (second.Status, second.RetryOfRunId, second.Attempt));
        Assert.Equal(TimeSpan.FromMinutes(5), requests.All[1].Delay);

        h.Time.Advance(requests.All[1].Delay);
        var third = await h.RunAsync(requests.All[1].Request);
        Assert.Equal((IngestRunStatus.Failed, first.Id, 3), (third.Status, third.RetryOfRunId, third.Attempt));
        // The budget is spent: the next try is the schedule's.
        Assert.Equal(2, requests.All.Count);

        await using var db = h.Db.CreateDbContext();
        var chain = await db.IngestRuns.Where(r => r.Id == first.Id || r.RetryOfRunId == first.Id).OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 3], chain.Select(r => r.Attempt));
    }

    [Fact]
    public async Task NoRetry_WhenTheScheduleComesSooner()
    {
        var requests = new RecordingRefreshRequests();
        await using var h = await EngineHarness.CreateAsync(Budget, requests, schedule: "*/1 * * * *");
        Fail(h);

        Assert.Equal(IngestRunStatus.Failed, (await h.RunAsync()).Status);

        Assert.Empty(requests.All);
    }

    [Fact]
    public async Task ARetry_AfterAnotherRunSucceeded_IsSkippedAsMoot()
    {
        var requests = new RecordingRefreshRequests();
        await using var h = await EngineHarness.CreateAsync(Budget, requests, schedule: "0 * * * *");
        Fail(h);
        await h.RunAsync();
        var retry = Assert.Single(requests.All).Request;

        h.Client.BeforePage = null;
        Assert.Equal(IngestRunStatus.Succeeded, (await h.RunAsync()).Status);
        var moot = await h.RunAsync(retry);

        Assert.Equal(IngestRunStatus.Skipped, moot.Status);
        Assert.Contains("sudah berhasil", moot.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADefectOfOurs_IsNotRetried()
    {
        var requests = new RecordingRefreshRequests();
        await using var h = await EngineHarness.CreateAsync(Budget, requests, schedule: "0 * * * *");
        h.Client.BeforePage = _ => throw new InvalidOperationException("bug");

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.RunAsync());

        Assert.Empty(requests.All);
    }
}
