using Dashboard.Ingest.Reporting;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// One app with one completed complaint refresh, shared by the tests of a class that only read from it.
/// Started on first use, so that tests skipped before asking for it (no Chromium) cost nothing.
/// </summary>
public sealed class RefreshedDashboardFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DashboardFactory? _app;

    public async Task<DashboardFactory> StartAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_app is null)
            {
                var app = new DashboardFactory();
                var run = await app.RefreshAsync();
                if (run.Status != IngestRunStatus.Succeeded)
                {
                    await app.DisposeAsync();
                    throw new InvalidOperationException($"The first complaint refresh ended {run.Status}: {run.Error}");
                }
                _app = app;
            }
            return _app;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _gate.Dispose();
    }
}
