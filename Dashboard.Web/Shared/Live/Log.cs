using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Shared.Live;

internal static partial class Log
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "{Source} page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, string source, Exception exception);
}
