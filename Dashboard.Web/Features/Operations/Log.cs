namespace Dashboard.Web.Features.Operations;

internal static partial class Log
{
    [LoggerMessage(EventId = 4801, Level = LogLevel.Warning, Message = "Operations console: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
