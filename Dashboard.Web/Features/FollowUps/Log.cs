namespace Dashboard.Web.Features.FollowUps;

internal static partial class Log
{
    [LoggerMessage(1201, LogLevel.Warning, "Reloading the follow-ups failed")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(1202, LogLevel.Warning, "Reloading the meeting failed")]
    public static partial void MeetingReloadFailed(ILogger logger, Exception exception);
}
