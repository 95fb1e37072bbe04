using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.Staffing;

internal static partial class Log
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Staffing page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
