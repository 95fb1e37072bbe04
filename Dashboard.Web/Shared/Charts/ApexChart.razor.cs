using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Dashboard.Web.Shared.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// The only component that talks to ApexCharts (npm apexcharts 4.7.0, MIT). It owns the JS module
/// <c>js/apexchart-interop.js</c>, draws after the first render, sends new data with <c>updateSeries</c> when
/// the categories or series change, redraws when the kind, height, options or theme change, and destroys the
/// chart on disposal. Pages pass plain data; they never call chart JavaScript.
/// </summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    private const string ModulePath = "./js/apexchart-interop.js";

    private ElementReference _element;
    private IJSObjectReference? _module;
    private RenderedState? _rendered;
    private bool _disposed;

    /// <summary>The chart element's id, unique on the page; one is generated when not given.</summary>
    [Parameter]
    public string Id { get; set; } = "chart-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The kind of chart. Default <see cref="ApexChartType.Line"/>.</summary>
    [Parameter]
    public ApexChartType Type { get; set; } = ApexChartType.Line;

    /// <summary>The x-axis labels (for donut and pie: the slice labels).</summary>
    [Parameter]
    public IReadOnlyList<string> Categories { get; set; } = [];

    /// <summary>The series, each aligned with <see cref="Categories"/>. Donut and pie use the first series only.</summary>
    [Parameter]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>Height in pixels. Default 300.</summary>
    [Parameter]
    public int Height { get; set; } = 300;

    /// <summary>
    /// Optional ApexCharts options merged over the wrapper's defaults (a JSON-serialisable object, such as an
    /// anonymous object: <c>new { colors = new[] { "#0b5394" } }</c>).
    /// </summary>
    [Parameter]
    public object? Options { get; set; }

    /// <summary>The values are counts: axis ticks fall on whole numbers and labels show no decimals.</summary>
    [Parameter]
    public bool WholeNumbers { get; set; }

    /// <summary>
    /// Type size in CSS pixels of axis labels, legend and slice labels; ApexCharts' own (11–12 px) when not set. A wall
    /// sets it from the screen's size so that labels read across a room at any resolution.
    /// </summary>
    [Parameter]
    public int? FontSize { get; set; }

    /// <summary>One target for every category, drawn as a dashed line across the plot with <see cref="TargetLabel"/>.</summary>
    [Parameter]
    public double? TargetLine { get; set; }

    /// <summary>A target per category (aligned with <see cref="Categories"/>, null for none), drawn as a marker on the first series' bar.</summary>
    [Parameter]
    public IReadOnlyList<double?>? Goals { get; set; }

    /// <summary>The label of <see cref="TargetLine"/> and <see cref="Goals"/> ("Target 95 %").</summary>
    [Parameter]
    public string? TargetLabel { get; set; }

    /// <summary>The text shown when there is nothing to draw.</summary>
    [Parameter]
    public string? NoDataText { get; set; }

    /// <summary>Draws in the dark palette; cascaded by the layout.</summary>
    [CascadingParameter(Name = "IsDarkMode")]
    public bool IsDarkMode { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed)
        {
            return;
        }
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await RenderChartAsync(Wanted());
        }
        if (_module is null || _rendered is null)
        {
            return;
        }
        // Compared after the first drawing too: parameters that changed while it was on its way (a wall's height and
        // type size, known once the screen has reported its size) would otherwise wait for the next change of data.
        var wanted = Wanted();
        if (!wanted.SameLook(_rendered))
        {
            await RenderChartAsync(wanted);
        }
        else if (!wanted.SameData(_rendered))
        {
            await _module.InvokeVoidAsync("update", Id, new { categories = wanted.Categories, series = ToJs(wanted.Series), goals = Goals });
            _rendered = wanted;
        }
    }

    private RenderedState Wanted() =>
        new(Type, Height, IsDarkMode, WholeNumbers, OptionsJson() + LookJson(), [.. Categories], [.. Series.Select(s => new ChartSeries(s.Name, [.. s.Values]))]);

    private async Task RenderChartAsync(RenderedState state)
    {
        if (_module is null)
        {
            return;
        }
        await _module.InvokeVoidAsync("render", _element, Id, new
        {
            type = state.Type switch
            {
                ApexChartType.Area => "area",
                ApexChartType.Bar or ApexChartType.HorizontalBar => "bar",
                ApexChartType.Donut => "donut",
                ApexChartType.Pie => "pie",
                _ => "line",
            },
            horizontal = state.Type == ApexChartType.HorizontalBar,
            height = state.Height,
            dark = state.Dark,
            locale = CultureInfo.CurrentCulture.Name,
            percentPattern = L["format.percent"].Value,
            fontSize = FontSize,
            targetLine = TargetLine,
            targetLabel = TargetLabel,
            goals = Goals,
            noDataText = NoDataText ?? "—",
            wholeNumbers = WholeNumbers,
            categories = state.Categories,
            series = ToJs(state.Series),
            options = Options,
        });
        _rendered = state;
    }

    // Font size and targets change the drawing, not only the data: a change redraws.
    private string LookJson() => JsonSerializer.Serialize(new { FontSize, TargetLine, TargetLabel, Goals });

    // Compared as JSON so that a page may build its options object on every render without forcing a redraw.
    private string? OptionsJson() => Options is null ? null : JsonSerializer.Serialize(Options);

    private static object[] ToJs(IReadOnlyList<ChartSeries> series) =>
        [.. series.Select(s => new { name = s.Name, values = s.Values })];

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is null)
        {
            return;
        }
        try
        {
            await _module.InvokeVoidAsync("destroy", Id);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the browser's page with it: nothing left to destroy.
        }
        _module = null;
    }

    private sealed record RenderedState(
        ApexChartType Type, int Height, bool Dark, bool WholeNumbers, string? Options, string[] Categories, ChartSeries[] Series)
    {
        public bool SameLook(RenderedState other) =>
            Type == other.Type && Height == other.Height && Dark == other.Dark &&
            WholeNumbers == other.WholeNumbers && Options == other.Options;

        public bool SameData(RenderedState other) =>
            Categories.AsSpan().SequenceEqual(other.Categories) &&
            Series.Length == other.Series.Length &&
            Series.Zip(other.Series).All(p => p.First.Name == p.Second.Name && p.First.Values.SequenceEqual(p.Second.Values));
    }
}
