using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>Settings of the ingest engine itself (<c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>
    /// A run whose heartbeat (every third of this) has stopped for this long is considered dead; its lease can be taken over.
    /// A living run keeps its lease however slow its source, up to <see cref="MaxRunMinutes"/>.
    /// </summary>
    [Range(30, 86400, ErrorMessage = "Ingest:LeaseSeconds must be between 30 and 86400.")]
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>
    /// Items committed in one transaction: pages are grouped until they hold at least this many (a feed's first group is
    /// eight full pages' worth, 8 × the source's page size, and each next one twice the last up to this; a group always ends with its feed, and a source failure first
    /// commits what was read; except on PostgreSQL, a group also ends when the source has no page ready). Each commit carries its watermark and ledger
    /// counts, so a killed run resumes after the last commit. Larger groups write each index page less often (a
    /// million staffing items: commits 7.4 s at 10,000, 2.3 s at 50,000); on SQLite other writers wait while a group
    /// is written (about 0.7 s for 50,000 items on 2 cores).
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Ingest:CommitItems must be between 1 and 100000.")]
    public int CommitItems { get; set; } = 50_000;

    /// <summary>Attempts at a page that answered but was not the contract's JSON, before the run fails.</summary>
    [Range(1, 10, ErrorMessage = "Ingest:InvalidPageAttempts must be between 1 and 10.")]
    public int InvalidPageAttempts { get; set; } = 3;

    /// <summary>
    /// Retries of a run that failed on the source's side (docs/OPERATIONS.md "Retry budget"); 0 leaves it to the next scheduled
    /// run. A retry is skipped when the schedule comes sooner anyway.
    /// </summary>
    [Range(0, 5, ErrorMessage = "Ingest:RunRetries must be between 0 and 5.")]
    public int RunRetries { get; set; } = 2;

    /// <summary>Wait before the first retry; each further retry waits five times longer (60 s, 5 min, 25 min…).</summary>
    [Range(5, 3600, ErrorMessage = "Ingest:RunRetryDelaySeconds must be between 5 and 3600.")]
    public int RunRetryDelaySeconds { get; set; } = 60;

    /// <summary>
    /// Longest run: then fetching stops, what was read is committed, and the run fails with that reason (the next run, or
    /// a retry, goes on from the watermark). Must be longer than <see cref="LeaseSeconds"/>.
    /// </summary>
    [Range(1, 1440, ErrorMessage = "Ingest:MaxRunMinutes must be between 1 and 1440.")]
    public int MaxRunMinutes { get; set; } = 60;

    /// <summary>
    /// Megabytes of page bodies one feed may hold at once, read ahead or waiting for their commit; a group is committed
    /// before it would exceed this (each source's pages are at most <c>Sources:&lt;Name&gt;:MaxPageBytes</c>).
    /// </summary>
    [Range(16, 4096, ErrorMessage = "Ingest:MaxBufferedMegabytes must be between 16 and 4096.")]
    public int MaxBufferedMegabytes { get; set; } = 256;

    /// <summary>Refresh every source once at start-up (and after a crash), so screens never start empty.</summary>
    public bool RefreshOnStart { get; set; } = true;

    /// <summary>
    /// Secret key of the keyed hash that replaces personal keys (NIP, NPWPD…); at least 32 characters, from the
    /// environment or user-secrets. Required with SQL Server (every node must hash alike); with SQLite an empty key
    /// means one generated once and kept in <c>data/pseudonym.key</c>.
    /// </summary>
    [MinLength(32, ErrorMessage = "Ingest:PseudonymKey must be at least 32 characters (a random secret from the environment or user-secrets).")]
    public string? PseudonymKey { get; set; }
}

/// <summary>Rules across sections: the pseudonym key is required outside the embedded SQLite mode.</summary>
public sealed class IngestOptionsValidator(IOptions<Reporting.DatabaseOptions> database) : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRunMinutes * 60L <= options.LeaseSeconds)
        {
            return ValidateOptionsResult.Fail(
                $"{IngestOptions.Section}:MaxRunMinutes ({options.MaxRunMinutes} min) must be longer than {IngestOptions.Section}:LeaseSeconds ({options.LeaseSeconds} s): the heartbeat keeps a run's lease until its time is up.");
        }
        return string.IsNullOrWhiteSpace(options.PseudonymKey) && database.Value.Provider != Reporting.DatabaseProvider.Sqlite
            ? ValidateOptionsResult.Fail(
                $"{IngestOptions.Section}:PseudonymKey is required with Database:Provider={database.Value.Provider}: every node must hash personal keys the same way.")
            : ValidateOptionsResult.Success;
    }
}
