namespace Dashboard.Ingest.Reporting;

/// <summary>Kota, kecamatan or kelurahan, keyed on its Kemendagri code (35.73, 35.73.02, 35.73.02.1001).</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }
    public int Population { get; set; }
    /// <summary>True where no published figure exists and the population is the kecamatan's share.</summary>
    public bool PopulationIsEstimate { get; set; }
}

public enum RegionLevel { Kota = 0, Kecamatan = 1, Kelurahan = 2 }

/// <summary>A city agency (Perangkat Daerah / OPD), keyed on the abbreviation the sources use.</summary>
public sealed class Agency
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>What an indicator value is about: the whole city, a region or an agency.</summary>
public enum ScopeKind { Kota = 0, Kecamatan = 1, Kelurahan = 2, Opd = 3, School = 4 }

public enum IndicatorUnit { Count = 0, Percent = 1, WorkingHours = 2, Per10k = 3, Rupiah = 4, Ratio = 5 }

public enum IndicatorDirection { Neutral = 0, HigherIsBetter = 1, LowerIsBetter = 2 }

/// <summary>Satu Data indicator metadata (MS-Ind style) for one catalogue entry.</summary>
public sealed class IndicatorDefinition
{
    public required string Code { get; set; }
    public int Number { get; set; }
    public required string NameId { get; set; }
    public required string NameEn { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionEn { get; set; }
    public required string Formula { get; set; }
    public IndicatorUnit Unit { get; set; }
    public IndicatorDirection Direction { get; set; }
    public required string OwnerOpd { get; set; }
    public required string Source { get; set; }
    public int CadenceMinutes { get; set; }
    public int FreshnessMinutes { get; set; }
    public string? LegalBasis { get; set; }
    /// <summary>Relative band (0.05 = 5 %) on the bad side of the target that still counts as "at risk".</summary>
    public double Tolerance { get; set; }
    public int DisplayOrder { get; set; }

    /// <summary>
    /// A running total over its target's period (realisation since 1 January): the target applies in proportion to the
    /// time elapsed, so on 10 June a yearly target of 100 % stands at 44,1 %.
    /// </summary>
    public bool Cumulative { get; set; }

    /// <summary>Notes for readers (caveats, known gaps); kept by administrators.</summary>
    public string? Notes { get; set; }

    /// <summary>Who last changed the metadata in the app, and when (null: as in the catalogue).</summary>
    public string? EditedBy { get; set; }

    public DateTimeOffset? EditedAt { get; set; }
}

public enum TargetPeriod { Year = 0, Quarter = 1, Month = 2 }

/// <summary>
/// A target of an indicator for one period (APBD year, triwulan or month). Rows from the catalogue have no
/// <see cref="SetBy"/>; an administrator's target for the same period takes precedence over them. A replaced or
/// withdrawn target is kept with <see cref="RetiredAt"/> set: the history of targets is never deleted.
/// </summary>
public sealed class IndicatorTarget
{
    public long Id { get; set; }
    public required string IndicatorCode { get; set; }
    public TargetPeriod Period { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public double Value { get; set; }

    /// <summary>
    /// A band's lower bound (the month targets of a banded indicator such as budget realisation): below it is off track,
    /// between it and <see cref="Value"/> at risk. Null: the indicator's tolerance sets the at-risk band.
    /// </summary>
    public double? Floor { get; set; }

    /// <summary>The administrator who set it in the app; null for the catalogue's targets.</summary>
    public string? SetBy { get; set; }
    public DateTimeOffset? SetAt { get; set; }
    public string? Reason { get; set; }

    /// <summary>When it was replaced or withdrawn (and by whom); null while in force.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    public string? RetiredBy { get; set; }
}

/// <summary>One point of an indicator's daily time series for one scope.</summary>
public sealed class IndicatorValue
{
    public long Id { get; set; }
    public required string IndicatorCode { get; set; }
    public ScopeKind ScopeKind { get; set; }
    public required string ScopeCode { get; set; }
    public DateOnly Date { get; set; }
    public double? Value { get; set; }
    public string? Label { get; set; }
}

/// <summary>The current value of an indicator for one scope, rewritten after every committed run.</summary>
public sealed class IndicatorSnapshot
{
    public required string IndicatorCode { get; set; }
    public required string ScopeCode { get; set; }
    public ScopeKind ScopeKind { get; set; }
    public DateOnly AsOf { get; set; }
    public double? Value { get; set; }
    /// <summary>A categorical answer (the top complaint category) or why <see cref="Value"/> is empty.</summary>
    public string? Label { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    public long? RunId { get; set; }
}

public enum IngestTrigger { Schedule = 0, Manual = 1, Recovery = 2, Startup = 3, Retry = 4 }

public enum IngestRunStatus { Running = 0, Succeeded = 1, Failed = 2, Skipped = 3, Interrupted = 4, Cancelled = 5 }

/// <summary>The ledger of every ingest run, one row a run, including skipped and interrupted ones.</summary>
public sealed class IngestRun
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public IngestTrigger Trigger { get; set; }
    public string? RequestedBy { get; set; }
    public string? Reason { get; set; }
    public required string Node { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public IngestRunStatus Status { get; set; }
    public int Pages { get; set; }
    public int ItemsRead { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Deleted { get; set; }
    public int Rejected { get; set; }
    /// <summary>Rows kept with an enum value the contract does not list (counted and flagged, not rejected).</summary>
    public int Flagged { get; set; }
    public DateTimeOffset? WatermarkBefore { get; set; }
    public DateTimeOffset? WatermarkAfter { get; set; }
    public string? Error { get; set; }

    /// <summary>For a retry: the failed run that started the chain (its first attempt).</summary>
    public long? RetryOfRunId { get; set; }

    /// <summary>1 for a first attempt, 2 for the first retry, and so on.</summary>
    public int Attempt { get; set; } = 1;
}

/// <summary>Per-source lease (no overlapping runs, also across nodes) and last outcome.</summary>
public sealed class SourceState
{
    public required string Source { get; set; }
    public long? RunningRunId { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public long? LastRunId { get; set; }
    public IngestRunStatus? LastStatus { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public int ConsecutiveFailures { get; set; }
    /// <summary>
    /// The earliest day whose indicators are out of date: set in the same transaction as the rows that
    /// changed, cleared once the indicators are recomputed, so a crash in between is repaired by the next run.
    /// </summary>
    public DateOnly? KpiDirtyFrom { get; set; }

    /// <summary>Set while the schedule is paused: scheduled runs are skipped (a manual refresh still runs).</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>When the pause ends by itself; null pauses until someone resumes.</summary>
    public DateTimeOffset? PausedUntil { get; set; }

    public string? PausedBy { get; set; }

    public string? PauseReason { get; set; }

    /// <summary>An administrator's cron replacing the configured <c>Sources:&lt;Name&gt;:Schedule</c>; null runs on the configured one.</summary>
    public string? ScheduleOverride { get; set; }

    public string? ScheduleChangedBy { get; set; }

    /// <summary>The chain (first failed run) and attempt number the next <see cref="IngestTrigger.Retry"/> run continues.</summary>
    public long? PendingRetryOfRunId { get; set; }

    public int PendingRetryAttempt { get; set; }

    public DateTimeOffset? ScheduleChangedAt { get; set; }

    /// <summary>
    /// The run whose indicator recomputation committed last: a web node that compares it with what it has shown
    /// notices updates whose notification it missed (another node's commit while Redis was unreachable).
    /// </summary>
    public long? SnapshotVersion { get; set; }
}

/// <summary>
/// One operator or administrator action (refresh, pause, resume…), with who, when, why and the values before and
/// after. Written in the same transaction as the change; never updated or deleted by the app.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public string? Reason { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>How far a source's resource has been read: its items' <c>updated_at</c> high-water mark.</summary>
public sealed class SourceWatermark
{
    public required string Source { get; set; }
    public required string Resource { get; set; }
    public DateTimeOffset? Value { get; set; }
}

/// <summary>A source item that failed validation, kept (with personal fields removed) with its reason.</summary>
public sealed class QuarantinedItem
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string Resource { get; set; }
    public string? SourceItemId { get; set; }
    public long RunId { get; set; }
    public required string Reason { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>Set when the source later sent a valid version of the same item.</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>Set when an operator has looked at it (and, say, asked the source's owner to fix it).</summary>
    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }
}

/// <summary>Rows that every source's stored entities share: the source's own id and version time.</summary>
public interface ISourceEntity
{
    string Id { get; }
    DateTimeOffset UpdatedAt { get; }
}
