using System.ComponentModel.DataAnnotations;

namespace Dashboard.Ingest.Reporting;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>SqlServer</c>.</summary>
    [Required]
    [RegularExpression("^(Sqlite|SqlServer)$", ErrorMessage = "Database:Provider must be 'Sqlite' or 'SqlServer'.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations at start-up (embedded mode). Production runs the <c>migrate</c> command instead.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
