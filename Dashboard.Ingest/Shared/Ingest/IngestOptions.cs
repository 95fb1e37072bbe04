using System.ComponentModel.DataAnnotations;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Settings of the ingest engine itself (<c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>A run that has not committed a page for this long is considered dead; its lease can be taken over.</summary>
    [Range(30, 86400, ErrorMessage = "Ingest:LeaseSeconds must be between 30 and 86400.")]
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>Attempts at a page that answered but was not the contract's JSON, before the run fails.</summary>
    [Range(1, 10, ErrorMessage = "Ingest:InvalidPageAttempts must be between 1 and 10.")]
    public int InvalidPageAttempts { get; set; } = 3;

    /// <summary>Refresh every source once at start-up (and after a crash), so screens never start empty.</summary>
    public bool RefreshOnStart { get; set; } = true;
}
