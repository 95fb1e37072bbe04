using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.Indicators;

internal static partial class Log
{
    [LoggerMessage(EventId = 4901, Level = LogLevel.Warning, Message = "Indicator page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
