using System.ComponentModel.DataAnnotations;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Settings every source has (<c>Sources:&lt;Name&gt;</c>); a source's options class derives from this.</summary>
public abstract class SourceOptions
{
    /// <summary>Pull on a schedule. A disabled source can still be refreshed on demand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Base URL of the source's API. Empty while the simulator is enabled means "the built-in simulator".</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Bearer key sent as <c>Authorization: Bearer</c>. Left empty while the built-in simulator serves the
    /// source, a random key is generated for this process (client and simulator share it).
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Cron (5 fields, or 6 with seconds) of the recurring pull, in Asia/Jakarta time.</summary>
    [Required]
    public string Schedule { get; set; } = "*/1 * * * *";

    [Range(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(1, 600)]
    public int AttemptTimeoutSeconds { get; set; } = 20;

    /// <summary>Timeout of one page including its retries, from the request to the last byte of the body.</summary>
    [Range(1, 3600)]
    public int TotalTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Largest page body accepted, in bytes: a larger page fails (not retried) instead of being read. The default is a few
    /// MiB above the largest legal page at <c>limit=1000</c> of the simulators (about 0.6 MiB).
    /// </summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxPageBytes { get; set; } = DefaultMaxPageBytes;

    public const int DefaultMaxPageBytes = 4 * 1024 * 1024;

    [Range(0, 10)]
    public int Retries { get; set; } = 4;

    /// <summary>How long the circuit stays open after the source kept failing.</summary>
    [Range(1, 3600)]
    public int BreakSeconds { get; set; } = 60;
}
