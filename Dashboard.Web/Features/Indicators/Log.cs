using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Features.Indicators;

internal static partial class Log
{
    [LoggerMessage(EventId = 4901, Level = LogLevel.Warning, Message = "Indicator page: live refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4902, Level = LogLevel.Warning, Message = "Kelurahan map: {Count} kelurahan have no boundary in Map:BoundaryGeoJson and are not drawn: {Codes}")]
    public static partial void KelurahanWithoutBoundary(ILogger logger, int count, string codes);
}
