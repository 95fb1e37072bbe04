namespace Dashboard.Web.Auth;

/// <summary>Sign-in and account events: user ids and counts only, never names or passwords.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Signed in: user {UserId}")]
    public static partial void SignedIn(ILogger logger, string userId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Sign-in refused ({Reason})")]
    public static partial void SignInRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Sign-in to user {UserId} held after repeated failures from one address")]
    public static partial void LockedOut(ILogger logger, string userId);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Demo users seeded for Development: {Count}")]
    public static partial void DemoUsersSeeded(ILogger logger, int count);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Circuit of user {UserId} lost its authorisation at a re-check")]
    public static partial void CircuitRevoked(ILogger logger, string userId);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Unknown API key presented (prefix {Prefix})")]
    public static partial void UnknownApiKey(ILogger logger, string prefix);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning, Message = "Connection refused: {Principal} already holds {Limit} live connections on this node")]
    public static partial void ConnectionRefused(ILogger logger, string principal, int limit);
}
