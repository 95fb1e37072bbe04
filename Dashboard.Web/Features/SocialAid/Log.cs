using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.SocialAid;

internal static partial class Log
{
    [LoggerMessage(EventId = 4601, Level = LogLevel.Warning, Message = "Social aid page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
