namespace Dashboard.Web.Live;

internal static partial class Log
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Hub: could not send {Event} of {Source} to the hub's clients")]
    public static partial void HubSendFailed(ILogger logger, string @event, string source, Exception ex);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Redis unreachable: notifications stay on this node until it is back (screens of other nodes catch up by the snapshot check)")]
    public static partial void RedisDown(ILogger logger);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "Redis reachable: notifications of this node reach every node again")]
    public static partial void RedisUp(ILogger logger);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "Redis: a notification could not be read and was dropped")]
    public static partial void BadNotification(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Information, Message = "Snapshot check: {Source} is at run {Version} but no notification came; screens told to re-read")]
    public static partial void MissedUpdate(ILogger logger, string source, long version);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Warning, Message = "Snapshot check failed")]
    public static partial void CheckFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 5307, Level = LogLevel.Information, Message = "Hub connection of {Principal} closed: its access was revoked")]
    public static partial void HubConnectionRevoked(ILogger logger, string principal);

    [LoggerMessage(EventId = 5308, Level = LogLevel.Warning, Message = "Hub connections could not be re-checked; next try at the next interval")]
    public static partial void RevalidationFailed(ILogger logger, Exception ex);
}
