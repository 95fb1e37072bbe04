namespace Dashboard.Web.Shared.Charts;

/// <summary>The chart kinds <see cref="ApexChart"/> draws.</summary>
public enum ApexChartType
{
    Line = 0,
    Area = 1,
    Bar = 2,

    /// <summary>Bars along the x axis (categories on the y axis): long names such as categories and agencies.</summary>
    HorizontalBar = 3,
    Donut = 4,
    Pie = 5,
}

/// <summary>A named series of values aligned with the chart's categories; null is a gap.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);
