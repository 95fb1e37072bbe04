using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.Complaints;

internal static partial class Log
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Complaints page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Refresh of {Source} requested by {User} from the complaints page: job {JobId}")]
    public static partial void RefreshRequested(ILogger logger, string source, string user, string jobId);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Refresh of {Source} could not be requested")]
    public static partial void RefreshRequestFailed(ILogger logger, string source, Exception exception);
}
