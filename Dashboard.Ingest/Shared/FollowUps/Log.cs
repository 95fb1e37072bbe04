using Microsoft.Extensions.Logging;

namespace Dashboard.Ingest.Shared.FollowUps;

internal static partial class Log
{
    [LoggerMessage(1101, LogLevel.Warning, "Recomputing the follow-up indicators failed")]
    public static partial void RecomputeFailed(ILogger logger, Exception exception);
}
