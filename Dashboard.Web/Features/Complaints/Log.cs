using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.Complaints;

internal static partial class Log
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Complaints page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
