using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Looks a source up by its configured name.</summary>
public sealed class SourceCatalog(IEnumerable<IIngestSource> sources)
{
    private readonly Dictionary<string, IIngestSource> _byName =
        sources.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IIngestSource> All => _byName.Values;

    public IIngestSource Get(string name) =>
        _byName.TryGetValue(name, out var source)
            ? source
            : throw new ArgumentException($"Sumber '{name}' tidak dikenal.", nameof(name));
}

/// <summary>Refreshes through Hangfire: the job runs on whichever node's server picks it up.</summary>
public sealed class HangfireRefreshRequests(SourceCatalog catalog, IBackgroundJobClient jobs, ILogger<HangfireRefreshRequests> logger)
    : IRefreshRequests
{
    public Task<string> RequestAsync(string source, RunRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = catalog.Get(source);
        Log.RefreshRequested(logger, s.Name, request.RequestedBy ?? request.Trigger.ToString(), request.Reason ?? "");
        return Task.FromResult(s.Enqueue(jobs, request));
    }

    public Task<string> RequestAsync(string source, RunRequest request, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = catalog.Get(source);
        Log.RefreshRequested(logger, s.Name, request.Trigger.ToString(), request.Reason ?? "");
        return Task.FromResult(s.Schedule(jobs, request, delay));
    }
}

/// <summary>
/// Refreshes in this process without a job store (<c>Hangfire:Storage=None</c>, used by tests): the run starts
/// at once on the thread pool and is awaited at shutdown.
/// </summary>
public sealed class InProcessRefreshRequests(
    SourceCatalog catalog, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<InProcessRefreshRequests> logger)
    : IRefreshRequests, IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _next;

    public Task<string> RequestAsync(string source, RunRequest request, CancellationToken ct = default) =>
        RequestAsync(source, request, TimeSpan.Zero, ct);

    /// <summary>Starts the run after <paramref name="delay"/> (on this process's clock); a delayed run still counts as running for <see cref="WhenIdleAsync"/>.</summary>
    public Task<string> RequestAsync(string source, RunRequest request, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = catalog.Get(source);
        Log.RefreshRequested(logger, s.Name, request.RequestedBy ?? request.Trigger.ToString(), request.Reason ?? "");
        var id = Interlocked.Increment(ref _next);
        // The run must be in the table before it can remove itself from it.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running[id] = Task.Run(async () =>
        {
            await registered.Task;
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, time, lifetime.ApplicationStopping);
                }
                await using var scope = scopes.CreateAsyncScope();
                var job = (IIngestJob)scope.ServiceProvider.GetRequiredService(s.JobType);
                await job.RunAsync(request.Trigger, request.RequestedBy, request.Reason, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: the run is recorded as cancelled by the engine.
            }
            finally
            {
                _running.TryRemove(id, out _);
            }
        }, CancellationToken.None);
        registered.SetResult();
        return Task.FromResult("inproc-" + id);
    }

    /// <summary>Completes when every run requested so far has ended (tests wait on this).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    public async ValueTask DisposeAsync() => await WhenIdleAsync();
}
