using System.ComponentModel;
using System.Reflection;
using Dashboard.Ingest.Reporting;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// The recurring and on-demand pull of one source, the same class for every source. Failures are in the run ledger,
/// not Hangfire retries.
/// </summary>
public sealed class IngestJob<TSource, TClient>(IngestEngine engine, TSource source, TClient client) : IIngestJob
    where TSource : IIngestSource
    where TClient : ISourcePageClient
{
    [AutomaticRetry(Attempts = 0)]
    [SourceJobDisplayName]
    public Task RunAsync(IngestTrigger trigger, string? requestedBy, string? reason, CancellationToken ct) =>
        engine.RunAsync(source, client, new RunRequest(trigger, requestedBy, reason), ct);
}

/// <summary>The Hangfire dashboard's name of an ingest job: the source class's <see cref="DisplayNameAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SourceJobDisplayNameAttribute() : JobDisplayNameAttribute("Tarik data sumber")
{
    public override string Format(DashboardContext context, Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var source = job.Type.IsGenericType ? job.Type.GetGenericArguments()[0] : job.Type;
        return source.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName ?? base.Format(context, job);
    }
}

/// <summary>
/// The default typed client of a source (resilience is added at registration): the common paged contract behind the
/// source's bearer key. A source whose contract differs brings its own client.
/// </summary>
public sealed class SourceClient<TOptions>(HttpClient http, Microsoft.Extensions.Options.IOptionsMonitor<TOptions> options) : ISourcePageClient
    where TOptions : SourceOptions
{
    public Task<SourcePage> GetPageAsync(string resource, DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken ct) =>
        SourceHttp.GetPageAsync(http, options.CurrentValue.ApiKey, resource, updatedSince, cursor, limit, ct);
}
