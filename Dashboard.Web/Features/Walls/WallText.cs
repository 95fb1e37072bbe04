using Dashboard.Web.Shared.Formatting;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Walls;

/// <summary>Wall wording shared by the tile kinds.</summary>
internal static class WallText
{
    public static string SourceDown(IStringLocalizer localizer, DashboardFormatter format, WallSourceHealth health) =>
        health.LastAttemptAt is { } at
            ? localizer["wall.sourceDown.since", format.Count(health.ConsecutiveFailures), format.WibTime(at)].Value
            : localizer["wall.sourceDown"].Value;
}
