using System.Diagnostics;
using Dashboard.Ingest.Shared.Telemetry;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace Dashboard.Web.Hosting.Observability;

/// <summary>
/// Carries the trace of whoever queued a job into the job: the creating context (a person's refresh click, an API
/// call) is stored with the job as its W3C <c>traceparent</c> parameter, and the job runs inside a <c>hangfire.job</c>
/// span that continues that trace and links to it. The ingest run started by the job is that span's child.
/// </summary>
public sealed class TraceContextJobFilter : JobFilterAttribute, IClientFilter, IServerFilter
{
    public const string Parameter = "traceparent";
    private const string ActivityItem = "dasbor.activity";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Adds the filter to Hangfire's global filters once per process.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                Hangfire.GlobalJobFilters.Filters.Add(new TraceContextJobFilter());
                _registered = true;
            }
        }
    }

    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id })
        {
            context.SetJobParameter(Parameter, id);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var traceparent = context.GetJobParameter<string>(Parameter);
        ActivityContext parent = default;
        var linked = traceparent is not null && ActivityContext.TryParse(traceparent, null, isRemote: true, out parent);
        // A sync callback on the worker's thread: the span stays current for the job's body.
        var activity = DasborTelemetry.ActivitySource.StartActivity(
            "hangfire.job", ActivityKind.Consumer, linked ? parent : default, links: linked ? [new ActivityLink(parent)] : null);
        if (activity is null)
        {
            return;
        }
        activity.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        activity.SetTag("hangfire.job.type", context.BackgroundJob.Job?.Type.Name);
        context.Items[ActivityItem] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            if (context.Exception is { } ex && !context.ExceptionHandled)
            {
                activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            }
            activity.Dispose();
        }
    }
}
