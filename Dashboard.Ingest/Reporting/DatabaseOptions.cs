using System.ComponentModel.DataAnnotations;

namespace Dashboard.Ingest.Reporting;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default), <c>SqlServer</c> or <c>PostgreSql</c> (case-insensitive in configuration).</summary>
    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Database:Provider must be 'Sqlite', 'SqlServer' or 'PostgreSql'.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start-up (embedded mode). Production runs the <c>migrate</c> command instead.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>The reporting database's provider (<c>Database:Provider</c>); each has its own migrations.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
