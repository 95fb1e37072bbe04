namespace Dashboard.Tests.Shared;

/// <summary>
/// The national holidays and cuti bersama of 2025 and 2026 (SKB 3 Menteri), written out again for the tests'
/// oracles, independently of the product's catalogue, as the days a working-day rule must skip besides weekends.
/// </summary>
internal static class OfficialDaysOff
{
    private static readonly HashSet<DateTime> Days =
    [
        .. new[] { (1, 1), (1, 27), (1, 28), (1, 29), (3, 28), (3, 29), (3, 31), (4, 1), (4, 2), (4, 3), (4, 4), (4, 7), (4, 18),
            (4, 20), (5, 1), (5, 12), (5, 13), (5, 29), (5, 30), (6, 1), (6, 6), (6, 9), (6, 27), (8, 17), (9, 5), (12, 25), (12, 26) }
            .Select(d => new DateTime(2025, d.Item1, d.Item2)),
        .. new[] { (1, 1), (1, 16), (2, 16), (2, 17), (3, 18), (3, 19), (3, 20), (3, 21), (3, 22), (3, 23), (3, 24), (4, 3), (4, 5),
            (5, 1), (5, 14), (5, 15), (5, 27), (5, 28), (5, 31), (6, 1), (6, 16), (8, 17), (8, 25), (12, 24), (12, 25) }
            .Select(d => new DateTime(2026, d.Item1, d.Item2)),
    ];

    /// <summary>A weekend day or an official day off.</summary>
    public static bool IsOff(DateTime day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Days.Contains(day.Date);

    public static bool IsOff(DateOnly day) => IsOff(day.ToDateTime(TimeOnly.MinValue));

    public static int Count => Days.Count;
}
