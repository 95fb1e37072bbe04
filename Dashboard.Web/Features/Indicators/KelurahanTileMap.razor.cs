using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Indicators;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Indicators;

/// <summary>
/// The 57 kelurahan of the chosen indicator as a schematic tile map, grouped by kecamatan, or, when the city supplies its
/// boundaries (<see cref="MapOptions.BoundaryGeoJson"/>), as the real polygons: coloured by status when the indicator has
/// a target (the same colours as everywhere, <see cref="StatusStyle"/>), otherwise by value in five quantile classes.
/// Every tile or polygon drills down to that kelurahan (the same URL scheme as the tables).
/// </summary>
public sealed partial class KelurahanTileMap
{
    internal static readonly string[] ValueShades = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
    internal const string NoDataShade = "#eeeeee";

    // Where each kecamatan sits in the schematic (CSS grid areas).
    private static readonly Dictionary<string, string> Areas = new(StringComparer.Ordinal)
    {
        ["35.73.01"] = "blimbing",
        ["35.73.02"] = "klojen",
        ["35.73.03"] = "kedungkandang",
        ["35.73.04"] = "sukun",
        ["35.73.05"] = "lowokwaru",
    };

    private List<Group> _groups = [];
    private bool _byStatus;
    private List<double> _breaks = [];
    private BoundaryMap? _boundaries;
    private Dictionary<string, IndicatorScopeRow> _byCode = new(StringComparer.Ordinal);

    [Parameter, EditorRequired]
    public string Code { get; set; } = "";

    [Parameter]
    public TrendPeriod Period { get; set; }

    [Parameter]
    public IndicatorUnit Unit { get; set; }

    [Parameter]
    public string? SelectedScope { get; set; }

    /// <summary>Every kelurahan's current value and status.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<IndicatorScopeRow> Rows { get; set; } = [];

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private IOptions<MapOptions> MapSettings { get; set; } = default!;

    [Inject]
    private KelurahanBoundaries Boundaries { get; set; } = default!;

    protected override void OnParametersSet()
    {
        var byCode = Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _boundaries = Boundaries.MapFor(MapSettings.Value);
        _byCode = ReferenceData.Kelurahan.ToDictionary(k => k.Code,
            k => byCode.TryGetValue(k.Code, out var r) ? r : new IndicatorScopeRow(k.Code, k.Name, null, null, IndicatorStatus.NoData), StringComparer.Ordinal);
        _groups = [.. ReferenceData.Kecamatan.Select(k => new Group(k.Code, k.Name, Areas.GetValueOrDefault(k.Code, "other"),
            [.. ReferenceData.Kelurahan.Where(x => x.ParentCode == k.Code)
                .Select(x => byCode.TryGetValue(x.Code, out var r) ? r : new IndicatorScopeRow(x.Code, x.Name, null, null, IndicatorStatus.NoData))]))];
        _byStatus = Rows.Any(r => r.Status is IndicatorStatus.OnTrack or IndicatorStatus.AtRisk or IndicatorStatus.OffTrack);
        _breaks = _byStatus ? [] : Breaks([.. Rows.Where(r => r.Value.HasValue).Select(r => r.Value!.Value)]);
    }

    /// <summary>The four upper bounds of the five quantile classes (empty without values).</summary>
    internal static List<double> Breaks(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return [];
        }
        var sorted = values.Order().ToArray();
        return [.. Enumerable.Range(1, ValueShades.Length - 1).Select(i => sorted[Math.Min(sorted.Length - 1, i * sorted.Length / ValueShades.Length)])];
    }

    /// <summary>The class (0–4) of a value among <paramref name="breaks"/>.</summary>
    internal static int ClassOf(double value, IReadOnlyList<double> breaks)
    {
        var i = 0;
        while (i < breaks.Count && value >= breaks[i])
        {
            i++;
        }
        return i;
    }

    private (string Background, string Text, string Class) Colour(IndicatorScopeRow row)
    {
        if (_byStatus)
        {
            return row.Status == IndicatorStatus.NoData
                ? (NoDataShade, "#424242", "noData")
                : (StatusStyle.For(row.Status).CssColor, "#fff", row.Status.ToString());
        }
        if (row.Value is not { } v || _breaks.Count == 0)
        {
            return (NoDataShade, "#424242", "noData");
        }
        var c = ClassOf(v, _breaks);
        return (ValueShades[c], c >= 3 ? "#fff" : "#212121", "q" + c);
    }

    private string ValueText(IndicatorScopeRow row) => row.Value is { } v ? Format.Value(v, Unit) : "—";

    /// <summary>What a tile's tooltip and a polygon's accessible name say: the kelurahan, its value and its status.</summary>
    private string Describe(IndicatorScopeRow row) => $"{row.Name}: {ValueText(row)} · {L[StatusStyle.For(row.Status).LabelKey]}";

    private string MissingNames() =>
        string.Join(", ", _boundaries!.Missing.Select(c => _byCode.TryGetValue(c, out var r) ? r.Name : c));

    private string RangeText(int i) => i switch
    {
        0 => "< " + Format.Value(_breaks[0], Unit),
        _ when i >= _breaks.Count => "≥ " + Format.Value(_breaks[^1], Unit),
        _ => Format.Value(_breaks[i - 1], Unit) + " – " + Format.Value(_breaks[i], Unit),
    };

    private sealed record Group(string Code, string Name, string Area, IReadOnlyList<IndicatorScopeRow> Rows);
}
