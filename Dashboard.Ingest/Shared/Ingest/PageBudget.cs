namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Bytes of page bodies one feed holds at a time, read ahead or waiting for their commit (<c>Ingest:MaxBufferedMegabytes</c>).
/// The producer waits before it holds more than the limit; one page is always allowed, so that a page larger than the
/// limit (bounded by <c>Sources:&lt;Name&gt;:MaxPageBytes</c>) still passes alone.
/// </summary>
internal sealed class PageBudget(long limit)
{
    private readonly Lock _lock = new();
    private long _used;
    private TaskCompletionSource? _released;

    public long Limit { get; } = limit;

    public async ValueTask AcquireAsync(long bytes, CancellationToken ct)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_used == 0 || _used + bytes <= Limit)
                {
                    _used += bytes;
                    return;
                }
                _released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _released.Task;
            }
            await wait.WaitAsync(ct);
        }
    }

    public void Release(long bytes)
    {
        TaskCompletionSource? released;
        lock (_lock)
        {
            _used = Math.Max(0, _used - bytes);
            released = _released;
            _released = null;
        }
        released?.TrySetResult();
    }
}
