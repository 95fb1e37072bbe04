using System.ComponentModel.DataAnnotations;

namespace Dashboard.Ingest.Reporting;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default), <c>SqlServer</c> or <c>PostgreSql</c>.</summary>
    [Required]
    [RegularExpression("^(Sqlite|SqlServer|PostgreSql)$", ErrorMessage = "Database:Provider must be 'Sqlite', 'SqlServer' or 'PostgreSql'.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations at start-up (embedded mode). Production runs the <c>migrate</c> command instead.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
