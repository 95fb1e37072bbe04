using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Indicators;

/// <summary>How an annotation reads in the reader's language, on the trend and in the administrators' panel.</summary>
public static class AnnotationWording
{
    /// <summary>The annotation's text: the administrator's own words, or the system's event worded from its kind and times.</summary>
    public static string Text(TrendAnnotation a, string source, IStringLocalizer L, DashboardFormatter format)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(format);
        return a.Kind switch
        {
            TrendAnnotationKind.SourceFailure =>
                L["indicator.annotation.failed", format.Count(a.FailedRuns)].Value + (a.Error is { } e ? ": " + e : ""),
            TrendAnnotationKind.SourceOutage when a.StartedAt is { } start => a.EndedAt is { } end
                ? L["indicator.annotation.outage", SystemName(source, L), format.WibSpan(start, end)].Value
                : L["indicator.annotation.outageOpen", SystemName(source, L), format.WibSpan(start, null)].Value,
            _ => (a.Text ?? "") + (a.WholeSource ? " (" + L["indicator.annotation.wholeSource"].Value + ")" : ""),
        };
    }

    /// <summary>The source as its users know it (SP4N-LAPOR! / SAMBAT), else its name.</summary>
    private static string SystemName(string source, IStringLocalizer L)
    {
        var systems = L["source." + source + ".systems"];
        return systems.ResourceNotFound ? L.SourceName(source) : systems.Value;
    }

    /// <summary>The colour of an annotation on the trend: administrators' purple, outages red, failed runs orange.</summary>
    public static string Colour(TrendAnnotationKind kind) => kind switch
    {
        TrendAnnotationKind.SourceFailure => "#e65100",
        TrendAnnotationKind.SourceOutage => "#b71c1c",
        _ => "#6a1b9a",
    };
}
