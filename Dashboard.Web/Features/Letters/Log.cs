using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.Letters;

internal static partial class Log
{
    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Letters page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
