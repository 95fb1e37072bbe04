namespace Dashboard.Web.Features.Walls;

internal static partial class Log
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Wall screen {ScreenId}: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, int screenId, Exception exception);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Wall screen {ScreenId} {Action} by {User}")]
    public static partial void ScreenChanged(ILogger logger, int screenId, string action, string user);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Wall screen {ScreenId}: token no longer valid, screen stopped")]
    public static partial void ScreenRevoked(ILogger logger, int screenId);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Warning, Message = "Wall screen {ScreenId}: heartbeat failed")]
    public static partial void HeartbeatFailed(ILogger logger, int screenId, Exception exception);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Information, Message = "Wall screen {ScreenId}: browser connection lost (a closed tab or a network drop); its circuit waits to reconnect or close")]
    public static partial void ConnectionLost(ILogger logger, int screenId);
}
