using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.Staffing;

internal static partial class Log
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Staffing page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Refresh of {Source} requested by {User} from the staffing page: job {JobId}")]
    public static partial void RefreshRequested(ILogger logger, string source, string user, string jobId);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Refresh of {Source} could not be requested")]
    public static partial void RefreshRequestFailed(ILogger logger, string source, Exception exception);
}
