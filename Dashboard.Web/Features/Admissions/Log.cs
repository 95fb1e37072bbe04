using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.Admissions;

internal static partial class Log
{
    [LoggerMessage(EventId = 4701, Level = LogLevel.Warning, Message = "Admissions page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
