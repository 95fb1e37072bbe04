using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Web.Shared.Localization;

namespace Dashboard.Web.Shared.Tiles;

/// <summary>One point of a tile's sparkline: a WIB day and its value (null where the day has none).</summary>
public readonly record struct SparkPoint(DateOnly Date, double? Value);

/// <summary>
/// Everything a <see cref="KpiTile"/> shows about one indicator at one scope: its definition, current value,
/// the target valid today, the last 30 days, and how fresh its source is. Built by <see cref="KpiTileLoader"/>.
/// </summary>
public sealed record KpiTileModel
{
    public required string Code { get; init; }
    public required string NameId { get; init; }
    public required string NameEn { get; init; }
    public string? DefinitionId { get; init; }
    public string? DefinitionEn { get; init; }
    public IndicatorUnit Unit { get; init; }
    public IndicatorDirection Direction { get; init; }
    public double Tolerance { get; init; }
    public required string Source { get; init; }
    public int CadenceMinutes { get; init; }
    public int FreshnessMinutes { get; init; }
    public required string ScopeCode { get; init; }

    /// <summary>True when a snapshot exists for this indicator and scope.</summary>
    public bool HasSnapshot { get; init; }
    public double? Value { get; init; }

    /// <summary>The snapshot's categorical answer (top category) or the reason its value is empty.</summary>
    public string? Label { get; init; }
    public DateTimeOffset? ComputedAt { get; init; }
    /// <summary>The day the value describes: before today when today has no value yet and the last known one is shown.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>True when the value shown is an earlier day's (<see cref="AsOf"/>) because <paramref name="today"/> has none yet.</summary>
    public bool IsCarriedOn(DateOnly today) => AsOf is { } asOf && asOf < today && (Value is not null || Label is not null);

    /// <summary>The target of the most specific period that contains today (month before quarter before year).</summary>
    public double? Target { get; init; }
    public TargetPeriod? TargetPeriod { get; init; }

    /// <summary>A band's lower bound on the day (<see cref="IndicatorTarget.Floor"/>): below it off track, up to <see cref="Target"/> at risk.</summary>
    public double? TargetFloor { get; init; }

    /// <summary>The last 30 WIB days, oldest first.</summary>
    public IReadOnlyList<SparkPoint> Sparkline { get; init; } = [];

    /// <summary>When the indicator's source last ingested successfully.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>True while a run of the source is in progress.</summary>
    public bool IsRunning { get; init; }

    /// <summary>True while an operator has paused the source's schedule (its data ages on purpose).</summary>
    public bool IsPaused { get; init; }

    /// <summary>When the pause ends by itself; null for a pause that lasts until an operator resumes the source.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>
    /// For an indicator computed per kelurahan, seen at the kota or a kecamatan: how many of the scope's kelurahan
    /// have a current value (<see cref="KelurahanTotal"/> of them); null otherwise.
    /// </summary>
    public int? KelurahanWithData { get; init; }

    public int KelurahanTotal { get; init; }

    /// <summary>Items the source's last run rejected into quarantine (0 or null: nothing to say).</summary>
    public int? LastRunRejected { get; init; }

    /// <summary>True when the latest value stands out from the sparkline's earlier days (<see cref="OutlierCheck"/>).</summary>
    public bool IsOutlier { get; init; }

    /// <summary>True when the tile has something to say about its data's quality.</summary>
    public bool HasQualityNotes => (KelurahanWithData is { } with && with < KelurahanTotal) || LastRunRejected > 0 || IsOutlier;

    public IndicatorStatus Status => IndicatorStatusEvaluator.Evaluate(Value, Target, Direction, Tolerance, TargetFloor);

    /// <summary>The instant the shown data is as fresh as: the source's last success, else the snapshot's computation.</summary>
    public DateTimeOffset? DataTime => LastSuccessAt ?? (HasSnapshot ? ComputedAt : null);

    public TimeSpan? AgeAt(DateTimeOffset now) => now - DataTime;

    /// <summary>
    /// True when the data is older than the indicator's freshness limit. An indicator that never had data is
    /// not "stale" but <see cref="IndicatorStatus.NoData"/>, which the tile shows on its own.
    /// </summary>
    public bool IsStaleAt(DateTimeOffset now) =>
        AgeAt(now) is { } age && FreshnessMinutes > 0 && age > TimeSpan.FromMinutes(FreshnessMinutes);

    /// <summary>The indicator's name in the language of <paramref name="culture"/>.</summary>
    public string NameIn(CultureInfo culture) => DashboardCultures.IsIndonesian(culture) ? NameId : NameEn;

    public string? DefinitionIn(CultureInfo culture) => DashboardCultures.IsIndonesian(culture) ? DefinitionId : DefinitionEn;
}
