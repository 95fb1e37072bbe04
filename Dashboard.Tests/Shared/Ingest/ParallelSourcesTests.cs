using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Simulators.Letters;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>A source that hangs does not hold up the others: runs of different sources overlap, runs of one source never do.</summary>
public sealed class ParallelSourcesTests
{
    [Fact]
    public async Task AHangingSource_DoesNotDelayAnother_AndASecondRunOfItIsSkipped()
    {
        await using var app = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Sources:Simulator:HistoryDays"] = "7",
            ["Sources:Letters:Retries"] = "0",
            ["Sources:Letters:AttemptTimeoutSeconds"] = "8",
            ["Sources:Letters:TotalTimeoutSeconds"] = "30",
        });
        _ = app.RootUri;
        var letters = app.Services.GetRequiredService<LettersSimulator>();
        letters.Faults.Timeout(100, TimeSpan.FromHours(1));
        var refresh = (IRefreshRequests)app.Services.GetRequiredService<InProcessRefreshRequests>();

        await refresh.RequestAsync(LettersIndicators.Source, "operator", "uji paralel");
        await Eventually.TrueAsync(() => letters.Faults.HangingRequests >= 1, TimeSpan.FromSeconds(30));

        // Not app.RefreshAsync: that waits for every run, the hanging one included.
        await refresh.RequestAsync("Complaints", "operator", "uji paralel");
        IngestRun? complaints = null;
        await Eventually.TrueAsync(() =>
        {
            using var db = app.Db.CreateDbContext();
            complaints = db.IngestRuns.AsNoTracking().SingleOrDefault(r => r.Source == "Complaints" && r.Status != IngestRunStatus.Running);
            return complaints is not null;
        }, TimeSpan.FromSeconds(30), "the complaints run finished");
        Assert.Equal(IngestRunStatus.Succeeded, complaints!.Status);
        Assert.True(letters.Faults.HangingRequests >= 1, "the letters run was still hanging while complaints finished");

        await refresh.RequestAsync(LettersIndicators.Source, "operator", "lagi");
        await app.Services.GetRequiredService<InProcessRefreshRequests>().WhenIdleAsync();

        await using var db = await app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var runs = await db.IngestRuns.AsNoTracking().Where(r => r.Source == LettersIndicators.Source).OrderBy(r => r.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([IngestRunStatus.Failed, IngestRunStatus.Skipped], runs.Select(r => r.Status));
        Assert.Contains("masih berjalan", runs[1].Error, StringComparison.Ordinal);
        Assert.True(complaints.FinishedAt < runs[0].FinishedAt, "complaints finished before the hanging letters run gave up");
    }
}
