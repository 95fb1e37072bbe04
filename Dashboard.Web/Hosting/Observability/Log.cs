namespace Dashboard.Web.Hosting.Observability;

internal static partial class Log
{
    [LoggerMessage(EventId = 6801, Level = LogLevel.Warning, Message = "Source and alert gauges could not be re-read; next try at the next interval")]
    public static partial void StatusRefreshFailed(ILogger logger, Exception ex);
}
