using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.Overview;

internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Overview: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
