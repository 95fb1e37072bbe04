using Dashboard.Ingest.Reporting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Ingest.Shared.Ingest;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Ingest {Source} run {RunId} started ({Trigger})")]
    public static partial void RunStarted(ILogger logger, string source, long runId, IngestTrigger trigger);

    [LoggerMessage(2, LogLevel.Information, "Ingest {Source} run {RunId} succeeded: read {Read}, inserted {Inserted}, updated {Updated}, deleted {Deleted}, rejected {Rejected}")]
    public static partial void RunFinished(ILogger logger, string source, long runId, int read, int inserted, int updated, int deleted, int rejected);

    [LoggerMessage(3, LogLevel.Warning, "Ingest {Source} run {RunId} skipped: {Reason}")]
    public static partial void RunSkipped(ILogger logger, string source, long runId, string? reason);

    [LoggerMessage(4, LogLevel.Error, "Ingest {Source} run {RunId} failed")]
    public static partial void RunFailed(ILogger logger, string source, long runId, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Page of {Resource} was not valid JSON (attempt {Attempt}): {Message}")]
    public static partial void InvalidPage(ILogger logger, string resource, int attempt, string message);

    [LoggerMessage(6, LogLevel.Warning, "Run {RunId} of {Source} was left unfinished by {Node}: marked interrupted")]
    public static partial void RunInterrupted(ILogger logger, long runId, string source, string node);

    [LoggerMessage(7, LogLevel.Information, "Refresh of {Source} requested by {User}: {Reason}")]
    public static partial void RefreshRequested(ILogger logger, string source, string user, string reason);


    [LoggerMessage(9, LogLevel.Information, "Outage annotation of {Source} opened")]
    public static partial void OutageOpened(ILogger logger, string source);

    [LoggerMessage(10, LogLevel.Information, "Outage annotation of {Source} closed")]
    public static partial void OutageClosed(ILogger logger, string source);

    [LoggerMessage(11, LogLevel.Warning, "Outage annotation of {Source} could not be written")]
    public static partial void OutageFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "Ingest {Source} run {RunId} found its lease taken over: stopping")]
    public static partial void LeaseLost(ILogger logger, string source, long runId);

    [LoggerMessage(13, LogLevel.Warning, "Ingest {Source} run {RunId}: heartbeat could not renew the lease (tries again)")]
    public static partial void HeartbeatFailed(ILogger logger, string source, long runId, Exception exception);
}
