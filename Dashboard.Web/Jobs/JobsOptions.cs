using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Jobs;

/// <summary>Hangfire (<c>Hangfire</c>): where jobs are stored and how many run at once on this node.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    /// <summary><c>InMemory</c> (one node), <c>SqlServer</c> (several nodes share the store) or <c>None</c> (no scheduler; tests).</summary>
    [Required]
    [RegularExpression("^(InMemory|SqlServer|PostgreSql|None)$", ErrorMessage = "Hangfire:Storage must be 'InMemory', 'SqlServer', 'PostgreSql' or 'None'.")]
    public string Storage { get; set; } = "InMemory";

    [Range(1, 64, ErrorMessage = "Hangfire:WorkerCount must be between 1 and 64.")]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Path of Hangfire's own dashboard (administrators only; read-only for operators).</summary>
    [Required]
    public string DashboardPath { get; set; } = "/hangfire";
}
