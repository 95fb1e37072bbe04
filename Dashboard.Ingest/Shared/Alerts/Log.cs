using Microsoft.Extensions.Logging;

namespace Dashboard.Ingest.Shared.Alerts;

internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Warning, "Alert #{AlertId} {Key} is now {State}")]
    public static partial void AlertChanged(ILogger logger, long alertId, string key, AlertState state);

    [LoggerMessage(102, LogLevel.Information, "Alert evaluation lost a race with another node: {Message}")]
    public static partial void AlertRace(ILogger logger, string message);

    [LoggerMessage(103, LogLevel.Error, "Alert channel {Channel} failed: {Message}")]
    public static partial void ChannelFailed(ILogger logger, string channel, string message);

    [LoggerMessage(104, LogLevel.Error, "Alert evaluation failed")]
    public static partial void EvaluationFailed(ILogger logger, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "Writing a stale source's outage annotation failed; alerts evaluated regardless")]
    public static partial void OutageAnnotationFailed(ILogger logger, Exception exception);
}
