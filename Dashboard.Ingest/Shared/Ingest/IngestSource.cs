using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Ingest;

public sealed record RunRequest(IngestTrigger Trigger, string? RequestedBy, string? Reason);

/// <summary>One resource of a source, applied page by page.</summary>
public interface IFeed
{
    string Resource { get; }

    /// <summary>Validates and maps a page; pure, so it may run while another page is being written.</summary>
    IMappedPage Map(IReadOnlyList<JsonElement> items);

    /// <summary>Applies a commit group's pages in order (<see cref="FeedBatch.ApplyGroupAsync{T}"/>): each page's counts.</summary>
    /// <param name="memory">What the run knows of this feed from its earlier pages (one a feed and run).</param>
    Task<IReadOnlyList<FeedCounters>> ApplyGroupAsync(
        ReportingDbContext db, string source, long runId, IReadOnlyList<IMappedPage> pages, DateTimeOffset now, FeedMemory? memory,
        CancellationToken ct);
}

public sealed class Feed<T>(ISourceMapper<T> mapper) : IFeed where T : class, ISourceEntity
{
    public string Resource => mapper.Resource;

    public IMappedPage Map(IReadOnlyList<JsonElement> items) => FeedBatch.Map(mapper, items);

    public Task<IReadOnlyList<FeedCounters>> ApplyGroupAsync(
        ReportingDbContext db, string source, long runId, IReadOnlyList<IMappedPage> pages, DateTimeOffset now, FeedMemory? memory,
        CancellationToken ct) =>
        FeedBatch.ApplyGroupAsync(db, mapper, source, runId, [.. pages.Cast<FeedBatch.MappedPage<T>>()], now, memory, ct);
}

/// <summary>Recomputes a source's indicators for a range of days after a committed run.</summary>
public interface ISourceKpis
{
    IReadOnlyList<string> IndicatorCodes { get; }

    Task RecomputeAsync(ReportingDbContext db, DateOnly from, DateOnly today, long runId, DateTimeOffset now, CancellationToken ct);
}

/// <summary>A Hangfire job that runs one source; the trigger and who asked travel as job arguments.</summary>
public interface IIngestJob
{
    Task RunAsync(IngestTrigger trigger, string? requestedBy, string? reason, CancellationToken ct);
}

/// <summary>Everything the engine, the scheduler and the pages need to know about one source.</summary>
public interface IIngestSource
{
    string Name { get; }
    SourceOptions Options { get; }
    IReadOnlyList<IFeed> Feeds { get; }
    ISourceKpis Kpis { get; }
    Type JobType { get; }

    /// <summary>The typed HTTP client the job reads the source with (<see cref="SourceClient{TOptions}"/> unless the source has its own).</summary>
    Type ClientType { get; }

    string RecurringJobId { get; }

    /// <summary>Registers the recurring pull on <paramref name="cron"/> (an administrator's override) or the configured schedule.</summary>
    void Schedule(IRecurringJobManager manager, TimeZoneInfo zone, string? cron = null);

    string Enqueue(IBackgroundJobClient client, RunRequest request);

    string Schedule(IBackgroundJobClient client, RunRequest request, TimeSpan delay);
}

/// <summary>
/// The shape every source shares; a source supplies its name, feeds and indicators. <typeparamref name="TSelf"/> is the
/// source itself, so that its job (<see cref="IngestJob{TSource, TClient}"/>) is one generic class for every source.
/// </summary>
public abstract class IngestSource<TSelf, TOptions, TClient>(IOptionsMonitor<TOptions> options) : IIngestSource
    where TSelf : IngestSource<TSelf, TOptions, TClient>
    where TOptions : SourceOptions
    where TClient : class, ISourcePageClient
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<IFeed> Feeds { get; }
    public abstract ISourceKpis Kpis { get; }
    public SourceOptions Options => options.CurrentValue;
    public Type JobType => typeof(IngestJob<TSelf, TClient>);
    public Type ClientType => typeof(TClient);

    /// <summary>Stable across releases: Hangfire keeps the recurring job (and an administrator's override) under it.</summary>
    public string RecurringJobId => "source-" + Name.ToLowerInvariant();

    public void Schedule(IRecurringJobManager manager, TimeZoneInfo zone, string? cron = null)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (!Options.Enabled)
        {
            manager.RemoveIfExists(RecurringJobId);
            return;
        }
        manager.AddOrUpdate<IngestJob<TSelf, TClient>>(
            RecurringJobId,
            job => job.RunAsync(IngestTrigger.Schedule, null, null, CancellationToken.None),
            cron ?? Options.Schedule,
            new RecurringJobOptions { TimeZone = zone });
    }

    public string Enqueue(IBackgroundJobClient client, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Enqueue<IngestJob<TSelf, TClient>>(job => job.RunAsync(request.Trigger, request.RequestedBy, request.Reason, CancellationToken.None));
    }

    public string Schedule(IBackgroundJobClient client, RunRequest request, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Schedule<IngestJob<TSelf, TClient>>(
            job => job.RunAsync(request.Trigger, request.RequestedBy, request.Reason, CancellationToken.None), delay);
    }
}

/// <summary>A source read with the default client: the common paged contract behind a bearer key.</summary>
public abstract class IngestSource<TSelf, TOptions>(IOptionsMonitor<TOptions> options)
    : IngestSource<TSelf, TOptions, SourceClient<TOptions>>(options)
    where TSelf : IngestSource<TSelf, TOptions>
    where TOptions : SourceOptions;
