namespace Dashboard.Web.Features.AgencyHome;

internal static partial class Log
{
    [LoggerMessage(EventId = 5701, Level = LogLevel.Warning, Message = "Agency home: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
