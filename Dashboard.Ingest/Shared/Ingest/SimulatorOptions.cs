using System.ComponentModel.DataAnnotations;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Settings shared by every source simulator (<c>Sources:Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Sources:Simulator";

    /// <summary>Serve the simulators from this process and point sources without a BaseUrl at them.</summary>
    public bool Enabled { get; set; }

    /// <summary>Seed of every simulator's random generator: the same seed gives the same history.</summary>
    public int Seed { get; set; } = 20260601;

    /// <summary>Days of history generated at start (docs/DOMAIN.md §11 calibration).</summary>
    [Range(0, 3650, ErrorMessage = "Sources:Simulator:HistoryDays must be between 0 and 3650.")]
    public int HistoryDays { get; set; } = 365;

    /// <summary>
    /// Extra live activity per minute (new records and status changes) on top of the calibrated rate, so
    /// that a demo wall visibly moves. 0 keeps the calibrated rate only.
    /// </summary>
    [Range(0, 10000, ErrorMessage = "Sources:Simulator:DemoEventsPerMinute must be between 0 and 10000.")]
    public double DemoEventsPerMinute { get; set; }

    /// <summary>How often simulated time is advanced (new records and status changes applied).</summary>
    [Range(1, 3600, ErrorMessage = "Sources:Simulator:TickSeconds must be between 1 and 3600.")]
    public int TickSeconds { get; set; } = 5;

    /// <summary>
    /// Test switch: when set, every personal name a simulator emits (reporter, employee, family head, applicant)
    /// starts with this text, so a privacy test can scan the database and logs for it. Off (null) by default.
    /// </summary>
    [MaxLength(40, ErrorMessage = "Sources:Simulator:PersonalDataMarker must be at most 40 characters.")]
    public string? PersonalDataMarker { get; set; }

    /// <summary>A personal name as the simulators emit it: with <see cref="PersonalDataMarker"/> in front when set.</summary>
    public string PersonalName(string name) => PersonalDataMarker is { Length: > 0 } marker ? marker + " " + name : name;
}
