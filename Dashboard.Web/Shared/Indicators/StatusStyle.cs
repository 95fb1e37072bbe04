using Dashboard.Ingest.Shared.Indicators;
using MudBlazor;

namespace Dashboard.Web.Shared.Indicators;

/// <summary>
/// How a status looks on every page: one colour, one icon and one label each, so that "off track" is the
/// same red with the same icon on a tile, in a league table and on the wall. The icon and label carry the
/// meaning for readers who cannot tell the colours apart.
/// </summary>
/// <param name="Color">The MudBlazor palette colour, for MudBlazor components.</param>
/// <param name="CssColor">The same colour as a CSS value (a theme variable), for plain markup.</param>
/// <param name="Icon">An SVG icon (MudBlazor's material icon markup).</param>
/// <param name="LabelKey">The UI text key of the label.</param>
public sealed record StatusStyle(Color Color, string CssColor, string Icon, string LabelKey)
{
    private static readonly StatusStyle NoData = new(Color.Default, "var(--mud-palette-text-disabled)", Icons.Material.Filled.HelpOutline, "status.noData");
    private static readonly StatusStyle NoTarget = new(Color.Info, "var(--mud-palette-info)", Icons.Material.Filled.Insights, "status.noTarget");
    private static readonly StatusStyle OnTrack = new(Color.Success, "var(--mud-palette-success)", Icons.Material.Filled.CheckCircle, "status.onTrack");
    private static readonly StatusStyle AtRisk = new(Color.Warning, "var(--mud-palette-warning)", Icons.Material.Filled.Warning, "status.atRisk");
    private static readonly StatusStyle OffTrack = new(Color.Error, "var(--mud-palette-error)", Icons.Material.Filled.Error, "status.offTrack");

    /// <summary>The style of <paramref name="status"/>.</summary>
    public static StatusStyle For(IndicatorStatus status) => status switch
    {
        IndicatorStatus.OnTrack => OnTrack,
        IndicatorStatus.AtRisk => AtRisk,
        IndicatorStatus.OffTrack => OffTrack,
        IndicatorStatus.NoTarget => NoTarget,
        _ => NoData,
    };
}
