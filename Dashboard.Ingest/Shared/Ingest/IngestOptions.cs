using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

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
        return string.IsNullOrWhiteSpace(options.PseudonymKey) && database.Value.Provider != "Sqlite"
            ? ValidateOptionsResult.Fail(
                $"{IngestOptions.Section}:PseudonymKey is required with Database:Provider={database.Value.Provider}: every node must hash personal keys the same way.")
            : ValidateOptionsResult.Success;
    }
}
