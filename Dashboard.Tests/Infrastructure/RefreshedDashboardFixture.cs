using Dashboard.Ingest.Reporting;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// One app shared by the tests of a class that only read from it, built by <see cref="CreateAsync"/> on first use,
/// so that tests skipped before asking for it (no Chromium) cost nothing.
/// </summary>
public abstract class LazyDashboardFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DashboardFactory? _app;

    public async Task<DashboardFactory> StartAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _app ??= await CreateAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts the app and brings it to the state the tests read (disposing it when that fails).</summary>
    protected abstract Task<DashboardFactory> CreateAsync();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One app with one completed complaint refresh.</summary>
public sealed class RefreshedDashboardFixture : LazyDashboardFixture
{
    protected override async Task<DashboardFactory> CreateAsync()
    {
        var app = new DashboardFactory();
        var run = await app.RefreshAsync();
        if (run.Status != IngestRunStatus.Succeeded)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The first complaint refresh ended {run.Status}: {run.Error}");
        }
        return app;
    }
}
