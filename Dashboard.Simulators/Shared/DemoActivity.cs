namespace Dashboard.Simulators.Shared;

/// <summary>
/// How busy the city is by the hour (WIB), for demo activity: nobody files a complaint, pays a tax or checks in at
/// 03:00, so demo events that bring records forward or add new ones follow the day (none from midnight to 05:00, a few
/// at dawn, the full rate through office hours, fewer in the evening). Without it a demo at 04:00 showed more
/// "today" than any whole day in the chart.
/// </summary>
public static class DemoActivity
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // 00 … 23 WIB.
    private static readonly double[] Hours =
    [
        0, 0, 0, 0, 0, 0.2,
        1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1,
        0.4, 0.4, 0.4, 0.4, 0.1, 0.1,
    ];

    /// <summary>The share (0–1) of the configured demo rate at <paramref name="at"/>.</summary>
    public static double HourWeight(DateTimeOffset at) => Hours[at.ToOffset(Wib).Hour];
}
