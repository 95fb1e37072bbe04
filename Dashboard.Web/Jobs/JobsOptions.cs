using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Jobs;

/// <summary>Hangfire (<c>Hangfire</c>): where jobs are stored and how many run at once on this node.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    /// <summary><c>InMemory</c> (one node), <c>SqlServer</c> or <c>PostgreSql</c> (several nodes share the store) or <c>None</c> (no scheduler; tests).</summary>
    [EnumDataType(typeof(JobStorageMode), ErrorMessage = "Hangfire:Storage must be 'InMemory', 'SqlServer', 'PostgreSql' or 'None'.")]
    public JobStorageMode Storage { get; set; } = JobStorageMode.InMemory;

    /// <summary>Reads <c>Hangfire:Storage</c> where registration depends on it (an unknown value stops start-up naming the key).</summary>
    public static JobStorageMode ReadStorage(IConfiguration configuration) =>
        Dashboard.Ingest.Shared.ConfigurationModes.Read(configuration, $"{Section}:Storage", JobStorageMode.InMemory);

    [Range(1, 64, ErrorMessage = "Hangfire:WorkerCount must be between 1 and 64.")]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Path of Hangfire's own dashboard (administrators only; read-only for operators).</summary>
    [Required]
    public string DashboardPath { get; set; } = "/hangfire";
}

/// <summary>Where Hangfire keeps its jobs (<c>Hangfire:Storage</c>, case-insensitive in configuration).</summary>
public enum JobStorageMode
{
    InMemory,
    SqlServer,
    PostgreSql,
    None,
}
