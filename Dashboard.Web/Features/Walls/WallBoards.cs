using Dashboard.Ingest.Reporting;

namespace Dashboard.Web.Features.Walls;

/// <summary>A wall layout: the city overview (every domain's headlines) or one domain's indicators and trend.</summary>
/// <param name="Id">The id used in a screen's playlist and in the URL (<c>kota</c>, <c>aduan</c>…).</param>
/// <param name="Source">The domain's source system; null for the city overview.</param>
/// <param name="TitleKey">Text key of the board's title.</param>
public sealed record WallBoard(string Id, string? Source, string TitleKey)
{
    public bool IsOverview => Source is null;

    /// <summary>The evaluation meeting: the agency the presenter (<c>/rapat</c>) shows now.</summary>
    public bool IsMeeting => Id == WallBoards.Meeting;
}

/// <summary>The boards a screen can show, in the order the admin page offers them: the city, then every registered domain.</summary>
public static class WallBoards
{
    public const string Overview = "kota";

    public const string Meeting = "rapat";

    public static IReadOnlyList<WallBoard> All { get; } =
    [
        new(Overview, null, "wall.board." + Overview),
        .. DomainRegistry.All.Select(d => new WallBoard(d.Route, d.Source, d.WallTitleKey)),
        new(Meeting, Dashboard.Ingest.Shared.FollowUps.FollowUpsIndicators.Source, "wall.board." + Meeting),
    ];

    public static WallBoard? Find(string? id) => All.FirstOrDefault(b => string.Equals(b.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a stored or entered list (<c>kota, aduan</c>), dropping unknown ids and repeats.</summary>
    public static IReadOnlyList<WallBoard> Parse(string? boards) =>
        [.. (boards ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Find).OfType<WallBoard>().Distinct()];

    public static string Format(IEnumerable<WallBoard> boards) => string.Join(',', boards.Select(b => b.Id));
}

/// <summary>One step of a screen's rotation: a board at a scope (the kota or one kecamatan).</summary>
public sealed record WallStep(WallBoard Board, string ScopeCode)
{
    public string Key => ScopeCode == ReferenceData.KotaCode ? Board.Id : $"{Board.Id}@{ScopeCode}";
}

/// <summary>
/// The rotation schedule, a pure function of the server's clock: the step on screen is
/// floor(unix seconds / interval) modulo the number of steps, so every screen with the same playlist and interval
/// shows the same step at the same moment without talking to each other, and a screen that reloads lands in step.
/// </summary>
public static class WallSchedule
{
    /// <summary>The steps of a playlist; with <paramref name="rotateRegions"/> each board goes over the 5 kecamatan, then the kota.</summary>
    public static IReadOnlyList<WallStep> Steps(IReadOnlyList<WallBoard> boards, bool rotateRegions)
    {
        ArgumentNullException.ThrowIfNull(boards);
        var list = boards.Count == 0 ? [WallBoards.Find(WallBoards.Overview)!] : boards;
        if (!rotateRegions)
        {
            return [.. list.Select(b => new WallStep(b, ReferenceData.KotaCode))];
        }
        var kecamatan = ReferenceData.Kecamatan.OrderBy(k => k.Code, StringComparer.Ordinal).Select(k => k.Code).ToList();
        return [.. list.SelectMany(b => kecamatan.Append(ReferenceData.KotaCode).Select(scope => new WallStep(b, scope)))];
    }

    /// <summary>The index of the step on screen at <paramref name="now"/>, shifted by <paramref name="offset"/> steps.</summary>
    public static int IndexAt(DateTimeOffset now, int count, TimeSpan interval, int offset = 0)
    {
        if (count <= 1)
        {
            return 0;
        }
        var slot = now.ToUnixTimeMilliseconds() / (long)interval.TotalMilliseconds;
        return (int)(((slot + offset) % count + count) % count);
    }

    /// <summary>When the step after the one at <paramref name="now"/> starts.</summary>
    public static DateTimeOffset NextChangeAfter(DateTimeOffset now, TimeSpan interval)
    {
        var ms = (long)interval.TotalMilliseconds;
        var slot = now.ToUnixTimeMilliseconds() / ms;
        return DateTimeOffset.FromUnixTimeMilliseconds((slot + 1) * ms);
    }
}
